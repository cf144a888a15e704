/**
 * The stat cache's records held in flat typed arrays (issue 20: bounded memory at 500,000 files).
 *
 * Why: each half held one string per record in a Map or a dictionary object (a file record as
 * its 130-character JSON text, a blob record as "<64 hex><size>"): about 200 bytes a file record
 * and 170 a blob record with its slot and key, the largest holders of a cold verify and of a
 * seal (both halves are filled for every tracked file). Here a record is a slot in typed arrays:
 * the digest as 32 raw bytes, each decimal stat field as two exact numbers (the digits above the
 * last nine, and the last nine), found by key through a Map of key -> slot: about 80 bytes a
 * file record and 40 a blob record, beside the key and its Map slot.
 *
 * Keys keep the Map's order (insertion order, a re-set key keeps its place, a deleted and re-set
 * one moves to the end), the order the halves were written in before.
 */

import { PackedKeys } from "./stat-cache-keys.js";

/** A canonical decimal (no leading zero, at most 20 digits: every 64-bit value). */
const DECIMAL = /^(?:0|[1-9]\d{0,19})$/;
const HEX64 = /^[0-9a-f]{64}$/;
const D = "(0|[1-9]\\d{0,19})";
/** A file record's text, checked and split in one match. */
const BLOB = /^[0-9a-f]{64}(?:0|[1-9]\d{0,15})$/;
const RECORD = new RegExp(`^"${D}","${D}","${D}","${D}","([0-9a-f]{64})",([01])$`);
const LOW = 1_000_000_000;

function grown<T extends Float64Array | Uint32Array | Uint8Array | Buffer>(old: T, length: number, make: (n: number) => T): T {
  const out = make(length);
  out.set(old);
  return out;
}

function joinDecimal(hi: number, lo: number): string {
  return hi === 0 ? String(lo) : String(hi) + String(lo).padStart(9, "0");
}

/** The stat of a file as (size, mtime ns, inode, ctime ns) decimal strings. */
type StatFields = readonly [string, string, string, string];

/**
 * File records: path -> stat (4 decimals), SHA-256, executable bit. The text of a record, as the
 * cache file holds it (`"size","mtime","ino","ctime","sha",0`), is rebuilt only when written.
 */
export class FileRecords {
  private hi = new Float64Array(0);
  private lo = new Uint32Array(0);
  /** A Buffer (for its hex codec without a view per call). */
  private sha = Buffer.alloc(0);
  private exec = new Uint8Array(0);
  private readonly slots = new PackedKeys((n) => {
    this.hi = grown(this.hi, n * 4, (k) => new Float64Array(k));
    this.lo = grown(this.lo, n * 4, (k) => new Uint32Array(k));
    this.sha = grown(this.sha, n * 32, (k) => Buffer.alloc(k));
    this.exec = grown(this.exec, n, (k) => new Uint8Array(k));
  });

  private split: [bigint, number, number] | undefined;

  get size(): number {
    return this.slots.size;
  }

  has(p: string): boolean {
    return this.slots.has(p);
  }

  /** Paths in the half's order. */
  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  delete(p: string): boolean {
    return this.slots.delete(p);
  }

  /**
   * Set a record from its fields; false (nothing set, and an earlier record of `p` removed: a
   * damaged record is re-hashed, never trusted) when a field is not canonical.
   */
  set(p: string, stat: StatFields, sha256: string, executable: boolean): boolean {
    if (!stat.every((f) => DECIMAL.test(f)) || !HEX64.test(sha256)) {
      this.delete(p);
      return false;
    }
    this.store(p, stat, sha256, executable);
    return true;
  }

  /** Set from a record's text (`"size","mtime","ino","ctime","sha",0`); false (and any earlier record removed) when it is not one. */
  setText(p: string, text: string): boolean {
    const m = RECORD.exec(text);
    if (!m) {
      this.delete(p);
      return false;
    }
    this.store(p, [m[1]!, m[2]!, m[3]!, m[4]!], m[5]!, m[6] === "1");
    return true;
  }

  /** Store fields already checked (canonical decimals, 64 lower-case hex). */
  private store(p: string, stat: StatFields, sha256: string, executable: boolean): void {
    const s = this.slots.claim(p);
    for (let i = 0; i < 4; i++) {
      const f = stat[i]!;
      this.hi[s * 4 + i] = f.length > 9 ? Number(f.slice(0, -9)) : 0;
      this.lo[s * 4 + i] = f.length > 9 ? Number(f.slice(-9)) : Number(f);
    }
    this.sha.write(sha256, s * 32, 32, "hex");
    this.exec[s] = executable ? 1 : 0;
  }

  /** Whether `p`'s record has exactly this stat. */
  statIs(p: string, stat: StatFields): boolean {
    const s = this.slots.get(p);
    if (s === undefined) return false;
    for (let i = 0; i < 4; i++) {
      const f = stat[i]!;
      const lo = f.length > 9 ? Number(f.slice(-9)) : Number(f);
      const hi = f.length > 9 ? Number(f.slice(0, -9)) : 0;
      if (this.lo[s * 4 + i] !== lo || this.hi[s * 4 + i] !== hi || !DECIMAL.test(f)) return false;
    }
    return true;
  }

  /** Lower-case hex SHA-256 of `p`'s record (undefined without one). */
  sha256(p: string): string | undefined {
    const s = this.slots.get(p);
    return s === undefined ? undefined : this.sha.toString("hex", s * 32, s * 32 + 32);
  }

  executable(p: string): boolean {
    const s = this.slots.get(p);
    return s !== undefined && this.exec[s] === 1;
  }

  /**
   * Whether `p`'s recorded mtime or ctime is at least `threshold` ns (false without a record): the
   * racy test. The ctime too: `touch -d`, `cp -p` and `tar x` put an old mtime on a file just
   * written, and a same-size rewrite put back the same way within the ctime's tick (a jiffy on
   * Linux, a second on some file systems) leaves every recorded field equal.
   */
  mtimeAtLeast(p: string, threshold: bigint): boolean {
    const s = this.slots.get(p);
    if (s === undefined) return false;
    // Exact: both parts are integers below 2^53; the threshold is split the same way (once per
    // threshold: save and replay ask about every record with the same one).
    if (this.split?.[0] !== threshold)
      this.split = threshold < 0n ? [threshold, -1, 0] : [threshold, Number(threshold / BigInt(LOW)), Number(threshold % BigInt(LOW))];
    const [, tHi, tLo] = this.split;
    for (const i of [1, 3]) {
      const hi = this.hi[s * 4 + i]!;
      const lo = this.lo[s * 4 + i]!;
      if (hi > tHi || (hi === tHi && lo >= tLo)) return true;
    }
    return false;
  }

  /** The record's text as the cache file holds it (the bytes JSON.stringify gives its array, less the brackets). */
  text(p: string): string | undefined {
    const s = this.slots.get(p);
    if (s === undefined) return undefined;
    const f = (i: number) => joinDecimal(this.hi[s * 4 + i]!, this.lo[s * 4 + i]!);
    return ['"', f(0), '","', f(1), '","', f(2), '","', f(3), '","', this.sha256(p)!, '",', this.exec[s] === 1 ? "1" : "0"].join("");
  }
}

/** Blob records: git blob id -> SHA-256 and size of the work-tree bytes. */
export class BlobRecords {
  private sha = Buffer.alloc(0);
  private sizes = new Float64Array(0);
  private readonly slots = new PackedKeys((n) => {
    this.sha = grown(this.sha, n * 32, (k) => Buffer.alloc(k));
    this.sizes = grown(this.sizes, n, (k) => new Float64Array(k));
  });

  get size(): number {
    return this.slots.size;
  }

  has(oid: string): boolean {
    return this.slots.has(oid);
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  delete(oid: string): boolean {
    return this.slots.delete(oid);
  }

  set(oid: string, sha256: string, size: number): void {
    const s = this.slots.claim(oid);
    this.sha.write(sha256, s * 32, 32, "hex");
    this.sizes[s] = size;
  }

  /** Set from a record's text ("<64 hex><decimal size>"); false (and any earlier record removed) when it is not one. */
  setText(oid: string, text: string): boolean {
    if (!BLOB.test(text)) {
      this.delete(oid);
      return false;
    }
    this.set(oid, text.slice(0, 64), Number(text.slice(64)));
    return true;
  }

  get(oid: string): { sha256: string; size: number } | undefined {
    const s = this.slots.get(oid);
    if (s === undefined) return undefined;
    return { sha256: this.sha.toString("hex", s * 32, s * 32 + 32), size: this.sizes[s]! };
  }

  /** The record's text as the cache file holds it ("<64 hex><decimal size>"). */
  text(oid: string): string | undefined {
    const r = this.get(oid);
    return r && r.sha256 + String(r.size);
  }
}
