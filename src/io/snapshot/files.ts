/**
 * The files of a backup set as they are in the work tree: committed or not. Git-ignored files
 * and secret-looking names are left out as the set's selection says (set-policy.ts); without
 * one, everything is taken. Only regular files; symlinks are reported and skipped (their
 * targets may lie outside the repository), `.git` folders are never entered.
 */
import crypto, { createHash } from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { matcher } from "../../core/glob.js";
import { decodeName, hasRawBytes } from "../../core/names.js";
import { parseScope, unsafeSnapshotPath, type SnapshotFileEntry } from "../../core/snapshot/manifest.js";
import { secretAllowed, secretLooking } from "../../core/snapshot/secrets.js";
import { checkRelative } from "../paths.js";

export interface CollectResult {
  /** Repo-relative POSIX paths, sorted. */
  files: string[];
  /** Paths skipped and why (symlinks, special files, names we cannot store). */
  skipped: { path: string; reason: string }[];
  /** Files the selection left out (sorted), when a selection was given. */
  leftOut?: LeftOut;
}

/** Which files of a set's paths are taken (set-policy.ts builds it from the set's config or a manifest). */
export interface SetSelection {
  /** Leave git-ignored files out (`ignored: exclude`, the default). */
  excludeIgnored: boolean;
  /** Leave secret-looking names out unless `allow` admits them; undefined: no such rule (encrypted set, allow_secrets: true). */
  secrets?: { allow: readonly string[] };
  /** The ignored ones among these files (git check-ignore). */
  ignoredOf: (files: readonly string[]) => Promise<Set<string>>;
}

export interface LeftOut {
  ignored: string[];
  /** Secret-looking names and the pattern each matched. */
  secrets: { path: string; pattern: string }[];
}

/** Collect the files a set's `paths` name ("dir/" = everything below; globs; `:(literal)p`). */
export async function collectSetFiles(root: string, setPaths: readonly string[], selection?: SetSelection): Promise<CollectResult> {
  // One walk never finds a path twice: its files go straight into an array (at 500,000 files a
  // Set of them, grown by doubling, was about 40 MB more at the peak). Several may overlap.
  const found: Found = setPaths.length > 1 ? new Set<string>() : [];
  const skipped: { path: string; reason: string }[] = [];
  const globs: string[] = [];
  for (const raw of setPaths) {
    const scope = parseScope(raw);
    if (scope.glob) {
      globs.push(scope.path);
      continue;
    }
    const rel = checkRelative(scope.path, "snapshot set path");
    await walk(root, rel, found, skipped, true);
  }
  if (globs.length > 0) {
    const all = new Set<string>();
    await walk(root, "", all, [], false);
    const m = matcher(globs);
    for (const f of all) if (m(f)) addFound(found, f);
  }
  const files: string[] = [];
  for (const f of found) {
    // Names with a newline are stored (git hash-object names them in argv, update-index -z).
    const why = unsafeSnapshotPath(f);
    if (why) skipped.push({ path: f, reason: why });
    else files.push(f);
  }
  files.sort();
  if (!selection) return { files, skipped };
  return { ...(await applySelection(files, selection)), skipped };
}

async function applySelection(files: string[], selection: SetSelection): Promise<{ files: string[]; leftOut: LeftOut }> {
  const leftOut: LeftOut = { ignored: [], secrets: [] };
  const ignored = selection.excludeIgnored ? await selection.ignoredOf(files) : new Set<string>();
  const kept: string[] = [];
  for (const f of files) {
    if (ignored.has(f)) {
      leftOut.ignored.push(f);
      continue;
    }
    const pattern = selection.secrets ? secretLooking(f) : undefined;
    if (pattern && !secretAllowed(selection.secrets!.allow, f)) leftOut.secrets.push({ path: f, pattern });
    else kept.push(f);
  }
  return { files: kept, leftOut };
}

/** Paths found: an array for one walk, a Set when walks may overlap. */
type Found = Set<string> | string[];

function addFound(out: Found, p: string): void {
  if (Array.isArray(out)) out.push(p);
  else out.add(p);
}

/**
 * Folders read at once. The walk was one promise per folder, all started together: at 500,000
 * files in 5,000 folders their entries, names and paths outlived the young generation and the
 * listing peaked at about 290 MB (180 MB with this bound), for no speed: libuv reads 4 at a time.
 */
const FOLDERS_AT_ONCE = 16;

async function walk(root: string, rel: string, out: Found, skipped: { path: string; reason: string }[], report: boolean): Promise<void> {
  const abs = rel ? path.join(root, rel) : root;
  let st;
  try {
    st = await fs.lstat(abs);
  } catch {
    return; // a configured path that does not exist (yet) contributes no files
  }
  if (st.isSymbolicLink()) {
    if (report) skipped.push({ path: rel, reason: "symlink (not followed)" });
    return;
  }
  if (st.isFile()) {
    addFound(out, rel);
    return;
  }
  if (!st.isDirectory()) {
    if (report) skipped.push({ path: rel, reason: "not a regular file" });
    return;
  }
  // Folders in the order they are found (first found, first read), at most FOLDERS_AT_ONCE read at once.
  const queue: string[] = [rel];
  let next = 0;
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const visit = (dir: string, entries: { name: string; entry: fsSync.Dirent<string | Buffer> }[]): void => {
      for (const { name, entry: e } of entries) {
        if (name === ".git") continue;
        // join, not `${dir}/${name}`: V8 makes the latter a pair of pointers, flattened into a
        // second string by the first sort; join writes one flat string. At 500,000 files that
        // was 15 MB less live heap through the whole snapshot (and a faster sort).
        const child = dir ? [dir, name].join("/") : name;
        // A name that is not UTF-8 cannot be named by a string path: listed as it is, so the
        // caller reports it (unsafeSnapshotPath) instead of a read failing on a lossy name.
        if (hasRawBytes(name)) addFound(out, child);
        else if (e.isFile()) addFound(out, child);
        else if (e.isDirectory()) queue.push(child);
        else if (report) skipped.push({ path: child, reason: e.isSymbolicLink() ? "symlink (not followed)" : "not a regular file" });
      }
    };
    const pump = (): void => {
      while (active < FOLDERS_AT_ONCE && next < queue.length) {
        const dir = queue[next++]!;
        active++;
        readFolder(dir ? path.join(root, dir) : root).then(
          (entries) => {
            active--;
            try {
              visit(dir, entries);
            } catch (error) {
              reject(error);
              return;
            }
            if (active === 0 && next >= queue.length) resolve();
            else pump();
          },
          (error: unknown) => {
            // A folder removed (or replaced by a file) since its parent was read holds no files.
            const code = (error as NodeJS.ErrnoException).code;
            if (dir !== rel && (code === "ENOENT" || code === "ENOTDIR")) {
              active--;
              if (active === 0 && next >= queue.length) resolve();
              else pump();
            } else reject(error);
          },
        );
      }
      if (active === 0 && next >= queue.length) resolve();
    };
    pump();
  });
}

/**
 * A folder's entries. Node decodes names that are not UTF-8 lossily (U+FFFD), so a listing that
 * holds U+FFFD is read again as bytes and decoded losslessly (core/names.ts).
 */
async function readFolder(abs: string): Promise<{ name: string; entry: fsSync.Dirent<string | Buffer> }[]> {
  const entries = await fs.readdir(abs, { withFileTypes: true });
  if (!entries.some((e) => e.name.includes("\uFFFD"))) return entries.map((e) => ({ name: e.name, entry: e }));
  const raw = await fs.readdir(abs, { withFileTypes: true, encoding: "buffer" });
  return raw.map((e) => ({ name: decodeName(e.name), entry: e }));
}

/**
 * SHA-256, size and mode of each file. Synchronous reads on purpose: for many small files they
 * are about twice as fast as the thread pool (measured on 10,000 JSON files), and the CLI has
 * nothing else to do meanwhile.
 */
export async function hashWorktreeFiles(
  root: string,
  files: readonly string[],
  keep?: Map<string, Buffer>,
): Promise<Map<string, SnapshotFileEntry>> {
  const result = new Map<string, SnapshotFileEntry>();
  let kept = 0;
  for (const rel of files) {
    const fd = fsSync.openSync(path.join(root, rel), "r");
    try {
      const st = fsSync.fstatSync(fd);
      const data = readWhole(fd, st.size);
      result.set(rel, { sha256: sha256(data), size: data.length, mode: st.mode & 0o111 ? "100755" : "100644" });
      // Kept for writing the blobs from the very bytes hashed (bounded by the caller's budget).
      if (keep && kept + data.length <= KEEP_LIMIT) {
        keep.set(rel, data);
        kept += data.length;
      }
    } finally {
      fsSync.closeSync(fd);
    }
  }
  return result;
}

/**
 * SHA-256 and size of files that should exist (a restore's verification): one open each, and
 * files that do not exist go to `missing` instead of failing the whole call.
 */
export function hashFilesIfPresent(
  root: string,
  files: readonly string[],
  missing: string[],
): Map<string, { sha256: string; size: number }> {
  const result = new Map<string, { sha256: string; size: number }>();
  for (const rel of files) {
    let fd: number;
    try {
      fd = fsSync.openSync(path.join(root, rel), "r");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        missing.push(rel);
        continue;
      }
      throw error;
    }
    try {
      const data = readWhole(fd, fsSync.fstatSync(fd).size);
      result.set(rel, { sha256: sha256(data), size: data.length });
    } finally {
      fsSync.closeSync(fd);
    }
  }
  return result;
}

/**
 * The whole file, given the size fstat reported: reads of size+1 bytes until that size is
 * reached (usually one read; readFileSync would fstat again and read once more to see 0).
 * A short read (network and FUSE file systems may return one) is continued; a read of 0 bytes
 * ends a file that shrank; a file that grew since the fstat is read on to its end.
 */
export function readWhole(fd: number, size: number): Buffer {
  // 2 GiB and more: readFileSync, which refuses such files as it always did (memory stays bounded).
  if (size >= 0x7fffffff) return fsSync.readFileSync(fd);
  const buf = Buffer.allocUnsafe(size + 1);
  let n = 0;
  do {
    const got = fsSync.readSync(fd, buf, n, buf.length - n, n);
    if (got === 0) return buf.subarray(0, n);
    n += got;
  } while (n < size);
  if (n === size) return buf.subarray(0, n);
  const parts = [buf];
  for (let pos = n; ;) {
    const more = Buffer.allocUnsafe(64 * 1024);
    const got = fsSync.readSync(fd, more, 0, more.length, pos);
    if (got === 0) break;
    parts.push(more.subarray(0, got));
    pos += got;
  }
  return Buffer.concat(parts);
}

/** Bytes of file content kept in memory at most while a snapshot is prepared. */
const KEEP_LIMIT = 256 * 1024 * 1024;

/** Hex SHA-256; the one-shot crypto.hash (node >= 20.12) skips a Hash object per call. */
export function sha256(data: string | Uint8Array): string {
  return oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex");
}

type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: "hex") => string;
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;
