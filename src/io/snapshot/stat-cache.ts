/**
 * The snapshot stat cache (machine-local, .git/integrity-guard/snapshot-stat/<set>): for each
 * file of the set's last snapshot prepared here, the stat it had when read (size, mtime and
 * ctime in ns, inode), its SHA-256, mode and git blob id. A file whose stat is unchanged is
 * neither read nor hashed again, and its blob is not written again: an incremental snapshot
 * costs one lstat per file plus the changed files.
 *
 * The records are grouped in blocks, one per run of files of one folder (capture.ts: segments),
 * each holding the run's manifest text and, for a folder of files only, its tree id: a run
 * whose names and stats are all unchanged is taken whole (its manifest text copied, its tree
 * reused, its records copied into the next cache) without a look at each file (issue 20).
 *
 * Why not src/io/stat-cache.ts: that cache holds the manifest's files (tracked, sealed), no
 * blob ids of work-tree bytes, and is parsed whole; a set may hold untracked and ignored files,
 * and this one is read as a stream merged with the sorted file list, so its memory is one
 * block whatever the size of the set. The racy-git window is the same (RACY_WINDOW_NS).
 *
 * Trust: the cache is used only when it was written for the very tree of the set's previous
 * snapshot (header), so its blob ids are ids that snapshot holds, and its digests those of its
 * manifest (that snapshot read every blob back against them before its branch moved). A file
 * taken from the cache is therefore not read back again (capture.ts): the header carries the
 * SHA-256 of the records, checked once they are all read (`intact`), and a cache that fails
 * it is not used. A reused tree id is a hint too: capture.ts uses it only when the previous
 * snapshot's tree holds that very id at that folder. A file whose mtime is within
 * RACY_WINDOW_NS of the moment its stat was taken is read again (a same-tick edit leaves the
 * stat unchanged), and a block holding one is never taken whole. A missing, damaged or foreign
 * cache is ignored: the only cost is reading the files again.
 *
 * Format (version 3; an older cache is ignored once): a header line `ig-snapshot-stat 3
 * <tree id> <stamp ns, 20 digits> <sha256 of the blocks>\n`, then the blocks in manifest order.
 * A block: `<first path>\0<last path>\0<count> <ident bytes> <text bytes> <tree id or -> <racy
 * 0|1>\n`, then the ident (`<name>\0<size> <mtime ns> <ctime ns> <ino>\0` per file, name
 * without its folder), the manifest text (manifestEntryText of each file joined by ",\n"), and
 * four columns: SHA-256 (32 bytes a file), blob id (20), size (float64 LE), exec bit (1).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { compareManifestOrder } from "../../core/snapshot/manifest-stream.js";
import { writerTag } from "../process-start.js";
import { sweepDeadWriters } from "../sweep-dead-writers.js";
import { RACY_WINDOW_NS } from "../stat-cache.js";
import { makeStateFolderSync } from "../state-folder.js";
import { openStateFileSync } from "../read-regular.js";

const MAGIC = "ig-snapshot-stat 3";
const CHUNK = 1 << 20;
/** Blocks held before the writer's first write (StatCacheWriter). */
const HOLD = 8 << 20;
const NO_TREE = "0".repeat(40);
const NO_DIGEST = "0".repeat(64);

/** A file's stat as the cache records it: `text` is "<size> <mtime ns> <ctime ns> <ino>". */
export interface StatKey {
  text: string;
  mtimeNs: bigint;
}

/**
 * The key of a stat (ns times: bigint stats). Made once per file and compared as text with
 * the record, which holds the same four numbers in the same form, so neither side converts
 * or splits per field.
 */
export function statKeyOf(st: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }): StatKey {
  return { text: `${st.size} ${st.mtimeNs} ${st.ctimeNs} ${st.ino}`, mtimeNs: st.mtimeNs };
}

interface CachedFile {
  sha256: string;
  mode: "100644" | "100755";
  oid: string;
}

/** A record as written: the file's SHA-256, mode and blob id, and its size when it was read. */
interface RecordedFile extends CachedFile {
  size: number;
}

/** What a lookup of one file finds (capture.ts). */
export interface Lookup {
  hit?: CachedFile;
  previousOid?: string;
  previous?: RecordedFile;
}

/** One block: a run of files of one folder, as the writer wrote it. */
export interface CacheBlock {
  first: string;
  last: string;
  count: number;
  /** `<name>\0<stat key>\0` per file. */
  ident: string;
  /** The run's manifest text (ManifestWriter.addBytes), as UTF-8 bytes. */
  text: Buffer;
  sha: Buffer;
  oid: Buffer;
  size: Float64Array;
  exec: Uint8Array;
  /** The folder's tree id, when the run was a whole folder of files only. */
  tree?: string;
  /** A file's mtime was within the racy window of the stamp: never taken whole. */
  racy: boolean;
  /** The block's bytes, copied as they are into the next cache when the run is taken whole. */
  raw: Buffer;
  /** path -> record (parsed when a file of the block is looked up alone). */
  files?: Map<string, { key: string; rec: RecordedFile }>;
}

/** The block's columns and text, as capture.ts hands a new run to the writer. */
interface NewBlock {
  first: string;
  last: string;
  count: number;
  ident: string;
  text: string;
  sha: Uint8Array;
  oid: Uint8Array;
  size: Float64Array;
  exec: Uint8Array;
  tree?: string;
  racy: boolean;
}

/** The cache file of a set. */
export function statCachePath(stateDir: string, set: string): string {
  return path.join(stateDir, "snapshot-stat", set);
}

function header(tree: string, stampNs: bigint, digest: string): string {
  return `${MAGIC} ${tree} ${String(stampNs).padStart(20, "0")} ${digest}\n`;
}

/** The first time from which an mtime is racy for a cache stamped `stampNs`. */
export function racyFrom(stampNs: bigint): bigint {
  return stampNs - RACY_WINDOW_NS;
}

/**
 * Whether `block` is exactly the run paths[a..b) with these stats, none racy: the run may then
 * be taken whole. `keyOf(i)` is the stat key of paths[i] (undefined: not a regular file).
 */
export function blockMatches(
  block: CacheBlock,
  paths: readonly string[],
  a: number,
  b: number,
  keyOf: (i: number) => string | undefined,
): boolean {
  if (block.racy || block.count !== b - a || block.first !== paths[a] || block.last !== paths[b - 1]) return false;
  const ident = block.ident;
  let pos = 0;
  for (let i = a; i < b; i++) {
    const p = paths[i]!;
    const key = keyOf(i);
    if (key === undefined) return false;
    const nameAt = p.lastIndexOf("/") + 1;
    const nameLength = p.length - nameAt;
    if (!ident.startsWith(nameAt === 0 ? p : p.slice(nameAt), pos) || ident.charCodeAt(pos + nameLength) !== 0) return false;
    pos += nameLength + 1;
    if (!ident.startsWith(key, pos) || ident.charCodeAt(pos + key.length) !== 0) return false;
    pos += key.length + 1;
  }
  return pos === ident.length;
}

/**
 * The record of `file` among `blocks` (those StatCacheReader.blocksFor gave its run): `hit`
 * when `stat` is exactly what was recorded and not racy (the file need not be read), and the
 * blob id the previous snapshot holds for it either way (a file read again whose blob has that
 * id is not written again).
 */
export function lookupIn(blocks: readonly CacheBlock[], file: string, stat: StatKey, racyFromNs: bigint): Lookup {
  for (const block of blocks) {
    const found = filesOf(block).get(file);
    if (!found) continue;
    const { key, rec } = found;
    if (key !== stat.text || stat.mtimeNs >= racyFromNs) return { previousOid: rec.oid, previous: rec };
    return { hit: { sha256: rec.sha256, mode: rec.mode, oid: rec.oid }, previousOid: rec.oid };
  }
  return {};
}

function filesOf(block: CacheBlock): Map<string, { key: string; rec: RecordedFile }> {
  if (block.files) return block.files;
  const files = new Map<string, { key: string; rec: RecordedFile }>();
  const slash = block.first.lastIndexOf("/");
  const dir = slash < 0 ? "" : block.first.slice(0, slash + 1);
  let pos = 0;
  for (let i = 0; i < block.count; i++) {
    const nameEnd = block.ident.indexOf("\0", pos);
    const keyEnd = nameEnd < 0 ? -1 : block.ident.indexOf("\0", nameEnd + 1);
    if (keyEnd < 0) break; // a damaged block: its files are read again (and intact() fails)
    const name = block.ident.slice(pos, nameEnd);
    const key = block.ident.slice(nameEnd + 1, keyEnd);
    pos = keyEnd + 1;
    files.set(dir + name, {
      key,
      rec: {
        sha256: block.sha.toString("hex", 32 * i, 32 * i + 32),
        oid: block.oid.toString("hex", 20 * i, 20 * i + 20),
        mode: block.exec[i] ? "100755" : "100644",
        size: block.size[i]!,
      },
    });
  }
  block.files = files;
  return files;
}

/**
 * Reads the blocks in file order, one chunk at a time. `blocksFor` is called with runs in
 * manifest order (the order they were written in); blocks of runs not asked for are skipped.
 */
export class StatCacheReader {
  private buf: Buffer;
  private pos = 0;
  private readPos: number;
  private eof = false;
  private current: CacheBlock | undefined;
  /** Where mtimes become racy for this cache's stamp. */
  readonly racyFrom: bigint;
  /** The blocks' bytes as they are read, against the header's digest (intact). */
  private readonly hash = crypto.createHash("sha256");
  private damaged = false;

  private constructor(
    private fd: number | undefined,
    headerLength: number,
    stampNs: bigint,
    private readonly digest: string,
  ) {
    this.buf = Buffer.alloc(0);
    this.readPos = headerLength;
    this.racyFrom = racyFrom(stampNs);
  }

  /** Open the cache when it was written for `tree`; undefined otherwise (missing, damaged, another tree). */
  static open(file: string, tree: string | undefined): StatCacheReader | undefined {
    if (!tree || tree === NO_TREE) return undefined;
    let fd: number | undefined;
    try {
      fd = openStateFileSync(file); // never through a link, never a FIFO
    } catch {
      return undefined;
    }
    if (fd === undefined) return undefined;
    const head = Buffer.alloc(header(tree, 0n, NO_DIGEST).length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const m = /^ig-snapshot-stat 3 ([0-9a-f]+) (\d{20}) ([0-9a-f]{64})\n$/.exec(head.toString("latin1", 0, n));
    if (!m || m[1] !== tree) {
      fs.closeSync(fd);
      return undefined;
    }
    return new StatCacheReader(fd, n, BigInt(m[2]!), m[3]!);
  }

  /**
   * The blocks that may hold files of the run first..last (manifest order): blocks wholly
   * before it are skipped, a block reaching past it stays for the next run.
   */
  blocksFor(first: string, last: string): CacheBlock[] {
    const out: CacheBlock[] = [];
    for (;;) {
      this.current ??= this.next();
      const block = this.current;
      if (!block) return out;
      if (compareManifestOrder(block.last, first) < 0) {
        this.current = undefined;
        continue;
      }
      if (compareManifestOrder(block.first, last) > 0) return out;
      out.push(block);
      if (compareManifestOrder(block.last, last) > 0) return out;
      this.current = undefined;
    }
  }

  /**
   * Whether the blocks are those the writer wrote (their SHA-256 is the header's): the rest of
   * the file is read to tell. Call after the last lookup; false when reading fails.
   */
  intact(): boolean {
    try {
      while (!this.eof && this.fd !== undefined) this.fill();
    } catch {
      return false;
    }
    return !this.damaged && this.eof && this.hash.digest("hex") === this.digest;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** Read the next chunk (hashed as read); false at the end of the file. */
  private fill(): boolean {
    // The rest of the current buffer is copied to the start of a new one, then read onto.
    const rest = this.buf.length - this.pos;
    const next = Buffer.allocUnsafe(rest + Math.max(CHUNK, rest));
    this.buf.copy(next, 0, this.pos);
    const n = fs.readSync(this.fd!, next, rest, next.length - rest, this.readPos);
    this.readPos += n;
    if (n === 0) this.eof = true;
    this.hash.update(next.subarray(rest, rest + n));
    this.buf = next.subarray(0, rest + n);
    this.pos = 0;
    return n > 0;
  }

  /** Make `n` bytes from pos available; false when the file ends first. */
  private have(n: number): boolean {
    while (this.buf.length - this.pos < n) {
      if (this.eof || this.fd === undefined || !this.fill()) return false;
    }
    return true;
  }

  private next(): CacheBlock | undefined {
    if (this.damaged) return undefined;
    // The head line: two paths (NUL-ended; a path may hold a newline), then the numbers.
    let nl: number;
    for (;;) {
      const z1 = this.buf.indexOf(0, this.pos);
      const z2 = z1 < 0 ? -1 : this.buf.indexOf(0, z1 + 1);
      nl = z2 < 0 ? -1 : this.buf.indexOf(10, z2 + 1);
      if (nl >= 0) break;
      if (this.buf.length - this.pos > 1 << 20 && z2 < 0) return this.fail();
      if (this.eof || this.fd === undefined || !this.fill()) {
        if (this.pos < this.buf.length) this.fail();
        return undefined;
      }
    }
    const start = this.pos;
    const z1 = this.buf.indexOf(0, start);
    const z2 = this.buf.indexOf(0, z1 + 1);
    const first = this.buf.toString("utf8", start, z1);
    const last = this.buf.toString("utf8", z1 + 1, z2);
    const m = /^(\d{1,9}) (\d{1,10}) (\d{1,10}) ([0-9a-f]{40}|-) ([01])$/.exec(this.buf.toString("latin1", z2 + 1, nl));
    if (!m) return this.fail();
    const count = Number(m[1]);
    const identBytes = Number(m[2]);
    const textBytes = Number(m[3]);
    const headLength = nl + 1 - start;
    const total = headLength + identBytes + textBytes + 61 * count;
    if (!this.have(total)) return this.fail();
    const at = this.pos + headLength;
    const b = this.buf;
    // A view, not a copy: fill() never writes into a buffer it gave out (it makes a new one).
    const raw = b.subarray(this.pos, this.pos + total);
    const colAt = headLength + identBytes + textBytes;
    const block: CacheBlock = {
      first,
      last,
      count,
      ident: b.toString("utf8", at, at + identBytes),
      text: raw.subarray(headLength + identBytes, colAt),
      sha: raw.subarray(colAt, colAt + 32 * count),
      oid: raw.subarray(colAt + 32 * count, colAt + 52 * count),
      // A copy: a Float64Array needs an aligned buffer.
      size: new Float64Array(new Uint8Array(raw.subarray(colAt + 52 * count, colAt + 60 * count)).buffer),
      exec: raw.subarray(colAt + 60 * count, colAt + 61 * count),
      racy: m[5] === "1",
      raw,
      ...(m[4] !== "-" ? { tree: m[4]! } : {}),
    };
    this.pos += total;
    return block;
  }

  /** A block that cannot be parsed: no more blocks are given, and intact() fails. */
  private fail(): undefined {
    this.damaged = true;
    return undefined;
  }
}

/**
 * Remove the temporary caches (`<set>.<writer>.tmp`; writer: process-start.ts writerTag) of
 * processes that are gone: a snapshot killed while writing its cache (kill -9, OOM) leaves one as
 * big as the cache, never renamed (told by pid and start time: a reused pid kept it for good).
 */
function sweepDeadTemps(file: string): void {
  const prefix = path.basename(file) + ".";
  sweepDeadWriters(path.dirname(file), (name) => {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) return undefined;
    const tag = name.slice(prefix.length, -4);
    // Our own name (writerAlive keeps it too), or a name not of this shape: kept.
    return tag !== writerTag() && /^[1-9]\d*(?:s\d+)?$/.test(tag) ? tag : undefined;
  });
}

/**
 * Writes a new cache to a temporary file and renames it over the old one at the end. The
 * header names no tree until commit() writes the real one, so a cache cut short is never used.
 * The first HOLD bytes of blocks wait in memory (about 30,000 files), so a capture that keeps
 * the old cache (discard) writes nothing.
 */
export class StatCacheWriter {
  private fd: number | undefined;
  private parts: Buffer[] = [];
  private pending = 0;
  private readonly tmp: string;
  private closed = false;
  private readonly hash = crypto.createHash("sha256");

  constructor(
    private readonly file: string,
    private readonly stampNs: bigint,
  ) {
    this.tmp = `${file}.${writerTag()}.tmp`;
    sweepDeadTemps(file);
  }

  /** A block of the old cache, as it is (its run was taken whole). */
  addRaw(block: CacheBlock): void {
    this.push(block.raw);
  }

  /** A new block. */
  add(b: NewBlock): void {
    const head = Buffer.from(
      `${b.first}\0${b.last}\0${b.count} ${Buffer.byteLength(b.ident, "utf8")} ${Buffer.byteLength(b.text, "utf8")} ${b.tree ?? "-"} ${b.racy ? 1 : 0}\n`,
      "utf8",
    );
    const size = Buffer.from(b.size.buffer, b.size.byteOffset, 8 * b.count);
    this.push(Buffer.concat([head, Buffer.from(b.ident, "utf8"), Buffer.from(b.text, "utf8"), b.sha, b.oid, size, b.exec]));
  }

  /** Drop the new blocks and leave the cache file as it is; false when some were already written (then commit or abort). */
  discard(): boolean {
    if (this.fd !== undefined || this.closed) return false;
    this.parts = [];
    this.closed = true;
    return true;
  }

  /** Bind the cache to the tree it describes and move it into place. */
  commit(tree: string): void {
    this.flush();
    fs.writeSync(this.open(), header(tree, this.stampNs, this.hash.digest("hex")), 0, "latin1");
    this.close();
    fs.renameSync(this.tmp, this.file);
  }

  /** Drop the new cache. */
  abort(): void {
    const opened = this.fd !== undefined;
    this.close();
    this.parts = [];
    if (opened) fs.rmSync(this.tmp, { force: true });
  }

  private push(bytes: Buffer): void {
    this.parts.push(bytes);
    this.pending += bytes.length;
    if (this.pending >= (this.fd === undefined ? HOLD : CHUNK)) this.flush();
  }

  private open(): number {
    if (this.fd === undefined) {
      makeStateFolderSync(path.dirname(this.file));
      // A new file ("wx"): a symlink left at the temporary's name goes, and is never written through.
      fs.rmSync(this.tmp, { force: true });
      this.fd = fs.openSync(this.tmp, "wx", 0o600);
      fs.writeSync(this.fd, header(NO_TREE, this.stampNs, NO_DIGEST));
    }
    return this.fd;
  }

  private close(): void {
    if (!this.closed && this.fd !== undefined) fs.closeSync(this.fd);
    this.closed = true;
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const fd = this.open();
    for (const part of this.parts) this.hash.update(part);
    // writev: the parts as they are (no copy into one buffer); a short write goes on from where it stopped.
    let parts = this.parts;
    while (parts.length > 0) {
      let n = fs.writevSync(fd, parts.slice(0, 1024));
      let k = 0;
      while (k < parts.length && n >= parts[k]!.length) n -= parts[k++]!.length;
      parts = parts.slice(k);
      if (n > 0) parts[0] = parts[0]!.subarray(n);
    }
    this.parts = [];
    this.pending = 0;
  }
}
