/**
 * Atomic file writes: temporary file in the same folder, fsync, rename over the target, fsync
 * the folder. A reader (or a crash) sees the old content or the new, never a mixture. On any
 * failure (ENOSPC, EACCES, EROFS) the temporary file is removed and the target is untouched.
 */
import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { EnvironmentError } from "../errors.js";
import { WRITER_TAG, writerTag } from "./process-start.js";
import { sweepDeadWriters } from "./sweep-dead-writers.js";

interface AtomicWriteOptions {
  /** File mode for a new file (an existing file keeps its mode). */
  mode?: number;
  /**
   * When `target` is a symlink, write the file it leads to and keep the link (resolveWriteTarget).
   * Default false: the link itself is replaced, so a write never lands outside the folder named
   * (the CLI writes into repositories that may be hostile). The library's writeJson/updateJson set it.
   */
  followLinks?: boolean;
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const target = options.followLinks ? await resolveWriteTarget(file) : file;
  const dir = path.dirname(target);
  const tmp = temporaryBeside(target);
  let mode = options.mode ?? 0o644;
  let existed = false;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
    existed = true;
  } catch {
    /* new file */
  }
  try {
    await writeThroughTemp(tmp, target, data, mode, existed);
  } catch (error) {
    throw writeError(target, error);
  }
  await fsyncDir(dir);
}

/**
 * Remove the temporary files of writes to `target` (`.<name>.<writer>.<random>.tmp`, as
 * writeFileAtomic names them; writer: process-start.ts writerTag) whose writer is no longer
 * alive on this machine: a process killed between creating one and the rename leaves it, cut
 * short, where `git add -A` would commit it. The writer is told by its pid and start time, so
 * the file of a killed app whose pid came back at once (a restarted container: the same pid as
 * ours) is removed too. Call only while holding the target's lock (no live writer of ours can
 * own one then). Best effort: a folder that cannot be listed is left as it is.
 */
export function removeDeadTemporaries(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.`;
  sweepDeadWriters(path.dirname(target), (name) =>
    name.startsWith(prefix) && name.endsWith(".tmp") ? TEMP_TAIL.exec(name.slice(prefix.length))?.[1] : undefined,
  );
  return Promise.resolve();
}

/** What follows `.<name>.` in a temporary file's name (temporaryBeside). */
const TEMP_TAIL = new RegExp(String.raw`^(${WRITER_TAG})\.[0-9a-f]{8}\.tmp$`);

/** Links followed before a chain is taken for a loop (the kernel's own limit). */
const MAX_LINKS = 40;

/**
 * The file a write to `file` must replace: `file` itself, or, when it is a symlink (a chain of
 * them), the file the chain ends at, existing or not. Renaming over the link would replace the
 * link, so the file its readers open would keep the old content (and the two names would take
 * two locks). A loop is an EnvironmentError naming `file`.
 */
export async function resolveWriteTarget(file: string): Promise<string> {
  let at = path.resolve(file);
  for (let n = 0; n < MAX_LINKS; n++) {
    let link: string;
    try {
      link = await fs.readlink(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EINVAL" || code === "ENOENT" || code === "ENOTDIR") return at; // not a link, or nothing there yet
      throw writeError(file, error);
    }
    at = path.resolve(path.dirname(at), link);
  }
  throw new EnvironmentError(`could not write ${file}: it is a symlink loop (more than ${MAX_LINKS} links); nothing was written`, {
    fix: "point the symlink at a file (ls -l shows where it leads)",
  });
}

/**
 * Write `data` to the new file `tmp` (same folder as `target`), fsync it and rename it over
 * `target`; on any failure `tmp` is removed and the raw error rethrown (callers word it). The
 * folder is not fsynced: callers writing many files do that once per folder (fsyncDir).
 */
async function writeThroughTemp(tmp: string, target: string, data: string | Uint8Array, mode: number, keepMode = false): Promise<void> {
  await writeTemporary(tmp, data, mode, keepMode);
  try {
    await fs.rename(tmp, target);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The hidden temporary name beside `file` every write here uses (`.<name>.<writer>.<random>.tmp`):
 * removeDeadTemporaries parses it, so writers that rename in steps of their own (hook-install.ts)
 * take the name from here.
 */
export function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${writerTag()}.${crypto.randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Write `data` whole to the new file `tmp` (never an existing one) and fsync it; `setMode`: set
 * `mode` again after open(), which applies the umask (0o664 stays 0o664). On any failure `tmp`
 * is removed and the raw error rethrown.
 */
export async function writeTemporary(tmp: string, data: string | Uint8Array, mode: number, setMode: boolean): Promise<void> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(tmp, "wx", mode);
    if (setMode) await fh.chmod(mode);
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    fh = undefined;
  } catch (error) {
    await fh?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(dir, "r");
    await fh.sync();
  } catch {
    /* some file systems refuse fsync on folders; the rename is still atomic */
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** The EnvironmentError for a write to `target` that failed (`error`): why in words, the previous content unchanged. */
export function atomicWriteError(target: string, error: unknown): EnvironmentError {
  return writeError(target, error);
}

function writeError(target: string, error: unknown): EnvironmentError {
  const e = error as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is exceeded",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ENOENT: "the folder does not exist",
  };
  const out = new EnvironmentError(`could not write ${target}: ${why[e.code ?? ""] ?? e.message}; the previous content is unchanged`, {
    fix:
      e.code === "ENOSPC" || e.code === "EDQUOT"
        ? "free disk space and run the command again"
        : "check the folder's permissions and run the command again",
    cause: error,
  });
  // The errno as `.code`, as readJson's ENOENT carries it: library callers branch on err.code.
  return e.code === undefined ? out : Object.assign(out, { code: e.code });
}
