/**
 * Blobs an incremental snapshot reuses (the previous snapshot read them back against the same
 * SHA-256 and size), checked where git stores them without git inflating each (issue 20): at
 * 100,000 files `cat-file --batch` of the reused blobs was 0.75 s of git CPU and as much again
 * to parse its answers, for an incremental of 10 changed files. The blobs a snapshot packs
 * itself are checked the same way (capture.ts: `fresh`): their bytes are those hashed for the
 * manifest, so git need not inflate them nor this process hash them again.
 *
 * What it proves, per blob: a pack of the repository (objects/pack/<x>.idx and .pack, version 2
 * index) holds an entry for its id whose bytes, as they lie on disk now, have the CRC-32 that
 * index-pack recorded when it wrote them (index-pack computed the id from those bytes, so they
 * are the blob's), and that entry is a whole blob (not a delta) of the size the manifest says.
 * That is what the inflate it replaces proved (git can read the bytes, of that size), taken from
 * the stored bytes rather than from zlib's own check. git reads a damaged packed copy by falling
 * back to another copy, so one intact copy is enough.
 *
 * It only ever says "intact": an id it cannot find, an index of another version, a delta, a
 * blob bigger than one read, a CRC or size that differs, any read error leaves the blob to the
 * caller's `cat-file` read-back, which names a damaged one. An object directory git is told to
 * take from elsewhere (GIT_OBJECT_DIRECTORY) is not looked at.
 *
 * Memory: one index at a time (those above MAX_IDX bytes are skipped: their blobs go to git),
 * plus its ids' first words and its offsets sorted (12 bytes an object), and one read of the
 * pack (READ_SPAN) at a time.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** Indexes bigger than this (about 1.1 million objects) are not read: their blobs go to git. */
const MAX_IDX = 32 << 20;
/** Bytes of a pack read at once; entries closer than GAP are read together. */
const READ_SPAN = 4 << 20;
const GAP = 64 << 10;
const IDX_MAGIC = 0xff744f63; // "\377tOc"
const OBJ_BLOB = 3;

/** One blob to check: its 20-byte id at `oids[20 * row]`, the size the manifest gives it. */
interface PackCheckInput {
  oids: Buffer;
  size: ArrayLike<number>;
  /** The rows to check (a typed array at scale: one number each, no array growth). */
  rows: ArrayLike<number>;
}

/** The rows of `input.rows` whose blob a pack holds intact (see above); the others are left to git. */
export function blobsIntactInPacks(objectsDir: string | undefined, input: PackCheckInput): ProvenRows {
  const proven = new ProvenRows(input.size.length);
  if (!objectsDir || input.rows.length === 0 || !zlib.crc32) return proven;
  let names: string[];
  try {
    names = fs.readdirSync(path.join(objectsDir, "pack"));
  } catch {
    return proven;
  }
  // Newest packs first: an incremental's blobs mostly sit in the packs its previous runs wrote.
  const have = new Set(names);
  const packs = names
    .filter((n) => n.endsWith(".idx") && have.has(n.slice(0, -4) + ".pack"))
    .map((n) => {
      const base = path.join(objectsDir, "pack", n.slice(0, -4));
      return { base, mtime: fs.statSync(base + ".pack", { throwIfNoEntry: false })?.mtimeMs ?? 0 };
    })
    .sort((a, b) => b.mtime - a.mtime)
    .map((p) => p.base);
  let left = Uint32Array.from(input.rows);
  for (const base of packs) {
    if (left.length === 0) break;
    try {
      checkPack(base, input, left, proven);
    } catch {
      /* this pack is left out (removed by a gc, unreadable): its blobs go to git */
    }
    left = left.filter((r) => !proven.has(r));
  }
  return proven;
}

/** The objects directory git reads for `commonDir`, or undefined when git is told to read another. */
export function objectsDirOf(commonDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GIT_OBJECT_DIRECTORY ? undefined : path.join(commonDir, "objects");
}

/** Check the rows `rows` against one pack (base.idx, base.pack); adds the intact ones to `proven`. */
function checkPack(base: string, input: PackCheckInput, rows: Uint32Array, proven: ProvenRows): void {
  const idxSize = fs.statSync(base + ".idx").size;
  if (idxSize > MAX_IDX || idxSize < 8 + 1024 + 40) return;
  const idx = fs.readFileSync(base + ".idx");
  if (idx.readUInt32BE(0) !== IDX_MAGIC || idx.readUInt32BE(4) !== 2) return;
  const fanout = (b: number): number => idx.readUInt32BE(8 + 4 * b);
  const n = fanout(255);
  const oidAt = 8 + 1024;
  const crcAt = oidAt + 20 * n;
  const offAt = crcAt + 4 * n;
  const bigAt = offAt + 4 * n;
  if (bigAt + 40 > idx.length) return;
  // The first 4 bytes of each id as a number: the search compares those, and the whole id once.
  const head = new Uint32Array(n);
  for (let j = 0; j < n; j++) head[j] = idx.readUInt32BE(oidAt + 20 * j);
  const offset = (j: number): number => {
    const o = idx.readUInt32BE(offAt + 4 * j);
    if (o < 0x80000000) return o;
    return Number(idx.readBigUInt64BE(bigAt + 8 * (o & 0x7fffffff)));
  };
  const found: { row: number; j: number; at: number }[] = [];
  for (const row of rows) {
    const key = input.oids.readUInt32BE(20 * row);
    const first = input.oids[20 * row]!;
    let lo = first === 0 ? 0 : fanout(first - 1);
    let hi = fanout(first) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = head[mid]!;
      const c = h !== key ? (h < key ? -1 : 1) : idx.compare(input.oids, 20 * row, 20 * row + 20, oidAt + 20 * mid, oidAt + 20 * mid + 20);
      if (c === 0) {
        found.push({ row, j: mid, at: offset(mid) });
        break;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  if (found.length === 0) return;
  const fd = fs.openSync(base + ".pack", "r");
  try {
    const packEnd = fs.fstatSync(fd).size - 20;
    // Where each entry ends: the next entry's offset (all offsets sorted), or the pack's trailer.
    const starts = new Float64Array(n);
    for (let j = 0; j < n; j++) starts[j] = offset(j);
    starts.sort();
    const endOf = (at: number): number => {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      return starts[lo]! > at ? starts[lo]! : packEnd;
    };
    found.sort((a, b) => a.at - b.at);
    let buf = Buffer.allocUnsafe(0);
    for (let k = 0; k < found.length;) {
      // One read for the entries from k on that lie close together, within READ_SPAN.
      const from = found[k]!.at;
      let to = endOf(from);
      let e = k + 1;
      for (; e < found.length; e++) {
        const end = endOf(found[e]!.at);
        if (found[e]!.at - to > GAP || end - from > READ_SPAN) break;
        to = end;
      }
      if (to - from > READ_SPAN || to > packEnd) {
        k = e; // a blob too big for one read (or an entry past the end): left to git
        continue;
      }
      if (buf.length < to - from) buf = Buffer.allocUnsafe(Math.max(to - from, 1 << 20));
      if (fs.readSync(fd, buf, 0, to - from, from) !== to - from) return;
      for (; k < e; k++) {
        const { row, j, at } = found[k]!;
        const entry = buf.subarray(at - from, endOf(at) - from);
        if (zlib.crc32(entry) !== idx.readUInt32BE(crcAt + 4 * j)) continue;
        const header = entryHeader(entry);
        if (header && header.type === OBJ_BLOB && header.size === input.size[row]) proven.add(row);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A pack entry's type and size (gitformat-pack: type in bits 4-6, size as a base-128 varint). */
function entryHeader(entry: Uint8Array): { type: number; size: number } | undefined {
  if (entry.length === 0) return undefined;
  let c = entry[0]!;
  const type = (c >> 4) & 7;
  let size = c & 0x0f;
  let shift = 16;
  for (let p = 1; c & 0x80; p++) {
    if (p >= entry.length || shift > 2 ** 48) return undefined;
    c = entry[p]!;
    size += (c & 0x7f) * shift;
    shift *= 128;
  }
  return { type, size };
}

/**
 * The rows proven intact: a byte a row (at 500,000 rows a Set of numbers, grown by doubling, was
 * about 20 MB of a first snapshot's read-back peak; issue 20).
 */
class ProvenRows implements Iterable<number> {
  private readonly marks: Uint8Array;
  size = 0;

  constructor(rows: number) {
    this.marks = new Uint8Array(rows);
  }

  add(row: number): void {
    if (this.marks[row]) return;
    this.marks[row] = 1;
    this.size++;
  }

  has(row: number): boolean {
    return this.marks[row] === 1;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.marks.length; i++) if (this.marks[i]) yield i;
  }
}
