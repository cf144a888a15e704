/**
 * The manifest's stat cache (machine-local, under .git/integrity-guard/, never committed).
 *
 * - `files`: path -> the stat of the file when it was last hashed (size, mtime ns, inode,
 *   ctime ns) and its SHA-256. A file whose stat is unchanged is not re-read, except when its
 *   mtime is within RACY_WINDOW_NS of the moment the cache was written ("racy git": an edit in
 *   the same timestamp tick as the hash leaves the stat unchanged), and except with --no-cache.
 * - `blobs`: git blob id -> SHA-256 and size of the work-tree bytes of a tracked file that git
 *   reported clean. For tracked files git's own index (which handles racy entries itself) says
 *   which files changed, so an unchanged tracked file costs neither a read nor an lstat here.
 *
 * One cache file per work tree (the state dir is shared by linked worktrees). A cache that is
 * missing, unreadable or of another version is ignored: the only cost is re-hashing.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { writeFileAtomic } from "./atomic.js";
import type { StatKey } from "./hash/pool.js";

/** Two seconds: covers FAT's 2 s mtime granularity and coarse kernel clocks with room to spare. */
export const RACY_WINDOW_NS = 2_000_000_000n;
const VERSION = 1;

type FileRecord = [size: string, mtimeNs: string, ino: string, ctimeNs: string, sha256: string, exec: 0 | 1];
type BlobRecord = [sha256: string, size: number];

interface CacheData {
  version: number;
  /** Wall-clock ns when the cache was written. */
  stamp: string;
  files: Record<string, FileRecord>;
  blobs: Record<string, BlobRecord>;
}

export interface CachedContent {
  sha256: string;
  size: number;
  executable: boolean;
}

export class StatCache {
  private files = new Map<string, FileRecord>();
  private blobs = new Map<string, BlobRecord>();
  private stamp = 0n;
  private dirty = false;
  /** Paths (re)recorded in this run: their hash is at least as recent as the next stamp. */
  private touched = new Set<string>();

  private constructor(readonly file: string) {}

  /** Cache file for the work tree at `root` inside `stateDir`. */
  static pathFor(stateDir: string, root: string): string {
    const id = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
    return path.join(stateDir, `manifest-cache-${id}.json`);
  }

  /** Load (never throws: a bad cache is an empty cache). */
  static load(file: string): StatCache {
    const c = new StatCache(file);
    try {
      const data = JSON.parse(fs.readFileSync(file, "utf8")) as CacheData;
      if (data.version === VERSION && typeof data.stamp === "string") {
        c.stamp = BigInt(data.stamp);
        c.files = new Map(Object.entries(data.files ?? {}));
        c.blobs = new Map(Object.entries(data.blobs ?? {}));
      }
    } catch {
      /* missing or damaged: start empty */
    }
    return c;
  }

  static empty(file: string): StatCache {
    return new StatCache(file);
  }

  private isRacy(mtimeNs: string): boolean {
    return BigInt(mtimeNs) >= this.stamp - RACY_WINDOW_NS;
  }

  /** The cached content of `rel` when `stat` is exactly what was recorded and not racy. */
  lookup(rel: string, stat: StatKey): CachedContent | undefined {
    const r = this.files.get(rel);
    if (!r || r[0] !== stat[0] || r[1] !== stat[1] || r[2] !== stat[2] || r[3] !== stat[3] || this.isRacy(r[1])) return undefined;
    return { sha256: r[4], size: Number(r[0]), executable: r[5] === 1 };
  }

  /**
   * True when `rel` was recorded with exactly this stat (not racy) but with other content:
   * the file changed without any of its metadata changing (bit rot).
   */
  isBitrot(rel: string, stat: StatKey, sha256: string): boolean {
    const r = this.files.get(rel);
    return !!r && r[0] === stat[0] && r[1] === stat[1] && r[2] === stat[2] && r[3] === stat[3] && !this.isRacy(r[1]) && r[4] !== sha256;
  }

  record(rel: string, stat: StatKey, sha256: string, executable: boolean): void {
    const prev = this.files.get(rel);
    const next: FileRecord = [stat[0], stat[1], stat[2], stat[3], sha256, executable ? 1 : 0];
    this.touched.add(rel);
    if (prev && prev.every((v, i) => v === next[i])) return;
    this.files.set(rel, next);
    this.dirty = true;
  }

  forget(rel: string): void {
    if (this.files.delete(rel)) this.dirty = true;
  }

  blob(oid: string): CachedContent | undefined {
    const b = this.blobs.get(oid);
    return b ? { sha256: b[0], size: b[1], executable: false } : undefined;
  }

  recordBlob(oid: string, sha256: string, size: number): void {
    const prev = this.blobs.get(oid);
    if (prev && prev[0] === sha256 && prev[1] === size) return;
    this.blobs.set(oid, [sha256, size]);
    this.dirty = true;
  }

  /** Keep only the given paths and blob ids (after a full, unsharded run). */
  prune(keepPaths: ReadonlySet<string>, keepBlobs: ReadonlySet<string>): void {
    for (const p of [...this.files.keys()]) {
      if (!keepPaths.has(p)) {
        this.files.delete(p);
        this.dirty = true;
      }
    }
    for (const o of [...this.blobs.keys()]) {
      if (!keepBlobs.has(o)) {
        this.blobs.delete(o);
        this.dirty = true;
      }
    }
  }

  /**
   * Write the cache atomically when it changed. Entries whose mtime is too close to now stay
   * racy for the next run. Best effort: a cache that cannot be written only costs speed.
   */
  async save(): Promise<boolean> {
    if (!this.dirty) return false;
    // An entry racy against the old stamp that this run did not re-hash must not become
    // trusted just because the stamp moves forward: drop it (it is re-hashed next time).
    for (const [p, r] of this.files) if (!this.touched.has(p) && this.isRacy(r[1])) this.files.delete(p);
    const stamp = BigInt(Date.now()) * 1_000_000n;
    const data: CacheData = {
      version: VERSION,
      stamp: String(stamp),
      files: Object.fromEntries(this.files),
      blobs: Object.fromEntries(this.blobs),
    };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(data));
      this.stamp = stamp;
      this.dirty = false;
      return true;
    } catch {
      return false;
    }
  }
}
