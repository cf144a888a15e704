/**
 * Trust checks before a snapshot is used: the signature against the pinned key, the dates along
 * its chain, the manifest against the digest in the signed message, every stored path safe,
 * and every blob read back against the manifest.
 */
import { checkChainDates } from "../../core/snapshot/chain.js";
import type { Finding } from "../../core/finding.js";
import { unsafeSnapshotPath, SNAPSHOT_MANIFEST_PATH } from "../../core/snapshot/manifest.js";
import { parsePackedManifest, type PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
import { isUtf8 } from "node:buffer";
import { IntegrityError, UnsafePathError } from "../../errors.js";
import type { Git } from "../git.js";
import { verifySignature, type Pin, type SignatureResult } from "../signing.js";
import { sha256 } from "./files.js";
import { readBlobsSafe } from "./readback.js";
import { streamPackedManifest } from "./manifest-read.js";
import { unfetchedObjectsError } from "../unfetched-objects.js";
import { readChain, type SnapshotRecord } from "./list.js";
import { appendAll } from "../../core/append.js";

/** Signature status of one snapshot against the pin ("unverified" when there is no pin). */
export async function signatureOf(git: Git, id: string, pin: Pin | undefined, env: NodeJS.ProcessEnv): Promise<SignatureResult> {
  if (!pin) return { status: "unverified", detail: "snapshots.sign.format is none: nothing to verify against" };
  return verifySignature(git, id, pin, env);
}

/**
 * What binds a snapshot to this repository: `repository` is snapshots.repository (undefined when
 * the config has none); `named` that the user named the snapshot by its id (not "latest" or a set).
 */
interface Binding {
  repository: string | undefined;
  named: boolean;
}

/**
 * snapshot/repository: a snapshot signed with the same key in another repository (its epoch ref
 * pushed here) must not pass for one of ours. A `Snapshot-Repository` that is not this
 * repository's identity (or any, when this repository has none) is an error. A snapshot without
 * one (taken before snapshots.repository was set) is an error for "latest" and set names, which
 * must not pick it on their own, and a warning when named by its id.
 */
function bindingFindings(record: SnapshotRecord, binding: Binding): Finding[] {
  const short = record.id.slice(0, 12);
  const theirs = record.info?.repository;
  const ours = binding.repository;
  if (theirs === ours) return [];
  const base = {
    rule: "snapshot/repository",
    expected: ours === undefined ? "no Snapshot-Repository (snapshots.repository is not set)" : `Snapshot-Repository: ${ours}`,
  };
  if (theirs !== undefined)
    return [
      {
        ...base,
        level: "error",
        message: `snapshot ${short} was taken in another repository (Snapshot-Repository: ${JSON.stringify(theirs)}, this one is ${ours === undefined ? "unset" : JSON.stringify(ours)})`,
        found: `Snapshot-Repository: ${theirs}`,
        fix: "restore a snapshot of this repository; a snapshot ref pushed here from another repository (same signing key) is no backup of this one",
      },
    ];
  return [
    {
      ...base,
      level: binding.named ? "warning" : "error",
      message: `snapshot ${short} carries no Snapshot-Repository (taken before snapshots.repository was set, or in a repository without it): it cannot be told from a snapshot of another repository signed with the same key`,
      found: "no Snapshot-Repository",
      fix: binding.named
        ? "restoring it because it was named by its id; take a new snapshot to have one bound to this repository"
        : `if you know it is this repository's, name it by its id: integrity-guard restore ${short}`,
    },
  ];
}

/** snapshot/signature, snapshot/chain and snapshot/repository findings for a snapshot (empty when trusted). */
export async function trustFindings(
  git: Git,
  record: SnapshotRecord,
  pin: Pin | undefined,
  env: NodeJS.ProcessEnv,
  binding?: Binding,
): Promise<{ findings: Finding[]; signature: SignatureResult }> {
  const findings: Finding[] = [];
  const signature = await signatureOf(git, record.id, pin, env);
  if (signature.status !== "good") {
    findings.push({
      rule: "snapshot/signature",
      level: "error",
      message: `snapshot ${record.id.slice(0, 12)} is not trusted: ${signature.status} (${signature.detail})`,
      expected: pin ? `a ${pin.format} signature by the pinned key` : "a signed snapshot",
      found: signature.status,
      fix: "restore a snapshot signed by the pinned key; only if you know where this one came from, pass --allow-unsigned",
    });
  }
  const chain = await readChain(git, record.ref);
  const from = chain.findIndex((c) => c.id === record.id);
  const below = from >= 0 ? chain.slice(from) : [record];
  appendAll(findings, checkChainDates(below, Math.floor(Date.now() / 1000), record.ref));
  if (binding) appendAll(findings, bindingFindings(record, binding));
  return { findings, signature };
}

/**
 * A path listed twice, or listed as a file while another path runs through it as a folder (a
 * tree with duplicate names: a restore would write one, then fail on or write through the other).
 */
function fileFolderClash(paths: readonly string[]): string | undefined {
  const files = new Set<string>();
  for (const p of paths) {
    if (files.has(p)) return p;
    files.add(p);
  }
  for (const p of paths)
    for (let i = p.indexOf("/"); i !== -1; i = p.indexOf("/", i + 1)) if (files.has(p.slice(0, i))) return p.slice(0, i);
  return undefined;
}

export interface LoadedSnapshot {
  /** The manifest with its files packed; each file's blob id in the snapshot's tree is in it too. */
  manifest: PackedSnapshotManifest;
  /** "sha256:<hex>" of the manifest's text (checked against the signed message; the text is not kept). */
  manifestDigest: string;
  /**
   * "sha256:<hex>" of the manifest blob's bytes as git gave them (the read-back's check of the
   * manifest: it is not read from git a second time).
   */
  storedDigest: string;
  /** Paths the tree holds and the manifest does not list, in the tree's order (each a read-back finding). */
  treeOnly: string[];
  /**
   * Blobs already read and checked against the manifest, kept for the writing (the read-back
   * keeps them up to a byte budget: readback.ts); empty after loadSnapshot.
   */
  blobs: Map<string, Buffer>;
}

/**
 * Read a snapshot's manifest and check it: digest equals the signed trailer, every path (in the
 * manifest and in the tree) safe to write. Throws IntegrityError / UnsafePathError. The tree's
 * listing is walked from git's output (no object per entry) and the manifest packed
 * (packed-files.ts): a snapshot of 500,000 files is held in about 110 bytes a file.
 */
export async function loadSnapshot(git: Git, record: SnapshotRecord): Promise<LoadedSnapshot> {
  const short = record.id.slice(0, 12);
  if (!record.info)
    throw new IntegrityError(`commit ${short} is not a snapshot (no Snapshot-* trailers)`, {
      fix: "list snapshots with integrity-guard snapshots",
    });
  // The tree's listing is walked twice as git writes it (here, and for the blob ids below).
  let mOid: string | undefined;
  const clashes = new ClashCheck();
  for await (const e of git.lsTreeStream(record.id)) {
    const why = e.path === SNAPSHOT_MANIFEST_PATH ? undefined : unsafeSnapshotPath(e.path);
    if (why)
      throw new UnsafePathError(
        `snapshot ${short} holds the path ${JSON.stringify(e.path)} (${why}); refusing to restore anything from it`,
        { fix: "this snapshot was not written by integrity-guard, or was tampered with; pick another one" },
      );
    if (e.type !== "blob" || (e.mode !== "100644" && e.mode !== "100755")) {
      throw new UnsafePathError(
        `snapshot ${short} holds ${JSON.stringify(e.path)} as ${e.type} mode ${e.mode}; only regular files are restored`,
        { fix: "pick another snapshot" },
      );
    }
    if (mOid === undefined && e.path === SNAPSHOT_MANIFEST_PATH) mOid = e.oid;
    clashes.add(e.path);
  }
  // A clash (or a folder listed twice, where the check by folder cannot tell) is named by the
  // check over every path: the same path as before, whatever the tree's order.
  let clash: string | undefined;
  if (clashes.suspect) {
    const paths: string[] = [];
    for await (const e of git.lsTreeStream(record.id)) paths.push(e.path);
    clash = fileFolderClash(paths);
  }
  if (clash)
    throw new UnsafePathError(
      `snapshot ${short} holds ${JSON.stringify(clash)} twice, or both as a file and as a folder (a tree git fsck calls broken); refusing to restore anything from it`,
      { fix: "this snapshot was not written by integrity-guard, or was tampered with; pick another one" },
    );
  // Only the manifest is read here: the files' blobs are read back in batches (readback.ts), so
  // a snapshot of 500,000 files never has every blob in memory at once. The manifest itself is
  // packed as git streams it (manifest-read.ts: 70 MB at 500,000 files never held); anything out
  // of the ordinary is read whole below, which says what is wrong as it always did.
  const streamed = mOid ? await streamPackedManifest(git, mOid, record.info.manifestDigest) : undefined;
  const read = streamed
    ? { manifest: streamed.manifest, digest: streamed.digest, storedDigest: streamed.digest }
    : await readManifestWhole(git, short, record.info.manifestDigest, mOid);
  const { manifest, digest, storedDigest } = read;
  const files = manifest.files;
  for (let i = 0; i < files.count; i++) {
    const p = files.path(i);
    const why = unsafeSnapshotPath(p);
    if (why)
      throw new UnsafePathError(`snapshot ${short} lists the path ${JSON.stringify(p)} (${why}); refusing to restore anything from it`, {
        fix: "pick another snapshot",
      });
  }
  // Each file's blob id, in the manifest's own packing; the tree lists paths in the order of
  // the manifest (git's byte order), so the next path in order is tried before a search.
  const treeOnly: string[] = [];
  let next = 0;
  for await (const e of git.lsTreeStream(record.id)) {
    let i = next < files.count ? files.sorted(next) : -1;
    if (i < 0 || files.path(i) !== e.path) i = files.indexOf(e.path);
    else next++;
    // (No path is listed twice: the clash check refused that above.)
    if (i >= 0) files.setOid(i, e.oid);
    else if (e.path !== SNAPSHOT_MANIFEST_PATH) treeOnly.push(e.path);
  }
  return { manifest, manifestDigest: digest, storedDigest, treeOnly, blobs: new Map() };
}

/**
 * The manifest blob read whole into a buffer of its size, its digest checked against the signed
 * one and parsed (the path for anything streamPackedManifest does not answer: git failing,
 * tampering, bytes that are not UTF-8, a text `snapshot` did not write).
 */
async function readManifestWhole(
  git: Git,
  short: string,
  signedDigest: string,
  mOid: string | undefined,
): Promise<{ manifest: PackedSnapshotManifest; digest: string; storedDigest: string }> {
  // In one buffer of its size where git gives it so (70 MB at 500,000 files), else as before.
  const exact = mOid ? await git.readBlobExact(mOid) : undefined;
  const blobs = exact ? new Map([[mOid!, exact]]) : mOid ? await readBlobsSafe(git, [mOid]) : new Map<string, Buffer>();
  // A partial clone's blob its remote could not lend is no damage (unfetched-objects.ts).
  const unfetched = mOid && !blobs.has(mOid) ? await unfetchedObjectsError(git, [mOid], `snapshot ${short}`) : undefined;
  if (unfetched) throw unfetched;
  const bytes = mOid ? blobs.get(mOid) : undefined;
  blobs.clear();
  if (bytes === undefined)
    throw new IntegrityError(`snapshot/checksum: snapshot ${short} has no readable ${SNAPSHOT_MANIFEST_PATH}`, {
      fix: "pick another snapshot; run git fsck --full",
    });
  // The digest of the text as read (bytes that are not UTF-8 hash as their decoded form, as before).
  const utf8 = isUtf8(bytes);
  const digest = "sha256:" + sha256(utf8 ? bytes : bytes.toString("utf8"));
  // What the read-back compares with the signed digest: the stored bytes' own hash.
  const storedDigest = utf8 ? digest : "sha256:" + sha256(bytes);
  if (digest !== signedDigest) {
    throw new IntegrityError(
      `snapshot/checksum: the manifest of snapshot ${short} does not match the digest in its message (${signedDigest}, found ${digest})`,
      { fix: "the snapshot was altered after it was written; pick another one" },
    );
  }
  const manifest = parsePackedManifest(bytes);
  if (typeof manifest === "string")
    throw new IntegrityError(`snapshot/checksum: the manifest of snapshot ${short} is invalid: ${manifest}`);
  return { manifest, digest, storedDigest };
}

/**
 * fileFolderClash's question asked folder by folder as the tree is listed (depth first: a
 * folder's entries come together), holding the names of the open folders only instead of a set
 * of every path. `suspect` is set at a name seen twice in one folder, a file where a folder of
 * that name was, or a folder that comes back after it was left (then the whole check runs).
 */
class ClashCheck {
  private readonly stack: { dir: string; names: Map<string, boolean> }[] = [{ dir: "", names: new Map() }];
  suspect = false;

  add(p: string): void {
    if (this.suspect) return;
    let top = this.stack[this.stack.length - 1]!;
    while (this.stack.length > 1 && !p.startsWith(top.dir + "/")) {
      this.stack.pop();
      top = this.stack[this.stack.length - 1]!;
    }
    let from = top.dir === "" ? 0 : top.dir.length + 1;
    for (let slash = p.indexOf("/", from); slash !== -1; slash = p.indexOf("/", from)) {
      const name = p.slice(from, slash);
      if (top.names.has(name)) {
        this.suspect = true; // a file of that name, or the folder again
        return;
      }
      top.names.set(name, false);
      top = { dir: p.slice(0, slash), names: new Map() };
      this.stack.push(top);
      from = slash + 1;
    }
    const name = p.slice(from);
    if (top.names.has(name)) this.suspect = true;
    else top.names.set(name, true);
  }
}
