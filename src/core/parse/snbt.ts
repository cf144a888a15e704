/**
 * Minecraft's stringified NBT (SNBT), as its JsonToNBT reader (Minecraft 1.12; TagParser later)
 * reads a root compound: `{key: value, ...}` with keys quoted or bare, values a compound, a list
 * `[...]` or typed array `[B; ...]`/`[I; ...]`/`[L; ...]`, a quoted string (`"..."`, `'...'`, `\`
 * escaping only a quote or `\`) or a bare token (`0b`, `1.5f`, `12L`, `true`, `minecraft:stone`),
 * whose type its suffix decides and which is a string otherwise. A separator may end a compound or
 * list (`{a: 1,}`: the reader stops at `}` after a comma); nothing but whitespace may follow the
 * root ("Trailing data found"). Used for files a mod writes in SNBT under a `.json` name
 * (core/select/well-known-names.ts). Pure; iterative, so deep nesting cannot overflow the stack.
 */

/** Where and why the reading stopped, or the value read (compounds as objects, lists as arrays, tokens as strings). */
type SnbtResult = { ok: true; value: unknown } | { ok: false; offset: number; message: string; truncated: boolean };

/** The characters of a bare key or token (JsonToNBT's isAllowedInUnquotedString). */
const BARE = /[0-9A-Za-z_\-.+]/;

/** Java's Character.isWhitespace for the characters a text file holds (not U+FEFF, not U+00A0). */
function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || (c >= "\u001c" && c <= "\u001f");
}

/** Reads `text` as an SNBT root compound. */
export function readSnbt(text: string, maxDepth = 512): SnbtResult {
  let i = 0;
  const n = text.length;
  const fail = (message: string): SnbtResult => ({ ok: false, offset: Math.min(i, n), message, truncated: i >= n });
  const skip = () => {
    while (i < n && isSpace(text[i]!)) i++;
  };
  /** A quoted string at i (after its opening quote), or undefined when cut or badly escaped. */
  const quoted = (): string | undefined => {
    const q = text[i++]!;
    let out = "";
    while (i < n) {
      const c = text[i++]!;
      if (c === q) return out;
      if (c === "\\") {
        if (i >= n) return undefined;
        const e = text[i++]!;
        if (e !== q && e !== "\\") {
          i -= 2;
          return undefined;
        }
        out += e;
      } else out += c;
    }
    return undefined;
  };
  const bare = (): string => {
    const start = i;
    while (i < n && BARE.test(text[i]!)) i++;
    return text.slice(start, i);
  };

  // Each open container: the value being built and, for a compound, the key waiting for its value.
  type Frame = { kind: "compound"; value: Record<string, unknown>; key?: string } | { kind: "list"; value: unknown[] };
  const stack: Frame[] = [];
  let root: unknown;
  skip();
  if (text[i] !== "{")
    return fail(i >= n ? "expected a compound '{', found the end of the file" : `expected a compound '{', found ${show(text[i]!)}`);
  for (;;) {
    // At a value's start.
    skip();
    let value: unknown;
    let opened = false;
    const c = text[i];
    if (c === undefined) return fail("expected a value, found the end of the file");
    if (c === "{" || c === "[") {
      if (stack.length >= maxDepth) return fail(`nesting deeper than ${maxDepth} levels`);
      i++;
      if (c === "{") stack.push({ kind: "compound", value: {} });
      else {
        if (/^[BIL];/.test(text.slice(i, i + 2))) i += 2;
        stack.push({ kind: "list", value: [] });
      }
      opened = true;
    } else if (c === '"' || c === "'") {
      const s = quoted();
      if (s === undefined)
        return fail(i >= n ? "a quoted string is not closed before the end of the file" : "invalid escape sequence in a quoted string");
      value = s;
    } else {
      const token = bare();
      if (token === "") return fail(`expected a value, found ${show(c)}`);
      value = token;
    }
    // After a value (or an opened container): close what ends, then find the next value's place.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!opened) {
        if (top === undefined) {
          root = value;
          skip();
          return i < n ? fail(`unexpected ${show(text[i]!)} after the root compound (SNBT holds one)`) : { ok: true, value: root };
        }
        if (top.kind === "compound") top.value[top.key!] = value;
        else top.value.push(value);
        skip();
        if (text[i] === ",") {
          i++;
          skip();
        } else if (text[i] !== (top.kind === "compound" ? "}" : "]")) {
          return fail(
            i >= n
              ? "the file ends inside a compound or list"
              : `expected ',' or '${top.kind === "compound" ? "}" : "]"}', found ${show(text[i]!)}`,
          );
        }
      }
      opened = false;
      skip();
      const closer = top!.kind === "compound" ? "}" : "]";
      if (text[i] === closer) {
        i++;
        value = stack.pop()!.value;
        continue; // a closed container is a value of its parent
      }
      if (i >= n) return fail("the file ends inside a compound or list");
      if (top!.kind === "compound") {
        const k = text[i] === '"' || text[i] === "'" ? quoted() : bare();
        if (k === undefined || k === "")
          return fail(
            k === undefined && i >= n
              ? "a quoted key is not closed before the end of the file"
              : `expected a key, found ${show(text[i] ?? "")}`,
          );
        skip();
        if (text[i] !== ":")
          return fail(i >= n ? "expected ':' after a key, found the end of the file" : `expected ':' after a key, found ${show(text[i]!)}`);
        i++;
        top!.key = k;
      }
      break;
    }
  }
}

function show(c: string): string {
  if (c === "") return "the end of the file";
  const code = c.codePointAt(0)!;
  return code < 0x20 || code === 0xfeff || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : JSON.stringify(c);
}
