/**
 * Build one snapshot commit with plumbing and a temporary index, so the user's index, work
 * tree, stash and HEAD are never touched: the objects (store.ts: index-pack or hash-object),
 * update-index --index-info into GIT_INDEX_FILE under .git/integrity-guard, write-tree,
 * commit-tree (signed).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { type SnapshotInfo } from "../../core/snapshot/message.js";
import { serializeSnapshotManifest, type SnapshotManifest } from "../../core/snapshot/manifest.js";
import { SnapshotRefused } from "./refused.js";
import type { Git } from "../git.js";
import type { Signer } from "../signing.js";
import { sealContents, type BlobDigest } from "./encrypt.js";
import { collectSetFiles, hashWorktreeFiles, sha256, type LeftOut } from "./files.js";
import { deflateInPool } from "./pack.js";
import { readBackTree } from "./readback.js";
import type { SnapshotRecord } from "./list.js";
import { selectFiles, type SetPolicy } from "./set-policy.js";
import { storeObjects, type StoreInput } from "./store.js";
import { captureStreaming, ReadBackFailed } from "./capture.js";
import type { Finding } from "../../core/finding.js";
import { makeStateFolder } from "../state-folder.js";
import { stageEnd } from "../hash/stage-log.js";
import { tempFileName } from "../stale-temp-files.js";

export interface PreparedSnapshot {
  set: string;
  digest: string;
  info: SnapshotInfo;
  /** Undefined when nothing changed since `previous`. */
  tree?: string;
  /**
   * The read-back of `tree` (running while the commit is signed): resolves when every blob
   * matches the manifest, rejects with SnapshotRefused otherwise. Await it before moving a ref.
   */
  verified?: Promise<void>;
  skipped: { path: string; reason: string }[];
  /** What the set's policy left out (git-ignored, secret-looking files). */
  leftOut?: LeftOut;
  /** The blobs are age ciphertext (the set says `encrypt`). */
  encrypted?: boolean;
}

type PrepareOptions = {
  set: string;
  paths: readonly string[];
  previous?: SnapshotRecord;
  time: Date;
  policy?: SetPolicy;
  /** snapshots.repository, signed into the message. */
  repository?: string;
};

/** The set's files: by its policy (ignored and secret-looking files left out) or all of them. */
function setFiles(git: Git, options: PrepareOptions) {
  return options.policy ? selectFiles(git.root, options.paths, options.policy) : collectSetFiles(git.root, options.paths);
}

/**
 * Capture the set's files, write their blobs and the tree, and start reading every blob back
 * (`verified`). Returns without a tree when the manifest equals the previous snapshot's.
 * SHA-1 repositories stream (capture.ts: bounded memory, only changed files read and written;
 * an encrypted set's files are encrypted as they are read, and only ciphertext is packed);
 * other object formats take the whole set in memory (prepareInMemory).
 */
export async function prepareSnapshot(git: Git, options: PrepareOptions): Promise<PreparedSnapshot> {
  // Asked before the files are read (the reads block), so git answers meanwhile.
  const objectFormat = git.objectFormat().catch(() => "unknown");
  const sourceCommit = git.tryRevParse("HEAD");
  if ((await objectFormat) !== "sha1") return prepareInMemory(git, options, sourceCommit);
  const { files, skipped, leftOut } = await setFiles(git, options);
  stageEnd("snapshot list");
  const previous = options.previous && {
    id: options.previous.id,
    ...(options.previous.info ? { digest: options.previous.info.manifestDigest } : {}),
  };
  const excludes = options.policy?.excludes;
  const captured = await captureStreaming(git, {
    set: options.set,
    paths: options.paths,
    files,
    ...(previous ? { previous } : {}),
    ...(excludes ? { excludes } : {}),
    ...(options.policy?.encrypter ? { encrypter: options.policy.encrypter } : {}),
  });
  const source = await sourceCommit;
  const info: SnapshotInfo = {
    set: options.set,
    time: options.time.toISOString(),
    manifestDigest: captured.digest,
    files: captured.files,
    size: captured.size,
    ...(source ? { sourceCommit: source } : {}),
    ...(options.repository !== undefined ? { repository: options.repository } : {}),
  };
  const prepared: PreparedSnapshot = {
    set: options.set,
    digest: captured.digest,
    info,
    skipped,
    ...(leftOut ? { leftOut } : {}),
    ...(options.policy?.encrypter ? { encrypted: true } : {}),
  };
  if (!captured.tree) return prepared;
  prepared.tree = captured.tree;
  prepared.verified = captured.verified!.catch((error: unknown) => {
    throw error instanceof ReadBackFailed ? refusal(options.set, error.findings) : error;
  });
  prepared.verified.catch(() => undefined);
  return prepared;
}

/** The whole set in memory: blobs from the bytes hashed, write-tree, every blob read back. */
async function prepareInMemory(git: Git, options: PrepareOptions, sourceCommit: Promise<string | undefined>): Promise<PreparedSnapshot> {
  const previousListing = options.previous ? git.lsTreeBlobs(options.previous.id).catch(() => undefined) : undefined;
  const policy = options.policy;
  const { files, skipped, leftOut } = await setFiles(git, options);
  const contents = new Map<string, Buffer>();
  const hashed = await hashWorktreeFiles(git.root, files, contents);
  const manifest: SnapshotManifest = {
    version: 1,
    set: options.set,
    paths: [...options.paths],
    ...(policy?.excludes ? { excludes: policy.excludes } : {}),
    ...(policy?.encrypter ? { encryption: { format: "age" as const, recipients: policy.encrypter.recipientsId } } : {}),
    files: Object.fromEntries(hashed),
  };
  const manifestText = serializeSnapshotManifest(manifest);
  const digest = "sha256:" + sha256(manifestText);
  let size = 0;
  for (const e of hashed.values()) size += e.size;
  const source = await sourceCommit;
  const info: SnapshotInfo = {
    set: options.set,
    time: options.time.toISOString(),
    manifestDigest: digest,
    files: files.length,
    size,
    ...(source ? { sourceCommit: source } : {}),
    ...(options.repository !== undefined ? { repository: options.repository } : {}),
  };
  const prepared: PreparedSnapshot = {
    set: options.set,
    digest,
    info,
    skipped,
    ...(leftOut ? { leftOut } : {}),
    ...(policy?.encrypter ? { encrypted: true } : {}),
  };
  if (options.previous?.info?.manifestDigest === digest) return prepared;
  // An encrypted set: from here on `contents` holds ciphertext only, for every file (set-policy.ts).
  const sealed = policy?.encrypter ? await sealContents(git.root, hashed, contents, policy.encrypter) : undefined;

  // The manifest (about 100 bytes a file) is compressed in the thread pool meanwhile.
  const manifestData = Buffer.from(manifestText, "utf8");
  const deflated = deflateInPool(manifestData);
  deflated.catch(() => undefined);
  const input: StoreInput = {
    hashed,
    contents,
    manifest: { data: manifestData, deflated },
    // An encrypted set reuses no blob by checksum: the previous one may hold the clear bytes.
    ...(options.previous && !sealed ? { previous: options.previous, previousListing } : {}),
    ...(sealed ? { fromMemoryOnly: true } : {}),
  };
  const stored = await storeObjects(git, input);
  prepared.tree = await withTempIndex(git, (indexFile) => git.writeTreeFromEntries(stored.entries, indexFile));
  // write-tree named the very tree computed from these entries: its listing is known (trees are
  // content-addressed), so ls-tree is needed only when the ids differ.
  const listing = prepared.tree === stored.root ? stored.entries.map((e) => ({ ...e, type: "blob" })) : undefined;
  prepared.verified = verifyReadBack(git, prepared.tree, { set: options.set, manifest, manifestText }, stored.readBack, listing, sealed);
  // Awaited by the caller before the branch moves; until then a failure must not count as unhandled.
  prepared.verified.catch(() => undefined);
  return prepared;
}

/** SnapshotRefused for read-back findings: the branch is not moved. */
function refusal(set: string, findings: Finding[]): SnapshotRefused {
  const list = findings.slice(0, 5).map((f) => `  ${f.file}: ${f.message}${f.found ? ` (expected ${f.expected}, found ${f.found})` : ""}`);
  return new SnapshotRefused(
    `snapshot/checksum: snapshot of set ${set} failed read-back validation; the branch was not moved:\n${list.join("\n")}${findings.length > 5 ? `\n  ... and ${findings.length - 5} more` : ""}`,
    findings,
    {
      fix: "a file changed while it was being snapshotted, or the object store is damaged: run `git fsck --full`, then take the snapshot again",
    },
  );
}

/** The read-back of a written tree: every path's blob against the manifest (SnapshotRefused when any differs). */
async function verifyReadBack(
  git: Git,
  tree: string,
  prepared: { set: string; manifest: SnapshotManifest; manifestText: string },
  readBack: Promise<Map<string, Buffer>>,
  listing: { mode: string; type: string; oid: string; path: string }[] | undefined,
  digestOf?: BlobDigest,
): Promise<void> {
  const listed = listing ?? (await git.lsTreeBlobs(tree).catch(() => undefined));
  const blobs = await readBack;
  // Let the caller start commit-tree (signing runs in git) before hashing every blob here.
  await new Promise((resolve) => setImmediate(resolve));
  const findings = await readBackTree(git, tree, prepared.manifest, prepared.manifestText, listed && { entries: listed, blobs }, digestOf);
  if (findings.length > 0) throw refusal(prepared.set, findings);
}

/** Run fn with a fresh index file under .git/integrity-guard, removed afterwards. */
async function withTempIndex<T>(git: Git, fn: (indexFile: string) => Promise<T>): Promise<T> {
  const dir = git.stateDir();
  await makeStateFolder(dir);
  const file = path.join(dir, tempFileName("snapshot", `${Date.now()}-${Math.random().toString(36).slice(2)}.index`));
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
