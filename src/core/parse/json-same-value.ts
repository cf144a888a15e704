/**
 * Whether two members of a well-formed JSON (or JSONC) text, named by the offsets of their
 * quoted names, hold the same data: a repeated key whose values are equal loses nothing whichever
 * one a reader keeps (JSON.parse, serde_json and Jackson keep the last or refuse), so its finding
 * says so and the fix is to delete one. Called only for repeated keys of a text that scanned
 * clean; comments and trailing commas (JSONC) are the `strip` ranges the scanner found. Pure.
 */
import { isDeepStrictEqual } from "node:util";

/** Source length of a value compared at most. */
const MAX_COMPARED = 64 * 1024;

/** True when the members whose names start at `a` and `b` have equal values. */
export function sameJsonMemberValue(text: string, a: number, b: number, strip: readonly [number, number][]): boolean {
  try {
    const x = memberValue(text, a, strip);
    const y = memberValue(text, b, strip);
    return x !== undefined && y !== undefined && isDeepStrictEqual(x.value, y.value);
  } catch {
    return false; // NaN or Infinity for a reader that takes them: not compared
  }
}

/** The value of the member whose quoted name starts at `at`, or undefined when too long. */
function memberValue(text: string, at: number, strip: readonly [number, number][]): { value: unknown } | undefined {
  let i = skipString(text, at);
  i = skipBlank(text, i) + 1; // the colon
  const start = skipBlank(text, i);
  const end = skipValue(text, start);
  if (end - start > MAX_COMPARED) return undefined;
  let slice = text.slice(start, end);
  // Comments and trailing commas inside the value become spaces, as the reader skips them.
  for (const [s, e] of strip) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start) - start;
    const to = Math.min(e, end) - start;
    slice = slice.slice(0, from) + " ".repeat(to - from) + slice.slice(to);
  }
  return { value: JSON.parse(slice) };
}

/** After the string that opens at `i`. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return i;
}

/** The first offset from `i` that is neither white space nor a comment. */
function skipBlank(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else break;
  }
  return i;
}

/** After the (well-formed) value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c !== 123 && c !== 91) {
    while (i < text.length && !/[\s,\]}/]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    i = skipBlank(text, i);
    const d = text.charCodeAt(i);
    if (d === 34) {
      i = skipString(text, i);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return i;
}
