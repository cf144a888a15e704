/**
 * File names as git and the file system store them: any bytes but `/` and NUL (issue 14). Names
 * travel through the code as strings; a name that is not valid UTF-8 is decoded losslessly
 * ("surrogateescape", as Python does): each byte that is not part of a valid UTF-8 sequence
 * becomes the lone surrogate U+DC80..U+DCFF. No valid UTF-8 text decodes to a lone surrogate, so
 * such a string is unambiguous, and `nameBytes` gives the exact bytes back. Pure.
 */
import { isUtf8 } from "node:buffer";
import type { Finding } from "./finding.js";

/** Rule id of a name integrity-guard cannot handle: always an error, never a silent skip. */
const UNSUPPORTED_NAME_RULE = "path/unsupported-name";

/** Observation error code (core/manifest/model.ts) of a file whose name is unsupported. */
export const UNSUPPORTED_NAME_CODE = "EUNSUPPORTEDNAME";

/** A lone low surrogate standing for one raw byte (the `u` flag keeps valid pairs whole). */
const ESCAPED_BYTE = /[\uDC80-\uDCFF]/u;

/** Decode a file name's bytes: UTF-8 when valid, else with each stray byte kept as U+DC80+byte. */
export function decodeName(bytes: Uint8Array): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString("utf8");
  let out = "";
  let i = 0;
  while (i < buf.length) {
    const n = validSequenceLength(buf, i);
    if (n === 0) {
      out += String.fromCharCode(0xdc00 + buf[i]!);
      i++;
    } else {
      out += buf.toString("utf8", i, i + n);
      i += n;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence starting at `i` (RFC 3629: no overlongs, no surrogates), or 0. */
function validSequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Whether `name` holds bytes that are not valid UTF-8 (see decodeName). */
export function hasRawBytes(name: string): boolean {
  return ESCAPED_BYTE.test(name);
}

/** The exact bytes of a name decoded by decodeName (for fs calls and git input). */
export function nameBytes(name: string): Buffer {
  if (!hasRawBytes(name)) return Buffer.from(name, "utf8");
  const parts: Buffer[] = [];
  let text = "";
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    if (ch.length === 1 && cp >= 0xdc80 && cp <= 0xdcff) {
      parts.push(Buffer.from(text, "utf8"), Buffer.from([cp - 0xdc00]));
      text = "";
    } else text += ch;
  }
  parts.push(Buffer.from(text, "utf8"));
  return Buffer.concat(parts);
}

/**
 * Why integrity-guard cannot check the file `name` (repo-relative, `/`-separated), or undefined
 * when it can. The same test decides what `seal` writes and what a manifest may hold, so a name
 * `seal` accepts is never refused by `verify` as tampering:
 * - bytes that are not UTF-8: JSON (manifests, reports) and the GitHub API cannot carry them;
 * - a `..` segment when `\` is read as a separator (a backslash is an ordinary character on
 *   POSIX and is accepted, but `a\..\..\x` would leave the folder where `\` separates, on Windows).
 */
export function unsupportedNameReason(name: string): string | undefined {
  if (hasRawBytes(name)) return "the file name is not valid UTF-8";
  if (name.includes("\\") && name.split(/[\\/]/).includes(".."))
    return 'the file name holds a "..\\" or "\\.." segment (a path that leaves its folder on Windows)';
  return undefined;
}

/**
 * A name (or any text taken from a file) made safe to print: raw bytes as `\xNN`, control
 * characters (C0, DEL, C1), line and paragraph separators, bidi controls, characters that render
 * as nothing (INVISIBLE) and the backslash escaped, so a terminal, a log, an annotation or a
 * one-line report shows it as it is and cannot be steered.
 */
export function escapeName(name: string): string {
  return name.replace(UNSAFE_CHARS, (ch) => {
    const cp = ch.charCodeAt(0);
    if (ch === "\\") return "\\\\";
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    if (ch === "\t") return "\\t";
    if (cp >= 0xdc80 && cp <= 0xdcff) return `\\x${(cp - 0xdc00).toString(16).padStart(2, "0")}`;
    // The soft hyphen is below U+0100 but invisible, not a control: `\u00ad`, as the Markdown report always wrote it.
    if (cp < 0x100 && cp !== 0xad) return `\\x${cp.toString(16).padStart(2, "0")}`;
    return `\\u${cp.toString(16).padStart(4, "0")}`;
  });
}

/**
 * What escapeName rewrites. Besides controls and bidi controls, the characters that render as
 * nothing (zero-width space, joiners, word joiner and invisible operators, soft hyphen, Mongolian
 * vowel separator, combining grapheme joiner (outside the class: it combines), Hangul fillers): a pull request's
 * `data/state<U+200B>.json` was shown as `data/state.json` in annotations and the log, the name of
 * a file it did not touch. The backslash only when something else in the text is escaped
 * (needsEscape) would be more compact, but one rule is easier to read back: `\\` is a backslash.
 */
const UNSAFE_CHARS =
  /[\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\uFEFF\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0]|\u034f|[\uDC80-\uDCFF]/gu;
const NEEDS_ESCAPE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\uFEFF\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0]|\u034f|[\uDC80-\uDCFF]/u;

/** Whether escapeName would change more than backslashes (text that a terminal or log would interpret). */
function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** Text for display: unchanged when safe, else escapeName's form (so plain names stay readable). */
export function displayText(text: string): string {
  return needsEscape(text) ? escapeName(text) : text;
}

/**
 * The `path/unsupported-name` error for a file integrity-guard cannot handle; `outcome` says
 * what that meant ("validate did not check it"). `file` holds the escaped name (valid Unicode in
 * every report format); the fix renames it with the bytes spelled out.
 */
export function unsupportedNameFinding(name: string, reason: string, outcome: string): Finding {
  const shown = escapeName(name);
  return {
    rule: UNSUPPORTED_NAME_RULE,
    level: "error",
    file: shown,
    message: `${shown}: ${reason}, so ${outcome} (the name is shown with its bytes escaped)`,
    found: shown,
    // bash's printf turns the \xNN and \\ escapes back into bytes; % and ' are escaped for it.
    fix: `rename it to a UTF-8 name without "..": git mv "$(printf '${shown.replace(/%/g, "%%").replace(/'/g, "\\x27")}')" NEW-NAME`,
  };
}
