/**
 * The snapshot stat cache (machine-local, .git/integrity-guard/snapshot-stat/<set>): for each
 * file of the set's last snapshot prepared here, the stat it had when read (size, mtime and
 * ctime in ns, inode), its SHA-256, mode and git blob id. A file whose stat is unchanged is
 * neither read nor hashed again, and its blob is not written again: an incremental snapshot
 * costs one lstat per file plus the changed files.
 *
 * Why not src/io/stat-cache.ts: that cache holds the manifest's files (tracked, sealed), no
 * blob ids of work-tree bytes, and is parsed whole; a set may hold untracked and ignored files,
 * and this one is read as a stream merged with the sorted file list, so its memory is one
 * chunk whatever the size of the set. The racy-git window is the same (RACY_WINDOW_NS).
 *
 * Trust: the cache is used only when it was written for the very tree of the set's previous
 * snapshot (header), so its blob ids are ids that snapshot holds, and its digests those of its
 * manifest (that snapshot read every blob back against them before its branch moved). A file
 * taken from the cache is therefore not read back again (capture.ts): the header carries the
 * SHA-256 of the records, checked once they are all read (`intact`), and a cache that fails
 * it is not used. A file whose mtime is within RACY_WINDOW_NS of the moment its stat was taken
 * is read again (a same-tick edit leaves the stat unchanged). A missing, damaged or foreign
 * cache is ignored: the only cost is reading the files again.
 *
 * Format (version 2; a version-1 cache is ignored once): a header line `ig-snapshot-stat 2
 * <tree id> <stamp ns, 20 digits> <sha256 of the records>\n`, then one record per file, in
 * manifest order: `<size> <mtime ns> <ctime ns> <ino> <mode> <sha256> <blob id> <path>\0` (a
 * path holds no NUL; it may hold a space or a newline).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { compareManifestOrder } from "../../core/snapshot/manifest-stream.js";
import { RACY_WINDOW_NS } from "../stat-cache.js";

const MAGIC = "ig-snapshot-stat 2";
const CHUNK = 1 << 20;
/** Records held before the writer's first write (StatCacheWriter). */
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

/** The cache file of a set. */
export function statCachePath(stateDir: string, set: string): string {
  return path.join(stateDir, "snapshot-stat", set);
}

function header(tree: string, stampNs: bigint, digest: string): string {
  return `${MAGIC} ${tree} ${String(stampNs).padStart(20, "0")} ${digest}\n`;
}

/**
 * Reads the records in file order, one chunk at a time. `lookup` is called with paths in
 * manifest order (the order they were written in); records of paths not asked for are skipped.
 */
export class StatCacheReader {
  private buf: Buffer;
  private pos = 0;
  private readPos: number;
  private eof = false;
  private current: CacheRecord | undefined;
  private readonly racyFrom: bigint;
  /** The records' bytes as they are read, against the header's digest (intact). */
  private readonly hash = crypto.createHash("sha256");

  private constructor(
    private fd: number | undefined,
    headerLength: number,
    stampNs: bigint,
    private readonly digest: string,
  ) {
    this.buf = Buffer.alloc(0);
    this.readPos = headerLength;
    this.racyFrom = stampNs - RACY_WINDOW_NS;
  }

  /** Open the cache when it was written for `tree`; undefined otherwise (missing, damaged, another tree). */
  static open(file: string, tree: string | undefined): StatCacheReader | undefined {
    if (!tree || tree === NO_TREE) return undefined;
    let fd: number;
    try {
      fd = fs.openSync(file, "r");
    } catch {
      return undefined;
    }
    const head = Buffer.alloc(header(tree, 0n, NO_DIGEST).length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const m = /^ig-snapshot-stat 2 ([0-9a-f]+) (\d{20}) ([0-9a-f]{64})\n$/.exec(head.toString("latin1", 0, n));
    if (!m || m[1] !== tree) {
      fs.closeSync(fd);
      return undefined;
    }
    return new StatCacheReader(fd, n, BigInt(m[2]!), m[3]!);
  }

  /**
   * The record of `file`: `hit` when `stat` is exactly what was recorded and not racy (the file
   * need not be read), and the blob id the previous snapshot holds for it either way (a file
   * read again whose blob has that id is not written again).
   */
  lookup(file: string, stat: StatKey): { hit?: CachedFile; previousOid?: string; previous?: RecordedFile } {
    for (;;) {
      this.current ??= this.next();
      if (!this.current) return {};
      if (this.current.path === file) break;
      // A record after `file` stays for a later call (`file` is new since the cache was written).
      if (compareManifestOrder(this.current.path, file) > 0) return {};
      this.current = undefined;
    }
    const { rec, statEnd } = this.current;
    this.current = undefined;
    // After the four stat numbers: " <mode> <sha256> <blob id> <path>" (fixed widths but the path).
    const mode = rec.slice(statEnd + 1, statEnd + 7);
    const sha256 = rec.slice(statEnd + 8, statEnd + 72);
    const oid = rec.slice(statEnd + 73, statEnd + 113);
    if (
      (mode !== "100644" && mode !== "100755") ||
      rec.charCodeAt(statEnd + 7) !== 32 ||
      rec.charCodeAt(statEnd + 72) !== 32 ||
      rec.charCodeAt(statEnd + 113) !== 32 ||
      !HEX64.test(sha256) ||
      !HEX40.test(oid)
    )
      return {};
    // The same four numbers, written by the same template: equal text is equal stat.
    if (statEnd !== stat.text.length || !rec.startsWith(stat.text) || stat.mtimeNs >= this.racyFrom) {
      // A miss: what was recorded, so a file read again with those very bytes can keep its blob.
      const size = Number(rec.slice(0, rec.indexOf(" ")));
      return { previousOid: oid, previous: { sha256, mode, oid, size } };
    }
    return { hit: { sha256, mode, oid }, previousOid: oid };
  }

  /**
   * Whether the records are those the writer wrote (their SHA-256 is the header's): the rest of
   * the file is read to tell. Call after the last lookup; false when reading fails.
   */
  intact(): boolean {
    try {
      while (!this.eof && this.fd !== undefined) this.fill();
    } catch {
      return false;
    }
    return this.eof && this.hash.digest("hex") === this.digest;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** Read the next chunk of records (hashed as read). */
  private fill(): void {
    const more = Buffer.allocUnsafe(CHUNK);
    const n = fs.readSync(this.fd!, more, 0, CHUNK, this.readPos);
    this.readPos += n;
    if (n === 0) this.eof = true;
    this.hash.update(more.subarray(0, n));
    this.buf = Buffer.concat([this.buf.subarray(this.pos), more.subarray(0, n)]);
    this.pos = 0;
  }

  private next(): CacheRecord | undefined {
    for (;;) {
      const end = this.buf.indexOf(0, this.pos);
      if (end >= 0) {
        const rec = this.buf.toString("utf8", this.pos, end);
        this.pos = end + 1;
        // Seven fields, then the path (which may itself hold spaces).
        let at = 0;
        let statEnd = 0;
        for (let i = 0; i < 7 && at >= 0; i++) {
          const sp = rec.indexOf(" ", at);
          if (i === 3) statEnd = sp;
          at = sp < 0 ? -1 : sp + 1;
        }
        if (at < 0) continue; // a damaged record: that file is read again
        return { path: rec.slice(at), rec, statEnd };
      }
      if (this.eof || this.fd === undefined) return undefined;
      this.fill();
    }
  }
}

/** One record: its text, where its four stat numbers end, and its path. */
interface CacheRecord {
  path: string;
  rec: string;
  statEnd: number;
}
const HEX64 = /^[0-9a-f]{64}$/;
const HEX40 = /^[0-9a-f]{40}$/;

/**
 * Writes a new cache to a temporary file and renames it over the old one at the end. The
 * header names no tree until commit() writes the real one, so a cache cut short is never used.
 * The first HOLD bytes of records wait in memory (about 45,000 files), so a capture that keeps
 * the old cache (discard) writes nothing.
 */
export class StatCacheWriter {
  private fd: number | undefined;
  private parts: string[] = [];
  private pending = 0;
  private readonly tmp: string;
  private closed = false;
  private readonly hash = crypto.createHash("sha256");

  constructor(
    private readonly file: string,
    private readonly stampNs: bigint,
  ) {
    this.tmp = `${file}.${process.pid}.tmp`;
  }

  add(file: string, stat: StatKey, e: { sha256: string; mode: string; oid: string }): void {
    const rec = `${stat.text} ${e.mode} ${e.sha256} ${e.oid} ${file}\0`;
    this.parts.push(rec);
    this.pending += rec.length;
    if (this.pending >= (this.fd === undefined ? HOLD : CHUNK)) this.flush();
  }

  /** Drop the new records and leave the cache file as it is; false when some were already written (then commit or abort). */
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

  private open(): number {
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.tmp, "w", 0o600);
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
    const bytes = Buffer.from(this.parts.join(""), "utf8");
    this.hash.update(bytes);
    fs.writeSync(this.open(), bytes);
    this.parts = [];
    this.pending = 0;
  }
}
