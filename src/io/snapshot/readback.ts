/**
 * The seed's backup validation, done on what git stored: every blob of a snapshot tree is read
 * back with cat-file and its SHA-256 compared with the manifest (and the manifest with the
 * digest the commit message carries). Used before a branch moves and before a restore.
 */
import type { Finding } from "../../core/finding.js";
import { SNAPSHOT_MANIFEST_PATH, type SnapshotFileEntry, type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { BlobDigest } from "./encrypt.js";
import type { LoadedSnapshot } from "./verify.js";
import { sha256 } from "./files.js";

const YIELD_EVERY = 1000;
/**
 * Bytes of blobs (by the manifest's sizes) read from git per batch when they were not handed
 * over (or READBACK_BATCH_FILES files): a tree of any size is read back with at most about this
 * much blob data in memory at once.
 */
const READBACK_BATCH_BYTES = 32 << 20;
/** Files per batch: small files would otherwise put most of a tree in one batch of entries. */
const READBACK_BATCH_FILES = 8192;
/** What holding one small blob costs beyond its bytes (a Buffer object and a map entry). */
const BLOB_OVERHEAD = 160;

/** Blobs a read-back hands on to the caller (restore writes them) up to `budget` bytes. */
export interface KeepBlobs {
  blobs: Map<string, Buffer>;
  /** Bytes (contents plus BLOB_OVERHEAD each) that may be kept; the rest are read again by the caller. */
  budget: number;
  /** Set by the read-back: blob ids git could not give (for the partial-clone message). */
  unreadable?: string[];
  /**
   * Keep the blobs here instead, by the file's place in a packed manifest (readBackLoaded): their
   * bytes only, counted against `budget`, without a Buffer object and a map entry each.
   */
  arena?: BlobArena;
}

/**
 * Blobs kept by file index in shared 1 MiB chunks: a restore of 500,000 small files kept about
 * 180 bytes of objects per blob in a map (more than the blobs' bytes) and re-read from git what
 * did not fit; here 12 bytes a file are spent up front and every byte of budget holds blob data.
 */
export class BlobArena {
  private readonly chunkOf: Uint32Array;
  private readonly offsetOf: Uint32Array;
  private readonly lengthOf: Uint32Array;
  private readonly chunks: Buffer[] = [];
  /** The chunk small blobs go into (-1: none yet) and its bytes used. */
  private current = -1;
  private used = 0;
  /** Blob bytes held. */
  bytes = 0;

  constructor(files: number) {
    this.chunkOf = new Uint32Array(files);
    this.offsetOf = new Uint32Array(files);
    this.lengthOf = new Uint32Array(files);
  }

  put(i: number, data: Uint8Array): void {
    let offset = 0;
    if (data.length > CHUNK / 4) {
      this.chunks.push(Buffer.from(data)); // a big blob gets its own buffer
      this.chunkOf[i] = this.chunks.length;
    } else {
      if (this.current < 0 || this.used + data.length > CHUNK) {
        this.chunks.push(Buffer.allocUnsafe(CHUNK));
        this.current = this.chunks.length - 1;
        this.used = 0;
      }
      offset = this.used;
      this.chunks[this.current]!.set(data, offset);
      this.used += data.length;
      this.chunkOf[i] = this.current + 1;
    }
    this.offsetOf[i] = offset;
    this.lengthOf[i] = data.length;
    this.bytes += data.length;
  }

  get(i: number): Buffer | undefined {
    const c = i >= 0 ? this.chunkOf[i] : 0;
    if (!c) return undefined;
    const off = this.offsetOf[i]!;
    return this.chunks[c - 1]!.subarray(off, off + this.lengthOf[i]!);
  }

  clear(): void {
    this.chunks.length = 0;
    this.chunkOf.fill(0);
    this.current = -1;
    this.used = 0;
    this.bytes = 0;
  }
}
const CHUNK = 1 << 20;

/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
export async function readBackTree(
  git: Git,
  treeish: string,
  manifest: SnapshotManifest,
  /** The manifest's text, or its "sha256:<hex>" digest when the caller holds only that. */
  manifestText: string | { digest: string },
  /** The tree's listing (or its blob id by path) and its blobs, when already read. */
  preloaded?: { entries?: { path: string; oid: string }[]; oids?: ReadonlyMap<string, string>; blobs?: Map<string, Buffer> },
  /** What a blob stands for when it is not the file's bytes (an encrypted set: encrypt.ts). */
  digestOf?: BlobDigest,
  keep?: KeepBlobs,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const bad = checksumReporter(findings);
  let byPath: ReadonlyMap<string, string>;
  try {
    byPath = preloaded?.oids ?? new Map((preloaded?.entries ?? (await git.lsTreeBlobs(treeish))).map((e) => [e.path, e.oid]));
  } catch (error) {
    bad(SNAPSHOT_MANIFEST_PATH, `cannot list the snapshot tree ${treeish}: ${(error as Error).message.split("\n")[0]}`);
    return findings;
  }
  const handed = preloaded?.blobs;
  const mOid = byPath.get(SNAPSHOT_MANIFEST_PATH);
  const mBlob = mOid && (handed?.get(mOid) ?? (await readBlobsSafe(git, [mOid])).get(mOid));
  const sameManifest =
    mBlob !== undefined &&
    (typeof manifestText === "string" ? mBlob.toString("utf8") === manifestText : "sha256:" + sha256(mBlob) === manifestText.digest);
  if (!sameManifest) bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
  const paths = Object.keys(manifest.files);
  const files: FileAccess = {
    count: paths.length,
    path: (i) => paths[i]!,
    entry: (i) => manifest.files[paths[i]!]!,
    size: (i) => manifest.files[paths[i]!]!.size,
    oid: (i) => byPath.get(paths[i]!),
    packed: false,
  };
  function* treeOnly(): Generator<string> {
    for (const p of byPath.keys()) if (p !== SNAPSHOT_MANIFEST_PATH && !manifest.files[p]) yield p;
  }
  await readBackFiles(git, files, treeOnly(), bad, handed, digestOf, keep);
  return findings;
}

/**
 * The files to read back, by their place in the manifest: a batch holds numbers, and each
 * file's entry and blob id are made only when it is checked (a batch of tuples with hex strings
 * outlived V8's young generation: 250 bytes of old garbage per file of a 500,000-file restore).
 */
interface FileAccess {
  count: number;
  path(i: number): string;
  entry(i: number): SnapshotFileEntry;
  size(i: number): number;
  oid(i: number): string | undefined;
  /** Indexes are a packed manifest's (a BlobArena keeps by them). */
  packed: boolean;
}

/**
 * readBackTree for a restore: the snapshot as loadSnapshot holds it (its manifest packed, the
 * blob ids in it), read back file by file without a map of the tree.
 */
export async function readBackLoaded(
  git: Git,
  loaded: Pick<LoadedSnapshot, "manifest" | "manifestDigest" | "storedDigest" | "treeOnly">,
  digestOf?: BlobDigest,
  keep?: KeepBlobs,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const bad = checksumReporter(findings);
  // loadSnapshot read the manifest's blob from git and hashed its bytes: read back already.
  if (loaded.storedDigest !== loaded.manifestDigest) bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
  const table = loaded.manifest.files;
  const files: FileAccess = {
    count: table.count,
    path: (i) => table.path(i),
    entry: (i) => table.entry(i),
    size: (i) => table.size(i),
    oid: (i) => table.oid(i),
    packed: true,
  };
  await readBackFiles(git, files, loaded.treeOnly, bad, undefined, digestOf, keep);
  return findings;
}

/**
 * The files in manifest order, in batches of about READBACK_BATCH_BYTES: the blobs of one batch
 * are read (unless handed over), checked, and dropped (or kept for the caller); then every path
 * of the tree the manifest does not list is reported.
 */
async function readBackFiles(
  git: Git,
  files: FileAccess,
  treeOnly: Iterable<string>,
  bad: ReturnType<typeof checksumReporter>,
  handed: Map<string, Buffer> | undefined,
  digestOf: BlobDigest | undefined,
  keep: KeepBlobs | undefined,
): Promise<void> {
  let kept = 0;
  const unreadable: string[] = [];
  let batch: number[] = [];
  let batchBytes = 0;
  const check = async (): Promise<void> => {
    const want = handed ? [] : batch.map((i) => files.oid(i)).filter((oid): oid is string => oid !== undefined);
    const blobs = handed ?? (await readBlobsSafe(git, want));
    let n = 0;
    for (const i of batch) {
      const p = files.path(i);
      const oid = files.oid(i);
      // Yield now and then: git processes started meanwhile (a pre-restore snapshot) get served.
      if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      if (oid === undefined) {
        bad(p, "file is in the manifest but not in the snapshot tree");
        continue;
      }
      const data = blobs.get(oid);
      if (!data) {
        unreadable.push(oid);
        bad(p, `blob ${oid} cannot be read back from the object store (missing or corrupt)`);
        continue;
      }
      const expected = files.entry(i);
      const got = digestOf ? await digestOf(p, data, expected) : { sha256: sha256(data), size: data.length };
      if ("problem" in got) bad(p, got.problem);
      else if (got.sha256 !== expected.sha256 || got.size !== expected.size)
        bad(
          p,
          "read-back checksum differs from the source",
          `sha256 ${expected.sha256} (${expected.size} bytes)`,
          `sha256 ${got.sha256} (${got.size} bytes)`,
        );
      else if (keep?.arena && files.packed) {
        if (keep.arena.bytes + data.length <= keep.budget) keep.arena.put(i, data);
      } else if (keep && !keep.blobs.has(oid) && kept + data.length + BLOB_OVERHEAD <= keep.budget) {
        // A copy: a slice would hold the whole batch's read buffer alive.
        keep.blobs.set(oid, handed ? data : Buffer.from(data));
        kept += data.length + BLOB_OVERHEAD;
      }
    }
    batch = [];
    batchBytes = 0;
  };
  for (let i = 0; i < files.count; i++) {
    batch.push(i);
    batchBytes += files.size(i);
    if (batchBytes >= READBACK_BATCH_BYTES || batch.length >= READBACK_BATCH_FILES) await check();
  }
  await check();
  for (const p of treeOnly) bad(p, "file is in the snapshot tree but not in its manifest");
  if (keep) keep.unreadable = unreadable;
}

/**
 * readBlobs, but a corrupt loose object makes cat-file die mid-stream: fall back to one object
 * at a time so the report names which blob is bad instead of failing the whole read.
 */
export async function readBlobsSafe(git: Git, oids: string[]): Promise<Map<string, Buffer>> {
  try {
    return await git.readBlobsBuffered(oids);
  } catch {
    const out = new Map<string, Buffer>();
    for (const oid of new Set(oids)) {
      try {
        const one = await git.readBlobs([oid]);
        const b = one.get(oid);
        if (b) out.set(oid, b);
      } catch {
        /* reported by the caller as unreadable */
      }
    }
    return out;
  }
}

/**
 * `bad(file, message, expected?, found?)`: one snapshot/checksum finding into `findings`, the
 * report of every read-back (readback.ts, capture.ts).
 */
export function checksumReporter(findings: Finding[]): (file: string, message: string, expected?: string, found?: string) => void {
  return (file, message, expected, found) => {
    findings.push({
      rule: "snapshot/checksum",
      level: "error",
      file,
      message,
      ...(expected ? { expected } : {}),
      ...(found ? { found } : {}),
      fix: "the object store holds different bytes than were snapshotted: run `git fsck --full`, then take the snapshot again",
    });
  };
}
