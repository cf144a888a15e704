/**
 * A snapshot manifest's files packed for a restore (issue 20: 500,000 files under 300 MB): one
 * path string each, the SHA-256 digests and blob ids as bytes in two buffers, sizes and modes in
 * typed arrays, about 110 bytes a file instead of about 500 for the parsed JSON's entry objects,
 * their hex strings and a Map of blob ids. The manifest as `snapshot` writes it
 * (serializeSnapshotManifest's exact bytes) is scanned from its bytes without a JSON.parse of the
 * whole text; any other text (hand-made, another writer) goes through parseSnapshotManifest and is
 * packed afterwards, so both read the same entries, in the same order, with the same reasons.
 */
import { comparePaths, parseSnapshotManifest, type SnapshotFileEntry, type SnapshotManifest } from "./manifest.js";

/** A restore's view of a snapshot manifest: its header as parsed, its files packed. */
export type PackedSnapshotManifest = Omit<SnapshotManifest, "files"> & { files: PackedFiles };

class PackedFiles {
  /**
   * Blob id of each file in the snapshot's tree, set by the tree's listing: 20 bytes each (SHA-1)
   * or 32 (a SHA-256 repository), sized by the first id set.
   */
  private oids: Buffer | undefined;
  private oidBytes = 0;
  private readonly hasOid: Uint8Array;

  private constructor(
    /** Paths in the manifest's order (the order JSON.parse gives its keys). */
    private readonly paths: string[],
    private readonly sha: Buffer,
    private readonly sizes: Float64Array,
    private readonly exec: Uint8Array,
    /** Indexes in path order (comparePaths), when `paths` is not in that order already. */
    private readonly order: Uint32Array | undefined,
  ) {
    this.hasOid = new Uint8Array(paths.length);
  }

  get count(): number {
    return this.paths.length;
  }

  path(i: number): string {
    return this.paths[i]!;
  }

  entry(i: number): SnapshotFileEntry {
    return {
      sha256: this.sha.toString("hex", i * 32, i * 32 + 32),
      size: this.sizes[i]!,
      mode: this.exec[i] ? "100755" : "100644",
    };
  }

  size(i: number): number {
    return this.sizes[i]!;
  }

  /** A file's size and mode by path without making its entry (no digest string): -1 / undefined when absent. */
  sizeOf(p: string): number {
    const i = this.indexOf(p);
    return i < 0 ? -1 : this.sizes[i]!;
  }

  modeOf(p: string): SnapshotFileEntry["mode"] | undefined {
    const i = this.indexOf(p);
    return i < 0 ? undefined : this.exec[i] ? "100755" : "100644";
  }

  get(p: string): SnapshotFileEntry | undefined {
    const i = this.indexOf(p);
    return i < 0 ? undefined : this.entry(i);
  }

  has(p: string): boolean {
    return this.indexOf(p) >= 0;
  }

  /** Index of `p`, or -1 (binary search in path order). */
  indexOf(p: string): number {
    let lo = 0;
    let hi = this.paths.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const i = this.order ? this.order[mid]! : mid;
      const q = this.paths[i]!;
      if (q === p) return i;
      if (q < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The k-th file in path order (comparePaths, what a sort of the paths gives). */
  sorted(k: number): number {
    return this.order ? this.order[k]! : k;
  }

  setOid(i: number, hex: string): void {
    const width = hex.length / 2;
    if (!this.oids) {
      this.oidBytes = width;
      this.oids = Buffer.alloc(this.paths.length * width);
    }
    if (width !== this.oidBytes || !/^[0-9a-f]+$/.test(hex)) throw new Error(`internal error: blob id ${hex} is not like the others`);
    this.oids.write(hex, i * width, width, "hex");
    this.hasOid[i] = 1;
  }

  oid(i: number): string | undefined {
    const w = this.oidBytes;
    return this.hasOid[i] ? this.oids!.toString("hex", i * w, i * w + w) : undefined;
  }

  oidOf(p: string): string | undefined {
    const i = this.indexOf(p);
    return i < 0 ? undefined : this.oid(i);
  }

  /** Pack a parsed manifest's files (kept in their key order; a sorted index for lookups). */
  static fromRecord(files: Record<string, SnapshotFileEntry>): PackedFiles {
    const paths = Object.keys(files);
    const n = paths.length;
    const sha = Buffer.alloc(n * 32);
    const sizes = new Float64Array(n);
    const exec = new Uint8Array(n);
    let inOrder = true;
    paths.forEach((p, i) => {
      const e = files[p]!;
      sha.write(e.sha256, i * 32, 32, "hex");
      sizes[i] = e.size;
      exec[i] = e.mode === "100755" ? 1 : 0;
      if (i > 0 && comparePaths(paths[i - 1]!, p) >= 0) inOrder = false;
    });
    let order: Uint32Array | undefined;
    if (!inOrder) {
      order = Uint32Array.from(paths.keys());
      order.sort((a, b) => comparePaths(paths[a]!, paths[b]!));
    }
    return new PackedFiles(paths, sha, sizes, exec, order);
  }

  /** Files scanned from the bytes serializeSnapshotManifest writes (see scanCanonicalFiles). */
  static fromScan(paths: string[], sha: Buffer, sizes: Float64Array, exec: Uint8Array): PackedFiles {
    return new PackedFiles(paths, sha, sizes, exec, undefined);
  }
}

/**
 * Parse a stored snapshot manifest into a packed one; a string is the reason it is not valid
 * (parseSnapshotManifest's reasons, word for word).
 */
export function parsePackedManifest(bytes: Buffer): PackedSnapshotManifest | string {
  const fast = scanCanonical(bytes);
  if (fast) return fast;
  const m = parseSnapshotManifest(bytes.toString("utf8"));
  if (typeof m === "string") return m;
  return { ...m, files: PackedFiles.fromRecord(m.files) };
}

const FILES_KEY = Buffer.from('\n "files": {');
const ENTRY_OPEN = Buffer.from('\n  "');
const SHA_KEY = Buffer.from('": {\n   "sha256": "');
const SIZE_KEY = Buffer.from('",\n   "size": ');
const MODE_KEY = Buffer.from(',\n   "mode": "100');
const ENTRY_CLOSE = Buffer.from('"\n  }');
/** What ends an entry: no raw line break can stand inside a JSON string, so the first one after its start. */
const ENTRY_END = Buffer.from("\n  }");
const END = Buffer.from("\n }\n}\n");
const EMPTY_END = Buffer.from("}\n}\n");

/**
 * Bytes a canonical header or one entry may take before the scan gives the text to the general
 * parser: what the scan carries between chunks stays small whatever the text holds.
 */
const MAX_HEADER = 16 << 20;
const MAX_ENTRY = 1 << 20;

/**
 * The manifest read straight from the bytes serializeSnapshotManifest writes, fed in chunks as
 * git streams the blob (issue 20: a restore of 500,000 files no longer holds the 70 MB text while
 * it packs it), or in one piece. The header (everything before the first `\n "files": {`, which
 * only that key at depth 1 can start: JSON strings hold no raw line break) is parsed with "files"
 * emptied, so JSON.parse of the whole text would give the same header; the entries must then
 * match the serializer's layout byte for byte, and the text end right after them. Paths that
 * JSON.parse would order differently (array indexes such as "12" come first) or not keep as own
 * keys ("__proto__") make the scan fail: `finish()` then gives undefined, and the caller reads
 * the whole text with the general parser. What it carries between chunks is the header, or at
 * most one entry cut by a chunk's end.
 */
export class CanonicalScan {
  private header: SnapshotManifest | undefined;
  /**
   * What comes next: the header (up to `"files": {`), the first entry or the empty object's
   * end, an entry (after a comma), a comma or the end (after an entry), nothing (done), or the
   * scan gave up.
   */
  private state: "header" | "first" | "entry" | "after" | "done" | "failed" = "header";
  /** Bytes of the header, or of an entry cut by the chunk's end, waiting for the next chunk. */
  private carry: Buffer = Buffer.alloc(0);
  private readonly paths: string[] = [];
  // Digests decoded from their hex bytes as they are met (no string per file: 500,000 of them
  // were 40 MB of garbage while the restore was at its largest).
  private sha: Buffer;
  private sizes: Float64Array;
  private exec: Uint8Array;

  /** `sizeHint`: the text's length when known (the arrays are sized for it: about 130 bytes a file). */
  constructor(sizeHint = 0) {
    const n = Math.max(32, Math.ceil(sizeHint / 130));
    this.sha = Buffer.allocUnsafe(n * 32);
    this.sizes = new Float64Array(n);
    this.exec = new Uint8Array(n);
  }

  /** Bytes held between chunks now: the header, or an entry cut by the last chunk's end. */
  get carried(): number {
    return this.carry.length;
  }

  /** Whether the text is known not to be canonical already (the rest need not be fed). */
  get gaveUp(): boolean {
    return this.state === "failed";
  }

  push(chunk: Buffer): void {
    if (this.state === "failed" || chunk.length === 0) return;
    if (this.state === "done") return this.fail();
    const b = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let pos = 0;
    if (this.state === "header") {
      const at = b.indexOf(FILES_KEY);
      if (at < 0) {
        if (b.length > MAX_HEADER) return this.fail();
        this.carry = Buffer.from(b);
        return;
      }
      const header = parseSnapshotManifest(b.toString("utf8", 0, at) + '\n "files": {}\n}');
      if (typeof header === "string") return this.fail();
      this.header = header;
      pos = at + FILES_KEY.length;
      this.state = "first";
    }
    while (pos < b.length) {
      const left = b.length - pos;
      if (this.state === "first") {
        // No entry: the empty object's end, and nothing after it.
        if (b[pos] !== 0x7d) {
          this.state = "entry";
          continue;
        }
        if (!isPrefix(EMPTY_END, b, pos)) return this.fail();
        if (left < EMPTY_END.length) break;
        this.state = "done";
        pos += EMPTY_END.length;
      } else if (this.state === "entry") {
        const close = b.indexOf(ENTRY_END, pos + ENTRY_OPEN.length);
        if (close < 0) {
          if (left > MAX_ENTRY) return this.fail();
          break; // its end is in a later chunk
        }
        const next = this.entry(b, pos, close + ENTRY_END.length);
        if (next < 0) return this.fail();
        pos = next;
        this.state = "after";
      } else if (this.state === "after") {
        if (b[pos] === 0x2c) {
          pos++;
          this.state = "entry";
          continue;
        }
        if (!isPrefix(END, b, pos)) return this.fail();
        if (left < END.length) break;
        this.state = "done";
        pos += END.length;
      } else {
        return this.fail(); // bytes after the end
      }
    }
    this.carry = pos < b.length ? Buffer.from(b.subarray(pos)) : Buffer.alloc(0);
  }

  /** The packed manifest once every byte was pushed, or undefined when the text is not canonical. */
  finish(): PackedSnapshotManifest | undefined {
    if (this.state !== "done" || this.header === undefined) return undefined;
    const n = this.paths.length;
    const { files: _none, ...rest } = this.header;
    // Copies of their exact size: the spare room of the estimate is not kept.
    return {
      ...rest,
      files: PackedFiles.fromScan(this.paths, Buffer.from(this.sha.subarray(0, n * 32)), this.sizes.slice(0, n), this.exec.slice(0, n)),
    };
  }

  private fail(): void {
    this.state = "failed";
    this.carry = Buffer.alloc(0);
  }

  /** One entry in b[pos, end) (end: just after its closing brace); the position after it, or -1. */
  private entry(b: Buffer, from: number, end: number): number {
    let pos = from;
    const match = (token: Buffer): boolean => {
      if (pos + token.length > end || b.compare(token, 0, token.length, pos, pos + token.length) !== 0) return false;
      pos += token.length;
      return true;
    };
    if (!match(ENTRY_OPEN)) return -1;
    const start = pos;
    let escaped = false;
    while (pos < end && b[pos] !== 0x22) {
      if (b[pos]! < 0x20) return -1;
      if (b[pos] === 0x5c) {
        escaped = true;
        pos++;
      }
      pos++;
    }
    if (pos >= end) return -1;
    let p: string;
    try {
      p = escaped ? (JSON.parse(b.toString("utf8", start - 1, pos + 1)) as string) : b.toString("utf8", start, pos);
    } catch {
      return -1;
    }
    const paths = this.paths;
    if (p === "__proto__" || ARRAY_INDEX.test(p)) return -1;
    if (paths.length > 0 && comparePaths(paths[paths.length - 1]!, p) >= 0) return -1;
    if (!match(SHA_KEY)) return -1;
    if (pos + 64 > end) return -1;
    const k0 = paths.length;
    if (k0 === this.sizes.length) this.grow();
    const at = k0 * 32;
    const sha = this.sha;
    for (let k = 0; k < 32; k++) {
      const hi = HEX[b[pos + 2 * k]!]!;
      const lo = HEX[b[pos + 2 * k + 1]!]!;
      if (hi > 15 || lo > 15) return -1;
      sha[at + k] = (hi << 4) | lo;
    }
    pos += 64;
    if (!match(SIZE_KEY)) return -1;
    const digits = pos;
    while (pos < end && b[pos]! >= 0x30 && b[pos]! <= 0x39) pos++;
    const len = pos - digits;
    if (len === 0 || len > 15 || (len > 1 && b[digits] === 0x30)) return -1;
    let size = 0;
    for (let k = digits; k < pos; k++) size = size * 10 + (b[k]! - 0x30);
    if (!match(MODE_KEY)) return -1;
    if (pos + 3 > end) return -1;
    const mode = b.toString("latin1", pos, pos + 3);
    if (mode !== "644" && mode !== "755") return -1;
    pos += 3;
    if (!match(ENTRY_CLOSE) || pos !== end) return -1;
    paths.push(p);
    this.sizes[k0] = size;
    this.exec[k0] = mode === "755" ? 1 : 0;
    return pos;
  }

  private grow(): void {
    const n = this.sizes.length * 2;
    const sha = Buffer.allocUnsafe(n * 32);
    this.sha.copy(sha);
    this.sha = sha;
    const sizes = new Float64Array(n);
    sizes.set(this.sizes);
    this.sizes = sizes;
    const exec = new Uint8Array(n);
    exec.set(this.exec);
    this.exec = exec;
  }
}

/** Whether b from `pos` on is `token` or its beginning (b may end first). */
function isPrefix(token: Buffer, b: Buffer, pos: number): boolean {
  const n = Math.min(token.length, b.length - pos);
  return b.compare(token, 0, n, pos, pos + n) === 0;
}

/** scanCanonical over a text in one piece (see CanonicalScan). */
function scanCanonical(b: Buffer): PackedSnapshotManifest | undefined {
  const scan = new CanonicalScan(b.length);
  scan.push(b);
  return scan.finish();
}

/** The value of each lowercase hex digit's byte; 255 for every other byte. */
const HEX = new Uint8Array(256).fill(255);
for (let d = 0; d < 10; d++) HEX[0x30 + d] = d;
for (let d = 0; d < 6; d++) HEX[0x61 + d] = 10 + d;

/** Keys JSON.parse (any object) lists first, in numeric order: canonical array indexes. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
