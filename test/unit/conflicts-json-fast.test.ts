import { describe, expect, it } from "vitest";
import { FastJsonDoc, scanJson, summarize } from "../../src/core/conflicts/json-fast.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const TEXT = `{
  "a": {"b": [1, {"c": "x\\"y"}, [true, null]], "e\\u00e9": -1.5e3},
  "k/~": "v",
  "s": "\\\\",
  "empty": {},
  "list": []
}
`;

describe("FastJsonDoc", () => {
  it("counts member names like the parsed value holds them", () => {
    const value = JSON.parse(TEXT);
    expect(scanJson(Buffer.from(TEXT), new Set()).keys).toBe(summarize(value).keys);
    expect(summarize(value)).toEqual({ keys: 8, nonFinite: false, shallow: true });
  });

  it("detects a duplicate key JSON.parse silently dropped, even nested or in a list", () => {
    for (const text of ['{"a": 1, "a": 2}', '{"x": {"b": 1, "b": 1}}', '[{"k": 1, "k": 2}]']) {
      expect(new FastJsonDoc(Buffer.from(text), JSON.parse(text)).strictNeeded).toBe(true);
    }
    expect(new FastJsonDoc(Buffer.from(TEXT), JSON.parse(TEXT)).strictNeeded).toBe(false);
  });

  it("after counting, stops a position scan at the last wanted value, with the same positions and verdict", () => {
    const pointers = ["/a/b/1/c", "/a/eé"];
    const full = scanJson(Buffer.from(TEXT), new Set(pointers));
    const early = scanJson(Buffer.from(TEXT), new Set(pointers), true);
    expect(early.complete).toBe(false);
    expect(early.keys).toBeLessThan(full.keys);
    expect([...early.found]).toEqual([...full.found]);
    const doc = new FastJsonDoc(Buffer.from(TEXT), JSON.parse(TEXT));
    expect(doc.strictNeeded).toBe(false);
    doc.prepare(pointers);
    expect(pointers.map((p) => doc.locate(p))).toEqual(pointers.map((p) => full.found.get(p)!.value));
    expect(doc.strictNeeded).toBe(false); // the partial count did not replace the full one
    // A pointer that is not there: the scan reads to the end and finds nothing.
    expect(scanJson(Buffer.from(TEXT), new Set(["/nope"]), true).complete).toBe(true);
  });

  it("gives the same value and key positions as the strict parser", () => {
    const pointers = ["/a", "/a/b", "/a/b/0", "/a/b/1/c", "/a/b/2/1", "/a/eé", "/k~1~0", "/s", "/empty", "/list"];
    const fast = new FastJsonDoc(Buffer.from(TEXT), JSON.parse(TEXT));
    fast.prepare(pointers);
    const strict = parseDocument(TEXT, { path: "x.json" });
    for (const p of pointers) {
      const f = fast.locate(p);
      const s = strict.locate(p);
      expect({ p, line: f?.line, column: f?.column }).toEqual({ p, line: s?.line, column: s?.column });
      const fk = fast.locateKey(p);
      const sk = strict.locateKey(p);
      if (sk) expect({ p, line: fk?.line, column: fk?.column }).toEqual({ p, line: sk.line, column: sk.column });
    }
  });

  it("finds wanted member names however their first character is written, beside names it need not decode", () => {
    // x spelt as an escape, a name starting with a non-ASCII letter, the empty name, names
    // starting with "~" and "/", among siblings whose first byte rules them out at once.
    const text = `{\n  "k1": 1,\n  "\\u0078": {"k": 0, "y": 2},\n  "é1": 3,\n  "": 4,\n  "~a": 5,\n  "/b": 6,\n  "k2": [7]\n}\n`;
    const pointers = ["/x/y", "/é1", "/", "/~0a", "/~1b", "/k2/0"];
    const strict = parseDocument(text, { path: "x.json" });
    const at = (p: string, loc: (p: string) => { line: number; column: number } | undefined) => {
      const l = loc(p);
      return l && { line: l.line, column: l.column };
    };
    // Twice: the second scan reuses the index the first one built for the same pointers.
    for (let round = 0; round < 2; round++) {
      const fast = new FastJsonDoc(Buffer.from(text), JSON.parse(text));
      fast.prepare(pointers);
      for (const p of pointers) {
        expect({ p, at: at(p, (q) => fast.locate(q)) }).toEqual({ p, at: at(p, (q) => strict.locate(q)) });
        expect({ p, at: at(p, (q) => fast.locateKey(q)) }).toEqual({ p, at: at(p, (q) => strict.locateKey(q)) });
      }
      expect(fast.locate("/x/y")).toBeDefined();
    }
    // Another set of pointers in between: each scan answers for its own set.
    const other = scanJson(Buffer.from(text), new Set(["/k1"]));
    expect([...other.found.keys()]).toEqual(["/k1"]);
    expect(scanJson(Buffer.from(text), new Set(pointers)).found.size).toBe(pointers.length);
  });
});

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const NAMES = ["a", "b", "port", "k~1", "s/l", "é", "\u{1F600}x", 'q"', "back\\slash", "", "0", "10", "tab\tname"];
const STRINGS = ["", "x", "caf\u00e9", "\u{1F600}\u{1F600}", 'say "hi"', "a\\b", "line\nbreak", "\u2028", "/path/"];

function randomValue(r: ReturnType<typeof rng>, depth: number): unknown {
  const k = r.int(depth > 3 ? 5 : 8);
  if (k === 0) return r.int(2000) - 1000;
  if (k === 1) return r.pick([0.5, -2.25e-7, 1e21, 123456789012, 0]);
  if (k === 2) return r.pick(STRINGS);
  if (k === 3) return r.pick([true, false, null]);
  if (k === 4) return r.pick(STRINGS) + String(r.int(3));
  if (k === 5) return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
  const map: Record<string, unknown> = {};
  for (let i = r.int(5); i > 0; i--) map[r.pick(NAMES)] = randomValue(r, depth + 1);
  return map;
}

/** Valid JSON for `value` in a random layout: indentation, CRLF, escaped "/" and "é". */
function randomText(r: ReturnType<typeof rng>, value: unknown): string {
  let text = JSON.stringify(value, null, r.pick([0, 1, 2, 4, "\t"]));
  if (r.int(3) === 0) text = text.replace(/\n/g, "\r\n");
  // "/" and "é" occur only inside strings, so escaping all of them keeps the same data.
  if (r.int(3) === 0) text = text.replace(/\//g, "\\/");
  if (r.int(3) === 0) text = text.replace(/é/g, "\\u00e9");
  if (r.int(4) === 0) text = `\n  ${text}\n`;
  return text;
}

function allPointers(value: unknown, base = "", out: string[] = []): string[] {
  out.push(base);
  if (Array.isArray(value)) value.forEach((v, i) => allPointers(v, `${base}/${i}`, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) allPointers(v, `${base}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
  }
  return out;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe("the byte scan against the strict parser, on random documents", () => {
  it("finds every value and member name where the strict parser does, and counts the names", () => {
    const r = rng(4);
    for (let n = 0; n < 300; n++) {
      const value = { root: randomValue(r, 0), [r.pick(NAMES)]: randomValue(r, 1) };
      const text = randomText(r, value);
      // A few pointers, so most of the text is skipped (the fast part of the scan), or all of them.
      const pointers = r.int(3) === 0 ? allPointers(value) : allPointers(value).filter(() => r.int(4) === 0);
      const fast = new FastJsonDoc(Buffer.from(text), JSON.parse(text));
      fast.prepare(pointers);
      const strict = parseDocument(text, { path: "x.json" });
      expect(strict.ok).toBe(true);
      for (const p of pointers) {
        expect({ n, p, at: fast.locate(p) }).toEqual({ n, p, at: strict.locate(p) });
        expect({ n, p, at: fast.locateKey(p) }).toEqual({ n, p, at: strict.locateKey(p) });
      }
      const scan = scanJson(Buffer.from(text), new Set());
      expect(scan.keys).toBe(summarize(value).keys);
      expect(scan.maxDepth).toBe(depthOf(value));
      expect(fast.strictNeeded).toBe(false);
    }
  });

  it("answers a pointer it was not prepared for (a top level that is not a map)", () => {
    const text = "\n\n  [1, 2]\n";
    const fast = new FastJsonDoc(Buffer.from(text), JSON.parse(text));
    expect(fast.locate("")).toEqual(parseDocument(text, { path: "x.json" }).locate(""));
    expect(fast.locate("")).toMatchObject({ line: 3, column: 3 });
  });

  it("asks for the strict parser on a number JSON.parse turned into Infinity, or nesting past its limit", () => {
    for (const text of ['{"a": 1e400}', '{"a": [-1e309]}', "[".repeat(1001) + "]".repeat(1001)]) {
      expect(new FastJsonDoc(Buffer.from(text), JSON.parse(text)).strictNeeded).toBe(true);
    }
    const deepButAllowed = "[".repeat(1000) + "]".repeat(1000);
    expect(new FastJsonDoc(Buffer.from(deepButAllowed), JSON.parse(deepButAllowed)).strictNeeded).toBe(false);
  });
});
