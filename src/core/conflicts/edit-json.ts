/**
 * Edit JSON text in place: each value is replaced where it stands (its bytes only), and a missing
 * key is inserted after the last member of its object, indented like its siblings. Everything
 * else (key order, spacing, number spelling such as 1.0 or 1e3, big integers) stays byte for
 * byte, which re-serialising with JSON.stringify would not keep.
 */
import { escapeToken, parsePointer } from "../pointer.js";
import type { TextEdit } from "./types.js";
import { setAtPath } from "./values.js";

interface Node {
  start: number;
  end: number;
  kind: "object" | "array" | "scalar";
  count: number;
  /** Offsets of the last member (objects): where its key starts and its value ends. */
  lastKeyStart: number;
  lastEnd: number;
}

class Scanner {
  i = 0;
  readonly nodes = new Map<string, Node>();
  constructor(
    private readonly text: string,
    private readonly wanted: ReadonlySet<string>,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  fail(what: string): never {
    throw new Error(`${what} at offset ${this.i}`);
  }

  ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  string(): string {
    const t = this.text;
    const s = this.i;
    if (t[s] !== '"') this.fail("expected a string");
    let j = s + 1;
    while (j < t.length && t[j] !== '"') j += t[j] === "\\" ? 2 : 1;
    if (j >= t.length) this.fail("unterminated string");
    this.i = j + 1;
    return JSON.parse(t.slice(s, j + 1)) as string;
  }

  value(pointer: string, depth: number): void {
    if (depth > 5000) this.fail("nesting too deep to edit");
    this.ws();
    const t = this.text;
    const start = this.i;
    const node: Node = { start, end: start, kind: "scalar", count: 0, lastKeyStart: -1, lastEnd: -1 };
    const c = t[this.i];
    if (c === "{") {
      node.kind = "object";
      this.i++;
      this.ws();
      if (t[this.i] === "}") this.i++;
      else {
        for (;;) {
          this.ws();
          const keyStart = this.i;
          const key = this.string();
          this.ws();
          if (t[this.i] !== ":") this.fail("expected ':'");
          this.i++;
          this.value(pointer + "/" + escapeToken(key), depth + 1);
          node.count++;
          node.lastKeyStart = keyStart;
          node.lastEnd = this.i;
          this.ws();
          if (t[this.i] === ",") this.i++;
          else if (t[this.i] === "}") {
            this.i++;
            break;
          } else this.fail("expected ',' or '}'");
        }
      }
    } else if (c === "[") {
      node.kind = "array";
      this.i++;
      this.ws();
      if (t[this.i] === "]") this.i++;
      else {
        for (;;) {
          this.value(pointer + "/" + node.count, depth + 1);
          node.count++;
          node.lastEnd = this.i;
          this.ws();
          if (t[this.i] === ",") this.i++;
          else if (t[this.i] === "]") {
            this.i++;
            break;
          } else this.fail("expected ',' or ']'");
        }
      }
    } else if (c === '"') {
      this.string();
    } else {
      while (this.i < t.length && !",}] \t\r\n".includes(t[this.i]!)) this.i++;
      if (this.i === start) this.fail("expected a value");
    }
    node.end = this.i;
    if (this.wanted.has(pointer)) this.nodes.set(pointer, node);
  }
}

/** The indentation unit of a JSON text: "" (one line), "\t", or N spaces. */
function detectJsonIndent(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return "";
  return m[1]!.startsWith("\t") ? "\t" : m[1]!;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function render(value: unknown, unit: string, base: string): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${value} cannot be written in JSON`);
  const s = JSON.stringify(value, null, unit || undefined);
  if (s === undefined) throw new Error("the value cannot be written in JSON");
  return unit ? s.replace(/\n/g, "\n" + base) : s;
}

export interface Splice {
  at: number;
  end: number;
  text: string;
  order: number;
}

/** Apply `edits` to JSON `text`; throws with the reason when an edit cannot be placed. */
export function editJsonText(text: string, edits: readonly TextEdit[]): string {
  const wanted = new Set<string>();
  for (const e of edits) {
    const tokens = parsePointer(e.pointer);
    for (let k = 0; k <= tokens.length; k++)
      wanted.add(
        tokens
          .slice(0, k)
          .map((t) => "/" + escapeToken(t))
          .join(""),
      );
  }
  const scanner = new Scanner(text, wanted);
  scanner.value("", 0);
  const unit = detectJsonIndent(text);
  const splices: Splice[] = [];
  // Insertions into the same object under the same new key are combined into one member.
  const inserts = new Map<string, { parent: Node; key: string; value: unknown; order: number }>();
  edits.forEach((e, order) => {
    const tokens = parsePointer(e.pointer);
    const node = scanner.nodes.get(e.pointer);
    if (node) {
      splices.push({ at: node.start, end: node.end, text: render(e.value, unit, lineIndent(text, node.start)), order });
      return;
    }
    let depth = tokens.length - 1;
    let parentPtr = "";
    for (; depth >= 0; depth--) {
      parentPtr = tokens
        .slice(0, depth)
        .map((t) => "/" + escapeToken(t))
        .join("");
      if (scanner.nodes.has(parentPtr)) break;
    }
    const parent = scanner.nodes.get(parentPtr);
    if (!parent || parent.kind !== "object") {
      throw new Error(`cannot add ${e.pointer}: ${parentPtr || "the top level"} is not an object`);
    }
    const key = tokens[depth]!;
    const id = parentPtr + "/" + escapeToken(key);
    const rest = tokens.slice(depth + 1);
    const prev = inserts.get(id);
    if (prev) prev.value = setAtPath(prev.value, rest, e.value);
    else inserts.set(id, { parent, key, value: setAtPath(rest.length ? {} : undefined, rest, e.value), order });
  });
  for (const ins of inserts.values()) {
    const { parent, key } = ins;
    const name = JSON.stringify(key);
    if (parent.count === 0) {
      const base = lineIndent(text, parent.start);
      const inner = unit
        ? `\n${base}${unit}${name}: ${render(ins.value, unit, base + unit)}\n${base}`
        : `${name}: ${render(ins.value, unit, "")}`;
      splices.push({ at: parent.start + 1, end: parent.end - 1, text: inner, order: ins.order });
    } else {
      const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", parent.lastKeyStart - 1) + 1, parent.lastKeyStart));
      const base = ownLine ? lineIndent(text, parent.lastKeyStart) : "";
      const member = ownLine ? `,\n${base}${name}: ${render(ins.value, unit, base)}` : `, ${name}: ${render(ins.value, "", "")}`;
      splices.push({ at: parent.lastEnd, end: parent.lastEnd, text: member, order: ins.order });
    }
  }
  return applySplices(text, splices);
}

/** Apply non-overlapping splices in one pass (O(text + edits)). */
export function applySplices(text: string, splices: Splice[]): string {
  splices.sort((a, b) => a.at - b.at || a.order - b.order);
  const parts: string[] = [];
  let pos = 0;
  for (const s of splices) {
    if (s.at < pos) throw new Error("two edits overlap");
    parts.push(text.slice(pos, s.at), s.text);
    pos = s.end;
  }
  parts.push(text.slice(pos));
  return parts.join("");
}
