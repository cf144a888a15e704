/**
 * Read a file the repository (or a library caller) names, refusing anything but a regular file
 * before reading a byte. A plain readFile of a FIFO waits for a writer forever: a config,
 * manifest or JSON document made a named pipe hung the pre-commit hook and `updateJson`. Opened
 * with O_NONBLOCK (which regular files ignore), so the open itself never waits either.
 * Symlinks are followed: callers apply their own link rules first.
 */
import fs, { constants } from "node:fs";
import fsp from "node:fs/promises";

const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** What a non-regular file is, for messages ("is a FIFO (named pipe), not a regular file"). */
export function specialKind(st: fs.Stats): string {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isDirectory()) return "a directory";
  return "a special file";
}

/** The error for a path that is not a regular file: code EISDIR for a folder, else ENOTREG. */
function notRegular(st: fs.Stats): NodeJS.ErrnoException {
  return Object.assign(new Error(`is ${specialKind(st)}, not a regular file`), { code: st.isDirectory() ? "EISDIR" : "ENOTREG" });
}

/** The bytes of the regular file at `file`; throws (code ENOTREG or EISDIR) for anything else, ENOENT etc. as fs does. */
export function readRegularFileSync(file: string): Buffer {
  const fd = fs.openSync(file, FLAGS);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw notRegular(st);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** readRegularFileSync without blocking the event loop. */
export async function readRegularFile(file: string): Promise<Buffer> {
  const fh = await fsp.open(file, FLAGS);
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw notRegular(st);
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/**
 * The bytes of the regular file at `file` when it has at most `limit` of them; undefined for
 * anything else (a symlink, never followed: O_NOFOLLOW; a FIFO, never waited on; a bigger file;
 * any error). For callers that fall back to another source (git, a notice) instead of failing.
 */
export function readRegularUpTo(file: string, limit: number): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, FLAGS | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > limit) return undefined;
    const bytes = fs.readFileSync(fd);
    return bytes.length <= limit ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

const STATE_FLAGS = FLAGS | (constants.O_NOFOLLOW ?? 0);

/** Whether an open error means "nothing of ours is there": missing, or a symlink at the name (O_NOFOLLOW). */
function absentOrLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ELOOP" || code === "ENOTDIR";
}

/**
 * The fd of the regular file at `file`, a name integrity-guard itself writes under
 * `.git/integrity-guard/` (a cache, a journal, the health history); undefined when it is missing,
 * a symlink (never followed: a link there to a file outside would have that file read, and
 * rewritten with it; to a FIFO, the read would wait forever) or not a regular file. Writes there
 * never follow such a link either (atomic.ts, the O_NOFOLLOW appends). Other errors throw.
 */
export function openStateFileSync(file: string): number | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, STATE_FLAGS);
  } catch (error) {
    if (absentOrLink(error)) return undefined;
    throw error;
  }
  try {
    if (fs.fstatSync(fd).isFile()) return fd;
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  fs.closeSync(fd);
  return undefined;
}

/** The bytes of a state file (openStateFileSync): undefined when missing, a symlink or not a regular file. */
export function readStateFileSync(file: string): Buffer | undefined {
  const fd = openStateFileSync(file);
  if (fd === undefined) return undefined;
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** readStateFileSync without blocking the event loop. */
export async function readStateFile(file: string): Promise<Buffer | undefined> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(file, STATE_FLAGS);
  } catch (error) {
    if (absentOrLink(error)) return undefined;
    throw error;
  }
  try {
    return (await fh.stat()).isFile() ? await fh.readFile() : undefined;
  } finally {
    await fh.close();
  }
}
