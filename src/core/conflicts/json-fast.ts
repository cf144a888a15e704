/**
 * A fast path for large JSON config sets (issue 4's bench: 200 files x 5,000 keys). Values come
 * from JSON.parse; one hop-between-strings pass then (a) counts the member names in the text and
 * (b) records the positions of the few pointers a report needs. JSON.parse accepts exactly
 * RFC 8259 except that it silently keeps the last of two duplicate keys; comparing the counted
 * names with the keys in the parsed value catches that, and the caller then parses the file
 * strictly (parseDocument) so the duplicate is reported instead of trusted.
 */
import type { Position } from "../parse/index.js";
import { escapeToken } from "../pointer.js";
import { isMap } from "./values.js";

interface Span {
  /** Offset of the member name (-1 for list items and the root), value start, value end. */
  ks: number;
  ke: number;
  vs: number;
  ve: number;
}

interface Frame {
  obj: boolean;
  /** Pointer of this container when it lies on a wanted path, else null (not tracked). */
  ptr: string | null;
  index: number;
  expectKey: boolean;
  key: string | null;
  ks: number;
  ke: number;
  vs: number;
}

/** Number of object member names in parsed data (lists and nested maps included). */
export function countKeys(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
    } else if (isMap(v)) {
      const keys = Object.keys(v);
      n += keys.length;
      for (const k of keys) {
        const x = v[k];
        if (x !== null && typeof x === "object") stack.push(x);
      }
    }
  }
  return n;
}

/**
 * One pass over valid JSON text: the number of member names, and spans for `wanted` pointers.
 * The text must already have been accepted by JSON.parse.
 */
export function scanJson(text: string, wanted: ReadonlySet<string>): { keys: number; spans: Map<string, Span> } {
  const prefixes = new Set<string>();
  for (const w of wanted) {
    prefixes.add(w);
    for (let i = w.lastIndexOf("/"); i >= 0; i = i === 0 ? -1 : w.lastIndexOf("/", i - 1)) prefixes.add(w.slice(0, i));
  }
  const spans = new Map<string, Span>();
  const stack: Frame[] = [];
  let keys = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let pendingKs = -1;
  let pendingKe = -1;
  /** Pointer for a value starting now, or null when its path is not wanted. */
  const childPtr = (): string | null => {
    const top = stack[stack.length - 1];
    if (!top) return prefixes.has("") ? "" : null;
    if (top.ptr === null) return null;
    const p = top.ptr + "/" + (top.obj ? escapeToken(top.key!) : String(top.index));
    return prefixes.has(p) ? p : null;
  };
  const endValue = (ptr: string | null, vs: number, ve: number, ks: number, ke: number) => {
    if (ptr !== null && wanted.has(ptr)) spans.set(ptr, { ks, ke, vs, ve });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44 /* , */) {
      if (c === 44) {
        const top = stack[stack.length - 1]!;
        if (top.obj) top.expectKey = true;
        else top.index++;
      }
      i++;
      continue;
    }
    if (c === 58 /* : */) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 34 /* " */) {
      // Find the closing quote: the next quote not preceded by an odd run of backslashes.
      let e = i + 1;
      for (;;) {
        e = text.indexOf('"', e);
        let b = e - 1;
        while (text.charCodeAt(b) === 92) b--;
        if ((e - 1 - b) % 2 === 0) break;
        e++;
      }
      if (top && top.obj && top.expectKey) {
        keys++;
        top.expectKey = false;
        if (top.ptr !== null) {
          const raw = text.slice(i + 1, e);
          top.key = raw.includes("\\") ? (JSON.parse(text.slice(i, e + 1)) as string) : raw;
        }
        pendingKs = i;
        pendingKe = e + 1;
      } else {
        endValue(childPtr(), i, e + 1, top?.obj ? pendingKs : -1, top?.obj ? pendingKe : -1);
      }
      i = e + 1;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const ptr = childPtr();
      if (ptr === null) {
        // Off every wanted path: only count its member names and find its end.
        const r = skipContainer(text, i);
        keys += r.keys;
        i = r.end;
        continue;
      }
      const obj = c === 123;
      stack.push({ obj, ptr, index: 0, expectKey: obj, key: null, ks: top?.obj ? pendingKs : -1, ke: top?.obj ? pendingKe : -1, vs: i });
      i++;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      const done = stack.pop()!;
      endValue(done.ptr, done.vs, i + 1, done.ks, done.ke);
      i++;
      continue;
    }
    // A number, true, false or null: up to the next delimiter.
    let e = i + 1;
    while (e < n) {
      const d = text.charCodeAt(e);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      e++;
    }
    endValue(childPtr(), i, e, top?.obj ? pendingKs : -1, top?.obj ? pendingKe : -1);
    i = e;
  }
  return { keys, spans };
}

/** End offset of the container starting at `start`, and the member names inside it. */
function skipContainer(text: string, start: number): { end: number; keys: number } {
  let depth = 0;
  let keys = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let e = text.indexOf('"', i + 1);
      while (text.charCodeAt(e - 1) === 92) {
        let b = e - 1;
        while (text.charCodeAt(b) === 92) b--;
        if ((e - 1 - b) % 2 === 0) break;
        e = text.indexOf('"', e + 1);
      }
      i = e + 1;
      let d = text.charCodeAt(i);
      while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++i);
      if (d === 58) {
        keys++;
        i++;
      }
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return { end: i + 1, keys };
    }
    i++;
  }
  return { end: n, keys };
}

/**
 * 1-based line and column (UTF-16 code units) of each offset, counting line breaks forward once:
 * no table of every line start is built, as only a few offsets per file are ever asked for.
 */
export function linesAndColumns(text: string, offsets: readonly number[]): Map<number, { line: number; column: number }> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf("\n");
  for (const off of sorted) {
    while (next >= 0 && next < off) {
      line++;
      lineStart = next + 1;
      next = text.indexOf("\n", lineStart);
    }
    out.set(off, { line, column: off - lineStart + 1 });
  }
  return out;
}

/**
 * A JSON file read through the fast path: `value` from JSON.parse; positions after `prepare`
 * (one scan for every pointer a report needs); `duplicateKeys` true when the text names more
 * members than the value holds, i.e. JSON.parse dropped a duplicate.
 */
export class FastJsonDoc {
  private spans = new Map<string, Span>();
  private lines = new Map<number, { line: number; column: number }>();
  private textKeys = -1;
  private valueKeys = -1;
  constructor(
    readonly text: string,
    readonly value: unknown,
  ) {}

  prepare(pointers: Iterable<string>, valueKeys?: number): void {
    const r = scanJson(this.text, new Set(pointers));
    this.spans = r.spans;
    this.textKeys = r.keys;
    const offsets: number[] = [];
    for (const sp of r.spans.values()) offsets.push(sp.vs, sp.ve, ...(sp.ks >= 0 ? [sp.ks, sp.ke] : []));
    this.lines = linesAndColumns(this.text, offsets);
    if (valueKeys !== undefined) this.valueKeys = valueKeys;
  }

  /** True when JSON.parse dropped a duplicate key (the text names more members than the value holds). */
  get duplicateKeys(): boolean {
    if (this.textKeys < 0) this.prepare([]);
    if (this.valueKeys < 0) this.valueKeys = countKeys(this.value);
    return this.textKeys !== this.valueKeys;
  }

  private pos(start: number, end: number): Position {
    const s = this.lines.get(start)!;
    const e = this.lines.get(end)!;
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }

  locate(pointer: string): Position | undefined {
    const s = this.spans.get(pointer);
    return s ? this.pos(s.vs, s.ve) : undefined;
  }

  locateKey(pointer: string): Position | undefined {
    const s = this.spans.get(pointer);
    return s && s.ks >= 0 ? this.pos(s.ks, s.ke) : undefined;
  }
}
