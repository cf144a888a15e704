/**
 * The manifest on disk: read and check it, write it atomically under a lock. Paths go through
 * resolveInside, so a `.integrity-guard` folder that is a symlink out of the tree is refused.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MANIFEST_PATH } from "../config/types.js";
import { EnvironmentError } from "../errors.js";
import type { Manifest } from "../core/manifest/model.js";
import { renderManifest } from "../core/manifest/serialize.js";
import { readManifestText, type ReadManifestResult } from "../core/manifest/validate.js";
import { writeFileAtomic } from "./atomic.js";
import { gitObjectId } from "./git-object-id.js";
import { recordManifestBlobVerdict } from "./hash/manifest-blob-verdict.js";
import type { Git } from "./git.js";
import { withLock } from "./lock.js";
import { resolveInside } from "./paths.js";
import type { StatCache } from "./stat-cache.js";

export interface StoredManifest extends ReadManifestResult {
  /** False when there is no manifest file. */
  exists: boolean;
  /** SHA-256 of the file's bytes (empty when it does not exist). */
  sha256: string;
}

/** The manifest's bytes, or undefined when there is none. */
export function readManifestBytes(root: string): Buffer | undefined {
  const abs = resolveInside(root, MANIFEST_PATH, { what: "manifest" });
  try {
    return fs.readFileSync(abs);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ENOENT") return undefined;
    throw new EnvironmentError(`cannot read ${MANIFEST_PATH}: ${e.message}`, { fix: "check the file's permissions" });
  }
}

export function sha256Of(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * Read and check the work tree's manifest. A missing file is `{exists: false}`. With a cache,
 * bytes that passed every check before (same SHA-256) are only parsed.
 */
export function readManifestFile(root: string, cache?: StatCache, bytes = readManifestBytes(root)): StoredManifest {
  if (!bytes) return { exists: false, findings: [], sha256: "" };
  const sha = sha256Of(bytes);
  const result = readManifestText(bytes, MANIFEST_PATH, { prevalidated: cache?.isValidatedManifest(sha) === true });
  if (cache && result.manifest && result.findings.length === 0) cache.rememberValidatedManifest(sha);
  return { exists: true, sha256: sha, ...result };
}

/** The lock that serialises seals (and anything else that rewrites the manifest). */
export function manifestLockPath(git: Git): string {
  return path.join(git.stateDir(), "manifest.lock");
}

/** Run `fn` holding the manifest lock. */
export function withManifestLock<T>(git: Git, fn: () => Promise<T>): Promise<T> {
  return withLock(manifestLockPath(git), fn, { timeoutMs: 120_000 });
}

/** Where `seal` records the verdict for the manifest it writes (see manifest-blob-verdict.ts). */
export interface SealedVerdictTarget {
  stateDir: string;
  /** verdict.ts filterKey of the globs the manifest was sealed under. */
  filter: string;
  /** Length of the repository's object ids (40 SHA-1, 64 SHA-256). */
  oidLength: number;
}

/**
 * Write the manifest atomically (temporary file, fsync, rename). Leaves the file untouched
 * (not even its mtime) when the content is already identical. Returns whether it wrote.
 * With `verdict`, the blob id these exact bytes will have once staged is recorded as a valid
 * manifest: rendered by seal itself, they are canonical and consistent by construction, and
 * every path in them is covered by the globs; bytes edited afterwards have another id and are
 * checked in full by the hook.
 */
export async function writeManifestFile(root: string, manifest: Manifest, verdict?: SealedVerdictTarget): Promise<boolean> {
  const abs = resolveInside(root, MANIFEST_PATH, { what: "manifest" });
  const text = renderManifest(manifest);
  if (verdict) {
    const oid = gitObjectId("blob", Buffer.from(text, "utf8"), verdict.oidLength);
    await recordManifestBlobVerdict(verdict.stateDir, oid, verdict.filter, []);
  }
  try {
    if (fs.readFileSync(abs, "utf8") === text) return false;
  } catch {
    /* absent: write it */
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  removeStaleTemporaries(abs);
  await writeFileAtomic(abs, text);
  return true;
}

/**
 * A seal killed between creating its temporary file and the rename leaves
 * `.manifest.json.<pid>.<random>.tmp` behind (the manifest itself is intact). We hold the lock,
 * so any such file whose writer is no longer alive is garbage.
 */
function removeStaleTemporaries(abs: string): void {
  const dir = path.dirname(abs);
  const prefix = `.${path.basename(abs)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) && name.endsWith(".tmp") ? /^(\d+)\./.exec(name.slice(prefix.length)) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = pid === process.pid;
    if (!alive) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code !== "ESRCH";
      }
    }
    if (!alive) fs.rmSync(path.join(dir, name), { force: true });
  }
}
