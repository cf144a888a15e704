/**
 * The seed's backup validation, done on what git stored: every blob of a snapshot tree is read
 * back with cat-file and its SHA-256 compared with the manifest (and the manifest with the
 * digest the commit message carries). Used before a branch moves and before a restore.
 */
import type { Finding } from "../../core/finding.js";
import { SNAPSHOT_MANIFEST_PATH, type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { BlobDigest } from "./encrypt.js";
import { sha256 } from "./files.js";

const YIELD_EVERY = 1000;

/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
export async function readBackTree(
  git: Git,
  treeish: string,
  manifest: SnapshotManifest,
  manifestText: string,
  preloaded?: { entries: { mode: string; type: string; oid: string; path: string }[]; blobs: Map<string, Buffer> },
  /** What a blob stands for when it is not the file's bytes (an encrypted set: encrypt.ts). */
  digestOf?: BlobDigest,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const bad = checksumReporter(findings);
  let entries;
  try {
    entries = preloaded?.entries ?? (await git.lsTreeBlobs(treeish));
  } catch (error) {
    bad(SNAPSHOT_MANIFEST_PATH, `cannot list the snapshot tree ${treeish}: ${(error as Error).message.split("\n")[0]}`);
    return findings;
  }
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const blobs =
    preloaded?.blobs ??
    (await readBlobsSafe(
      git,
      entries.map((e) => e.oid),
    ));
  const mEntry = byPath.get(SNAPSHOT_MANIFEST_PATH);
  const mBlob = mEntry && blobs.get(mEntry.oid);
  if (!mBlob || mBlob.toString("utf8") !== manifestText) bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
  let n = 0;
  for (const [p, expected] of Object.entries(manifest.files)) {
    // Yield now and then: git processes started meanwhile (a pre-restore snapshot) get served.
    if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const e = byPath.get(p);
    if (!e) {
      bad(p, "file is in the manifest but not in the snapshot tree");
      continue;
    }
    const data = blobs.get(e.oid);
    if (!data) {
      bad(p, `blob ${e.oid} cannot be read back from the object store (missing or corrupt)`);
      continue;
    }
    const got = digestOf ? await digestOf(p, data, expected) : { sha256: sha256(data), size: data.length };
    if ("problem" in got) bad(p, got.problem);
    else if (got.sha256 !== expected.sha256 || got.size !== expected.size)
      bad(
        p,
        "read-back checksum differs from the source",
        `sha256 ${expected.sha256} (${expected.size} bytes)`,
        `sha256 ${got.sha256} (${got.size} bytes)`,
      );
  }
  for (const e of entries)
    if (e.path !== SNAPSHOT_MANIFEST_PATH && !manifest.files[e.path]) bad(e.path, "file is in the snapshot tree but not in its manifest");
  return findings;
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
