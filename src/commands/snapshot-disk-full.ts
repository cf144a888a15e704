/**
 * A snapshot that stops because the disk holding .git is full. git says so in its own words
 * ("fatal: sha1 file '.git/objects/pack/tmp_pack_X' write error. Out of diskspace" from
 * fast-import, "No space left on device" elsewhere) inside a raw "git fast-import failed"
 * message; Node says ENOSPC. Either way the user needs to hear that the disk is full and whether
 * anything changed: the snapshot branch is compared with where it was before the snapshot.
 */
import fs from "node:fs";
import path from "node:path";
import { EnvironmentError, GitError } from "../errors.js";

const GIT_DISK_FULL = /No space left on device|Out of diskspace|Disk quota exceeded/i;
/**
 * git's words when it cannot write the lock file of a ref it moves (refs/files-backend.c:
 * "couldn't write '%s'"), without the cause: a full disk met by `update-ref` after the objects
 * fitted (seen: snapshot and restore's pre-restore snapshot came out as a raw git failure).
 */
const GIT_COULD_NOT_WRITE = /couldn't write '([^']+)'/;
/** Less free space than this where git could not write: the disk is full (git writes 41 bytes there). */
const NEARLY_FULL_BYTES = 64 * 1024;

/** Whether `error` is a full disk (or quota), from git or from Node. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof GitError) {
    if (GIT_DISK_FULL.test(error.stderr)) return true;
    const unwritten = GIT_COULD_NOT_WRITE.exec(error.stderr)?.[1];
    return unwritten !== undefined && nearlyFull(path.dirname(unwritten));
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOSPC" || code === "EDQUOT";
}

/** Whether the file system holding `dir` has (almost) no space left for this user; false when unknown. */
function nearlyFull(dir: string): boolean {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/** The EnvironmentError (exit 2) for a snapshot of `set` stopped by a full disk; `unchanged`: the branch is where it was. */
export function snapshotDiskFullError(set: string, branch: string, unchanged: boolean, cause: unknown): EnvironmentError {
  return new EnvironmentError(
    `snapshot of set ${set} stopped: the disk is full (the one holding the repository's .git folder); ${
      unchanged
        ? `nothing was changed (${branch} is where it was, the work tree and index are untouched)`
        : `${branch} moved during the run: check it with \`integrity-guard snapshots\``
    }`,
    {
      fix: "free disk space (`df -h .git` shows how much is left; `git gc --prune=now` also removes the partial pack git may have left), then run the snapshot again",
      cause,
    },
  );
}

/**
 * The EnvironmentError (exit 2) for a restore stopped by a full disk before it changed anything:
 * the pre-restore snapshot (the undo of the restore) could not be recorded, so no file was
 * written. Shown raw, git's fast-import failure and crash report path did not say that.
 */
export function restoreDiskFullError(cause: unknown): EnvironmentError {
  return new EnvironmentError(
    "restore stopped before changing anything: recording the current state first (the pre-restore snapshot that undoes a restore) needs space on the disk holding the repository's .git folder, and it is full; no file was written",
    {
      fix: "free disk space (`df -h .git` shows how much is left; `git gc --prune=now` also removes the partial pack git may have left), then run the restore again",
      cause,
    },
  );
}
