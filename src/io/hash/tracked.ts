/**
 * The clean tracked files of git's index, packed (issue 20: bounded memory at 500,000 files).
 *
 * Why: a Map of path -> {oid, executable} built from `git ls-files -s -v -z`, with the paths and
 * ids sliced out of the whole listing (which the slices keep alive), held about 450 bytes a
 * file: the largest holder of a cached verify and of a seal (230 MB at 500,000 files). Here the
 * listing's own bytes are kept (about 90 bytes a file) with two int32 arrays: where each kept
 * record starts, and an open-addressing table by path. A path is compared byte for byte and an
 * id decoded only when asked for.
 *
 * Kept: "H" (normal) entries at stage 0 of regular files (100644, 100755) that `git diff-files`
 * did not name: the files git vouches for. The record layout is "T MMMMMM <oid> S\t<path>\0".
 */
import { nameBytes } from "../../core/names.js";

export interface TrackedFile {
  oid: string;
  executable: boolean;
}

/** FNV-1a 32-bit over bytes (a spread, not a security property: lookups compare the bytes). */
function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= b[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The same hash over a string's UTF-8 bytes when it is ASCII (no copy), else undefined. */
function hashAscii(p: string): number | undefined {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c >= 0x80) return undefined;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** "100644" or "100755" at `at`: a regular file, plain or executable. */
function isRegularMode(b: Buffer, at: number): boolean {
  if (b[at] !== 0x31 || b[at + 1] !== 0x30 || b[at + 2] !== 0x30) return false;
  const [x, y, z] = [b[at + 3], b[at + 4], b[at + 5]];
  return (x === 0x36 && y === 0x34 && z === 0x34) || (x === 0x37 && y === 0x35 && z === 0x35);
}

/** Whether record k of `ctimes` (seconds at [2k], nanoseconds at [2k + 1]) is `ctimeNs`; false when unknown. */
function ctimeAt(ctimes: Uint32Array | undefined, k: number, ctimeNs: bigint): boolean {
  if (!ctimes) return false;
  return BigInt(ctimes[2 * k]!) * 1_000_000_000n + BigInt(ctimes[2 * k + 1]!) === ctimeNs;
}

const TAB = 9;
const NUL = 0;

export class TrackedIndex {
  /** Number of files kept. */
  readonly size: number;
  /** Length of an object id (40: SHA-1, 64: SHA-256), or 0 when nothing is kept. */
  readonly oidLength: number;
  /** Record k: its start in `listing`, and where its path starts (after the tab). */
  private readonly starts: Int32Array;
  private readonly pathStarts: Int32Array;
  /** slot -> record + 1 (0 empty); capacity a power of two, at least twice the size. */
  private readonly table: Int32Array;
  /** Per record: 1 once `get` returned it (the files this run saw, for `seenOid`). */
  private readonly seen: Uint8Array;
  private oidTable: Int32Array | undefined;

  private constructor(
    private readonly listing: Buffer,
    starts: number[],
    pathStarts: number[],
    /** Record k's index ctime: seconds at [2k], nanoseconds at [2k + 1] (index-ctimes.ts); undefined: unknown. */
    private readonly ctimes?: Uint32Array,
  ) {
    this.size = starts.length;
    this.starts = Int32Array.from(starts);
    this.pathStarts = Int32Array.from(pathStarts);
    this.seen = new Uint8Array(this.size);
    this.oidLength = this.size > 0 ? this.pathStarts[0]! - 3 - (this.starts[0]! + 9) : 0;
    let cap = 16;
    while (cap < this.size * 2) cap *= 2;
    this.table = new Int32Array(cap);
    const mask = cap - 1;
    for (let k = 0; k < this.size; k++) {
      let s = hashBytes(listing, this.pathStarts[k]!, this.pathEnd(k)) & mask;
      while (this.table[s] !== 0) s = (s + 1) & mask;
      this.table[s] = k + 1;
    }
  }

  /**
   * From the raw output of `git ls-files -s -v -z` and the paths `git diff-files` named (their
   * work-tree file may differ from the index: not vouched for). `ctimes`: every listed entry's
   * ctime from the index file, in listing order (readIndexCtimes); ignored unless there is one
   * for each entry.
   */
  static fromListing(listing: Buffer, dirty: Iterable<string>, ctimes?: Uint32Array): TrackedIndex {
    const dirtyBytes = new Set<string>();
    for (const d of dirty) dirtyBytes.add(nameBytes(d).toString("latin1")); // latin1: one char a byte, exact
    const starts: number[] = [];
    const pathStarts: number[] = [];
    const ordinals: number[] = [];
    let at = 0;
    let ordinal = 0;
    while (at < listing.length) {
      let nul = listing.indexOf(NUL, at);
      if (nul < 0) nul = listing.length;
      const tab = listing.indexOf(TAB, at);
      // "H 100644 <oid> 0\t<path>": tag, mode, stage and a tab within the record.
      if (
        tab > at + 10 &&
        tab < nul &&
        listing[at] === 0x48 /* H */ &&
        listing[tab - 1] === 0x30 /* stage 0 */ &&
        isRegularMode(listing, at + 2) &&
        (dirtyBytes.size === 0 || !dirtyBytes.has(listing.toString("latin1", tab + 1, nul)))
      ) {
        starts.push(at);
        pathStarts.push(tab + 1);
        ordinals.push(ordinal);
      }
      at = nul + 1;
      ordinal++;
    }
    let kept: Uint32Array | undefined;
    if (ctimes && ctimes.length === ordinal * 2) {
      kept = new Uint32Array(starts.length * 2);
      ordinals.forEach((n, k) => {
        kept![2 * k] = ctimes[2 * n]!;
        kept![2 * k + 1] = ctimes[2 * n + 1]!;
      });
    }
    return new TrackedIndex(listing, starts, pathStarts, kept);
  }

  /**
   * Whether record k's index entry recorded exactly this ctime (nanoseconds since the epoch).
   * False when the index's ctimes are unknown: git's whole-second comparison alone does not
   * vouch for the file (index-ctimes.ts).
   */
  ctimeIs(k: number, ctimeNs: bigint): boolean {
    return ctimeAt(this.ctimes, k, ctimeNs);
  }

  private pathEnd(k: number): number {
    const end = this.listing.indexOf(NUL, this.pathStarts[k]);
    return end < 0 ? this.listing.length : end;
  }

  private find(p: string): number {
    if (this.size === 0) return -1;
    const mask = this.table.length - 1;
    const ascii = hashAscii(p);
    const bytes = ascii === undefined ? nameBytes(p) : undefined;
    const h = ascii ?? hashBytes(bytes!, 0, bytes!.length);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.table[s]!;
      if (slot === 0) return -1;
      const k = slot - 1;
      const start = this.pathStarts[k]!;
      const end = this.pathEnd(k);
      if (bytes) {
        if (this.listing.compare(bytes, 0, bytes.length, start, end) === 0) return k;
        continue;
      }
      if (end - start !== p.length) continue;
      let i = 0;
      while (i < p.length && this.listing[start + i] === p.charCodeAt(i)) i++;
      if (i === p.length) return k;
    }
  }

  /** The clean tracked file at `p` (its index blob id and executable bit), marked as seen. */
  get(p: string): TrackedFile | undefined {
    const k = this.recordOf(p);
    return k < 0 ? undefined : this.file(k);
  }

  /**
   * The record number of the clean tracked file at `p` (-1: none), marked as seen: a key into
   * `ids()`, for a caller that looks its files up once and needs their ids later.
   */
  recordOf(p: string): number {
    const k = this.find(p);
    if (k >= 0) this.seen[k] = 1;
    return k;
  }

  /**
   * The blob ids and executable bits alone, by record number, with what was seen so far (issue
   * 20): for after the walk, when no file is looked up by its path any more. About 22 bytes a
   * file (the id as raw bytes) instead of the listing's 80 or so and the tables by path: at
   * 500,000 files, 11 MB held through the hashing instead of about 45.
   */
  ids(): TrackedIds {
    const half = this.oidLength / 2;
    const oids = Buffer.alloc(this.size * half);
    const exec = new Uint8Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const start = this.starts[k]! + 9;
      oids.write(this.listing.toString("latin1", start, start + this.oidLength), k * half, half, "hex");
      if (this.listing[this.starts[k]! + 5] === 0x37 /* the 7 of 100755 */) exec[k] = 1;
    }
    return new TrackedIds(oids, exec, this.seen.slice(), this.oidLength, this.ctimes);
  }

  /** Whether `p` is a clean tracked file (does not mark it seen). */
  has(p: string): boolean {
    return this.find(p) >= 0;
  }

  /** Record k (from recordOf). */
  file(k: number): TrackedFile {
    const start = this.starts[k]!;
    return {
      oid: this.listing.toString("latin1", start + 9, this.pathStarts[k]! - 3),
      executable: this.listing[start + 5] === 0x37 /* the 7 of 100755 */,
    };
  }

  /** Whether a file returned by `get` has this blob id (what the stat cache's blob half keeps). */
  seenOid(oid: string): boolean {
    if (this.size === 0 || oid.length !== this.oidLength) return false;
    if (!this.oidTable) {
      let cap = 16;
      while (cap < this.size * 2) cap *= 2;
      const table = new Int32Array(cap);
      const mask = cap - 1;
      for (let k = 0; k < this.size; k++) {
        if (this.seen[k] !== 1) continue;
        const start = this.starts[k]! + 9;
        let s = hashBytes(this.listing, start, start + this.oidLength) & mask;
        while (table[s] !== 0) s = (s + 1) & mask;
        table[s] = k + 1;
      }
      this.oidTable = table;
    }
    const mask = this.oidTable.length - 1;
    const h = hashAscii(oid);
    if (h === undefined) return false;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.oidTable[s]!;
      if (slot === 0) return false;
      const start = this.starts[slot - 1]! + 9;
      let i = 0;
      while (i < oid.length && this.listing[start + i] === oid.charCodeAt(i)) i++;
      if (i === oid.length) return true;
    }
  }
}

/**
 * The clean tracked files' blob ids by record number (TrackedIndex.ids): no path, no lookup by
 * path. Ids are kept as raw bytes (lower-case hex out, as git prints them).
 */
export class TrackedIds {
  private oidTable: Int32Array | undefined;
  private scratch: Buffer | undefined;

  constructor(
    private readonly oids: Buffer,
    private readonly exec: Uint8Array,
    private readonly seen: Uint8Array,
    /** Length of an id in hex digits (40 or 64; 0 when there is none). */
    readonly oidLength: number,
    /** The records' index ctimes (TrackedIndex's own array, not a copy), if known. */
    private readonly ctimes?: Uint32Array,
  ) {}

  /** TrackedIndex.ctimeIs, by record number. */
  ctimeIs(k: number, ctimeNs: bigint): boolean {
    return ctimeAt(this.ctimes, k, ctimeNs);
  }

  /** Number of records. */
  get size(): number {
    return this.exec.length;
  }

  /** Record k (0 <= k < size) as TrackedIndex.get gave it. */
  at(k: number): TrackedFile {
    const half = this.oidLength / 2;
    return { oid: this.oids.toString("hex", k * half, (k + 1) * half), executable: this.exec[k] === 1 };
  }

  /** Whether a record seen (looked up before ids() was taken) has this blob id. */
  seenOid(oid: string): boolean {
    if (this.size === 0 || oid.length !== this.oidLength || !/^[0-9a-f]+$/.test(oid)) return false;
    const half = this.oidLength / 2;
    if (!this.oidTable) {
      let cap = 16;
      while (cap < this.size * 2) cap *= 2;
      const table = new Int32Array(cap);
      const mask = cap - 1;
      for (let k = 0; k < this.size; k++) {
        if (this.seen[k] !== 1) continue;
        let s = hashBytes(this.oids, k * half, (k + 1) * half) & mask;
        while (table[s] !== 0) s = (s + 1) & mask;
        table[s] = k + 1;
      }
      this.oidTable = table;
    }
    const want = (this.scratch ??= Buffer.alloc(32)); // one per lookup would be an allocation per cached blob (prune)
    want.write(oid, 0, half, "hex");
    const mask = this.oidTable.length - 1;
    for (let s = hashBytes(want, 0, half) & mask; ; s = (s + 1) & mask) {
      const slot = this.oidTable[s]!;
      if (slot === 0) return false;
      if (this.oids.compare(want, 0, half, (slot - 1) * half, slot * half) === 0) return true;
    }
  }
}
