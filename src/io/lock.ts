/**
 * A cross-process lock: a lock file created exclusively, whole (tryCreate), holding {pid, host,
 * time, token}. A lock whose owner on this host is no longer alive (or older than `staleMs`) is
 * taken over, so a crashed process never blocks the next run for good.
 *
 * Why a takeover guard: POSIX has no "delete this path if it still holds these bytes". Two
 * waiters that both judged the same lock stale could otherwise both remove "it", the second
 * removing the first one's fresh lock, and both would hold the lock (seen: 7 double holds in
 * 200 rounds). So a stale lock is removed only by the holder of `<lock>.takeover` (itself an
 * O_EXCL file, held for a few system calls), after re-reading the lock and finding the exact
 * token it judged stale. Release removes the lock only while it still holds our own token.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, statSync, type Stats } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EnvironmentError } from "../errors.js";
import { temporaryBeside } from "./atomic.js";
import { sweepDeadWriters } from "./sweep-dead-writers.js";
import { makeStateFolder } from "./state-folder.js";
import { readStateFile } from "./read-regular.js";
import { processStart, recordedProcessAlive, WRITER_TAG } from "./process-start.js";

interface LockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is stale whatever its owner (default 10 min). */
  staleMs?: number;
  /** Longest pause between attempts (default 50 ms; short for hot read-modify-write loops). */
  pollMaxMs?: number;
}

interface LockInfo {
  pid: number;
  host: string;
  time: number;
  /** Unique per acquisition: what takeover and release compare (absent in locks of older versions). */
  token?: string;
  /**
   * When the holder started (process-start.ts; Linux only, absent in locks of older versions): a
   * live process with the holder's pid but another start is not the holder, whose pid was reused.
   */
  start?: string;
}

/** A takeover guard older than this was left by a process that died inside the takeover. */
const GUARD_STALE_MS = 5_000;

export async function withLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireLock(lockPath, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}

export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const timeout = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const started = Date.now();
  // Most locks live in .git/integrity-guard: a folder made here takes the shared-repository
  // permissions of the folder it is made in (state-folder.ts).
  await makeStateFolder(path.dirname(lockPath)).catch((error: unknown) => {
    throw lockError(lockPath, error);
  });
  const ownStart = processStart(process.pid);
  let delay = 1;
  for (;;) {
    const me: LockInfo = {
      pid: process.pid,
      host: os.hostname(),
      time: Date.now(),
      token: randomUUID(),
      ...(ownStart ? { start: ownStart } : {}),
    };
    if (await tryCreate(lockPath, JSON.stringify(me))) {
      // A process killed between writing its temporary lock file and removing it left that file
      // (`git add -A` would commit one beside a state file): ours to clear, under the lock.
      removeDeadLockTemporaries(lockPath);
      return () => releaseOwn(lockPath, me.token!);
    }
    const seen = await readRaw(lockPath);
    if (seen !== undefined && (await isStale(lockPath, seen, staleMs))) {
      await takeOver(lockPath, seen);
      continue;
    }
    if (Date.now() - started > timeout) {
      const owner = parseInfo(seen);
      throw new EnvironmentError(
        `could not take the lock ${lockPath} within ${timeout} ms${owner ? ` (held by pid ${owner.pid} on ${owner.host})` : ""}`,
        {
          fix: `wait for the other integrity-guard run to finish${owner ? ` (see \`ps -p ${owner.pid}\`)` : ""}; if none is running, delete the lock file: rm ${shellQuote(lockPath)}`,
        },
      );
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, options.pollMaxMs ?? 50);
  }
}

/**
 * Create `file` exclusively holding `content` whole; false when it exists. The content is written
 * to a temporary file first and hard-linked into place (link() fails with EEXIST, as O_EXCL does),
 * so the lock file is never seen empty: a holder stopped between an open and its write (SIGSTOP,
 * a slow disk) used to leave an empty lock that a second process took for a crash's after 2 s and
 * broke, two writers at once. A file system without hard links gets the old open-then-write.
 */
async function tryCreate(file: string, content: string): Promise<boolean> {
  const temp = temporaryBeside(file);
  try {
    await writeNew(temp, content);
  } catch (error) {
    throw lockError(file, error);
  }
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (!NO_HARD_LINKS.has(code ?? "")) throw lockError(file, error);
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
  return tryCreateInPlace(file, content);
}

/** The tail of a temporary name of tryCreate's (temporaryBeside), after `.<lock>.` or `.<lock>.takeover.`. */
const LOCK_TEMP_TAIL = new RegExp(String.raw`^(?:takeover\.)?(${WRITER_TAG})\.[0-9a-f]{8}\.tmp$`);

/**
 * Remove the temporary files of the lock and of its takeover guard whose writer is dead (a kill
 * between writing one and removing it). Call only while holding the lock.
 */
function removeDeadLockTemporaries(lockPath: string): void {
  const prefix = `.${path.basename(lockPath)}.`;
  sweepDeadWriters(path.dirname(lockPath), (name) =>
    name.startsWith(prefix) ? LOCK_TEMP_TAIL.exec(name.slice(prefix.length))?.[1] : undefined,
  );
}

/** What link() says on a file system that has no hard links (vfat, some network and FUSE mounts). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/** Write `content` to the new file `file` (never an existing one); a half-written file is removed. */
async function writeNew(file: string, content: string): Promise<void> {
  const fh = await fs.open(file, "wx");
  try {
    await fh.writeFile(content);
    await fh.close();
  } catch (error) {
    await fh.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    throw error;
  }
}

/** The fallback without hard links: O_EXCL open, then write (empty for a moment). */
async function tryCreateInPlace(file: string, content: string): Promise<boolean> {
  try {
    await writeNew(file, content);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw lockError(file, error);
  }
}

/**
 * Remove the lock only if it still holds exactly `judged`, under the takeover guard. A guard
 * left by a process that died inside a takeover is removed after GUARD_STALE_MS.
 */
async function takeOver(lockPath: string, judged: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  if (!(await tryCreate(guard, JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now() })))) {
    try {
      const st = await fs.stat(guard);
      if (Date.now() - st.mtimeMs > GUARD_STALE_MS) await fs.rm(guard, { force: true });
    } catch {
      /* released meanwhile */
    }
    return;
  }
  try {
    if ((await readRaw(lockPath)) === judged) await fs.rm(lockPath, { force: true });
  } finally {
    await fs.rm(guard, { force: true });
  }
}

/** Release: remove the lock file only while it is still ours (a takeover after `staleMs` may have replaced it). */
async function releaseOwn(lockPath: string, token: string): Promise<void> {
  const info = parseInfo(await readRaw(lockPath));
  if (info?.token === token) await fs.rm(lockPath, { force: true });
}

/** The lock's text; undefined when missing, unreadable, a symlink or not a regular file (never followed, never waited on). */
async function readRaw(lockPath: string): Promise<string | undefined> {
  try {
    return (await readStateFile(lockPath))?.toString("utf8");
  } catch {
    return undefined;
  }
}

function parseInfo(raw: string | undefined): LockInfo | undefined {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as LockInfo;
  } catch {
    return undefined;
  }
}

async function isStale(lockPath: string, raw: string, staleMs: number): Promise<boolean> {
  const info = parseInfo(raw);
  if (!info) {
    // Garbage: left by a crash between open and write (older versions, or a file system without
    // hard links, where it may also be being written right now), or cut short by a power loss.
    try {
      const st = await fs.stat(lockPath);
      // An older version's holder stopped between its open() and its write() (SIGSTOP, a slow
      // disk) still has the file open: a process seen holding it open is that live holder.
      return Date.now() - st.mtimeMs > 2000 && !openByAnotherProcess(st);
    } catch {
      return false;
    }
  }
  if (Date.now() - info.time > staleMs) return true;
  if (info.host !== os.hostname()) return false;
  // A live pid that started at another time than the holder is a reused pid: the holder is gone.
  return !recordedProcessAlive(info.pid, info.start);
}

/**
 * Whether a process other than this one has the file `st` open (Linux: /proc/PID/fd). Processes
 * this one may not look into, or outside its pid namespace, are not seen: false then, as before.
 */
function openByAnotherProcess(st: Stats): boolean {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((n) => /^\d+$/.test(n) && n !== String(process.pid));
  } catch {
    return false;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const o = statSync(`/proc/${pid}/fd/${fd}`);
        if (o.ino === st.ino && o.dev === st.dev) return true;
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return false;
}

function shellQuote(p: string): string {
  return /^[\w./@%+=:,-]+$/.test(p) ? p : `'${p.replaceAll("'", "'\\''")}'`;
}

const LOCK_CAUSES: Record<string, { why: string; fix: string }> = {
  ENOSPC: { why: "the disk is full", fix: "free disk space, then run the command again" },
  EDQUOT: { why: "the disk quota is exceeded", fix: "free space within your quota, then run the command again" },
  EROFS: {
    why: "the file system is read-only",
    fix: "run integrity-guard where the repository's .git folder is writable (a read-only checkout cannot take locks)",
  },
  EACCES: { why: "permission denied", fix: "check the owner and permissions of that folder (ls -ld), or run as the repository's owner" },
  EPERM: { why: "permission denied", fix: "check the owner and permissions of that folder (ls -ld), or run as the repository's owner" },
  ENOTDIR: { why: "a path component is not a folder", fix: "remove the file that stands where that folder should be" },
};

/**
 * For a permission error: the way out in a repository a group shares (core.sharedRepository).
 * Folders made since state-folder.ts take git's shared mode, but one made by an older version (or
 * by hand) has its maker's umask, and only its owner can let the group write it.
 */
function sharedHint(code: string, dir: string): string {
  if (code !== "EACCES" && code !== "EPERM") return "";
  const q = shellQuote(dir);
  return `; in a repository shared by a group (core.sharedRepository), the folder's owner can let the group write it: chmod -R g+w ${q} && find ${q} -type d -exec chmod g+s {} +`;
}

/** A lock that cannot be created: say why and where (exit 2), not an internal error. */
function lockError(lockPath: string, error: unknown): EnvironmentError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const known = LOCK_CAUSES[code];
  const out = new EnvironmentError(
    `could not take the lock ${lockPath}: ${known?.why ?? (error as Error).message}${known ? ` (${code})` : ""}`,
    {
      fix: (known?.fix ?? "check that folder, then run the command again") + sharedHint(code, path.dirname(lockPath)),
      cause: error,
    },
  );
  // The errno as `.code`, as the write errors carry it (updateJson may fail at either).
  return code === "" ? out : Object.assign(out, { code });
}
