/**
 * Writing a snapshot's objects when the whole set is in memory (object formats other than
 * SHA-1): the new blobs and the manifest, and starting the read-back of every blob the tree
 * will name. The tree is made by write-tree from a temporary index (build.ts).
 */
import path from "node:path";
import { parseSnapshotManifest, SNAPSHOT_MANIFEST_PATH, type SnapshotFileEntry } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { SnapshotRecord } from "./list.js";
import { readBlobsSafe } from "./readback.js";
import type { TreeInput } from "./trees.js";
import { makeStateFolder } from "../state-folder.js";
import { tempFileName } from "../stale-temp-files.js";

/** From this many new blobs on they go into the pack; fewer go through hash-object (git dedups them). */
const PACK_THRESHOLD = 64;

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

interface Stored {
  /** The tree's entries: every file and the manifest. */
  entries: TreeInput[];
  /** The root tree id computed here, when every blob id is the one git stored. */
  root?: string;
  /** Every blob of `entries` read back from git (blob id -> bytes; unreadable ones absent). */
  readBack: Promise<Map<string, Buffer>>;
}

/**
 * The objects of a snapshot prepared in memory (object formats other than SHA-1; SHA-1
 * repositories stream through capture.ts).
 */
export async function storeObjects(git: Git, input: StoreInput): Promise<Stored> {
  return storeOtherFormat(git, input);
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
    await makeStateFolder(git.stateDir());
    const marks = path.join(git.stateDir(), tempFileName("snapshot", `${Date.now()}.marks`));
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
