/**
 * Restore paths from a snapshot into the work tree. The paths are made to match the snapshot
 * exactly: files in it are written from their blobs, each atomically (restore-write.ts; the
 * index is left alone), files under those paths that it does not hold are removed. Everything
 * replaced or removed is first recorded as a `pre-restore` snapshot.
 */
import fsSync, { realpathSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Finding } from "../../core/finding.js";
import { matcher } from "../../core/glob.js";
import { inScope, literalScope, parseScope } from "../../core/snapshot/manifest.js";
import type { PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
import { UnsafePathError, UsageError } from "../../errors.js";
import type { Git } from "../git.js";
import { checkRelative } from "../paths.js";
import { collectSetFiles, hashFilesIfPresent, hashWorktreeFiles } from "./files.js";
import { findTypeChanges, writeRestore, type TypeChanges, type WriteOptions } from "./restore-write.js";
import { policyFromManifest } from "./set-policy.js";

export interface RestorePlan {
  /** The scopes restored: the set's paths, or the requested paths (literal: `:(literal)p` when needed). */
  scopes: string[];
  create: string[];
  modify: string[];
  remove: string[];
  unchanged: string[];
  /** Snapshot files in scope (what must be on disk afterwards). */
  target: string[];
  /** Files that become folders and folders that become files (checked before anything is written). */
  typeChanges: TypeChanges;
}

/** Whether a repo path is under one of a restore's scopes (RestorePlan.scopes: globs, or `:(literal)` paths). */
export function scopeMatcher(scopes: readonly string[]): (p: string) => boolean {
  const parsed = scopes.map(parseScope);
  const globs = parsed.filter((s) => s.glob).map((s) => s.path);
  const lits = parsed.filter((s) => !s.glob).map((s) => s.path);
  const g = matcher(globs);
  return (p) => g(p) || lits.some((s) => inScope(p, s));
}

/** Work out what a restore of `requested` (or the whole set) would change. Reads only. */
export async function planRestore(git: Git, manifest: PackedSnapshotManifest, requested: readonly string[]): Promise<RestorePlan> {
  // Paths named on the command line are literal: `*` and `[` in them are file name characters.
  const scopes =
    requested.length > 0
      ? requested.map((p) => literalScope(checkRelative(p, "restore path") + (p.endsWith("/") ? "/" : "")))
      : [...manifest.paths];
  const inScopeOf = scopeMatcher(scopes);
  const files = manifest.files;
  // In path order (what a sort of the paths gives), without a list of every path first.
  const target: string[] = [];
  for (let k = 0; k < files.count; k++) {
    const p = files.path(files.sorted(k));
    if (inScopeOf(p)) target.push(p);
  }
  // A whole-set restore may empty a folder the snapshot holds nothing of; a named path must exist in it.
  for (const s of requested.length > 0 ? scopes : []) {
    const m = scopeMatcher([s]);
    let found = false;
    for (let i = 0; i < files.count && !found; i++) found = m(files.path(i));
    if (!found) {
      throw new UsageError(`${JSON.stringify(s)} is not in this snapshot (set ${manifest.set} holds ${manifest.paths.join(", ")})`, {
        fix: "name a file or folder the snapshot holds; see git ls-tree -r --name-only <snapshot>",
      });
    }
  }
  checkTargetsInside(git.root, target);
  // What the snapshot left out (git-ignored, secret-looking files) is neither removed nor recorded.
  const current = await collectSetFiles(git.root, scopes, policyFromManifest(git, manifest.set, manifest).selection);
  const currentFiles = current.files.filter(inScopeOf);
  const hashes = await hashWorktreeFiles(git.root, currentFiles);
  const plan: RestorePlan = {
    scopes,
    create: [],
    modify: [],
    remove: [],
    unchanged: [],
    target,
    typeChanges: { filesToFolders: [], foldersToFiles: [] },
  };
  for (const p of target) {
    const now = hashes.get(p);
    if (!now) {
      plan.create.push(p);
      continue;
    }
    const want = files.get(p)!;
    if (now.sha256 !== want.sha256 || now.mode !== want.mode) plan.modify.push(p);
    else plan.unchanged.push(p);
  }
  // A file on disk is a target when the snapshot holds it (it is in scope: currentFiles are).
  for (const p of currentFiles) if (!files.has(p)) plan.remove.push(p);
  plan.typeChanges = await findTypeChanges(git.root, plan.create, new Set(plan.remove));
  return plan;
}

/** Apply a plan: every file written atomically from its blob, then the extras removed. */
export async function applyRestore(
  git: Git,
  snapshotId: string,
  manifest: PackedSnapshotManifest,
  plan: RestorePlan,
  options: WriteOptions = {},
): Promise<void> {
  await writeRestore(git, snapshotId, manifest, plan, options);
}

/**
 * After a restore: every target file on disk must match the manifest; extras must be gone.
 * Files this restore wrote (`written`) were written from blobs whose digests the read-back had
 * checked against the manifest, each write taken to its full length before the rename: reading
 * them back would hash the page cache the write just filled, so each is checked by lstat
 * instead (a regular file of the manifest's size at the path, not gone, not replaced by a
 * folder or symlink, not cut short). Files the restore left alone are hashed.
 */
export async function verifyRestored(
  git: Git,
  manifest: PackedSnapshotManifest,
  plan: RestorePlan,
  /** Whether the restore wrote this target (created or modified it). */
  written: (p: string) => boolean = () => false,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const missing: string[] = [];
  const hashes = hashFilesIfPresent(
    git.root,
    plan.target.filter((p) => !written(p)),
    missing,
  );
  for (const p of plan.target) {
    if (!written(p)) continue;
    // The size alone: the entry (and its digest string) only for a file that differs.
    const size = manifest.files.sizeOf(p);
    let st: fsSync.Stats | undefined;
    try {
      st = fsSync.lstatSync(path.join(git.root, p));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    }
    if (!st) missing.push(p);
    else if (!st.isFile() || st.size !== size) {
      const want = manifest.files.get(p)!;
      findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file: p,
        message: "restored file differs from the snapshot's manifest (changed after it was written)",
        expected: `a file of ${want.size} bytes (sha256 ${want.sha256})`,
        found: st.isFile()
          ? `a file of ${st.size} bytes`
          : st.isDirectory()
            ? "a folder"
            : st.isSymbolicLink()
              ? "a symlink"
              : "a special file",
        fix: "another process wrote to the restored paths during the restore; stop it, then run the restore again",
      });
    }
  }
  for (const p of missing) {
    findings.push({
      rule: "snapshot/checksum",
      level: "error",
      file: p,
      message: "file was not restored (missing after the restore)",
      fix: "run the restore again; check the disk and permissions",
    });
  }
  for (const p of plan.target) {
    const got = hashes.get(p);
    if (!got) continue;
    const want = manifest.files.get(p)!;
    if (got.sha256 !== want.sha256 || got.size !== want.size) {
      findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file: p,
        message: "restored file differs from the snapshot's manifest",
        expected: `sha256 ${want.sha256} (${want.size} bytes)`,
        found: `sha256 ${got.sha256} (${got.size} bytes)`,
        fix: "a .gitattributes filter (eol, lfs) may have changed the bytes on checkout; check `git check-attr -a -- " + p + "`",
      });
    }
  }
  for (const p of plan.remove) {
    try {
      // A removed file may now be a folder: the snapshot holds files below that name.
      if ((await fs.lstat(path.join(git.root, p))).isDirectory()) continue;
      findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file: p,
        message: "file not in the snapshot is still present after the restore",
        fix: "remove it by hand or run the restore again",
      });
    } catch {
      /* gone, as planned */
    }
  }
  return findings;
}

/**
 * No folder a target would be written into may lead outside the repository through a symlink.
 * Checked once per folder (resolveInside per file costs three realpath calls each).
 */
function checkTargetsInside(root: string, targets: readonly string[]): void {
  const realRoot = realpathSync.native(root);
  const seen = new Set<string>();
  for (const t of targets) {
    let dir = path.posix.dirname(t);
    while (dir !== "." && !seen.has(dir)) {
      seen.add(dir);
      let real: string | undefined;
      try {
        real = realpathSync.native(path.join(root, dir));
      } catch {
        real = undefined; // does not exist yet: git creates it as a folder
      }
      if (real !== undefined && real !== realRoot && !real.startsWith(realRoot + path.sep)) {
        throw new UnsafePathError(
          `restoring ${JSON.stringify(t)} would write through ${JSON.stringify(dir)}, a symlink that leads outside the repository`,
          {
            fix: `remove or replace the symlink ${dir}, then restore again`,
          },
        );
      }
      dir = path.posix.dirname(dir);
    }
  }
}
