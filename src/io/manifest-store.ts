/**
 * The manifest on disk: read and check it, write it atomically under a lock. Paths go through
 * resolveInside, so a `.integrity-guard` folder that is a symlink out of the tree is refused.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MANIFEST_PATH } from "../config/types.js";
import { EnvironmentError } from "../errors.js";
import { MANIFEST_ALGORITHM, MANIFEST_FORMAT, MANIFEST_VERSION, type Manifest, type ManifestEntry } from "../core/manifest/model.js";
import {
  MANIFEST_SHARD_DIR,
  buildSharded,
  isShardedRootBytes,
  manifestSetDigest,
  mergeShardEntries,
  packShard,
  readShard,
  readShardedRoot,
  shardCountFor,
  shardFilePath,
  shardTexts,
  shardedRootOf,
  type ShardRecord,
} from "../core/manifest/sharded.js";
import { appendAll } from "../core/append.js";
import { ManifestIndex, ManifestIndexBuilder } from "../core/manifest/compact.js";
import { buildManifest, renderManifest } from "../core/manifest/serialize.js";
import { readManifestText, type ReadManifestResult } from "../core/manifest/validate.js";
import { removeDeadTemporaries, writeFileAtomic } from "./atomic.js";
import { gitObjectId } from "./git-object-id.js";
import { readRegularFileSync } from "./read-regular.js";
import { recordManifestBlobVerdict } from "./hash/manifest-blob-verdict.js";
import type { Git } from "./git.js";
import { acquireLock, withLock } from "./lock.js";
import { commitStaged, dropStaged, stageReplacement } from "./config-write-journal.js";
import { resolveInside } from "./paths.js";
import type { StatCache } from "./stat-cache.js";
import { FROM_INDEX, skippedBlobAt, skippedBlobs } from "./skip-worktree.js";

interface StoredManifest extends ReadManifestResult {
  /** False when there is no manifest file. */
  exists: boolean;
  /** SHA-256 of the file's bytes, with the shard files' for a sharded manifest (empty when it does not exist). */
  sha256: string;
  /** The shard file each path's entry was read from, for a sharded manifest (findings point there). */
  sharded?: boolean;
}

/** A manifest read as packed entries (readManifestIndex): `manifest` then has no entries. */
interface StoredIndex extends StoredManifest {
  index?: ManifestIndex;
}

/**
 * The manifest's files as read from the work tree: the root file and, for a sharded manifest
 * (core/manifest/sharded.ts), every shard file its root lists (undefined when one is absent).
 */
export interface ManifestSet {
  root: Buffer;
  shards: Map<string, Buffer | undefined>;
  sharded: boolean;
  /** SHA-256 over the root and shard bytes (of the root alone for a single file, as before). */
  sha256: string;
  /** Bytes in all. */
  size: number;
  /** The files of the set read from their index blobs (a sparse checkout left them out of the work tree). */
  fromIndex?: string[];
}

/** The manifest's bytes, or undefined when there is none. */
function readManifestBytes(root: string): Buffer | undefined {
  return readRepoFile(root, MANIFEST_PATH);
}

function readRepoFile(root: string, rel: string): Buffer | undefined {
  const abs = resolveInside(root, rel, { what: "manifest" });
  try {
    return readRegularFileSync(abs);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ENOENT") return undefined;
    const fix =
      e.code === "ENOTREG" || e.code === "EISDIR"
        ? `replace ${rel} with a regular file (git checkout -- ${rel}, or integrity-guard seal)`
        : "check the file's permissions";
    throw new EnvironmentError(`cannot read ${rel}: ${e.message}`, { fix });
  }
}

/** The root file and, when it is a sharded root, the shard files it lists; undefined without a manifest. */
function readManifestSet(root: string): ManifestSet | undefined {
  const bytes = readManifestBytes(root);
  return bytes ? manifestSetOf(bytes, (rel) => readRepoFile(root, rel)) : undefined;
}

function manifestSetOf(bytes: Buffer, readShardFile: (rel: string) => Buffer | undefined): ManifestSet {
  const shards = new Map<string, Buffer | undefined>();
  if (!isShardedRootBytes(bytes)) return { root: bytes, shards, sharded: false, sha256: sha256Of(bytes), size: bytes.length };
  let size = bytes.length;
  for (const id of listedShardIds(bytes)) {
    const rel = shardFilePath(id);
    const b = readShardFile(rel);
    shards.set(rel, b);
    size += b?.length ?? 0;
  }
  return { root: bytes, shards, sharded: true, sha256: manifestSetDigest(bytes, shards), size };
}

/**
 * readManifestSet, with the manifest's files that a sparse checkout left out of the work tree
 * (skip-worktree bit, absent on disk) read from their index blobs, as the config is (load.ts):
 * a cone without `.integrity-guard/` verifies against the committed seal instead of reporting
 * `manifest/unsealed`. Outside a sparse checkout, or for a file really deleted (no skip-worktree
 * bit), nothing changes. Starts a git process only when a file is absent in a sparse checkout.
 */
export async function readManifestSetSparse(root: string, git: Git): Promise<ManifestSet | undefined> {
  const set = await readSparse(root, git);
  if (!set?.sharded) return set;
  const newer = shardsNewerThanRoot(root, set);
  // seal writes the changed shards first and the root last, holding the manifest lock: a shard
  // newer than the root is a seal under way (or one killed half way), or a checkout (git writes
  // the files in its own order: a fresh clone's shards are often newer than its root). Shards
  // whose bytes are the ones the root records are one seal's with it, whatever their times: a
  // checkout, or a seal that had finished them. Otherwise read again holding the lock, so that
  // root and shards are one seal's; without a lock (a read-only checkout), the first reading,
  // which the checks then report.
  if (newer.length === 0 || shardsMatchRoot(set, newer)) return set;
  let release: (() => Promise<void>) | undefined;
  try {
    release = await acquireLock(manifestLockPath(git), { timeoutMs: 120_000 });
  } catch {
    return set;
  }
  try {
    return await readSparse(root, git);
  } finally {
    await release();
  }
}

/** The shard files of the work tree that changed after the root file (ctime, nanoseconds). */
function shardsNewerThanRoot(root: string, set: ManifestSet): string[] {
  const ctime = (rel: string) => fs.statSync(path.join(root, rel), { bigint: true, throwIfNoEntry: false })?.ctimeNs;
  const rootTime = ctime(MANIFEST_PATH);
  if (rootTime === undefined) return [];
  return [...set.shards.keys()].filter((rel) => !set.fromIndex?.includes(rel) && (ctime(rel) ?? 0n) > rootTime);
}

/** Whether each of these shards' bytes has the SHA-256 its record in the root gives. */
function shardsMatchRoot(set: ManifestSet, rels: readonly string[]): boolean {
  const recorded = new Map(listedShardRecords(set.root).map((r) => [shardFilePath(r.id), r.sha256]));
  return rels.every((rel) => {
    const bytes = set.shards.get(rel);
    return bytes !== undefined && recorded.get(rel) === sha256Of(bytes);
  });
}

async function readSparse(root: string, git: Git): Promise<ManifestSet | undefined> {
  const set = readManifestSet(root);
  if (set && ![...set.shards.values()].some((b) => b === undefined)) return set;
  const fromIndex: string[] = [];
  const rootBytes = set?.root ?? (await skippedBlobAt(git, MANIFEST_PATH));
  if (!rootBytes) return set;
  if (!set) fromIndex.push(MANIFEST_PATH);
  const blobs = new Map<string, Buffer>();
  if (isShardedRootBytes(rootBytes)) {
    const absent = new Set(
      listedShardIds(rootBytes)
        .map(shardFilePath)
        .filter((rel) => !set?.shards.get(rel)),
    );
    for await (const chunk of skippedBlobs(git, (p) => absent.has(p), [MANIFEST_SHARD_DIR]))
      for (const b of chunk) if (b.mode !== "120000") blobs.set(b.path, b.blob);
  }
  const out = manifestSetOf(rootBytes, (rel) => {
    const have = set?.shards.get(rel) ?? readRepoFile(root, rel);
    if (have) return have;
    const blob = blobs.get(rel);
    if (blob) fromIndex.push(rel);
    return blob;
  });
  return fromIndex.length > 0 ? { ...out, fromIndex } : out;
}

/** Findings about manifest files read from the index say so (a broken blob is no work-tree file to open). */
function sayFromIndex<T extends ReadManifestResult>(result: T, set: ManifestSet): T {
  if (!set.fromIndex) return result;
  const from = new Set(set.fromIndex);
  const findings = result.findings.map((f) => (f.file && from.has(f.file) ? { ...f, message: `${f.message} (${FROM_INDEX})` } : f));
  return { ...result, findings };
}

/** Ids of the non-empty shards a root names, read leniently (a broken root is the reader's finding). */
function listedShardIds(bytes: Buffer): string[] {
  return listedShardRecords(bytes).map((r) => r.id);
}

/** The non-empty shards a root names, with the SHA-256 it records for each (undefined when not a string); read leniently. */
function listedShardRecords(bytes: Buffer): { id: string; sha256: string | undefined }[] {
  try {
    const v = JSON.parse(bytes.toString("utf8")) as { shards?: { id?: unknown; count?: unknown; sha256?: unknown }[] };
    if (!Array.isArray(v.shards)) return [];
    return v.shards
      .filter((r) => typeof r?.id === "string" && /^[0-9a-f]{1,8}$/.test(r.id) && r.count !== 0)
      .map((r) => ({ id: r.id as string, sha256: typeof r.sha256 === "string" ? r.sha256 : undefined }));
  } catch {
    return [];
  }
}

function sha256Of(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * Read and check the work tree's manifest, single-file (version 1) or sharded. A missing file is
 * `{exists: false}`. With a cache, bytes that passed every check before (same SHA-256) are only
 * parsed.
 */
export function readManifestFile(root: string, cache?: StatCache, set = readManifestSet(root)): StoredManifest {
  if (!set) return { exists: false, findings: [], sha256: "" };
  const prevalidated = cache?.isValidatedManifest(set.sha256) === true;
  const result = sayFromIndex(
    set.sharded ? readShardedSet(set, prevalidated) : readManifestText(set.root, MANIFEST_PATH, { prevalidated }),
    set,
  );
  if (cache && result.manifest && result.findings.length === 0) cache.rememberValidatedManifest(set.sha256);
  return { exists: true, sha256: set.sha256, ...result, ...(set.sharded ? { sharded: true } : {}) };
}

/**
 * readManifestFile with the entries packed (core/manifest/compact.ts), for the whole-tree
 * commands: the same checks and findings, about a quarter of the memory. A sharded manifest is
 * read one shard at a time, and each shard's bytes are dropped from `set` once read (the set is
 * used up: its digest is in the result). `anyOrder`: a sharded manifest's index is left in shard
 * order (ManifestIndex.ordered false) instead of sorted, for a caller that asks it for order only
 * through inOrder/entries.
 */
export function readManifestIndex(
  root: string,
  cache?: StatCache,
  set = readManifestSet(root),
  options: { anyOrder?: boolean } = {},
): StoredIndex {
  if (!set) return { exists: false, findings: [], sha256: "" };
  const prevalidated = cache?.isValidatedManifest(set.sha256) === true;
  let result: ReadManifestResult & { index?: ManifestIndex };
  if (set.sharded) result = readShardedSet(set, prevalidated, true, options.anyOrder === true);
  else {
    const r = readManifestText(set.root, MANIFEST_PATH, { prevalidated });
    result = r.manifest ? { ...r, index: ManifestIndex.build([r.manifest.entries]), manifest: { ...r.manifest, entries: [] } } : r;
  }
  result = sayFromIndex(result, set);
  if (cache && result.manifest && result.findings.length === 0) cache.rememberValidatedManifest(set.sha256);
  return { exists: true, sha256: set.sha256, ...result, ...(set.sharded ? { sharded: true } : {}) };
}

/** A sharded manifest read in full: the root, then every shard against its record. */
function readShardedSet(
  set: ManifestSet,
  prevalidated: boolean,
  compact = false,
  anyOrder = false,
): ReadManifestResult & { index?: ManifestIndex } {
  const r = readShardedRoot(set.root, MANIFEST_PATH);
  if (!r.root) return { findings: r.findings };
  const findings = [...r.findings];
  const parts: ManifestEntry[][] = [];
  const n = r.root.shards.length;
  const records = r.root.shards;
  const builder = compact ? new ManifestIndexBuilder() : undefined;
  for (let i = 0; i < n; i++) {
    const rel = shardFilePath(records[i]!.id);
    const bytes = set.shards.get(rel);
    if (compact) set.shards.delete(rel); // read: its bytes can go
    // A canonical shard (what seal writes) goes straight into the packed index; anything else
    // takes readShard, the one reader of findings.
    if (builder && bytes && packShard(bytes, records[i]!, i, n, builder)) continue;
    const s = readShard(bytes, rel, records[i]!, i, n, { prevalidated });
    appendAll(findings, s.findings);
    if (!s.entries) continue;
    // (Paths and links copied flat: one sliced out of a shard's text would keep the text alive.)
    if (builder) for (const e of s.entries) builder.add(e, true);
    else parts.push(s.entries);
  }
  const index = builder?.finish({ ordered: !anyOrder });
  if (findings.some((f) => f.level === "error")) return { findings };
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    algorithm: MANIFEST_ALGORITHM,
    root: r.root.root,
    entries: compact ? [] : mergeShardEntries(parts),
  };
  return { manifest, findings, ...(index ? { index } : {}) };
}

/** Paths a manifest seals, read leniently (no checks; a broken manifest is verify's own finding). */
export function sealedPathsLenient(root: string, given?: ManifestSet): string[] {
  try {
    const set = given ?? readManifestSet(root);
    if (!set) return [];
    const texts = set.sharded ? [...set.shards.values()].map((b) => b?.toString("utf8") ?? "") : [];
    if (!set.sharded) {
      const data = JSON.parse(set.root.toString("utf8")) as { entries?: { path?: unknown }[] };
      return (data.entries ?? []).map((e) => e.path).filter((p): p is string => typeof p === "string");
    }
    const out: string[] = [];
    for (const t of texts)
      for (const line of t.split("\n")) {
        if (!line) continue;
        try {
          const p = (JSON.parse(line) as { path?: unknown }).path;
          if (typeof p === "string") out.push(p);
        } catch {
          /* a broken line: verify reports the shard */
        }
      }
    return out;
  } catch {
    return [];
  }
}

/** The lock that serialises seals (and anything else that rewrites the manifest). */
function manifestLockPath(git: Git): string {
  return path.join(git.stateDir(), "manifest.lock");
}

/** Run `fn` holding the manifest lock. */
export function withManifestLock<T>(git: Git, fn: () => Promise<T>): Promise<T> {
  return withLock(manifestLockPath(git), fn, { timeoutMs: 120_000 });
}

/** Where `seal` records the verdict for the manifest it writes (see manifest-blob-verdict.ts). */
interface SealedVerdictTarget {
  stateDir: string;
  /** verdict.ts filterKey of the globs the manifest was sealed under. */
  filter: string;
  /** Length of the repository's object ids (40 SHA-1, 64 SHA-256). */
  oidLength: number;
}

/**
 * Write the manifest atomically (temporary file, fsync, rename per file), in the layout its size
 * calls for (core/manifest/sharded.ts shardCountFor). Leaves each file untouched (not even its
 * mtime) when its content is already identical, so a reseal of one file rewrites its shard and
 * the root only. Shards are written before the root, and shard files the new layout does not
 * list are removed after it: a seal killed half way leaves a root whose digests disagree with
 * some shard, which every reader reports as `manifest/corrupt` until the next seal (never a
 * silent pass). Returns whether it wrote anything, and the root digest.
 * With `verdict`, the blob id these exact root bytes will have once staged is recorded as a valid
 * manifest: rendered by seal itself, they are canonical and consistent by construction, and
 * every path in them is covered by the globs; bytes edited afterwards have another id and are
 * checked in full by the hook.
 */
export async function writeManifestFile(
  root: string,
  manifest: Manifest,
  verdict?: SealedVerdictTarget,
): Promise<{ written: boolean; root: string }> {
  const abs = resolveInside(root, MANIFEST_PATH, { what: "manifest" });
  const count = shardCountFor(manifest.entries.length);
  const layout = count > 1 ? buildSharded(manifest.entries, count) : undefined;
  const text = layout ? layout.rootText : renderManifest(manifest);
  if (verdict) {
    const oid = gitObjectId("blob", Buffer.from(text, "utf8"), verdict.oidLength);
    await recordManifestBlobVerdict(verdict.stateDir, oid, verdict.filter, []);
  }
  let written = false;
  for (const [rel, content] of layout?.files ?? [])
    if (await writeIfDifferent(resolveInside(root, rel, { what: "manifest" }), content)) written = true;
  if (await writeIfDifferent(abs, text)) written = true;
  if (removeStaleShards(root, new Set(layout?.files.keys() ?? []))) written = true;
  return { written, root: layout ? layout.root.root : manifest.root };
}

/**
 * writeManifestFile for packed entries (seal's, issue 20): the same files, bytes and verdict, with
 * the shards built and written one at a time instead of every shard's text at once.
 */
export async function writeManifestIndex(
  root: string,
  index: ManifestIndex,
  verdict: SealedVerdictTarget | undefined,
  gitDir: string,
): Promise<{ written: boolean; root: string }> {
  const count = shardCountFor(index.size);
  // At most SINGLE_FILE_MAX entries: one file, as before.
  if (count === 1) return writeManifestFile(root, buildManifest([...index.entries()], { owned: true }), verdict);
  const records: ShardRecord[] = [];
  const keep = new Set<string>();
  // Every changed shard and the root are written beside their targets first, then renamed in
  // one journalled step (config-write-journal.ts). Before, each shard was replaced in turn: a
  // seal killed after the first left new shards under the old root, which verify then called
  // a corrupt manifest "edited by hand or damaged" until the next seal.
  const staged: Awaited<ReturnType<typeof stageReplacement>>[] = [];
  const stage = async (rel: string, text: string) => {
    const abs = resolveInside(root, rel, { what: "manifest" });
    if (sameText(abs, text)) return;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    staged.push(await stageReplacement(rel, abs, text));
  };
  try {
    for (const s of shardTexts(index, count)) {
      records.push(s.record);
      if (s.text === "") continue;
      keep.add(s.rel);
      await stage(s.rel, s.text);
    }
    const layout = shardedRootOf(records);
    if (verdict) {
      const oid = gitObjectId("blob", Buffer.from(layout.rootText, "utf8"), verdict.oidLength);
      await recordManifestBlobVerdict(verdict.stateDir, oid, verdict.filter, []);
    }
    await stage(MANIFEST_PATH, layout.rootText);
    let written = staged.length > 0;
    if (staged.length > 0) await commitStaged(gitDir, staged, { command: "seal", lock: "manifest.lock" });
    staged.length = 0;
    if (removeStaleShards(root, keep)) written = true;
    return { written, root: layout.root.root };
  } finally {
    await dropStaged(staged);
  }
}

function sameText(abs: string, text: string): boolean {
  try {
    return fs.readFileSync(abs, "utf8") === text;
  } catch {
    return false; // absent: write it
  }
}

async function writeIfDifferent(abs: string, text: string): Promise<boolean> {
  try {
    if (fs.readFileSync(abs, "utf8") === text) return false;
  } catch {
    /* absent: write it */
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  // A seal killed between creating its temporary file and the rename left it behind (the
  // manifest itself is intact); we hold the lock, so one whose writer is gone is garbage.
  await removeDeadTemporaries(abs);
  await writeFileAtomic(abs, text);
  return true;
}

/** Remove the shard files (and temporaries) a new layout no longer lists; true when any was removed. */
function removeStaleShards(root: string, keep: ReadonlySet<string>): boolean {
  const dir = resolveInside(root, MANIFEST_SHARD_DIR, { what: "manifest" });
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return false;
  }
  let removed = false;
  for (const name of names) {
    if (!name.endsWith(".jsonl") || keep.has(`${MANIFEST_SHARD_DIR}/${name}`)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed = true;
  }
  if (keep.size === 0) {
    try {
      fs.rmdirSync(dir); // only when empty: anything else in it is not ours
    } catch {
      /* not empty or gone */
    }
  }
  return removed;
}
