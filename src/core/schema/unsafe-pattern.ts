/**
 * Regular expressions that can take exponential time: a schema's `pattern` or
 * `patternProperties` key is a regex run by V8's backtracking engine, and a pattern such as
 * `^(a+)+$` against `"aaaa…!"` (30 characters) freezes the check for minutes: the pre-commit
 * hook hangs, a CI job times out with no finding. The schema comes from the repository (a pull
 * request can add or change one), so such patterns are refused before ajv compiles them. Pure.
 *
 * What is refused is the classic catastrophic shape only, so no valid schema is blocked for
 * style: a group repeated without bound (`+`, `*`, `{n,}`) whose body can be split between
 * iterations in many ways, because every part of one of its alternatives is itself optional or
 * repeated, and one of them unbounded (`(a+)+`, `(\w+\s?)*`, `(\d+(\.\d+)?)+`). A repeated group
 * with a fixed part (`([a-z]+-)*`, `(\.\w+)*`) matches one way and is allowed, and so does one
 * whose iterations cannot share a character at their boundary (`( +\S+)*`: an iteration ends in
 * \S, the next begins with a space). Overlapping alternatives (`(a|aa)+`) are not detected.
 */

/** A pattern of a schema that can take exponential time, and where it is. */
interface UnsafePattern {
  pattern: string;
  /** JSON pointer (in the schema) to the `pattern` value or the `patternProperties` key. */
  pointer: string;
}

interface Quant {
  min: number;
  max: number;
}
interface Item {
  group?: Alt[];
  /** A leaf's own text (a character, a class, an escape): what it can match is probed from it. */
  atom?: string;
  quant: Quant;
}
type Alt = Item[];

const ONE: Quant = { min: 1, max: 1 };

/** Parse a pattern into groups of alternatives of items; undefined when it is not a regex we read (ajv reports it). */
function parse(src: string): Alt[] | undefined {
  let i = 0;
  const alts = (): Alt[] => {
    const out: Alt[] = [[]];
    while (i < src.length) {
      const c = src[i]!;
      if (c === ")") return out;
      if (c === "|") {
        i++;
        out.push([]);
        continue;
      }
      const cur = out[out.length - 1]!;
      const q = quant();
      if (q) {
        const last = cur[cur.length - 1];
        if (last && last.quant === ONE) last.quant = q;
        continue;
      }
      if (c === "(") {
        i++;
        if (src[i] === "?") {
          // (?: (?= (?! (?<= (?<! (?<name>
          i++;
          if (src[i] === "<" && src[i + 1] !== "=" && src[i + 1] !== "!") {
            const end = src.indexOf(">", i);
            if (end < 0) throw new Error("bad group");
            i = end + 1;
          } else i += src[i] === "<" ? 2 : 1;
        }
        const group = alts();
        if (src[i] !== ")") throw new Error("unclosed group");
        i++;
        cur.push({ group, quant: ONE });
        continue;
      }
      const start = i;
      if (c === "[") {
        i++;
        while (i < src.length && src[i] !== "]") i += src[i] === "\\" ? 2 : 1;
        if (i >= src.length) throw new Error("unclosed class");
        i++;
      } else if (c === "\\") {
        i += 2;
        if (src[i] === "{" && /[pPu]/.test(src[i - 1]!)) {
          const end = src.indexOf("}", i);
          i = end < 0 ? src.length : end + 1;
        }
      } else i++;
      cur.push({ atom: src.slice(start, i), quant: ONE });
    }
    return out;
  };
  /** A quantifier at i (consumed, with a lazy `?`), else undefined. */
  const quant = (): Quant | undefined => {
    const c = src[i];
    let q: Quant | undefined;
    if (c === "*") q = { min: 0, max: Infinity };
    else if (c === "+") q = { min: 1, max: Infinity };
    else if (c === "?") q = { min: 0, max: 1 };
    if (q) i++;
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 40));
      if (!m) return undefined; // a literal brace
      q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]) };
      i += m[0].length;
    } else return undefined;
    if (src[i] === "?") i++;
    return q;
  };
  try {
    const top = alts();
    return i === src.length ? top : undefined;
  } catch {
    return undefined;
  }
}

const flexible = (it: Item): boolean => it.quant.min !== 1 || it.quant.max !== 1 || (it.group !== undefined && it.group.some(allFlexible));
const allFlexible = (alt: Alt): boolean => alt.length > 0 && alt.every(flexible);
const unbounded = (it: Item): boolean => it.quant.max === Infinity || (it.group ?? []).some((a) => a.some(unbounded));

/**
 * Characters that stand for the classes patterns use (space, letters, digits, punctuation,
 * non-ASCII, controls): what an atom can match is approximated by which of these it matches.
 */
const PROBES = [..." \t\naAzZ09_-./:,;@*+=\\$#!~()[]{}|?^&%'\"<>`é\u00a0\u0000"];

/** The probes a leaf can match (its own characters among them), and whether it can match nothing; all when it is not a regex alone. */
function leafChars(atom: string): { chars: Set<string>; empty: boolean } {
  const probes = [...new Set([...PROBES, ...atom])];
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atom})$`, "u");
  } catch {
    try {
      re = new RegExp(`^(?:${atom})$`);
    } catch {
      return { chars: new Set(probes), empty: false };
    }
  }
  return { chars: new Set(probes.filter((p) => re.test(p))), empty: re.test("") };
}

/** The probes an item can start (or, with `fromEnd`, end) with, and whether it can match nothing. */
function edge(it: Item, fromEnd: boolean): { chars: Set<string>; empty: boolean } {
  let chars: Set<string>;
  let empty: boolean;
  if (it.group) {
    chars = new Set();
    empty = false;
    for (const alt of it.group) {
      const e = altEdge(alt, fromEnd);
      for (const c of e.chars) chars.add(c);
      empty ||= e.empty;
    }
  } else ({ chars, empty } = leafChars(it.atom ?? ""));
  return { chars, empty: empty || it.quant.min === 0 };
}

function altEdge(alt: Alt, fromEnd: boolean): { chars: Set<string>; empty: boolean } {
  const chars = new Set<string>();
  const items = fromEnd ? [...alt].reverse() : alt;
  for (const it of items) {
    const e = edge(it, fromEnd);
    for (const c of e.chars) chars.add(c);
    if (!e.empty) return { chars, empty: false };
  }
  return { chars, empty: true };
}

/**
 * Whether one iteration of a repeated group can end with a character the next can start with:
 * only then can a run of such characters be split between iterations in many ways. `( +\S+)*`
 * and `([^/]+/+)+` match one way (an iteration ends where the next one's first class begins).
 */
function iterationsOverlap(group: Alt[]): boolean {
  const it: Item = { group, quant: ONE };
  const first = edge(it, false).chars;
  for (const c of edge(it, true).chars) if (first.has(c)) return true;
  return false;
}

/**
 * Whether an alternative holds an unbounded item and nothing else that must match: then the
 * boundary between two outer iterations can fall between any two repetitions of that item
 * (`((ab)+)+`, `(\d+(\.\d+)?)+`), whatever characters it matches.
 */
function splitsInside(alt: Alt): boolean {
  return alt.some((u) => unbounded(u) && alt.every((o) => o === u || edge(o, false).empty));
}

/** True when the pattern has the catastrophic shape described in the file comment. */
export function isUnsafePattern(pattern: string): boolean {
  const top = parse(pattern);
  if (!top) return false;
  const bad = (alts: Alt[]): boolean =>
    alts.some((alt) =>
      alt.some(
        (it) =>
          it.group !== undefined &&
          ((it.quant.max === Infinity &&
            it.group.some((a) => allFlexible(a) && a.some(unbounded) && (splitsInside(a) || iterationsOverlap(it.group!)))) ||
            bad(it.group)),
      ),
    );
  return bad(top);
}

const DATA_KEYWORDS = new Set(["const", "enum", "examples", "default"]);

/** Every unsafe `pattern` and `patternProperties` key in a schema document. Iterative: a deep schema cannot overflow the stack. */
export function unsafePatterns(schema: unknown): UnsafePattern[] {
  const out: UnsafePattern[] = [];
  const stack: [unknown, string][] = [[schema, ""]];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((v, k) => [String(k), v]) : Object.entries(node);
    for (const [k, v] of entries) {
      const here = `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!Array.isArray(node) && DATA_KEYWORDS.has(k)) continue;
      if (!Array.isArray(node) && k === "pattern" && typeof v === "string") {
        if (isUnsafePattern(v)) out.push({ pattern: v, pointer: here });
        continue;
      }
      if (!Array.isArray(node) && k === "patternProperties" && v !== null && typeof v === "object" && !Array.isArray(v)) {
        for (const key of Object.keys(v)) {
          if (isUnsafePattern(key)) out.push({ pattern: key, pointer: `${here}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` });
        }
      }
      stack.push([v, here]);
    }
  }
  return out;
}
