/**
 * The last backup validation: read the newest snapshot back from git the way `snapshot` checks
 * it before publishing (its manifest against the Manifest-Digest trailer, every blob against
 * the manifest's SHA-256). A snapshot that no longer reads back is a backup that will not restore.
 */
import { createHash } from "node:crypto";
import { parseSnapshotManifest, SNAPSHOT_MANIFEST_PATH } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import { readBackTree } from "../snapshot/readback.js";

interface ValidationResult {
  ok: boolean;
  /** What is wrong (first problem and how many), when not ok. */
  message?: string;
  files?: number;
}

/** Validate snapshot `commit` whose message carries `digest` (`sha256:<hex>`). Never throws. */
export async function validateSnapshot(git: Git, commit: string, digest: string | undefined): Promise<ValidationResult> {
  try {
    const entries = await git.lsTreeBlobs(commit);
    const mEntry = entries.find((e) => e.path === SNAPSHOT_MANIFEST_PATH);
    if (!mEntry) return { ok: false, message: `${SNAPSHOT_MANIFEST_PATH} is missing from the snapshot tree` };
    const blob = (await git.readBlobs([mEntry.oid])).get(mEntry.oid);
    if (!blob) return { ok: false, message: `${SNAPSHOT_MANIFEST_PATH} cannot be read back (blob ${mEntry.oid} missing)` };
    const text = blob.toString("utf8");
    const actual = "sha256:" + createHash("sha256").update(blob).digest("hex");
    if (digest !== actual)
      return { ok: false, message: `the manifest's digest ${actual} differs from the commit's Manifest-Digest ${digest ?? "(none)"}` };
    const manifest = parseSnapshotManifest(text);
    if (typeof manifest === "string") return { ok: false, message: `the stored manifest is invalid: ${manifest}` };
    const findings = await readBackTree(git, commit, manifest, text);
    if (findings.length > 0) {
      const f = findings[0]!;
      return {
        ok: false,
        message: `${findings.length} problem${findings.length === 1 ? "" : "s"}, first: ${f.file}: ${f.message}`,
        files: Object.keys(manifest.files).length,
      };
    }
    return { ok: true, files: Object.keys(manifest.files).length };
  } catch (error) {
    return { ok: false, message: `could not read the snapshot back: ${(error as Error).message.split("\n")[0]}` };
  }
}
