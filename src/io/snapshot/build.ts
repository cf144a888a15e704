/**
 * Build one snapshot commit with plumbing and a temporary index, so the user's index, work
 * tree, stash and HEAD are never touched: hash-object -w, update-index --index-info into
 * GIT_INDEX_FILE under .git/integrity-guard, write-tree, commit-tree (signed).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { formatSnapshotMessage, type SnapshotInfo } from "../../core/snapshot/message.js";
import {
  serializeSnapshotManifest,
  parseSnapshotManifest,
  SNAPSHOT_MANIFEST_PATH,
  type SnapshotManifest,
  type SnapshotFileEntry,
} from "../../core/snapshot/manifest.js";
import { SnapshotRefused } from "./refused.js";
import type { Git } from "../git.js";
import type { Signer } from "../signing.js";
import { collectSetFiles, hashWorktreeFiles, sha256 } from "./files.js";
import { readBackTree } from "./readback.js";
import type { SnapshotRecord } from "./list.js";

/** From this many new blobs on, they are written as one pack (git fast-import). */
const PACK_THRESHOLD = 64;

export interface PreparedSnapshot {
  set: string;
  manifest: SnapshotManifest;
  manifestText: string;
  digest: string;
  info: SnapshotInfo;
  /** Undefined when nothing changed since `previous`. */
  tree?: string;
  skipped: { path: string; reason: string }[];
}

/**
 * Capture the set's files, write their blobs and the tree, and read every blob back. Returns
 * without a tree when the manifest equals the previous snapshot's (nothing changed).
 */
export async function prepareSnapshot(
  git: Git,
  options: { set: string; paths: readonly string[]; previous?: SnapshotRecord; time: Date },
): Promise<PreparedSnapshot> {
  const { files, skipped } = await collectSetFiles(git.root, options.paths);
  const contents = new Map<string, Buffer>();
  const hashed = await hashWorktreeFiles(git.root, files, contents);
  const manifest: SnapshotManifest = { version: 1, set: options.set, paths: [...options.paths], files: Object.fromEntries(hashed) };
  const manifestText = serializeSnapshotManifest(manifest);
  const digest = "sha256:" + sha256(manifestText);
  let size = 0;
  for (const e of hashed.values()) size += e.size;
  const source = await git.tryRevParse("HEAD");
  const info: SnapshotInfo = {
    set: options.set,
    time: options.time.toISOString(),
    manifestDigest: digest,
    files: files.length,
    size,
    ...(source ? { sourceCommit: source } : {}),
  };
  const prepared: PreparedSnapshot = { set: options.set, manifest, manifestText, digest, info, skipped };
  if (options.previous?.info?.manifestDigest === digest) return prepared;

  // Blobs of unchanged files are reused from the previous snapshot (read back below anyway).
  const reuse = await previousOids(git, options.previous);
  const oids = new Map<string, string>();
  const toHash: string[] = [];
  for (const [p, e] of hashed) {
    const prev = reuse.get(p);
    if (prev && prev.entry.sha256 === e.sha256 && prev.entry.mode === e.mode) oids.set(p, prev.oid);
    else toHash.push(p);
  }
  // Many files: one pack from the bytes already read. Few (or too big to keep): hash-object.
  const packed = toHash.length >= PACK_THRESHOLD ? toHash.filter((p) => contents.has(p)) : [];
  const loose = packed.length > 0 ? toHash.filter((p) => !contents.has(p)) : toHash;
  if (packed.length > 0) {
    await fs.mkdir(git.stateDir(), { recursive: true });
    const marks = path.join(git.stateDir(), `snapshot-${process.pid}-${Date.now()}.marks`);
    const ids = await git.writeBlobsPacked(
      packed.map((p) => contents.get(p)!),
      marks,
    );
    packed.forEach((p, i) => oids.set(p, ids[i]!));
  }
  contents.clear();
  const written = await git.hashFilesAsBlobs(loose);
  loose.forEach((p, i) => oids.set(p, written[i]!));
  const manifestOid = await git.hashObject(manifestText);
  const entries = [...hashed].map(([p, e]) => ({ mode: e.mode, oid: oids.get(p)!, path: p }));
  entries.push({ mode: "100644", oid: manifestOid, path: SNAPSHOT_MANIFEST_PATH });
  prepared.tree = await withTempIndex(git, (indexFile) => git.writeTreeFromEntries(entries, indexFile));

  const findings = await readBackTree(git, prepared.tree, manifest, manifestText);
  if (findings.length > 0) {
    const list = findings
      .slice(0, 5)
      .map((f) => `  ${f.file}: ${f.message}${f.found ? ` (expected ${f.expected}, found ${f.found})` : ""}`);
    throw new SnapshotRefused(
      `snapshot/checksum: snapshot of set ${options.set} failed read-back validation; the branch was not moved:\n${list.join("\n")}${findings.length > 5 ? `\n  ... and ${findings.length - 5} more` : ""}`,
      findings,
      {
        fix: "a file changed while it was being snapshotted, or the object store is damaged: run `git fsck --full`, then take the snapshot again",
      },
    );
  }
  return prepared;
}

/** Path -> (oid, manifest entry) of the previous snapshot of the set, for reuse. */
async function previousOids(
  git: Git,
  previous: SnapshotRecord | undefined,
): Promise<Map<string, { oid: string; entry: SnapshotFileEntry }>> {
  const out = new Map<string, { oid: string; entry: SnapshotFileEntry }>();
  if (!previous) return out;
  try {
    const entries = await git.lsTreeBlobs(previous.id);
    const mEntry = entries.find((e) => e.path === SNAPSHOT_MANIFEST_PATH);
    if (!mEntry) return out;
    const text = (await git.readBlobs([mEntry.oid])).get(mEntry.oid)?.toString("utf8");
    const m = text === undefined ? "unreadable" : parseSnapshotManifest(text);
    if (typeof m === "string") return out;
    for (const e of entries) {
      const entry = m.files[e.path];
      if (entry && e.type === "blob") out.set(e.path, { oid: e.oid, entry });
    }
  } catch {
    /* an unreadable previous snapshot only costs re-hashing */
  }
  return out;
}

/** Run fn with a fresh index file under .git/integrity-guard, removed afterwards. */
async function withTempIndex<T>(git: Git, fn: (indexFile: string) => Promise<T>): Promise<T> {
  const dir = git.stateDir();
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `snapshot-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.index`);
  try {
    return await fn(file);
  } finally {
    await fs.rm(file, { force: true });
    await fs.rm(file + ".lock", { force: true });
  }
}

/** Identity for commit-tree when the repository has none (CI runners often do not). */
export async function commitIdentityEnv(git: Git): Promise<NodeJS.ProcessEnv> {
  if (await git.tryCommitterIdent()) return {};
  return {
    GIT_AUTHOR_NAME: "integrity-guard",
    GIT_AUTHOR_EMAIL: "integrity-guard@localhost",
    GIT_COMMITTER_NAME: "integrity-guard",
    GIT_COMMITTER_EMAIL: "integrity-guard@localhost",
  };
}

/**
 * Commit a prepared tree on `parent` (signed as the signer says). The commit date is never
 * before the parent's, so the chain stays in order even across machines with skewed clocks.
 */
export async function commitSnapshot(
  git: Git,
  options: { tree: string; message: string; parent?: { id: string; time: number }; signer: Signer; identity: NodeJS.ProcessEnv },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const when = Math.max(now, options.parent?.time ?? 0);
  const date = `${when} +0000`;
  return git.commitTree({
    tree: options.tree,
    parents: options.parent ? [options.parent.id] : [],
    message: options.message,
    sign: options.signer.sign,
    configArgs: options.signer.configArgs,
    env: { ...options.signer.env, ...options.identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

export { formatSnapshotMessage };
