/**
 * The restore journal: `.git/integrity-guard/restore-journal.json`, written (atomically) after
 * the pre-restore snapshot is taken and before the first file of the work tree changes, removed
 * when the restore has finished. A journal that outlives its process means a restore was
 * killed half-way (kill -9, power cut): the next restore refuses to start anything else and
 * names the two ways out, the undo (restore the pre-restore snapshot) and the resume (run the
 * same restore again). Running either of those clears it.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { EnvironmentError } from "../../errors.js";
import { writeFileAtomic } from "../atomic.js";
import { processStart, recordedProcessAlive } from "../process-start.js";
import type { Git } from "../git.js";
import { RESTORE_TEMP_RE } from "./restore-write.js";
import { makeStateFolder } from "../state-folder.js";
import { readStateFile } from "../read-regular.js";
import { nameExists } from "../paths.js";
import { sweepDeadWriters } from "../sweep-dead-writers.js";

const JOURNAL_FILE = "restore-journal.json";

interface RestoreJournal {
  version: 1;
  pid: number;
  started: string;
  /** The snapshot being restored, and the set it belongs to. */
  snapshot: string;
  /** The pre-restore snapshot: the state before this restore. */
  pre: string;
  /** The scopes restored (what the pre-restore snapshot holds). */
  scopes: string[];
  /** Shell commands: undo (back to the state before) and resume (finish the restore). */
  undo: string;
  resume: string;
  /** Folders temporaries were written in (swept of leftovers when the journal is settled). */
  dirs: string[];
  /** When the writing process started (process-start.ts; Linux): tells it from a later process given the same pid. */
  start?: string;
}

/**
 * Per work tree: under this work tree's own git dir (.git/ for the main one, as before;
 * .git/worktrees/<name>/ for a linked one). In the shared .git/integrity-guard/, a restore killed
 * in one linked worktree made a restore in another print the first one's undo (a snapshot of
 * the other tree's files) and settle its journal, leaving the half-restored tree unflagged.
 */
function journalPath(git: Git): string {
  return path.join(git.gitDir, "integrity-guard", JOURNAL_FILE);
}

/**
 * The lock a restore holds from its first read to its last write, per work tree (beside the
 * journal). `snapshot` holds it too while it reads the tree (commands/snapshot.ts): the journal
 * alone cannot tell a snapshot that a restore has started, since a restore writes it only after
 * its pre-restore snapshot.
 */
export function restoreLockPath(git: Git): string {
  return path.join(git.gitDir, "integrity-guard", "restore.lock");
}

/** Record the restore about to start. Throws EnvironmentError when it cannot be written. */
export async function writeJournal(git: Git, journal: RestoreJournal): Promise<void> {
  await makeStateFolder(path.dirname(journalPath(git)));
  const start = journal.pid === process.pid ? processStart(process.pid) : undefined;
  await writeFileAtomic(journalPath(git), JSON.stringify(start ? { ...journal, start } : journal, null, 2) + "\n", { mode: 0o600 });
}

/** The journal left by an earlier restore, or undefined. An unreadable one is reported, never ignored. */
export async function readJournal(git: Git): Promise<RestoreJournal | undefined> {
  let text: string;
  try {
    // Never through a link (a FIFO there would hang every restore and snapshot): a journal is
    // only ever written whole by rename, so anything but a regular file is not one of ours.
    if (!nameExists(journalPath(git))) return undefined;
    const bytes = await readStateFile(journalPath(git));
    if (bytes === undefined) {
      throw new EnvironmentError(`the restore journal ${journalPath(git)} is a symlink or not a regular file; it was not read`, {
        fix: `look at it (ls -l ${journalPath(git)}); integrity-guard writes it as a regular file: remove what is there`,
      });
    }
    text = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`cannot read the restore journal ${journalPath(git)}: ${(error as Error).message}`, {
      fix: "check the permissions of .git/integrity-guard/",
    });
  }
  try {
    const j = JSON.parse(text) as RestoreJournal;
    if (j.version === 1 && typeof j.snapshot === "string" && typeof j.pre === "string") return j;
  } catch {
    /* reported below */
  }
  throw new EnvironmentError(`the restore journal ${journalPath(git)} is damaged: an earlier restore was interrupted`, {
    fix: "check the restored paths (git status), then delete the journal by hand",
  });
}

/** The restore has finished (or found nothing left to do): the journal goes. */
export async function settleJournal(git: Git): Promise<void> {
  await fs.rm(journalPath(git), { force: true });
}

/**
 * Remove `.<name>.ig-restore.<writer>.<hex>.tmp` files and folders from these folders
 * (repo-relative) whose writer no longer runs: the shared sweep (sweep-dead-writers.ts), so a
 * temporary of a restore still writing (another work tree of a shared folder, a journal whose
 * writer was taken for dead) is never pulled from under it.
 */
export async function sweepTemporaries(root: string, dirs: readonly string[]): Promise<void> {
  // A folder the restore was building whole is a temporary too (recursive).
  for (const dir of dirs) sweepDeadWriters(path.join(root, dir), (n) => RESTORE_TEMP_RE.exec(n)?.[1], { recursive: true });
}

/** Whether the process that wrote the journal still runs (then it is not interrupted). */
export function journalAlive(j: RestoreJournal): boolean {
  return alive(j);
}

// Our own pid in a journal is a reused pid of an earlier, interrupted run; so is a live pid that
// started at another time than the journal's writer (a restarted container reuses pids at once).
function alive(j: RestoreJournal): boolean {
  return j.pid !== process.pid && recordedProcessAlive(j.pid, j.start);
}

/**
 * Before a restore writes anything: a journal whose process is gone means an interrupted
 * restore. Only its undo (restoring `pre` whole) or its resume (restoring `snapshot` over the
 * same scopes) may run; anything else is refused with both commands. Returns the journal to
 * settle once this restore has finished.
 */
export function checkInterrupted(
  git: Git,
  j: RestoreJournal | undefined,
  target: string,
  scopes: readonly string[],
): RestoreJournal | undefined {
  if (!j) return undefined;
  if (alive(j)) {
    throw new EnvironmentError(`another restore (pid ${j.pid}, started ${j.started}) is writing ${j.scopes.join(", ")}`, {
      // Never "delete the journal": it holds the only record of the way back.
      fix: `wait for it to finish (ps -p ${j.pid}); if that process is not integrity-guard, the restore was interrupted: undo with: ${j.undo}   or resume with: ${j.resume}   (${journalPath(git)} records both; either clears it)`,
    });
  }
  const same = [...scopes].sort().join("\0") === [...j.scopes].sort().join("\0");
  if ((target === j.pre || target === j.snapshot) && same) return j;
  throw new EnvironmentError(interruptedMessage(j), {
    fix: `undo with: ${j.undo}   or resume with: ${j.resume}`,
  });
}

/** The one sentence that describes an interrupted restore. */
export function interruptedMessage(j: RestoreJournal): string {
  return `an interrupted restore (pid ${j.pid}, started ${j.started}) left ${j.scopes.join(", ")} partly restored from snapshot ${j.snapshot.slice(0, 12)}; undo with: ${j.undo}   or resume with: ${j.resume}`;
}

/**
 * Before `snapshot`: a restore unsettled in this work tree (killed, or still writing) leaves a
 * tree that is partly the old state and partly the snapshot's. A snapshot of it would be a
 * signed, verified record of a state that never existed, kept by retention in place of good
 * ones (and possibly pruning the snapshot the resume needs). Throws EnvironmentError naming the
 * way out; returns when there is no journal.
 */
export async function refuseSnapshotDuringRestore(git: Git, set: string): Promise<void> {
  const j = await readJournal(git);
  if (!j) return;
  if (alive(j)) {
    throw new EnvironmentError(
      `no snapshot of set ${set}: a restore (pid ${j.pid}, started ${j.started}) is writing ${j.scopes.join(", ")}`,
      {
        fix: "run the snapshot again once that restore has finished",
      },
    );
  }
  throw new EnvironmentError(`no snapshot of set ${set} of a half-restored work tree: ${interruptedMessage(j)}`, {
    fix: `settle the restore first (undo with: ${j.undo}   or resume with: ${j.resume}), then run the snapshot again`,
  });
}
