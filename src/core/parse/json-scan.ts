/**
 * A strict RFC 8259 validator in one pass over the string (charCodeAt, explicit stack, no
 * recursion), reporting the first syntax error with its exact position, every duplicate key,
 * and numbers that overflow a double. It does not build values: when the text is valid,
 * JSON.parse (native, iterative in V8, several times faster than JS) builds them.
 *
 * Hand-written because no available library gives strict RFC 8259 + positions + duplicate keys
 * + bounded, non-recursive depth (jsonc-parser is lenient and does not flag duplicates;
 * JSON.parse gives no positions on Node 20 and keeps the last duplicate silently).
 */
import type { Finding } from "../finding.js";
import { toPointer } from "../pointer.js";
import type { LineIndex } from "./lines.js";
import { sameJsonMemberValue } from "./json-same-value.js";

interface ScanOptions {
  file: string;
  jsonc: boolean;
  maxDepth: number;
  /** Offset to start at (1 after a byte order mark). */
  start: number;
  /** Accept raw line breaks in strings (ARM templates); each is recorded in `breaks`. */
  lineBreaksInStrings?: boolean;
  /** Accept a comma before a closing bracket (JSONC whose reader allows it; JSON read by Godot's JSON class). */
  trailingCommas: boolean;
  /**
   * The reader, when it accepts NaN, Infinity and -Infinity as numbers (Python's json.loads):
   * each is a `parse/non-finite` warning and recorded in `nonFinite`. Unset: a syntax error.
   */
  nonFinite?: string;
  /** The reader, when it keeps one of a repeated member silently: a repeat with the same value is then a notice (ParseOptions.repeatsKeptBy). */
  repeatsKeptBy?: string;
}

interface ScanResult {
  findings: Finding[];
  /** True when the text is well-formed (duplicate keys and out-of-range numbers aside). */
  wellFormed: boolean;
  /** JSONC: [start, end) ranges (comments, trailing commas) to blank before JSON.parse. */
  strip: [number, number][];
  /** lineBreaksInStrings: offsets of the raw line breaks accepted inside strings, to escape before JSON.parse. */
  breaks: number[];
  /** nonFinite: [start, end) of each NaN, Infinity and -Infinity accepted, to replace before JSON.parse. */
  nonFinite: [number, number][];
}

const OBJ = 123; // {
const ARR = 91; // [
const MAX_FINDINGS = 100;
/** Deeper positions get no pointer: /0/0/0/... a thousand times helps nobody. */
const MAX_POINTER_DEPTH = 64;
/** A run of string characters that need no attention: not a quote, backslash, control character or surrogate. */
const PLAIN = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;

const FIX_QUOTES = "JSON strings and member names use double quotes";
const FIX_COMMENT = "JSON has no comments: remove it, or list the file under validate.jsonc in .integrity-guard/config.yml";
/** The `found` of a JSONC file's parse/empty error when comments were all it held (checks/empty-document.ts). */
export const EMPTY_BUT_COMMENTS = "only comments";
const FIX_TRUNCATED = "the file was cut short (an interrupted write?): restore it from git (git restore -- FILE) or a snapshot";

/**
 * Per-object member names, for duplicate detection. Names are kept as [start, end) ranges of
 * the quoted text and compared in place while the object is small (no string is allocated for
 * most keys); a Map of decoded names takes over for large objects or escaped names.
 */
class KeySet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  private map: Map<string, number> | undefined;
  /** The member being read: [start, end) of its quoted name; -1 before the first name. */
  private curStart = -1;
  private curEnd = -1;

  constructor(private readonly text: string) {}

  reset(): void {
    this.count = 0;
    this.map = undefined;
    this.curStart = -1;
  }

  /** Name of the member being read, undefined before the first one. */
  current(): string | undefined {
    return this.curStart < 0 ? undefined : decodeName(this.text, this.curStart, this.curEnd);
  }

  /** Records the quoted name at [start, end); returns the offset of an earlier definition, or -1. */
  add(start: number, end: number, escaped: boolean): number {
    this.curStart = start;
    this.curEnd = end;
    if (escaped && !this.map) this.toMap();
    if (this.map) {
      const name = decodeName(this.text, start, end);
      const prev = this.map.get(name);
      if (prev !== undefined) return prev;
      this.map.set(name, start);
      return -1;
    }
    const text = this.text;
    const length = end - start;
    const { starts, ends } = this;
    for (let k = 0; k < this.count; k++) {
      const s = starts[k]!;
      if (ends[k]! - s !== length) continue;
      let j = 1; // both start with a quote
      while (j < length && text.charCodeAt(s + j) === text.charCodeAt(start + j)) j++;
      if (j === length) return s;
    }
    starts[this.count] = start;
    ends[this.count] = end;
    this.count++;
    if (this.count > 12) this.toMap();
    return -1;
  }

  private toMap(): void {
    const map = new Map<string, number>();
    for (let k = 0; k < this.count; k++) map.set(decodeName(this.text, this.starts[k]!, this.ends[k]!), this.starts[k]!);
    this.map = map;
  }
}

/** The member name of the quoted (valid) string at [start, end). */
function decodeName(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

export class JsonScanner {
  private readonly len: number;
  private readonly kinds: number[] = [];
  private readonly opens: number[] = [];
  private readonly indices: number[] = [];
  private readonly keys: KeySet[] = [];
  private depth = 0;
  private readonly findings: Finding[] = [];
  private readonly strip: [number, number][] = [];
  private readonly breaks: number[] = [];
  private readonly nonFinite: [number, number][] = [];
  /** Each repeated key's finding and the offsets of its two names (their values compared at the end). */
  private readonly repeats: { finding: Finding; first: number; second: number }[] = [];
  private fatal = false;
  /** Set by string(): whether the last string had a backslash escape. */
  private escaped = false;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly options: ScanOptions,
  ) {
    this.len = text.length;
  }

  run(): ScanResult {
    this.scan();
    if (this.repeats.length > 0 && !this.fatal) this.sameValueRepeats();
    return { findings: this.findings, wellFormed: !this.fatal, strip: this.strip, breaks: this.breaks, nonFinite: this.nonFinite };
  }

  private scan(): number {
    const text = this.text;
    const len = this.len;
    const maxDepth = this.options.maxDepth;
    let i = this.ws(this.options.start);
    if (i < 0) return -1;
    if (i >= len) {
      // Comments and no value (JSONC): written on purpose, which a truncated write never leaves;
      // said apart so a reader that takes it (TypeScript's tsconfig) can make it a warning.
      const comments = this.strip.length > 0;
      const what = comments ? "file holds only comments, no value" : "file is empty (only whitespace)";
      this.fail("parse/empty", this.options.start, `${what}: an empty file is not JSON, often a truncated write`, {
        expected: "a JSON value",
        found: comments ? EMPTY_BUT_COMMENTS : "end of file",
        fix: "restore the file from git or a snapshot, or write a value such as {} or []",
      });
      return -1;
    }
    value: for (;;) {
      let c = text.charCodeAt(i);
      if (c === OBJ || c === ARR) {
        const d = this.depth;
        if (d >= maxDepth) {
          this.fail("parse/too-deep", i, `nesting deeper than ${maxDepth} levels`, {
            expected: `at most ${maxDepth} nested objects/arrays`,
            found: `level ${d + 1}`,
            fix: "flatten the data; validators and most JSON readers crash (stack overflow) on nesting this deep",
          });
          return -1;
        }
        this.kinds[d] = c;
        this.opens[d] = i;
        this.indices[d] = 0;
        if (c === OBJ) {
          // One KeySet per depth, reused: allocating one per object costs ~15% on big files.
          const keys = this.keys[d];
          if (keys) keys.reset();
          else this.keys[d] = new KeySet(text);
        }
        this.depth = d + 1;
        i = this.ws(i + 1);
        if (i < 0) return -1;
        const close = c === OBJ ? 125 : 93;
        if (text.charCodeAt(i) === close) {
          this.depth = d;
          i++;
        } else {
          if (c === OBJ) {
            i = this.member(i);
            if (i < 0) return -1;
          }
          continue value;
        }
      } else if (c === 34) {
        i = this.string(i);
        if (i < 0) return -1;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        i = c === 45 && this.options.nonFinite !== undefined && text.startsWith("-Infinity", i) ? this.nonFiniteWord(i, 9) : this.number(i);
        if (i < 0) return -1;
      } else if (c === 116 || c === 102 || c === 110) {
        const word = c === 116 ? "true" : c === 102 ? "false" : "null";
        if (text.startsWith(word, i)) i += word.length;
        else if (i + word.length > len && word.startsWith(text.slice(i))) return this.eof(i, "a literal");
        else return this.unexpectedValue(i);
      } else if (this.options.nonFinite !== undefined && (text.startsWith("NaN", i) || text.startsWith("Infinity", i))) {
        i = this.nonFiniteWord(i, c === 78 ? 3 : 8);
      } else {
        return this.unexpectedValue(i);
      }
      // After a complete value: a separator, a closing bracket, or (at the top) the end.
      for (;;) {
        i = this.ws(i);
        if (i < 0) return -1;
        const d = this.depth;
        if (d === 0) {
          if (i < len) this.extraData(i);
          return -1;
        }
        c = text.charCodeAt(i);
        const kind = this.kinds[d - 1]!;
        const close = kind === OBJ ? 125 : 93;
        if (c === 44) {
          const comma = i;
          i = this.ws(i + 1);
          if (i < 0) return -1;
          if (text.charCodeAt(i) === close) {
            if (this.options.trailingCommas) {
              this.strip.push([comma, comma + 1]);
              this.depth = d - 1;
              i++;
              continue;
            }
            return this.fail("parse/syntax", comma, `trailing comma before "${String.fromCharCode(close)}"`, {
              expected: kind === OBJ ? 'another member after ","' : 'another element after ","',
              found: `"${String.fromCharCode(close)}"`,
              fix: this.options.jsonc
                ? "remove the trailing comma (this file's reader skips comments but rejects trailing commas)"
                : "remove the trailing comma (JSON does not allow one; JSONC files may be listed under validate.jsonc)",
            });
          }
          if (kind === OBJ) {
            i = this.member(i);
            if (i < 0) return -1;
          } else {
            this.indices[d - 1]!++;
          }
          continue value;
        }
        if (c === close) {
          this.depth = d - 1;
          i++;
          continue;
        }
        if (i >= len) return this.eof(i);
        const what = kind === OBJ ? "an object member" : "an array element";
        const found = this.describe(i);
        return this.fail("parse/syntax", i, `expected "," or "${String.fromCharCode(close)}" after ${what}, found ${found}`, {
          expected: `"," or "${String.fromCharCode(close)}"`,
          found,
          fix: this.hintAfterValue(i, kind),
        });
      }
    }
  }

  /** At a member name: parses `"name" :` and returns the offset of the value (or -1). */
  private member(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c !== 34) {
      if (i >= this.len) return this.eof(i);
      const found = this.describe(i);
      this.fail("parse/syntax", i, `expected a member name in double quotes, found ${found}`, {
        expected: 'a member name ("name")',
        found,
        fix: c === 39 ? FIX_QUOTES : c === 47 ? FIX_COMMENT : 'quote the member name: "name": value',
      });
      return -1;
    }
    const start = i;
    const end = this.string(i);
    if (end < 0) return -1;
    const keys = this.keys[this.depth - 1]!;
    const first = keys.add(start, end, this.escaped);
    if (first >= 0) this.duplicate(decodeName(text, start, end), first, start, end);
    i = this.ws(end);
    if (i < 0) return -1;
    if (text.charCodeAt(i) !== 58) {
      if (i >= this.len) return this.eof(i);
      const found = this.describe(i);
      this.fail("parse/syntax", i, `expected ":" after member name ${JSON.stringify(decodeName(text, start, end))}, found ${found}`, {
        expected: '":"',
        found,
        fix: 'separate each member name from its value with ":"',
      });
      return -1;
    }
    i = this.ws(i + 1);
    if (i < 0) return -1;
    if (i >= this.len) return this.eof(i);
    return i;
  }

  /** At an opening quote: returns the offset after the closing quote (or -1). */
  private string(i: number): number {
    const text = this.text;
    const len = this.len;
    const start = i;
    let escaped = false;
    i++;
    for (;;) {
      if (i >= len) return this.eof(start, "a string");
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.escaped = escaped;
        return i + 1;
      }
      if (c === 92) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        // " \ / b f n r t
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          i += 2;
          continue;
        }
        if (e === 117) {
          for (let k = 2; k < 6; k++) {
            const h = text.charCodeAt(i + k);
            if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) {
              if (i + k >= len) return this.eof(start, "a string");
              const found = this.describe(i + k);
              return this.fail("parse/syntax", i, `invalid \\u escape in string: expected 4 hex digits, found ${found}`, {
                expected: "\\u followed by 4 hex digits",
                found: JSON.stringify(text.slice(i, Math.min(i + 6, len))),
                fix: "write \\u00e9-style escapes with exactly four hex digits, or the character itself",
              });
            }
          }
          i += 6;
          continue;
        }
        if (i + 1 >= len) return this.eof(start, "a string");
        const bad = text.slice(i, i + 2);
        return this.fail("parse/syntax", i, `invalid escape ${bad} in string`, {
          expected: 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
          found: bad,
          fix: e === 39 ? "write ' without a backslash" : "escape a backslash as \\\\",
        });
      }
      if (c < 0x20) {
        if ((c === 10 || c === 13) && this.options.lineBreaksInStrings) {
          this.breaks.push(i);
          i++;
          continue;
        }
        if (c === 10 || c === 13) {
          const open = this.lines.position(start);
          return this.fail("parse/syntax", i, `unterminated string (opened at ${open.line}:${open.column}): line break inside a string`, {
            expected: 'closing "',
            found: "a line break",
            fix: 'close the string with " on the same line; write a line break inside a string as \\n',
          });
        }
        const code = "U+" + c.toString(16).toUpperCase().padStart(4, "0");
        return this.fail("parse/syntax", i, `unescaped control character ${code} in string`, {
          expected: "a printable character or an escape",
          found: code,
          fix: `escape it as \\u${c.toString(16).padStart(4, "0")}${c === 9 ? " (or \\t)" : ""}`,
        });
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const n = text.charCodeAt(i + 1);
        if (c <= 0xdbff && n >= 0xdc00 && n <= 0xdfff) {
          i += 2;
          continue;
        }
        return this.fail("parse/syntax", i, `lone UTF-16 surrogate U+${c.toString(16).toUpperCase()} in string (not valid Unicode text)`, {
          expected: "a Unicode character",
          found: `U+${c.toString(16).toUpperCase()}`,
          fix: "the text was mangled by a UTF-16 conversion: re-save the file as UTF-8",
        });
      }
      i++;
      // Long strings: skip runs of ordinary characters natively (about 2x faster than this loop;
      // slower for the short keys and values that dominate most files, hence the threshold).
      if (i - start > 12) {
        PLAIN.lastIndex = i;
        PLAIN.test(text);
        i = PLAIN.lastIndex;
      }
    }
  }

  /** At "-" or a digit: returns the offset after the number (or -1). */
  private number(i: number): number {
    const text = this.text;
    const start = i;
    let c = text.charCodeAt(i);
    let mayOverflow = false;
    if (c === 45) c = text.charCodeAt(++i);
    if (c === 48) {
      c = text.charCodeAt(++i);
      if (c >= 48 && c <= 57) {
        return this.fail("parse/syntax", start, "number with a leading zero", {
          expected: "a number without leading zeros",
          found: this.token(start),
          fix: "remove the leading zero (JSON has no octal numbers); write it as a string if the zeros matter",
        });
      }
    } else if (c >= 49 && c <= 57) {
      do c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    } else {
      if (i >= this.len) return this.eof(start, "a number");
      // `---` first in the file opens a YAML document or Markdown front matter (a Quarto or Jekyll
      // page saved under a JSON name): say that, not that a digit is missing after a minus sign.
      if (text.startsWith("---", start) && text.slice(this.options.start, start).trim() === "") {
        return this.fail(
          "parse/syntax",
          start,
          'the file starts with "---", a YAML document start or Markdown front matter: it holds YAML or Markdown, not JSON',
          {
            expected: "a JSON value",
            found: '"---"',
            fix: "write the file as JSON, or give it the extension of what it holds (.yml, .md)",
          },
        );
      }
      const found = this.describe(i);
      return this.fail("parse/syntax", i, `expected a digit after "-", found ${found}`, {
        expected: "a digit",
        found,
        fix: text.startsWith("Infinity", i) ? nonFiniteFix("-Infinity") : "write the number's digits after the minus sign",
      });
    }
    if (c === 46) {
      c = text.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) return this.digitExpected(i, start, "after the decimal point");
      do c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      c = text.charCodeAt(++i);
      if (c === 43 || c === 45) c = text.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) return this.digitExpected(i, start, "in the exponent");
      const digits = i;
      do c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57);
      if (i - digits > 2) mayOverflow = true;
    }
    // Up to 15 characters with at most a 2-digit exponent is below 1e115: only longer numbers
    // can overflow, and checking just those keeps the scan fast.
    if (mayOverflow || i - start > 15) {
      const v = Number(text.slice(start, i));
      if (!Number.isFinite(v)) this.numberRange(start, i);
    }
    return i;
  }

  private digitExpected(i: number, start: number, where: string): number {
    if (i >= this.len) return this.eof(start, "a number");
    const found = this.describe(i);
    return this.fail("parse/syntax", i, `expected a digit ${where}, found ${found}`, {
      expected: "a digit",
      found,
      fix: `complete the number ${this.token(start)} (e.g. 1.0, 1e5)`,
    });
  }

  /** Skips whitespace (and, in JSONC, comments). Returns -1 after reporting an error. */
  private ws(i: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
        continue;
      }
      if (c === 47 && this.options.jsonc) {
        const n = text.charCodeAt(i + 1);
        if (n === 47) {
          const nl = text.indexOf("\n", i + 2);
          const end = nl < 0 ? this.len : nl;
          this.strip.push([i, end]);
          i = end;
          continue;
        }
        if (n === 42) {
          const close = text.indexOf("*/", i + 2);
          if (close < 0) {
            this.fail("parse/truncated", i, "unterminated /* comment: the file ends inside it", {
              expected: "*/",
              found: "end of file",
              fix: "close the comment with */",
            });
            return -1;
          }
          this.strip.push([i, close + 2]);
          i = close + 2;
          continue;
        }
      }
      return i;
    }
  }

  private unexpectedValue(i: number): number {
    if (i >= this.len) return this.eof(i);
    const text = this.text;
    const c = text.charCodeAt(i);
    const found = this.describe(i);
    const word = this.token(i);
    let fix = 'write a JSON value: an object, array, "string", number, true, false or null';
    if (c === 39) fix = FIX_QUOTES;
    else if (c === 47) fix = FIX_COMMENT;
    else if (word === "NaN" || word === "Infinity") fix = nonFiniteFix(word);
    else if (word === "undefined") fix = "undefined is not JSON: use null or remove the member";
    else if (
      word === "True" ||
      word === "False" ||
      word === "None" ||
      word === "TRUE" ||
      word === "FALSE" ||
      word === "NULL" ||
      word === "Null"
    )
      fix = "JSON literals are lowercase: true, false, null";
    else if (c === 46) fix = "write a digit before the decimal point (0.5, not .5)";
    else if (c === 43) fix = "remove the + sign (JSON numbers have no leading +)";
    else if (c === 44) fix = "remove the extra comma, or put a value before it";
    else if (/^[A-Za-z_$]/.test(word)) fix = 'put text in double quotes: "text"';
    const d = this.depth;
    const expected = d > 0 && this.kinds[d - 1] === OBJ ? 'a value after ":"' : "a value";
    return this.fail("parse/syntax", i, `expected ${expected}, found ${found}`, { expected, found, fix });
  }

  private extraData(i: number): void {
    const found = this.describe(i);
    const start = this.lines.position(this.options.start);
    const at = this.lines.position(i);
    // One value on line 1 and the next at the start of line 2: JSON Lines saved as .json (log
    // samples, exports), or compact documents appended to a state file. Both read the same, so
    // it stays an error; the fix names both ways out.
    const jsonLines = start.column === 1 && at.column === 1 && at.line === start.line + 1 && (this.text[i] === "{" || this.text[i] === "[");
    this.fail(
      "parse/syntax",
      i,
      `unexpected ${found} after the end of the JSON value that began at ${start.line}:${start.column} (a second document?)`,
      {
        expected: "end of file",
        found,
        fix: jsonLines
          ? "one value per line is JSON Lines, not JSON: if the file is meant to be JSON Lines, name it .jsonl or .ndjson (or exclude it); if a writer appended to a .json file, keep only the value it should hold"
          : "a JSON file holds exactly one value: wrap several values in an array [..] or remove the extra text",
      },
    );
  }

  private hintAfterValue(i: number, kind: number): string {
    const c = this.text.charCodeAt(i);
    if (c === 47) return FIX_COMMENT;
    const close = kind === OBJ ? "}" : "]";
    const other = kind === OBJ ? "]" : "}";
    if (this.text[i] === other) return `the brackets do not match: this ${other} should be ${close}, or a bracket is missing earlier`;
    if (c === 34 || c === 123 || c === 91 || (c >= 48 && c <= 57)) return 'add the missing "," between the two values';
    return `separate ${kind === OBJ ? "members" : "elements"} with "," and close with "${close}"`;
  }

  /** The file ends where more was needed: a truncated write, named after the innermost open container. */
  private eof(at: number, inside?: string): number {
    let where: string;
    let openAt: number;
    if (inside) {
      openAt = at;
      where = inside;
    } else if (this.depth > 0) {
      openAt = this.opens[this.depth - 1]!;
      where = this.kinds[this.depth - 1] === OBJ ? "an object" : "an array";
    } else {
      openAt = at;
      where = "a value";
    }
    const open = this.lines.position(openAt);
    const nesting = this.depth > 1 ? ` (${this.depth} levels deep)` : "";
    return this.fail(
      "parse/truncated",
      this.len,
      `file ends inside ${where} opened at ${open.line}:${open.column}${nesting}: truncated write?`,
      {
        expected:
          inside === "a string" ? 'closing "' : this.depth > 0 ? `"${this.kinds[this.depth - 1] === OBJ ? "}" : "]"}"` : "a complete value",
        found: "end of file",
        fix: FIX_TRUNCATED,
        related: { offset: openAt, message: `${where} opened here` },
      },
    );
  }

  private numberRange(start: number, end: number): void {
    if (this.findings.length >= MAX_FINDINGS) return;
    const pos = this.lines.span(start, end);
    this.findings.push({
      rule: "parse/number-range",
      level: "error",
      file: this.options.file,
      ...pos,
      ...this.pointerField(),
      message: `number ${this.token(start)} is too large for a 64-bit float: readers turn it into Infinity or fail`,
      expected: "a number within ±1.7976931348623157e308",
      found: this.token(start),
      fix: "store it as a string, or correct the value",
    });
  }

  /**
   * At NaN, Infinity or -Infinity (`length` characters), for a reader that takes them as numbers
   * (options.nonFinite): a warning, since most other readers of the file refuse it. Returns the
   * offset after the word.
   */
  private nonFiniteWord(start: number, length: number): number {
    const end = start + length;
    this.nonFinite.push([start, end]);
    if (this.findings.length >= MAX_FINDINGS) return end;
    const word = this.text.slice(start, end);
    this.findings.push({
      rule: "parse/non-finite",
      level: "warning",
      file: this.options.file,
      ...this.lines.span(start, end),
      ...this.pointerField(),
      message: `${word} is not JSON (RFC 8259 §6): ${this.options.nonFinite!} reads it, as Python's json.loads does, but JSON.parse, serde_json, jq and the Hugging Face Hub refuse the file`,
      expected: "a JSON number",
      found: word,
      fix: `if other tools read this file, write null or the value as a string ("${word}") instead; Python's json.dump writes ${word} unless allow_nan=False`,
    });
    return end;
  }

  /** Re-words the repeated keys whose two values are equal (./json-same-value.ts): same level. */
  private sameValueRepeats(): void {
    for (const { finding, first, second } of this.repeats) {
      if (!sameJsonMemberValue(this.text, first, second, this.strip)) continue;
      const keptBy = this.options.repeatsKeptBy;
      if (keptBy !== undefined) {
        // Its one reader keeps either copy of the same data and never refuses the file for it.
        finding.level = "notice";
        finding.message = `${finding.message.replace(/: readers disagree on which value wins$/, "")}, with the same value: ${keptBy} keeps one of them without a word, and nothing is lost`;
        finding.found = `${finding.found} with the same value`;
        finding.fix = `nothing to do for ${keptBy}; delete one of the two members (line ${finding.related![0]!.line} or ${finding.line}) to tidy it`;
        continue;
      }
      finding.message = `${finding.message.replace(/: readers disagree on which value wins$/, "")}, with the same value: no data is lost whichever one a reader keeps, but a reader that refuses repeated names (.NET's JsonNode, for one) stops at it`;
      finding.found = `${finding.found} with the same value`;
      finding.fix = `delete one of the two members (line ${finding.related![0]!.line} or ${finding.line}): both hold the same value`;
    }
  }

  private duplicate(name: string, first: number, start: number, end: number): void {
    if (this.findings.length >= MAX_FINDINGS) return;
    const firstPos = this.lines.position(first);
    const pos = this.lines.span(start, end);
    const finding: Finding = {
      rule: "parse/duplicate-key",
      level: "error",
      file: this.options.file,
      ...pos,
      ...this.pointerField(),
      key: name,
      message: `duplicate key ${JSON.stringify(name)} on line ${pos.line}, first defined on line ${firstPos.line}: readers disagree on which value wins`,
      expected: "unique member names",
      found: `${JSON.stringify(name)} twice`,
      fix: "remove one of the two members or rename one (most readers silently keep the last)",
      related: [
        { file: this.options.file, line: firstPos.line, column: firstPos.column, message: `first definition of ${JSON.stringify(name)}` },
      ],
    };
    this.findings.push(finding);
    this.repeats.push({ finding, first, second: start });
  }

  private fail(
    rule: string,
    offset: number,
    message: string,
    extra: { expected?: string; found?: string; fix: string; related?: { offset: number; message: string } },
  ): -1 {
    this.fatal = true;
    const { line, column } = this.lines.position(offset);
    const space = unicodeSpaceName(this.text.charCodeAt(offset));
    // A space JSON does not count as white space looks like a blank in the file: say what it is.
    const fix = space
      ? `${space.split(" ")[0]} is not white space in JSON: replace the ${space.split(" ")[0]} with an ordinary space (such spaces come with text pasted from a web page or a word processor)`
      : extra.fix;
    const finding: Finding = { rule, level: "error", file: this.options.file, line, column, message, fix };
    Object.assign(finding, this.pointerField());
    if (extra.expected) finding.expected = extra.expected;
    if (extra.found) finding.found = extra.found;
    if (extra.related) {
      const r = this.lines.position(extra.related.offset);
      finding.related = [{ file: this.options.file, line: r.line, column: r.column, message: extra.related.message }];
    }
    this.findings.push(finding);
    return -1;
  }

  /** `{ pointer }` for the current position; nothing at the top or when too deep to be readable. */
  private pointerField(): { pointer?: string } {
    return this.depth > 0 && this.depth <= MAX_POINTER_DEPTH ? { pointer: this.pointer(this.depth) } : {};
  }

  /** Pointer of the current position inside the first `depth` open containers. */
  private pointer(depth: number): string {
    const path: (string | number)[] = [];
    for (let d = 0; d < depth; d++) {
      if (this.kinds[d] !== OBJ) path.push(this.indices[d]!);
      else {
        const name = this.keys[d]!.current();
        if (name === undefined) break;
        path.push(name);
      }
    }
    return toPointer(path);
  }

  /** A short quoted rendering of what is at `i`, for messages. */
  private describe(i: number): string {
    if (i >= this.len) return "end of file";
    const word = this.token(i);
    if (word.length > 1 || /^[A-Za-z0-9]$/.test(word)) return word;
    const cp = this.text.codePointAt(i)!;
    const space = unicodeSpaceName(cp);
    if (space) return space;
    if (cp < 0x20 || cp === 0x7f || cp === 0xfeff) return "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
    return JSON.stringify(String.fromCodePoint(cp));
  }

  /** The word or number at `i` (up to 24 characters), e.g. NaN, -Infinity, 0123. */
  private token(i: number): string {
    const m = /[-+.]?[A-Za-z0-9_$.+-]*/y;
    m.lastIndex = i;
    const hit = m.exec(this.text)?.[0] ?? "";
    return hit.length > 24 ? hit.slice(0, 24) + "…" : hit;
  }
}

/** Names of the Unicode spaces that paste into config files and look like ordinary blanks. */
const SPACE_NAMES: Record<number, string> = {
  0xa0: "no-break space",
  0x202f: "narrow no-break space",
  0x200b: "zero-width space",
  0x3000: "ideographic space",
  0x2028: "line separator",
  0x2029: "paragraph separator",
};

/**
 * `U+202F (narrow no-break space)` for a character that renders as white space but is not JSON
 * white space (space separators other than U+0020, zero-width space, line and paragraph
 * separators); undefined for anything else.
 */
function unicodeSpaceName(cp: number): string | undefined {
  if (!(
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200b) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  )) {
    return undefined;
  }
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")} (${SPACE_NAMES[cp] ?? "a Unicode space"})`;
}

/**
 * The fix for NaN, Infinity and -Infinity: not JSON (RFC 8259 §6), but what Python's json module
 * writes for such floats by default, the usual source of them in a .json file.
 */
function nonFiniteFix(word: string): string {
  return `${word} is not JSON (Python's json.dump writes it unless allow_nan=False; JSON.parse, jq and most readers refuse it): write null, or the number as a string`;
}
