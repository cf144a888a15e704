/**
 * The config-write journal: `<git dir>/integrity-guard/config-write-journal.json`, written
 * (atomically) by `conflicts --resolve --write` and `sync --fix` once every new file is written
 * and fsynced beside its target, before the first rename, and removed after the last. Renames
 * run one by one, so a process killed between two of them left the set half-new (one file
 * resolved, the next not) and nothing said so; the undo folder held the old contents but no one
 * was told to use it.
 *
 * The next run of any command settles a journal whose writer is gone (settleConfigWrite): when
 * every file is new or still has its whole new temporary beside it, the write is finished (roll
 * forward); when a new temporary is gone but every file is new or old, the old set is put back
 * from the undo folder (roll back); when a file is neither (edited by hand since), nothing is
 * touched and the command stops with exit 2, naming the file and the undo folder. Either way
 * the user is told. Settling takes the config-write lock and is idempotent, so a settle killed
 * in turn is finished by the run after.
 *
 * Per work tree (the git dir, as the restore journal): a write in one linked worktree is not
 * settled from another.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { EnvironmentError } from "../errors.js";
import { atomicWriteError, fsyncDir, removeDeadTemporaries, temporaryBeside, writeFileAtomic, writeTemporary } from "./atomic.js";
import type { Git } from "./git.js";
import { withLock } from "./lock.js";
import { nameExists, resolveInside } from "./paths.js";
import { processStart, recordedProcessAlive } from "./process-start.js";
import { readStateFile } from "./read-regular.js";
import { makeStateFolder } from "./state-folder.js";

const JOURNAL_FILE = "config-write-journal.json";

interface JournalEntry {
  /** Repo-relative path of the file replaced. */
  file: string;
  /** The new content's temporary, a name in the file's folder. */
  tmp: string;
  /** sha256 (hex) of the previous content (null: there was no file) and of the new content. */
  old: string | null;
  new: string;
}

interface ConfigWriteJournal {
  version: 1;
  pid: number;
  start?: string;
  started: string;
  /** The command that wrote, for the messages ("conflicts --write or sync --fix", "seal"). */
  command?: string;
  /** The lock (a name in the state folder) that command holds while it writes. */
  lock?: string;
  /** The undo folder holding every file's previous content (absolute), if the command keeps one. */
  undo?: string;
  files: JournalEntry[];
}

/** Who writes through the journal: the command's name for messages, its lock, its undo folder. */
interface Writer {
  command: string;
  lock: string;
  undo?: string;
}

/** Where the journal of a work tree lives: the one name every reader and writer uses (cli.ts asks it before each command). */
export function configWriteJournalPath(gitDir: string): string {
  return path.join(gitDir, "integrity-guard", JOURNAL_FILE);
}

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A new file written whole beside its target, ready to be renamed over it (stageReplacement). */
interface Staged {
  file: string;
  abs: string;
  tmp: string;
  /** sha256 of the previous content (null: no file there) and of the new. */
  old: string | null;
  new: string;
}

/**
 * Write `text` whole to a temporary beside `abs` and fsync it (the previous file, if any, is
 * untouched). Call holding the writer's lock. On failure the temporary is removed and the
 * error rethrown as atomicWriteError (what, where, the previous content unchanged).
 */
export async function stageReplacement(file: string, abs: string, text: string): Promise<Staged> {
  await removeDeadTemporaries(abs);
  const tmp = temporaryBeside(abs);
  const st = await fs.stat(abs).catch(() => undefined);
  try {
    await writeTemporary(tmp, text, st === undefined ? 0o644 : st.mode & 0o7777, st !== undefined);
  } catch (error) {
    throw atomicWriteError(abs, error);
  }
  return { file, abs, tmp, old: st ? ((await hashOf(abs)) ?? null) : null, new: sha256(text) };
}

/** Remove staged temporaries (a write given up before its journal). */
export async function dropStaged(staged: readonly Staged[]): Promise<void> {
  for (const t of staged) await fs.rm(t.tmp, { force: true }).catch(() => undefined);
}

/**
 * Record the journal, rename every staged file over its target, clear the journal. A kill
 * between two renames is finished by the next run of any command (settleConfigWrite). On a
 * failure before the first rename every temporary is removed and nothing has changed.
 */
export async function commitStaged(gitDir: string, staged: readonly Staged[], writer: Writer): Promise<void> {
  try {
    await writeConfigWriteJournal(
      gitDir,
      writer,
      staged.map((t) => ({ file: t.file, tmp: path.basename(t.tmp), old: t.old, new: t.new })),
    );
  } catch (error) {
    await dropStaged(staged);
    throw atomicWriteError(configWriteJournalPath(gitDir), error);
  }
  let renamed = 0;
  try {
    for (const t of staged) {
      await fs.rename(t.tmp, t.abs);
      renamed++;
    }
  } catch (error) {
    await dropStaged(staged.slice(renamed));
    throw new EnvironmentError(
      `could not replace ${staged[renamed]!.file}: ${(error as Error).message}; ${renamed} of ${staged.length} files were written`,
      // The journal stays: the next run puts the previous contents back (roll back) and says so.
      { fix: `run integrity-guard again: it puts the previous contents back${writer.undo ? ` from ${writer.undo}` : ""}`, cause: error },
    );
  }
  for (const dir of new Set(staged.map((t) => path.dirname(t.abs)))) await fsyncDir(dir);
  await clearConfigWriteJournal(gitDir);
}

async function writeConfigWriteJournal(gitDir: string, writer: Writer, files: JournalEntry[]): Promise<void> {
  const file = configWriteJournalPath(gitDir);
  await makeStateFolder(path.dirname(file));
  // A journal temporary left by a writer killed while writing it: ours to remove (we hold the lock).
  await removeDeadTemporaries(file);
  const start = processStart(process.pid);
  const journal: ConfigWriteJournal = {
    version: 1,
    pid: process.pid,
    ...(start ? { start } : {}),
    started: new Date().toISOString(),
    command: writer.command,
    lock: writer.lock,
    ...(writer.undo ? { undo: writer.undo } : {}),
    files,
  };
  await writeFileAtomic(file, JSON.stringify(journal, null, 2) + "\n", { mode: 0o600 });
}

/** Every rename is done (and the folders fsynced): the journal goes. */
async function clearConfigWriteJournal(gitDir: string): Promise<void> {
  const file = configWriteJournalPath(gitDir);
  await fs.rm(file, { force: true });
  await fsyncDir(path.dirname(file));
}

async function readJournal(file: string): Promise<ConfigWriteJournal | undefined> {
  let bytes: Buffer | undefined;
  try {
    if (!nameExists(file)) return undefined;
    bytes = await readStateFile(file);
  } catch (error) {
    throw new EnvironmentError(`cannot read the config-write journal ${file}: ${(error as Error).message}`, {
      fix: "check the permissions of .git/integrity-guard/",
    });
  }
  if (bytes === undefined) {
    throw new EnvironmentError(`the config-write journal ${file} is a symlink or not a regular file; it was not read`, {
      fix: `look at it (ls -l ${file}); integrity-guard writes it as a regular file: remove what is there`,
    });
  }
  try {
    const j = JSON.parse(bytes.toString("utf8")) as ConfigWriteJournal;
    if (j.version === 1 && Array.isArray(j.files)) return j;
  } catch {
    /* reported below */
  }
  throw new EnvironmentError(`the config-write journal ${file} is damaged: an earlier conflicts --write or sync --fix was interrupted`, {
    fix: `compare the files it wrote with the undo folder under .git/integrity-guard/undo/ (the newest), copy back what you want, then delete the journal: rm ${file}`,
  });
}

type State = "new" | "pending" | "old" | "other";

interface Judged {
  entry: JournalEntry;
  abs: string;
  tmp: string;
  state: State;
}

async function hashOf(file: string): Promise<string | undefined> {
  try {
    const st = await fs.lstat(file);
    if (!st.isFile()) return undefined;
    return sha256(await fs.readFile(file));
  } catch {
    return undefined;
  }
}

async function judge(root: string, e: JournalEntry): Promise<Judged> {
  const abs = resolveInside(root, e.file, { what: "config file" });
  // The temporary is a bare name in the file's folder: a journal naming a path elsewhere is not ours.
  if (path.basename(e.tmp) !== e.tmp || !e.tmp.startsWith(".")) throw new Error(`bad temporary name ${JSON.stringify(e.tmp)}`);
  const tmp = path.join(path.dirname(abs), e.tmp);
  const now = await hashOf(abs);
  let state: State = "other";
  if (now === e.new) state = "new";
  else if (now === (e.old ?? undefined)) state = (await hashOf(tmp)) === e.new ? "pending" : "old";
  return { entry: e, abs, tmp, state };
}

/**
 * Settle a config write interrupted in this work tree, if any: finish it or undo it, and say
 * which through `log`. A journal whose writer still runs is left to it. Throws EnvironmentError
 * (exit 2) when the files cannot be brought to one whole set without overwriting a change made
 * since, or the journal cannot be read.
 */
export async function settleConfigWrite(git: Git, log: (line: string) => void): Promise<void> {
  const file = configWriteJournalPath(git.gitDir);
  if (!nameExists(file)) return;
  const first = await readJournal(file);
  if (!first || (first.pid !== process.pid && recordedProcessAlive(first.pid, first.start))) return;
  // The lock the writer held (a name, never a path: the journal is not trusted to point elsewhere).
  const lock = first.lock && /^[\w-]+\.lock$/.test(first.lock) ? first.lock : "config-write.lock";
  await withLock(path.join(git.stateDir(), lock), async () => {
    // Settled by another run while we waited for the lock?
    const j = await readJournal(file);
    if (!j) return;
    await settle(git, j, file, log);
  });
}

async function settle(git: Git, j: ConfigWriteJournal, file: string, log: (line: string) => void): Promise<void> {
  let judged: Judged[];
  try {
    judged = await Promise.all(j.files.map((e) => judge(git.root, e)));
  } catch (error) {
    throw new EnvironmentError(`the config-write journal ${file} names a file integrity-guard cannot check: ${(error as Error).message}`, {
      fix: `compare the files with the undo folder ${j.undo}, copy back what you want, then delete the journal: rm ${file}`,
    });
  }
  const names = j.files.map((e) => e.file).join(", ");
  const what = `an interrupted ${j.command ?? "conflicts --write or sync --fix"} (pid ${j.pid}, started ${j.started})`;
  const undoNote = j.undo ? `the previous contents are in ${j.undo}` : "nothing else was changed";
  const others = judged.filter((x) => x.state === "other");
  if (others.length > 0) {
    throw new EnvironmentError(
      `${what} left ${names} partly written, and ${others.map((x) => x.entry.file).join(", ")} changed since; nothing was touched`,
      {
        fix: j.undo
          ? `the previous contents are in ${j.undo}: put them back with \`cp -R ${j.undo}/. .\` (or keep your edits), then delete the journal: rm ${file}`
          : `check those files (git diff), then delete the journal: rm ${file}, and run ${j.command ?? "the command"} again`,
      },
    );
  }
  if (judged.every((x) => x.state === "new" || x.state === "pending")) {
    for (const x of judged) if (x.state === "pending") await fs.rename(x.tmp, x.abs);
    for (const dir of new Set(judged.map((x) => path.dirname(x.abs)))) await fsyncDir(dir);
    await clearConfigWriteJournal(git.gitDir);
    log(`integrity-guard: ${what} was finished: ${names} now hold the new contents (${undoNote})`);
    return;
  }
  // A new file's temporary is gone: put the old set back, from the undo folder (checked first);
  // a file that did not exist before goes again.
  const backups = new Map<string, Buffer | null>();
  for (const x of judged) {
    if (x.state !== "new") continue;
    if (x.entry.old === null) {
      backups.set(x.entry.file, null);
      continue;
    }
    const saved = j.undo ? await fs.readFile(path.join(j.undo, x.entry.file)).catch(() => undefined) : undefined;
    if (!saved || sha256(saved) !== x.entry.old) {
      throw new EnvironmentError(
        `${what} left ${names} partly written, and the undo copy of ${x.entry.file} is missing or changed; nothing was touched`,
        {
          fix: `check the files (git diff), fix them by hand, then delete the journal: rm ${file}`,
        },
      );
    }
    backups.set(x.entry.file, saved);
  }
  for (const x of judged) await fs.rm(x.tmp, { force: true });
  for (const x of judged) {
    const saved = backups.get(x.entry.file);
    if (saved === null) await fs.rm(x.abs, { force: true });
    else if (saved) await writeFileAtomic(x.abs, saved);
  }
  await clearConfigWriteJournal(git.gitDir);
  log(
    `integrity-guard: ${what} was rolled back: ${names} hold their previous contents again (a new file it had written was gone); run the command again`,
  );
}
