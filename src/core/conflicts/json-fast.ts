/**
 * A fast path for large JSON config sets (issue 4's bench: 200 files x 5,000 keys). Values come
 * from JSON.parse; one pass over the file's bytes then (a) counts the member names and (b)
 * records the line and column of the few pointers a report needs. JSON.parse accepts what the
 * strict parser (core/parse/json-scan.ts) accepts, except for three things it lets through: a
 * duplicate key (it keeps the last), a number out of range (1e400 becomes Infinity) and nesting
 * deeper than the strict parser's limit. The pass catches all three (more member names in the
 * text than in the value; a non-finite number in the value; the deepest nesting), and the
 * caller then parses the file strictly (parseDocument) so the problem is reported, not trusted.
 * Most files need no structural pass for the count: every member name is followed by one colon
 * and strings may add more, so when the colons in the text number exactly the member names of
 * the value (and the analysis accepted its nesting), no name is given twice. Only a file whose
 * strings hold colons (URLs, times) is counted structurally; and a position scan can then stop
 * after the last pointer a report needs, the colons after it bounding the rest.
 *
 * The pass relies on the bytes being valid UTF-8 and valid JSON (JSON.parse accepted their
 * text): bytes of multi-byte characters and raw line breaks cannot occur outside strings, so
 * the structure is found byte by byte, lines are counted between tokens only, and a string
 * followed by ":" is a member name. It reads the bytes (kept anyway for --write) rather than
 * the decoded text, so no text outlives its JSON.parse (the bench's 22 MB of text would
 * otherwise be copied by every garbage collection until the report), and a byte loop is faster
 * than the string one was.
 * Positions are the strict parser's (core/parse/lines.ts): lines end at "\n", columns count
 * code points.
 */
import { DEFAULT_MAX_DEPTH } from "../parse/json.js";
import type { Position } from "../parse/index.js";
import { escapeToken } from "../pointer.js";
import { isMap } from "./values.js";

/** Where one wanted pointer was found: its member name (absent for list items and the root) and value. */
interface Located {
  key: Position | undefined;
  value: Position;
}

/** Scan state: the offset, the current line and where it starts, member names so far, deepest nesting. */
interface Cursor {
  i: number;
  line: number;
  lineStart: number;
  keys: number;
  maxDepth: number;
}

/** An offset with the line it lies on, turned into a column once the scan is over. */
interface Mark {
  off: number;
  line: number;
  lineStart: number;
  column: number;
}

interface Frame {
  obj: boolean;
  /** Pointer of this container (only containers on a wanted path get a frame). */
  ptr: string;
  /** Its children on a wanted path, by escaped token (undefined: none). */
  kids: Map<string, string> | undefined;
  /** For a map: 1 for each byte a member name on a wanted path may start with (see firstBytes). */
  firsts: Uint8Array | undefined;
  index: number;
  expectKey: boolean;
  /** Pointer of the current member's value when it lies on a wanted path, else null. */
  memberPtr: string | null;
  ks: Mark | null;
  ke: Mark | null;
  vs: Mark;
}

/**
 * What the analysis saw of a file's parsed value: its member names (lists and nested maps
 * included), whether a number is not finite, and, when known, that its nesting stays far under
 * the strict parser's limit (`shallow`: the conflict analysis refuses files nested deeper than
 * its own, much lower, limit, so a file it accepted is shallow).
 */
interface Seen {
  keys: number;
  nonFinite: boolean;
  shallow?: boolean;
}

/**
 * Object member names in parsed data (lists and nested maps included), whether a number is not
 * finite, and whether the nesting stays within the strict parser's limit: for files the
 * conflict analysis did not fold (core/conflicts/flatten.ts does the same while folding).
 */
export function summarize(value: unknown): Seen {
  let keys = 0;
  let nonFinite = false;
  let deepest = 0;
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) nonFinite = true;
    } else if (v !== null && typeof v === "object") {
      // A container at `depth` below the top opens nesting level depth + 1.
      if (depth + 1 > deepest) deepest = depth + 1;
      if (Array.isArray(v)) {
        for (const x of v) {
          stack.push(x);
          depths.push(depth + 1);
        }
      } else if (isMap(v)) {
        const names = Object.keys(v);
        keys += names.length;
        for (const k of names) {
          stack.push(v[k]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return { keys, nonFinite, shallow: deepest <= DEFAULT_MAX_DEPTH };
}

/**
 * Colons in b[from..]: at least as many as member names there (each name is followed by one;
 * strings may hold more). A cheap bound: when it equals the member names JSON.parse kept, the
 * text names no member twice.
 */
function colonsFrom(b: Uint8Array, from: number): number {
  const end = b.length;
  let n = 0;
  let i = from;
  // Byte by byte up to a 4-byte boundary, then four bytes per step (what most of a big file
  // costs: this runs over every byte after the last finding), then the tail.
  for (; i < end && ((b.byteOffset + i) & 3) !== 0; i++) if (b[i] === 58) n++;
  const words = (end - i) >>> 2;
  if (words > 0) {
    const u = new Uint32Array(b.buffer, b.byteOffset + i, words);
    for (let w = 0; w < words; w++) {
      // Bytes equal to ":" become zero; the high bit of each zero byte is then set in `z`
      // (the classic has-zero-byte test, exact per byte since no carry crosses a byte).
      const x = u[w]! ^ 0x3a3a3a3a;
      const z = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
      if (z !== 0) n += Math.imul((z >>> 7) & 0x01010101, 0x01010101) >>> 24;
    }
    i += words * 4;
  }
  for (; i < end; i++) if (b[i] === 58) n++;
  return n;
}

/** Offset just past the string whose opening quote is at `i` (a byte loop beats indexOf calls here). */
function stringEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  i++;
  while (i < n) {
    const c = b[i]!;
    if (c === 34) return i + 1;
    i += c === 92 ? 2 : 1;
  }
  return n;
}

/** Byte classes for skipContainer: 0 nothing to do, then quote, line feed, opening and closing brackets. */
const SKIP_CLASS = new Uint8Array(256);
SKIP_CLASS[34] = 1;
SKIP_CLASS[10] = 2;
SKIP_CLASS[123] = SKIP_CLASS[91] = 3;
SKIP_CLASS[125] = SKIP_CLASS[93] = 4;

/**
 * Move `at` past the container that starts at at.i, counting its member names and line breaks.
 * This is where the time goes (most of a file lies off every wanted path): keep it tight. One
 * table lookup sorts out the bytes with nothing to do (most of them), and the indentation after
 * a line break is skipped in a loop of its own.
 */
function skipContainer(b: Uint8Array, at: Cursor, base: number): void {
  let i = at.i;
  let line = at.line;
  let lineStart = at.lineStart;
  let keys = at.keys;
  let depth = 0;
  let maxDepth = 0;
  const n = b.length;
  while (i < n) {
    const k = SKIP_CLASS[b[i]!]!;
    if (k === 0) {
      i++;
      continue;
    }
    if (k === 1) {
      // The string, inline (a call per string costs more than the loop).
      for (i++; i < n;) {
        const d = b[i]!;
        if (d === 34) break;
        i += d === 92 ? 2 : 1;
      }
      let d = b[++i];
      while (d === 32 || d === 10 || d === 13 || d === 9) {
        if (d === 10) {
          line++;
          lineStart = i + 1;
        }
        d = b[++i];
      }
      if (d === 58) {
        keys++;
        i++;
      }
      continue;
    }
    if (k === 2) {
      line++;
      lineStart = ++i;
      while (b[i] === 32) i++;
      continue;
    }
    if (k === 3) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (--depth === 0) {
      i++;
      break;
    }
    i++;
  }
  at.i = i;
  at.line = line;
  at.lineStart = lineStart;
  at.keys = keys;
  if (base + maxDepth > at.maxDepth) at.maxDepth = base + maxDepth;
}

/** Every pointer on the way to `wanted` ones ("" included), so the scan knows what to walk into. */
function prefixesOf(wanted: ReadonlySet<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const w of wanted) {
    prefixes.add(w);
    for (let i = w.lastIndexOf("/"); i >= 0; i = i === 0 ? -1 : w.lastIndexOf("/", i - 1)) prefixes.add(w.slice(0, i));
  }
  return prefixes;
}

/**
 * Columns of `marks` as the strict parser counts them (code points from the line start, i.e.
 * UTF-8 bytes that do not continue a sequence), counting forward once in offset order so a
 * minified one-line file is not recounted per mark.
 */
function setColumns(b: Uint8Array, marks: Mark[]): void {
  // The scan marks offsets in the order it reads them, so they come sorted; checked, not assumed.
  for (let k = 1; k < marks.length; k++) {
    if (marks[k]!.off < marks[k - 1]!.off) {
      marks.sort((x, y) => x.off - y.off);
      break;
    }
  }
  let lineStart = -1;
  let at = 0;
  let column = 1;
  for (const m of marks) {
    if (m.lineStart !== lineStart) {
      lineStart = m.lineStart;
      // A byte order mark is invisible in editors: not a column (as in core/parse/lines.ts).
      at = lineStart === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : lineStart;
      column = 1;
    }
    for (; at < m.off; at++) if ((b[at]! & 0xc0) !== 0x80) column++;
    m.column = column;
  }
}

function position(start: Mark, end: Mark): Position {
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The member name whose quotes are at `s` and `e - 1`. */
function memberName(b: Uint8Array, s: number, e: number): string {
  let name = "";
  for (let i = s + 1; i < e - 1; i++) {
    const c = b[i]!;
    // Escapes and non-ASCII characters: decode the whole name properly.
    if (c === 92 || c >= 0x80) return JSON.parse(Buffer.from(b.buffer, b.byteOffset + s, e - s).toString("utf8")) as string;
    name += String.fromCharCode(c);
  }
  return name;
}

/** What a scan looks its members up in: children on a wanted path, and the bytes their names start with. */
interface PathIndex {
  kids: Map<string, Map<string, string>>;
  firsts: Map<string, Uint8Array>;
}

/**
 * The pointers on the way to `wanted` ones, by parent: for each such pointer ("" the root), its
 * children on the way, by their (escaped) last token. A frame looks its members up here.
 */
function childrenOnPath(wanted: ReadonlySet<string>): PathIndex {
  const kids = new Map<string, Map<string, string>>();
  for (const q of prefixesOf(wanted)) {
    const slash = q.lastIndexOf("/");
    if (slash < 0) continue;
    const parent = q.slice(0, slash);
    let m = kids.get(parent);
    if (!m) kids.set(parent, (m = new Map()));
    m.set(q.slice(slash + 1), q);
  }
  const firsts = new Map<string, Uint8Array>();
  for (const [parent, m] of kids) firsts.set(parent, firstBytes(m.keys()));
  return { kids, firsts };
}

/**
 * 1 for each byte a member name among `tokens` (escaped) can start with in the text: the first
 * byte of an ASCII first character, and always a quote (the empty name), a backslash (an escape
 * may spell any character) and every byte >= 0x80 (decoded to be sure). A member whose name
 * starts with any other byte is on no wanted path, so its name is never decoded: most members
 * of a map holding a wanted pointer are not wanted themselves.
 */
function firstBytes(tokens: Iterable<string>): Uint8Array {
  const firsts = new Uint8Array(256);
  firsts[34] = firsts[92] = 1;
  firsts.fill(1, 0x80);
  for (const t of tokens) {
    // The name's first character: "~0" and "~1" unescape to "~" and "/".
    const c = t.startsWith("~0") ? 126 : t.startsWith("~1") ? 47 : t.charCodeAt(0);
    if (c < 0x80) firsts[c] = 1;
  }
  return firsts;
}

/**
 * childrenOnPath for the last set of pointers asked for: a layered analysis wants the same
 * pointers (one typo each) in every overlay of a layer, so the index is built once for them all.
 */
let lastIndex: { key: string; index: PathIndex } | undefined;

function pathIndexFor(wanted: ReadonlySet<string>): PathIndex {
  // Each pointer with its length before it: no two different lists give one key, whatever
  // characters the pointers hold. The same set in another order only misses the cache.
  let key = String(wanted.size);
  for (const w of wanted) key += "\u0000" + w.length + ":" + w;
  if (lastIndex?.key !== key) lastIndex = { key, index: childrenOnPath(wanted) };
  return lastIndex.index;
}

function mark(marks: Mark[], off: number, line: number, lineStart: number): Mark {
  const m = { off, line, lineStart, column: 0 };
  marks.push(m);
  return m;
}

/**
 * One pass over the UTF-8 bytes of valid JSON: the number of member names, and where each
 * `wanted` pointer is. The bytes must be valid UTF-8 and already accepted by JSON.parse.
 * The loop keeps its state in locals and calls no closure: it mostly runs before the JIT has
 * optimised it (a command scans each file once), so every operation per byte counts.
 */
export function scanJson(
  b: Uint8Array,
  wanted: ReadonlySet<string>,
  /** Stop once every wanted pointer is found (`keys` and `maxDepth` then count only what was read, up to `end`). */
  early = false,
): { keys: number; maxDepth: number; found: Map<string, Located>; complete: boolean; end: number } {
  const { kids: kidsOf, firsts: firstsOf } = pathIndexFor(wanted);
  const rootPtr = wanted.has("") || kidsOf.has("") ? "" : null;
  const marks: Mark[] = [];
  const spans: { ptr: string; ks: Mark | null; ke: Mark | null; vs: Mark; ve: Mark }[] = [];
  const stack: Frame[] = [];
  let top: Frame | undefined;
  // skipContainer's cursor: written before and read after each call.
  const at: Cursor = { i: 0, line: 1, lineStart: 0, keys: 0, maxDepth: 0 };
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  let line = 1;
  let lineStart = 0;
  let pendingKs: Mark | null = null;
  let pendingKe: Mark | null = null;
  const n = b.length;
  const want = wanted.size;
  let complete = true;
  while (i < n) {
    // Spans are pushed once per wanted pointer: all there means nothing more to find.
    if (early && want > 0 && spans.length >= want) {
      complete = false;
      break;
    }
    const c = b[i]!;
    if (c === 10) {
      line++;
      lineStart = ++i;
      while (b[i] === 32) i++;
      continue;
    }
    if (c === 32 || c === 13 || c === 9 || c === 58 /* : */) {
      i++;
      continue;
    }
    if (c === 44 /* , */) {
      if (top!.obj) top!.expectKey = true;
      else top!.index++;
      i++;
      continue;
    }
    if (c === 34 /* " */ && top !== undefined && top.obj && top.expectKey) {
      const e = stringEnd(b, i);
      at.keys++;
      top.expectKey = false;
      let memberPtr: string | null = null;
      if (top.kids !== undefined && top.firsts![b[i + 1]!] === 1) {
        const name = memberName(b, i, e);
        memberPtr = top.kids.get(name.includes("~") || name.includes("/") ? escapeToken(name) : name) ?? null;
      }
      top.memberPtr = memberPtr;
      if (memberPtr !== null) {
        pendingKs = mark(marks, i, line, lineStart);
        pendingKe = mark(marks, e, line, lineStart);
      }
      i = e;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      const done = stack.pop()!;
      top = stack[stack.length - 1];
      if (wanted.has(done.ptr))
        spans.push({ ptr: done.ptr, ks: done.ks, ke: done.ke, vs: done.vs, ve: mark(marks, i + 1, line, lineStart) });
      i++;
      continue;
    }
    // A value: its pointer when it lies on a wanted path, else null.
    let ptr: string | null;
    if (top === undefined) ptr = rootPtr;
    else if (top.obj) ptr = top.memberPtr;
    else ptr = top.kids === undefined ? null : (top.kids.get(String(top.index)) ?? null);
    const key = top !== undefined && top.obj;
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const kids = ptr === null ? undefined : kidsOf.get(ptr);
      if (kids === undefined) {
        // Nothing wanted inside: only count its member names and lines, and find its end.
        const vs = ptr === null ? null : mark(marks, i, line, lineStart);
        at.i = i;
        at.line = line;
        at.lineStart = lineStart;
        skipContainer(b, at, stack.length);
        i = at.i;
        line = at.line;
        lineStart = at.lineStart;
        if (ptr !== null && vs !== null && wanted.has(ptr)) {
          spans.push({ ptr, ks: key ? pendingKs : null, ke: key ? pendingKe : null, vs, ve: mark(marks, i, line, lineStart) });
        }
        continue;
      }
      top = {
        obj: c === 123,
        ptr: ptr!,
        kids,
        firsts: c === 123 ? firstsOf.get(ptr!) : undefined,
        index: 0,
        expectKey: c === 123,
        memberPtr: null,
        ks: key ? pendingKs : null,
        ke: key ? pendingKe : null,
        vs: mark(marks, i, line, lineStart),
      };
      stack.push(top);
      if (stack.length > at.maxDepth) at.maxDepth = stack.length;
      i++;
      continue;
    }
    // A string, number, true, false or null.
    let e: number;
    if (c === 34) e = stringEnd(b, i);
    else {
      e = i + 1;
      while (e < n) {
        const d = b[e];
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
        e++;
      }
    }
    if (ptr !== null && wanted.has(ptr)) {
      spans.push({
        ptr,
        ks: key ? pendingKs : null,
        ke: key ? pendingKe : null,
        vs: mark(marks, i, line, lineStart),
        ve: mark(marks, e, line, lineStart),
      });
    }
    i = e;
  }
  setColumns(b, marks);
  const found = new Map<string, Located>();
  for (const s of spans) found.set(s.ptr, { key: s.ks && s.ke ? position(s.ks, s.ke) : undefined, value: position(s.vs, s.ve) });
  return { keys: at.keys, maxDepth: at.maxDepth, found, complete, end: i };
}

/**
 * A JSON file read through the fast path: `value` from JSON.parse; positions after `prepare`
 * (one scan for every pointer a report needs); `strictNeeded` when the file holds something
 * JSON.parse accepts and the strict parser reports (see the top of this file).
 */
export class FastJsonDoc {
  private found = new Map<string, Located>();
  private scanned = new Set<string>();
  /** The member names and nesting of the whole text, once a scan read all of it. */
  private scan: { keys: number; maxDepth: number } | undefined;
  private seen: Seen | undefined;
  /** True once the text is shown to name no member twice and to nest within the strict parser's limit. */
  private proven = false;
  /** True when the colons did not vouch for the text (strings hold some): only a full scan can tell. */
  private colonsTried = false;
  private current: unknown;
  /** False while the value is to be parsed (lazy, or let go by release()). */
  private held: boolean;
  /** True when JSON.parse refused the text of a lazy document: only the strict parser can say why. */
  private unparsable = false;
  /**
   * `value` as JSON.parse gave it; or, when `lazy`, nothing yet: the text is parsed when the value
   * is first asked for, and release() may let it go again. A layered analysis reads 200 overlays
   * one at a time this way, so they never sit in memory together (holding them all cost more
   * garbage collection than parsing them).
   */
  constructor(
    readonly bytes: Uint8Array,
    value?: unknown,
    private readonly lazy = false,
  ) {
    this.current = value;
    this.held = !lazy;
  }

  /** The parsed value; undefined for a lazy document JSON.parse refuses (strictNeeded is then true). */
  get value(): unknown {
    if (!this.held) {
      this.held = true;
      try {
        const b = this.bytes;
        this.current = JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8"));
      } catch {
        this.unparsable = true;
        this.current = undefined;
      }
    }
    return this.current;
  }

  /** A lazy document lets go of its value (parsed again if asked for once more); others keep it. */
  release(): void {
    if (!this.lazy || this.unparsable) return;
    this.held = false;
    this.current = undefined;
  }

  /**
   * Note what the analysis saw of the value (`seen`) and locate `pointers` in one scan. The scan
   * stops after the last wanted value when the rest can be vouched for cheaply: the member
   * names it counted plus the colons after it (colonsFrom) match what the value holds.
   */
  prepare(pointers: Iterable<string>, seen?: Seen): void {
    if (seen) this.seen = seen;
    const wanted = new Set<string>();
    for (const p of pointers) if (!this.scanned.has(p)) wanted.add(p);
    if (wanted.size === 0) return;
    const early = this.scan !== undefined || this.proven || this.seen?.shallow === true;
    const r = scanJson(this.bytes, wanted, early);
    if (r.complete) this.scan = { keys: r.keys, maxDepth: r.maxDepth };
    else if (!this.scan && !this.proven && this.seen?.shallow === true) {
      // Stopped early: the names counted so far are exact; the colons after them bound the rest.
      this.proven = r.keys + colonsFrom(this.bytes, r.end) === this.seen.keys;
      this.colonsTried = !this.proven;
    }
    for (const p of wanted) this.scanned.add(p);
    for (const [p, l] of r.found) this.found.set(p, l);
  }

  /**
   * True when the strict parser must read the file: JSON.parse dropped a duplicate key (the text
   * names more members than the value holds), turned an out-of-range number into Infinity, or
   * accepted nesting the strict parser refuses.
   */
  get strictNeeded(): boolean {
    this.seen ??= summarize(this.value);
    if (this.unparsable || this.seen.nonFinite) return true;
    if (this.proven) return false;
    if (!this.scan) {
      // As many colons as member names: no name is given twice, without a structural scan.
      if (this.seen.shallow === true && !this.colonsTried && colonsFrom(this.bytes, 0) === this.seen.keys) {
        this.proven = true;
        return false;
      }
      const r = scanJson(this.bytes, new Set());
      this.scan = { keys: r.keys, maxDepth: r.maxDepth };
    }
    return this.scan.keys !== this.seen.keys || this.scan.maxDepth > DEFAULT_MAX_DEPTH;
  }

  /** Where `pointer` is; a pointer `prepare` was not told about costs a scan of its own. */
  private find(pointer: string): Located | undefined {
    if (!this.scanned.has(pointer)) this.prepare([pointer]);
    return this.found.get(pointer);
  }

  locate(pointer: string): Position | undefined {
    return this.find(pointer)?.value;
  }

  locateKey(pointer: string): Position | undefined {
    return this.find(pointer)?.key;
  }
}
