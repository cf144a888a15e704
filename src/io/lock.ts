/**
 * A cross-process lock: a lock file created with O_EXCL holding {pid, host, time}. A lock whose
 * owner on this host is no longer alive (or older than `staleMs`) is taken over, so a crashed
 * process never blocks the next run for good.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EnvironmentError } from "../errors.js";

export interface LockOptions {
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
}

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
  await fs.mkdir(path.dirname(lockPath), { recursive: true }).catch((error: unknown) => {
    throw lockError(lockPath, error);
  });
  const me: LockInfo = { pid: process.pid, host: os.hostname(), time: Date.now() };
  let delay = 1;
  for (;;) {
    let fh: fs.FileHandle | undefined;
    try {
      fh = await fs.open(lockPath, "wx");
      await fh.writeFile(JSON.stringify(me));
      await fh.close();
      return async () => {
        await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        // Created but not written (disk full): an empty lock would block the next run for 2 s.
        if (fh) {
          await fh.close().catch(() => undefined);
          await fs.rm(lockPath, { force: true }).catch(() => undefined);
        }
        throw lockError(lockPath, error);
      }
    }
    if (await isStale(lockPath, staleMs)) {
      // Take over by renaming the stale file away first: only one contender wins the rename.
      const aside = `${lockPath}.stale.${process.pid}`;
      try {
        await fs.rename(lockPath, aside);
        await fs.rm(aside, { force: true });
      } catch {
        /* someone else took it over first */
      }
      continue;
    }
    if (Date.now() - started > timeout) {
      const owner = await readInfo(lockPath);
      throw new EnvironmentError(
        `could not take the lock ${lockPath} within ${timeout} ms${owner ? ` (held by pid ${owner.pid} on ${owner.host})` : ""}`,
        {
          fix: "wait for the other integrity-guard run to finish; if none is running, delete the lock file",
        },
      );
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, options.pollMaxMs ?? 50);
  }
}

async function readInfo(lockPath: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await fs.readFile(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  const info = await readInfo(lockPath);
  if (!info) {
    // Being written right now, or garbage left by a crash between open and write.
    try {
      const st = await fs.stat(lockPath);
      return Date.now() - st.mtimeMs > 2000;
    } catch {
      return false;
    }
  }
  if (Date.now() - info.time > staleMs) return true;
  if (info.host !== os.hostname()) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
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

/** A lock that cannot be created: say why and where (exit 2), not an internal error. */
function lockError(lockPath: string, error: unknown): EnvironmentError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const known = LOCK_CAUSES[code];
  return new EnvironmentError(
    `could not take the lock ${lockPath}: ${known?.why ?? (error as Error).message}${known ? ` (${code})` : ""}`,
    {
      fix: known?.fix ?? "check that folder, then run the command again",
      cause: error,
    },
  );
}
