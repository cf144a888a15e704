/**
 * Where checks read files from: the working tree, or the git index (`check --staged`, which must
 * see exactly what will be committed, honouring GIT_INDEX_FILE).
 */
import fsSync, { constants } from "node:fs";
import path from "node:path";
import type { Git, IndexEntry } from "./git.js";
import { inGitDir, outsideLink, outsideMessage } from "./symlink-outside.js";
import { asCommitted } from "./checkout-forms.js";
import { specialKind } from "./read-regular.js";

export type ReadResult = Buffer | { error: string; code?: string; link?: string; size?: number };

/** Read options: files over `maxBytes` are not read (ETOOLARGE with their size). */
export interface ReadOptions {
  maxBytes?: number;
  /**
   * Stop reading once this many bytes are read: the paths not reached map to a DEFERRED result,
   * for a later call (at least one file is always read). Bounds the memory of a batch by bytes,
   * not by a count of files. Sources may ignore it and read everything.
   */
  maxTotalBytes?: number;
}

/** ReadResult code of a path not read because the call's maxTotalBytes was reached: read it again later. */
const DEFERRED = "EDEFERRED";

/** True for a path left for a later read call (ReadOptions.maxTotalBytes). */
export function isDeferred(result: ReadResult | undefined): boolean {
  return result !== undefined && !Buffer.isBuffer(result) && result.code === DEFERRED;
}

const deferred: ReadResult = { error: "not read yet (batch full)", code: DEFERRED };
/** The result for a path left for a later read call. */
export const DEFERRED_READ: ReadResult = deferred;

/** The result for a file over ReadOptions.maxBytes: its size, never its bytes. */
export function tooLarge(size: number): ReadResult {
  return { error: `is ${size} bytes`, code: "ETOOLARGE", size };
}

export interface FileSource {
  readonly kind: "worktree" | "index" | "commit";
  /** Repo-relative POSIX paths of regular files (symlinks and submodules are left out). */
  list(): Promise<string[]>;
  /** Read files; a path that cannot be read maps to an error object, one that does not exist is absent. */
  read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>>;
  /** Paths this work-tree source read from their index blobs (a sparse checkout left them out): messages say so. */
  readonly fromIndex?: ReadonlySet<string>;
}

export class WorktreeSource implements FileSource {
  readonly kind = "worktree" as const;
  /** A repository's work tree (no root given): files git checked out in another form are read as committed. */
  private readonly checkout: boolean;
  private readonly root: string;
  constructor(
    private readonly git: Git,
    root?: string,
  ) {
    this.checkout = root === undefined;
    this.root = root ?? git.root;
  }

  async list(): Promise<string[]> {
    return this.git.lsWorktree();
  }

  async read(paths: readonly string[], options: ReadOptions = {}): Promise<Map<string, ReadResult>> {
    const out = readFilesUnder(this.root, paths, options);
    if (this.checkout) await asCommitted(this.git, paths, out);
    return out;
  }
}

/**
 * Read `paths` (relative to `root`) as the working tree holds them, never through a symlink that
 * leaves the repository or points into .git/ (such a path maps to an OUTSIDE result naming the
 * link). Also what the library reads schemas with.
 */
export function readFilesUnder(root: string, paths: readonly string[], options: ReadOptions = {}): Map<string, ReadResult> {
  const out = new Map<string, ReadResult>();
  const escapes = escapingDirs(root);
  const budget = options.maxTotalBytes ?? Infinity;
  let total = 0;
  // Synchronous reads: for the many small files checked here they are several times faster
  // than FileHandle reads (measured in scripts/bench/validate.bench.mjs).
  for (const p of paths) {
    let fd: number | undefined;
    if (total > 0 && total >= budget) {
      out.set(p, deferred);
      continue;
    }
    // O_NOFOLLOW guards the last component only: a folder on the way may be a symlink out.
    if (inGitDir(p)) {
      out.set(p, { error: `${p} is inside .git/, which is never read`, code: OUTSIDE, link: p });
      continue;
    }
    if (escapes(p)) {
      out.set(p, outside(root, p));
      continue;
    }
    try {
      // O_NOFOLLOW: a symlink is never followed out of the repository. O_NONBLOCK: a FIFO
      // named like a data file must not hang the run (regular files ignore the flag).
      fd = fsSync.openSync(path.join(root, p), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      // A FIFO opened without a writer reads as empty: never a verdict on its "content".
      const st = fsSync.fstatSync(fd);
      if (!st.isFile()) {
        out.set(p, { error: `is ${specialKind(st)}, not a regular file`, code: st.isDirectory() ? "EISDIR" : "ENOTREG" });
        continue;
      }
      if (options.maxBytes !== undefined && st.size > options.maxBytes) {
        out.set(p, { error: `is ${st.size} bytes`, code: "ETOOLARGE", size: st.size });
        continue;
      }
      const bytes = st.size >= RELEASABLE_SIZE ? readReleasable(fd, st.size) : readSized(fd, st.size);
      total += bytes.length;
      out.set(p, bytes);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === "ENOENT") continue;
      if (e.code === "ELOOP" && outsideLink(root, p) !== undefined) out.set(p, outside(root, p));
      else out.set(p, { error: e.code === "ELOOP" ? "is a symlink (not followed)" : e.message, code: e.code });
    } finally {
      if (fd !== undefined) fsSync.closeSync(fd);
    }
  }
  return out;
}

/**
 * The file's bytes, its size known from the fstat just made: `readFileSync(fd)` makes another
 * fstat of its own (a second syscall for each of the thousands of small files a run reads). As
 * readFileSync(fd) does, it reads what the size says (fewer bytes if the file shrank since); a
 * size of 0 (what /proc files report) reads to the end.
 */
function readSized(fd: number, size: number): Buffer {
  if (size === 0) return fsSync.readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const n = fsSync.readSync(fd, bytes, at, size - at, null);
    if (n === 0) break;
    at += n;
  }
  return at < size ? bytes.subarray(0, at) : bytes;
}

/** ArrayBuffer with ES2024's resizable option (Node 20+; TypeScript's ES2023 lib does not know it). */
const ResizableArrayBuffer = ArrayBuffer as unknown as new (size: number, options: { maxByteLength: number }) => ArrayBuffer;

/** Files this big are read into memory that releaseBytes() can hand back at once. */
const RELEASABLE_SIZE = 8 * 1024 * 1024;

/**
 * The whole file, in a resizable ArrayBuffer: a GC may come long after the last use of a big
 * buffer (a 200 MiB file stayed alive through its whole JSON.parse), and shrinking the buffer to
 * nothing returns its pages at once. Reads to the end even if the file grew since fstat.
 */
function readReleasable(fd: number, size: number): Buffer {
  const ab = new ResizableArrayBuffer(size, { maxByteLength: size });
  const view = new Uint8Array(ab, 0, size);
  let at = 0;
  while (at < size) {
    const n = fsSync.readSync(fd, view, at, size - at, null);
    if (n === 0) break;
    at += n;
  }
  const rest = fsSync.readFileSync(fd); // from the current position: empty unless the file grew
  if (rest.length) return Buffer.concat([view.subarray(0, at), rest]);
  if (at < size) return Buffer.from(view.slice(0, at)); // shrank since fstat
  return Buffer.from(ab, 0, size);
}

/**
 * Give back the memory of bytes that nobody will read again (their caller's promise), now rather
 * than at the next GC; a no-op for buffers that share memory or were not read by readFilesUnder.
 * The buffer reads as empty afterwards.
 */
export function releaseBytes(bytes: Buffer): void {
  const ab = bytes.buffer as ArrayBuffer & { resizable?: boolean; resize?: (n: number) => void };
  if (ab.resizable && bytes.byteOffset === 0 && bytes.byteLength === ab.byteLength) ab.resize!(0);
}

/** Whether a path's folder resolves outside the repository (or into .git/); one realpath per folder. */
function escapingDirs(root: string): (p: string) => boolean {
  let realRoot: string | undefined;
  const memo = new Map<string, boolean>();
  return (p) => {
    const dir = path.posix.dirname(p);
    if (dir === ".") return false;
    let hit = memo.get(dir);
    if (hit === undefined) {
      try {
        realRoot ??= fsSync.realpathSync.native(root);
        const real = fsSync.realpathSync.native(path.join(root, dir));
        const rel = path.relative(realRoot, real);
        hit = rel.startsWith("..") || path.isAbsolute(rel) || inGitDir(rel);
      } catch {
        hit = false; // missing folder: the open reports ENOENT
      }
      memo.set(dir, hit);
    }
    return hit;
  };
}

/** The read result for a path reached through a symlink that leads outside the repository. */
function outside(root: string, p: string): ReadResult {
  const link = outsideLink(root, p) ?? p;
  return { error: outsideMessage(p, link).message, code: OUTSIDE, link };
}

/** ReadResult code of a path reached through a symlink out of the repository (src/io/symlink-outside.ts). */
export const OUTSIDE = "EOUTSIDE";

export class IndexSource implements FileSource {
  readonly kind = "index" as const;
  private entries: Promise<IndexEntry[]> | undefined;
  constructor(private readonly git: Git) {}

  /** All index entries, including unmerged (stage > 0) ones. */
  allEntries(): Promise<IndexEntry[]> {
    this.entries ??= this.git.lsStaged();
    return this.entries;
  }

  async list(): Promise<string[]> {
    const seen = new Set<string>();
    for (const e of await this.allEntries()) if (isRegular(e.mode)) seen.add(e.path);
    return [...seen];
  }

  async read(paths: readonly string[], options: ReadOptions = {}): Promise<Map<string, ReadResult>> {
    const wanted = new Set(paths);
    const byPath = new Map<string, IndexEntry>();
    for (const e of await this.allEntries()) {
      // For an unmerged path keep "ours" (stage 2); the validate check reports the conflict itself.
      const readable = isRegular(e.mode) || e.mode === SYMLINK;
      if (wanted.has(e.path) && readable && (e.stage === 0 || e.stage === 2 || !byPath.has(e.path))) byPath.set(e.path, e);
    }
    const out = new Map<string, ReadResult>();
    if (options.maxBytes !== undefined || options.maxTotalBytes !== undefined) {
      const kept = new Set(await withinLimits(this.git, [...byPath.values()], options, out));
      for (const [p, e] of byPath) if (!kept.has(e)) byPath.delete(p);
    }
    const blobs = await this.git.readBlobs([...byPath.values()].map((e) => e.oid));
    for (const [p, e] of byPath) {
      const b = blobs.get(e.oid);
      if (!b) out.set(p, { error: `blob ${e.oid} is missing from the object database (repository corruption)`, code: "EMISSINGOBJ" });
      else out.set(p, e.mode === SYMLINK ? indexSymlink(this.git.root, p, b) : b);
    }
    return out;
  }
}

/**
 * The entries to read under `options`, by blob sizes from `git cat-file --batch-check`: a blob
 * over maxBytes is set in `out` as ETOOLARGE with its size, never read; once maxTotalBytes are
 * taken, the rest are DEFERRED (at least one entry is always kept).
 */
export async function withinLimits<E extends Pick<IndexEntry, "mode" | "oid" | "path">>(
  git: Git,
  entries: E[],
  options: ReadOptions,
  out: Map<string, ReadResult>,
): Promise<E[]> {
  const regular = entries.filter((e) => isRegular(e.mode));
  if (regular.length === 0) return entries;
  const sizes = await git.blobSizes(regular.map((e) => e.oid));
  const maxBytes = options.maxBytes ?? Infinity;
  const budget = options.maxTotalBytes ?? Infinity;
  let total = 0;
  return entries.filter((e) => {
    const size = isRegular(e.mode) ? sizes.get(e.oid) : undefined;
    if (size !== undefined && size > maxBytes) {
      out.set(e.path, tooLarge(size));
      return false;
    }
    if (total > 0 && total >= budget) {
      out.set(e.path, deferred);
      return false;
    }
    total += size ?? 0;
    return true;
  });
}

/** Mode of a symlink entry in the index or a tree: its blob holds the link's target, never followed. */
export const SYMLINK = "120000";

/**
 * The read result for a symlink in the git index, from its target text (a blob: git never
 * stores entries below a symlink, so the link itself is the only way out). Out of the
 * repository: reported by name; inside: not followed, as in the working tree.
 */
export function indexSymlink(root: string, p: string, target: Buffer): ReadResult {
  const t = target.toString("utf8");
  let escapes: boolean;
  if (path.posix.isAbsolute(t) || path.isAbsolute(t)) {
    const rel = path.relative(root, t);
    escapes = rel === "" || rel.startsWith("..") || path.isAbsolute(rel) || inGitDir(rel);
  } else {
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(p), t));
    escapes = joined === ".." || joined.startsWith("../") || inGitDir(joined);
  }
  if (escapes) return { error: outsideMessage(p, p).message, code: OUTSIDE, link: p };
  return { error: "is a symlink (not followed)", code: "ELOOP" };
}

function isRegular(mode: string): boolean {
  return mode === "100644" || mode === "100755";
}
