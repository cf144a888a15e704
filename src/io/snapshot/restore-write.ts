/**
 * Writing a restore into the work tree so that a kill at any moment leaves every file either as
 * it was or as the snapshot has it, never missing or cut short: each blob is read from git
 * (cat-file, no checkout filters: the bytes the manifest hashed), written to a temporary file
 * in the target's own folder, made durable (one syncfs per batch, else an fsync each) and
 * renamed over the target (`git checkout` unlinks and
 * rewrites in place, so a kill there left files missing or truncated: issue 14 item 3).
 * Folders that become files and files that become folders are replaced only after everything
 * in them was recorded by the pre-restore snapshot.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { SnapshotFileEntry } from "../../core/snapshot/manifest.js";
import { EnvironmentError } from "../../errors.js";
import { fsyncDir } from "../atomic.js";
import { childEnv } from "../child-env.js";
import type { Git } from "../git.js";
import { sha256 } from "./files.js";
import { WRITER_TAG, writerTag } from "../process-start.js";

/**
 * Names of the temporaries a restore writes: `.<name>.ig-restore.<writer>.<hex>.tmp`, the writer
 * as process-start.ts writerTag names it (`<pid>s<start ticks>` on Linux, the pid alone
 * elsewhere and in names older versions wrote, which still match).
 */
export const RESTORE_TEMP_RE = new RegExp(String.raw`^\..*\.ig-restore\.(${WRITER_TAG})\.[0-9a-f]{8}\.tmp$`, "s");

/**
 * Blob bytes read from git per batch, and files per batch: memory is bounded by both whatever
 * the size of the set (64 MiB of small files is a million of them, each with its temporary's
 * name, its promise and its place in the batch). A batch's objects live until it is written, so
 * a large one outlives V8's young generation and piles up as old garbage (500,000 files in
 * batches of 8,192: the heap grew to 250 MB around 60 MB of live data); 2,048 keeps one
 * `sync -f` per batch of replaced files cheap beside the writing.
 */
const BATCH_BYTES = 64 << 20;
const BATCH_FILES = 2048;
/** Files created, renamed or fsynced at once (they wait on the file system's locks and journal, not the CPU). */
const PARALLEL = 16;

/** What a plan must also undo before files can be written: type changes between file and folder. */
export interface TypeChanges {
  /** Files that must go because the snapshot has a folder there (each is also in plan.remove). */
  filesToFolders: string[];
  /** Folders that must go because the snapshot has a file there (everything in them is in plan.remove). */
  foldersToFiles: string[];
}

interface WritePlan {
  create: readonly string[];
  modify: readonly string[];
  remove: readonly string[];
  typeChanges: TypeChanges;
}

/** Folders (repo-relative, "." for the root) that temporaries of these files are written in. */
function writeDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) dirs.add(path.posix.dirname(f));
  return [...dirs].sort();
}

/**
 * Find the file<->folder changes of a restore and refuse (before anything is written) one that
 * would remove something the restore does not cover: a symlink or special file in a folder the
 * snapshot has as a file, or a symlink where the snapshot has a folder.
 */
export async function findTypeChanges(root: string, targets: readonly string[], remove: ReadonlySet<string>): Promise<TypeChanges> {
  const out: TypeChanges = { filesToFolders: [], foldersToFiles: [] };
  const seen = new Map<string, "file" | "dir" | "none" | "other">();
  // One synchronous lstat each (a few microseconds), not a thread-pool round trip: a restore of
  // 100,000 files into an emptied folder spent 17 s of a loaded machine awaiting them one by one.
  // Folders are remembered (many files share them); files are not (a map of every target).
  const kind = (rel: string, remember = true) => {
    let k = seen.get(rel);
    if (k) return k;
    let st: fsSync.Stats | undefined;
    try {
      st = fsSync.lstatSync(path.join(root, rel), { throwIfNoEntry: false });
    } catch {
      st = undefined; // ENOTDIR and the like: nothing there
    }
    k = !st ? "none" : st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
    if (remember) seen.set(rel, k);
    return k;
  };
  for (const t of targets) {
    let parentMissing = false;
    for (let dir = path.posix.dirname(t); dir !== "."; dir = path.posix.dirname(dir)) {
      const k = kind(dir);
      if (dir === path.posix.dirname(t)) parentMissing = k === "none";
      if (k === "dir" || k === "none") continue;
      if (k === "file" && remove.has(dir)) {
        if (!out.filesToFolders.includes(dir)) out.filesToFolders.push(dir);
        continue;
      }
      throw new EnvironmentError(
        `restoring ${JSON.stringify(t)} needs ${JSON.stringify(dir)} to be a folder, but it is a ${k === "file" ? "file outside this restore" : "symlink or special file"}`,
        { fix: `move ${dir} away (it is not recorded by the pre-restore snapshot), then restore again` },
      );
    }
    // Nothing can stand at a path whose folder is missing: no lstat for it.
    if (!parentMissing && kind(t, false) === "dir") {
      const stray = await strayEntries(root, t, remove);
      if (stray.length > 0) {
        throw new EnvironmentError(
          `restoring ${JSON.stringify(t)} (a file in the snapshot) would replace the folder ${t}/, which holds ${stray.slice(0, 3).join(", ")}${stray.length > 3 ? ", ..." : ""} that this restore does not cover (symlinks, special files, names a snapshot cannot hold)`,
          { fix: `move those out of ${t}/, then restore again` },
        );
      }
      out.foldersToFiles.push(t);
    }
  }
  return out;
}

/** Entries under `dir` that are not folders, planned removals, or our own leftover temporaries. */
async function strayEntries(root: string, dir: string, remove: ReadonlySet<string>): Promise<string[]> {
  const stray: string[] = [];
  for (const e of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) stray.push(...(await strayEntries(root, rel, remove)));
    else if (!(e.isFile() && (remove.has(rel) || RESTORE_TEMP_RE.test(e.name)))) stray.push(rel);
  }
  return stray;
}

/**
 * The manifest's entry of each path (a restore's packed manifest, or a plain one); its size and
 * mode alone where the packing gives them without making the entry (garbage per file adds up).
 */
interface ManifestFiles {
  files: {
    get(p: string): SnapshotFileEntry | undefined;
    sizeOf?(p: string): number;
    modeOf?(p: string): SnapshotFileEntry["mode"] | undefined;
  };
}
const sizeOf = (m: ManifestFiles, p: string): number => (m.files.sizeOf ? Math.max(0, m.files.sizeOf(p)) : (m.files.get(p)?.size ?? 0));
const modeOf = (m: ManifestFiles, p: string) => (m.files.modeOf ? m.files.modeOf(p) : m.files.get(p)?.mode);

/** What a restore already holds when it writes. */
export interface WriteOptions {
  /** An encrypted snapshot: the blob's clear bytes (encrypt.ts). */
  open?: (data: Buffer) => Promise<Uint8Array>;
  /** The snapshot tree's blob id of each path, when already read. */
  oids?: { get(p: string): string | undefined };
  /** Blobs by id already read (and read back against the manifest): not read from git again. */
  blobs?: ReadonlyMap<string, Buffer>;
  /** The same, by path (a restore's packed read-back: readback.ts BlobArena). */
  keptOf?: (p: string) => Buffer | undefined;
  /** Files per batch (default BATCH_FILES), and what is told each batch before it is written. */
  batchFiles?: number;
  onBatch?: (files: readonly string[]) => void;
}

/**
 * Apply a plan: type changes first (their contents are in plan.remove and so in the pre-restore
 * snapshot), then every file written atomically from its blob, then the remaining removals.
 */
export async function writeRestore(
  git: Git,
  snapshotId: string,
  manifest: ManifestFiles,
  plan: WritePlan,
  options: WriteOptions = {},
): Promise<void> {
  const root = git.root;
  const removed = new Set<string>();
  const rm = async (rel: string) => {
    await fs.rm(path.join(root, rel), { force: true });
    removed.add(rel);
  };
  for (const f of plan.typeChanges.filesToFolders) await rm(f);
  for (const d of plan.typeChanges.foldersToFiles) {
    for (const r of plan.remove) if (r.startsWith(d + "/")) await rm(r);
    await fs.rm(path.join(root, d), { recursive: true, force: true }); // only empty folders and our temporaries are left
  }

  const toWrite = [...plan.create, ...plan.modify];
  if (toWrite.length > 0) {
    const oids = options.oids ?? new Map((await git.lsTreeBlobs(snapshotId)).map((e) => [e.path, e.oid]));
    const made = new Set<string>();
    const names = new TempNames();
    // Folders missing from the work tree are built whole under a temporary name and renamed
    // into place at the end: their files need no temporary and no rename each.
    const fresh = await freshFolders(root, plan.create, names);
    let fsyncedOnly = false; // some batch fsynced its files one by one (no syncfs)
    let deferred = false; // files in fresh folders not yet made durable
    try {
      for (const batch of batches(toWrite, manifest, options.batchFiles ?? BATCH_FILES)) {
        options.onBatch?.(batch);
        // Blobs the read-back already holds (checked against the manifest) are not read again.
        const batchOids = batch.map((p) => oids.get(p) ?? "");
        const batchKept = batch.map((p, i) => options.keptOf?.(p) ?? options.blobs?.get(batchOids[i]!));
        const missing = batchOids.filter((oid, i) => oid !== "" && !batchKept[i]);
        const read = missing.length > 0 ? await git.readBlobsBuffered(missing) : undefined;
        const contents: Uint8Array[] = [];
        for (const [i, p] of batch.entries()) {
          const kept = batchKept[i];
          const data = kept ?? read?.get(batchOids[i]!);
          if (!data)
            throw new EnvironmentError(`the blob of ${p} is missing from snapshot ${snapshotId.slice(0, 12)}`, {
              fix: "run git fsck --full",
            });
          // An encrypted set's blob is opened (decrypted and checked) before anything of the batch is written.
          const bytes = options.open ? await options.open(data) : data;
          // A blob the read-back did not hand over is checked here, before it is written: the
          // verify after the restore takes what was written as checked (restore.ts).
          if (!kept) checkAgainstManifest(p, bytes, manifest, snapshotId);
          contents.push(bytes);
        }
        const temps: { tmp: string; target: string }[] = [];
        try {
          // Every temporary of the batch is written, then all are made durable at once, then
          // renamed: a kill at any point leaves each target old or new (plus temporaries).
          for (const p of batch) {
            const dir = path.dirname(fresh.place(p) ?? path.join(root, p));
            if (!made.has(dir)) {
              fsSync.mkdirSync(dir, { recursive: true });
              made.add(dir);
            }
          }
          // Creating files waits on the file system's locks and journal more than on the CPU:
          // PARALLEL at a time in the thread pool (a synchronous loop used less CPU but took up
          // to twice the wall time on a loaded machine).
          const idx = new Map(batch.map((p, i) => [p, i]));
          const direct: string[] = [];
          await inParallel(batch, PARALLEL, async (p) => {
            const target = path.join(root, p);
            const inFresh = fresh.place(p);
            const tmp = inFresh ?? names.next(target);
            if (inFresh) direct.push(inFresh);
            else temps.push({ tmp, target });
            await writeTemp(tmp, target, contents[idx.get(p)!]!, modeOf(manifest, p) === "100755" ? 0o755 : 0o644);
          });
          // Files written straight into fresh folders need to be durable only before those
          // folders are renamed into place at the end: a batch of them alone waits for that one
          // syncfs (batches are bounded by files, so a big restore has many).
          if (temps.length > 0 || syncfsWorks === false) {
            if (!(await makeDurable(root, [...direct, ...temps.map((t) => t.tmp)]))) fsyncedOnly = true;
          } else if (direct.length > 0) deferred = true;
          await inParallel(temps.splice(0), PARALLEL, async (t) => {
            try {
              await fs.rename(t.tmp, t.target);
            } catch (error) {
              temps.push(t);
              throw writeFailed(t.target, error);
            }
          });
        } finally {
          for (const t of temps) fsSync.rmSync(t.tmp, { force: true });
        }
      }
      // Every file of a fresh folder is durable (its batch's syncfs): the folder goes in place
      // whole, so a kill leaves it missing (as it was) or complete. Where files were fsynced
      // one by one, the folders inside the temporary are fsynced too (their entries).
      if (deferred && !(await syncfs(root))) {
        for (const f of fresh.list) await fsyncFilesUnder(f.tmp);
        fsyncedOnly = true;
      }
      if (fsyncedOnly) for (const d of foldersInside(fresh.list, made)) await fsyncDir(d);
      for (const f of fresh.list.splice(0)) {
        try {
          await fs.rename(f.tmp, f.target);
        } catch (error) {
          fresh.list.push(f);
          throw writeFailed(f.target, error);
        }
      }
    } finally {
      for (const f of fresh.list) fsSync.rmSync(f.tmp, { recursive: true, force: true });
    }
    // The renames made durable: one syncfs for every folder at once where it works (one
    // journal commit instead of one per folder), else an fsync per folder.
    // (A fresh folder's own entry is in its parent.)
    const dirs = [...new Set([...writeDirs(toWrite), ...fresh.parents])];
    if (dirs.length < 2 || !(await syncfs(root))) for (const d of dirs) await fsyncDir(path.join(root, d));
  }
  for (const r of plan.remove) if (!removed.has(r)) await rm(r);
}

/** Folders a restore creates whole: the temporary each is built in, and where a file goes in it. */
interface FreshFolders {
  list: { tmp: string; target: string }[];
  /** The folders (repo-relative) the fresh folders are renamed into. */
  parents: string[];
  /** The absolute path a file is written to inside its fresh folder's temporary, if it is in one. */
  place(rel: string): string | undefined;
}

/**
 * The topmost missing folders of the files to create (their parent exists): each is built
 * under a temporary name beside it (`.<name>.ig-restore.<writer>.<hex>.tmp`, swept as any
 * temporary after a kill) and renamed into place once all its files are durable.
 */
async function freshFolders(root: string, create: readonly string[], names: TempNames): Promise<FreshFolders> {
  const exists = new Map<string, boolean>([[".", true]]);
  const there = async (rel: string) => {
    let e = exists.get(rel);
    if (e === undefined) {
      e = await fs.lstat(path.join(root, rel)).then(
        () => true,
        () => false,
      );
      exists.set(rel, e);
    }
    return e;
  };
  const top = new Map<string, string>(); // folder of a file -> its topmost missing folder ("" when none)
  const tmpOf = new Map<string, string>(); // topmost missing folder -> its temporary
  const list: FreshFolders["list"] = [];
  for (const p of create) {
    const dir = path.posix.dirname(p);
    if (top.has(dir)) continue;
    let missing = "";
    for (let d = dir; d !== "." && !(await there(d)); d = path.posix.dirname(d)) missing = d;
    top.set(dir, missing);
    if (missing && !tmpOf.has(missing)) {
      const target = path.join(root, missing);
      const tmp = names.next(target);
      tmpOf.set(missing, tmp);
      list.push({ tmp, target });
    }
  }
  return {
    list,
    parents: [...new Set([...tmpOf.keys()].map((d) => path.posix.dirname(d)))],
    place(rel) {
      const missing = top.get(path.posix.dirname(rel));
      return missing ? path.join(tmpOf.get(missing)!, rel.slice(missing.length + 1)) : undefined;
    },
  };
}

/** The folders made inside the fresh folders' temporaries, and those temporaries themselves. */
function foldersInside(fresh: readonly { tmp: string }[], made: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const { tmp } of fresh) {
    out.add(tmp);
    for (const d of made) for (let x = d; x.startsWith(tmp + path.sep); x = path.dirname(x)) out.add(x);
  }
  return [...out];
}

/** fsync every file below a fresh folder's temporary (where syncfs does not work). */
async function fsyncFilesUnder(dir: string): Promise<void> {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await fsyncFilesUnder(p);
    else if (e.isFile()) {
      const fh = await fs.open(p, "r");
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
  }
}

/** Every folder a restore of these files may leave a temporary in: their folders and all above. */
export function sweepDirs(files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of files)
    for (let d = path.posix.dirname(f); !out.has(d); d = path.posix.dirname(d)) {
      out.add(d);
      if (d === ".") break;
    }
  return [...out].sort();
}

function checkAgainstManifest(p: string, bytes: Uint8Array, manifest: ManifestFiles, snapshotId: string): void {
  const want = manifest.files.get(p)!;
  if (bytes.length === want.size && sha256(bytes) === want.sha256) return;
  throw new EnvironmentError(
    `the blob of ${p} in snapshot ${snapshotId.slice(0, 12)} differs from its manifest; nothing of its batch was written`,
    {
      fix: "run git fsck --full; restore from an older snapshot or fetch the branch again from the remote",
    },
  );
}

function* batches(files: readonly string[], manifest: ManifestFiles, maxFiles: number): Generator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const p of files) {
    const size = sizeOf(manifest, p);
    if (batch.length > 0 && (bytes + size > BATCH_BYTES || batch.length >= maxFiles)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(p);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Temporaries beside their targets (same folder, so the rename is atomic), named
 * `.<name>.ig-restore.<writer>.<hex>.tmp`: one random start per restore, counted up per file
 * (a random draw and a getpid call per file cost more CPU than the name is worth; the file is
 * created with O_EXCL, so a clash fails instead of sharing a file).
 */
class TempNames {
  private readonly writer = writerTag();
  private n = crypto.randomBytes(4).readUInt32BE(0);
  next(target: string): string {
    this.n = (this.n + 1) >>> 0;
    return path.join(
      path.dirname(target),
      `.${path.basename(target)}.ig-restore.${this.writer}.${this.n.toString(16).padStart(8, "0")}.tmp`,
    );
  }
}

/**
 * Write a new temporary without fsync: the batch is made durable at once (makeDurable). The
 * callback API (open "wx", write until done, close): fs.promises.writeFile makes a FileHandle
 * and several promises per file, which for 10,000 small files cost more CPU than the writing.
 */
function writeTemp(tmp: string, target: string, data: Uint8Array, mode: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fsSync.open(tmp, "wx", mode, (openError, fd) => {
      if (openError) return reject(writeFailed(target, openError));
      const finish = (error: Error | null) =>
        fsSync.close(fd, (closeError) => {
          const failed = error ?? closeError;
          if (failed) reject(writeFailed(target, failed));
          else resolve();
        });
      let done = 0;
      const more = () =>
        fsSync.write(fd, data, done, data.length - done, null, (error, written) => {
          if (error) return finish(error);
          done += written;
          if (done < data.length) more();
          else finish(null);
        });
      if (data.length === 0) finish(null);
      else more();
    });
  });
}

function writeFailed(target: string, error: unknown): EnvironmentError {
  const e = error as NodeJS.ErrnoException;
  return new EnvironmentError(
    `could not write ${target}: ${e.code === "ENOSPC" ? "the disk is full" : e.message}; that file is unchanged`,
    {
      fix: "fix the cause, then run the resume or undo command printed above",
      cause: error,
    },
  );
}

/**
 * Make the temporaries durable before any is renamed over its target: one syncfs(2) of their
 * file system (`sync -f`, coreutils) instead of one fsync per file, which on a journaling file
 * system costs a journal commit each (10,000 small files: most of a restore). Where `sync -f`
 * is missing or fails, each file is fsynced (PARALLEL at a time); then false is returned.
 */
async function makeDurable(root: string, files: readonly string[]): Promise<boolean> {
  if (files.length === 0) return true;
  if (files.length > 1 && (await syncfs(root))) return true;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const fh = await fs.open(f, "r");
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
  return false;
}
let syncfsWorks: boolean | undefined;

/** syncfs(2) of the file system holding `root` (`sync -f`); false where it is missing or fails. */
async function syncfs(root: string): Promise<boolean> {
  if (syncfsWorks === false) return false;
  const ok = await new Promise<boolean>((resolve) =>
    execFile("sync", ["-f", root], { env: childEnv(), timeout: 600_000 }, (error) => resolve(!error)),
  );
  syncfsWorks = ok;
  return ok;
}

async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}
