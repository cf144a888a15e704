/**
 * Hash one file: the code every hashing thread runs (the workers of hash-worker.ts and the main
 * thread's share in pool.ts), so both give the same answer by construction. Only node:fs and
 * node:crypto: the worker bundle built from it stays small.
 */
import crypto from "node:crypto";
import fs from "node:fs";

/** Stat of the file as it was when read: [size, mtimeNs, ino, ctimeNs] (decimal strings). */
export type StatKey = [string, string, string, string];

/** One file's result as it crosses from a worker: plain data, cheap to clone. */
export interface RawResult {
  /** Index of the path among those pushed (set by the worker). */
  i?: number;
  /**
   * The SHA-256 digest as a 32-character latin1 string ("binary": one character a byte): crosses to the
   * main thread in a binary batch (result-batch.ts), never as hex. (A string, not a Buffer: a
   * Buffer per file, its own ArrayBuffer, cost a worker about 25% more than the hash's hex; this
   * costs about what hex does, and its bytes are copied out with charCodeAt.)
   */
  dig?: string;
  size?: number;
  exec?: boolean;
  st?: StatKey | null;
  err?: string;
  code?: string;
  /** Set when the stat was not asked for (hashPath's `withStat` false): `st` is then absent. */
  noStat?: true;
}

// O_NOFOLLOW: a symlink is never followed; O_NONBLOCK: a FIFO never blocks the open.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);
/** crypto.hash (one call, no Hash object) exists from node 20.12; older 20.x streams. */
const oneShot = typeof crypto.hash === "function";

/**
 * Read and hash `p` through `buf` (the memory bound whatever the file size). Never throws: an
 * error is a result. The stat is reported only when it is known to describe the bytes hashed.
 * `withStat` false: no stat key at all (`noStat`), for a caller that needs one only for the few
 * files that differ from what it expects and reads those again (verify --no-cache): the
 * nanosecond stat (a BigInt stat object and four decimal strings a file, cloned to the main
 * thread) was about a tenth of a cold verify's CPU on small files.
 */
export function hashPath(p: string, buf: Buffer, withStat = true): RawResult {
  let fd: number;
  try {
    fd = fs.openSync(p, OPEN_FLAGS);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { err: e.code === "ELOOP" ? "is a symlink (not followed)" : String(e.message), code: e.code ?? "EIO" };
  }
  try {
    if (!withStat) {
      const plain = fs.fstatSync(fd);
      if (!plain.isFile()) return { err: "not a regular file", code: "ENOTFILE" };
      const { dig, size } = hashOpen(fd, buf);
      return { dig, size, exec: (plain.mode & 0o111) !== 0, noStat: true };
    }
    const st = fs.fstatSync(fd, { bigint: true });
    if (!st.isFile()) return { err: "not a regular file", code: "ENOTFILE" };
    const { dig, size: total } = hashOpen(fd, buf);
    let stable = true;
    if (total > buf.length) {
      // A long read: make sure the file did not change under us before trusting its stat.
      const after = fs.fstatSync(fd, { bigint: true });
      stable = after.mtimeNs === st.mtimeNs && after.size === st.size && after.ctimeNs === st.ctimeNs;
    }
    return {
      dig,
      size: total,
      exec: (Number(st.mode) & 0o111) !== 0,
      st: stable && BigInt(total) === st.size ? [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)] : null,
    };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { err: String(e.message), code: e.code ?? "EIO" };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      /* already gone */
    }
  }
}

/** SHA-256 (latin1, see RawResult.dig) and size of what is left to read of the open file `fd`, through `buf`. */
function hashOpen(fd: number, buf: Buffer): { dig: string; size: number } {
  const first = fs.readSync(fd, buf, 0, buf.length, null);
  if (first < buf.length && oneShot) {
    // Most state files fit in one read; a short read of a regular file is its end, so skip
    // the extra read that would return 0 and the Hash object.
    return { dig: crypto.hash("sha256", buf.subarray(0, first), "binary"), size: first };
  }
  let total = 0;
  const h = crypto.createHash("sha256");
  for (let n = first; n > 0; n = fs.readSync(fd, buf, 0, buf.length, null)) {
    h.update(n === buf.length ? buf : buf.subarray(0, n));
    total += n;
    if (n < buf.length) break;
  }
  return { dig: h.digest("binary"), size: total };
}
