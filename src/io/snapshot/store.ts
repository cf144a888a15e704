/**
 * Writing a snapshot's objects: the new blobs, the manifest and (in a SHA-1 repository) the
 * trees, and starting the read-back of every blob the tree will name. The tree itself is still
 * made by write-tree from a temporary index (build.ts); the trees packed here only let it find
 * every tree already stored.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseSnapshotManifest, SNAPSHOT_MANIFEST_PATH, type SnapshotFileEntry } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { SnapshotRecord } from "./list.js";
import { buildPack, ObjectHasher, type PackObject } from "./pack.js";
import { readBlobsSafe } from "./readback.js";
import { buildTrees, type TreeInput } from "./trees.js";

/** From this many new blobs on they go into the pack; fewer go through hash-object (git dedups them). */
export const PACK_THRESHOLD = 64;

export interface StoreInput {
  /** Path -> manifest entry, sorted by path. */
  hashed: Map<string, SnapshotFileEntry>;
  /** Bytes of the files kept in memory (all but the biggest when over the budget); emptied here. */
  contents: Map<string, Buffer>;
  manifest: { data: Buffer; deflated: Promise<Buffer> };
  previous?: SnapshotRecord;
  /** `git ls-tree -r` of the previous snapshot, started by the caller before the files were read. */
  previousListing?: Promise<{ mode: string; type: string; oid: string; path: string }[] | undefined>;
  /**
   * `contents` holds every file and is what must be stored (an encrypted set's ciphertext,
   * encrypt.ts): nothing is written from the files on disk, however few the blobs.
   */
  fromMemoryOnly?: boolean;
}

export interface Stored {
  /** The tree's entries: every file and the manifest. */
  entries: TreeInput[];
  /** The root tree id computed here, when every blob id is the one git stored. */
  root?: string;
  /** Every blob of `entries` read back from git (blob id -> bytes; unreadable ones absent). */
  readBack: Promise<Map<string, Buffer>>;
}

/**
 * SHA-1 repository: blob ids are computed from the bytes in memory, so blobs equal to the
 * previous snapshot's are known without reading its manifest, and their read-back starts
 * before anything is written. One pack (index-pack) takes the manifest, the trees and, when
 * there are many, the new blobs.
 */
async function storeSha1(git: Git, input: StoreInput): Promise<Stored> {
  const { hashed, contents } = input;
  const hasher = new ObjectHasher();
  const prevOid = new Map<string, string>();
  for (const e of (await input.previousListing) ?? []) if (e.type === "blob") prevOid.set(e.path, e.oid);
  const oids = new Map<string, string>();
  const fresh: string[] = [];
  const unkept: string[] = [];
  const reused = new Set<string>();
  for (const p of hashed.keys()) {
    const data = contents.get(p);
    if (!data) {
      unkept.push(p);
      continue;
    }
    const oid = hasher.oid("blob", data);
    oids.set(p, oid);
    if (prevOid.get(p) === oid) reused.add(oid);
    else fresh.push(p);
  }
  // Files too big to keep: reused by checksum from the previous manifest, else git reads them.
  const prevByChecksum = unkept.length > 0 ? await previousOids(git, input.previous) : new Map<string, PreviousEntry>();
  const pack = fresh.length >= PACK_THRESHOLD || input.fromMemoryOnly === true;
  const loose = pack ? [] : fresh;
  const packed = pack ? fresh : [];
  for (const p of unkept) {
    const prev = prevByChecksum.get(p);
    const e = hashed.get(p)!;
    if (prev && prev.entry.sha256 === e.sha256 && prev.entry.size === e.size) {
      oids.set(p, prev.oid);
      reused.add(prev.oid);
    } else loose.push(p);
  }
  // The blobs already stored are read back now, while the new objects are written.
  const reusedRead = readBlobsSafe(git, [...reused]);
  const looseIds = git.hashFilesAsBlobs(loose).then((ids) => new Map(loose.map((p, i) => [p, ids[i]!])));
  looseIds.catch(() => undefined);
  if (unkept.length > 0) for (const [p, id] of await looseIds) if (!oids.has(p)) oids.set(p, id);
  const manifestOid = hasher.oid("blob", input.manifest.data);
  let entries = treeEntries(hashed, oids, manifestOid);
  const { root, trees } = buildTrees(entries);
  const objects: PackObject[] = packed.map((p) => ({ type: "blob", data: contents.get(p)! }));
  objects.push({ type: "blob", data: input.manifest.data, deflated: await input.manifest.deflated });
  for (const data of trees) objects.push({ type: "tree", data });
  await Promise.all([git.storePack(buildPack(objects)), looseIds]);
  contents.clear();
  // hash-object read those files again: where git stored other bytes than were hashed (the file
  // changed meanwhile), git's id goes into the tree and the read-back reports the difference.
  let sameIds = true;
  for (const [p, id] of await looseIds) {
    if (oids.get(p) !== id) sameIds = false;
    oids.set(p, id);
  }
  if (!sameIds) entries = treeEntries(hashed, oids, manifestOid);
  const newRead = readBlobsSafe(
    git,
    entries.map((e) => e.oid).filter((oid) => !reused.has(oid)),
  );
  return { entries, ...(sameIds ? { root } : {}), readBack: mergeReads(reusedRead, newRead) };
}

/**
 * storeSha1, or when git refuses the pack, storeOtherFormat. index-pack compares every object
 * it is given with a copy already in the repository and dies when that copy is damaged; the
 * other path reuses the damaged copy, and the read-back then names the file (snapshot/checksum).
 */
export async function storeObjects(git: Git, input: StoreInput, format: string): Promise<Stored> {
  if (format !== "sha1") return storeOtherFormat(git, input);
  try {
    return await storeSha1(git, input);
  } catch {
    return storeOtherFormat(git, input);
  }
}

/**
 * Other object formats: blobs equal to the previous manifest's entries are reused; new ones go
 * through fast-import (many, from the bytes hashed) or hash-object; write-tree makes the trees.
 */
async function storeOtherFormat(git: Git, input: StoreInput): Promise<Stored> {
  const { hashed, contents } = input;
  const reuse = await previousOids(git, input.previous);
  const oids = new Map<string, string>();
  const toWrite: string[] = [];
  for (const [p, e] of hashed) {
    const prev = reuse.get(p);
    if (prev && prev.entry.sha256 === e.sha256 && prev.entry.size === e.size) oids.set(p, prev.oid);
    else toWrite.push(p);
  }
  const packed = toWrite.length >= PACK_THRESHOLD || input.fromMemoryOnly ? toWrite.filter((p) => contents.has(p)) : [];
  const loose = packed.length > 0 ? toWrite.filter((p) => !contents.has(p)) : toWrite;
  const looseDone = git.hashFilesAsBlobs(loose).then((ids) => loose.forEach((p, i) => oids.set(p, ids[i]!)));
  looseDone.catch(() => undefined);
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
  await looseDone;
  const manifestOid = await git.hashObject(input.manifest.data);
  const entries = treeEntries(hashed, oids, manifestOid);
  return {
    entries,
    readBack: readBlobsSafe(
      git,
      entries.map((e) => e.oid),
    ),
  };
}

/** The snapshot tree's entries: every file, and the manifest. */
function treeEntries(hashed: Map<string, SnapshotFileEntry>, oids: Map<string, string>, manifestOid: string): TreeInput[] {
  const entries: TreeInput[] = [];
  for (const [p, e] of hashed) entries.push({ mode: e.mode, oid: oids.get(p)!, path: p });
  entries.push({ mode: "100644", oid: manifestOid, path: SNAPSHOT_MANIFEST_PATH });
  return entries;
}

async function mergeReads(a: Promise<Map<string, Buffer>>, b: Promise<Map<string, Buffer>>): Promise<Map<string, Buffer>> {
  const [first, second] = await Promise.all([a, b]);
  for (const [oid, data] of second) first.set(oid, data);
  return first;
}

interface PreviousEntry {
  oid: string;
  entry: SnapshotFileEntry;
}

/** Path -> (oid, manifest entry) of the previous snapshot of the set, for reuse. */
async function previousOids(git: Git, previous: SnapshotRecord | undefined): Promise<Map<string, PreviousEntry>> {
  const out = new Map<string, PreviousEntry>();
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
