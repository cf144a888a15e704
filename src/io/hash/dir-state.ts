/**
 * What a walk saw of each folder it listed, so a later run can tell, with one lstat per folder
 * and no readdir, that a new walk would list exactly the same entries (the warm verify of an
 * unchanged tree; see verdict.ts).
 *
 * Why a folder's lstat vouches for its listing: every change to the set of names in a folder,
 * or to what a name refers to (create, unlink, rename in or out, mkdir, rmdir, symlink, mknod, a
 * file replaced by a link of the same name), rewrites the folder and sets its mtime and ctime to
 * "now". Setting the mtime back (utimes) sets the ctime to now. A folder replaced by another
 * folder, a link or a mount point has another inode or kind. So an unchanged (size, mtime, inode,
 * ctime) means an unchanged listing, UNLESS the change fell in the same timestamp tick as the
 * recorded mtime ("racy git", for folders): hence a folder is only trusted when its mtime is
 * older than the start of the recording run by RACY_WINDOW_NS (`isTrusted`).
 */
import fs from "node:fs";
import type { StatKey } from "./pool.js";
import { RACY_WINDOW_NS } from "../stat-cache.js";

/**
 * A folder's identity (size, mtimeNs, inode, ctimeNs), or for the folders on the way to a walk
 * root what lstat found there: "f" file, "l" link, "o" other, "-" nothing.
 */
export type PathState = StatKey | "f" | "l" | "o" | "-";

/** The state of `abs` now (lstat, never following a link). */
export function pathStateOf(abs: string): PathState {
  let st: fs.BigIntStats | undefined;
  try {
    st = fs.lstatSync(abs, { bigint: true, throwIfNoEntry: false });
  } catch {
    return "-"; // unreadable parent: nothing can be listed there either
  }
  if (!st) return "-";
  if (st.isDirectory()) return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
  return st.isSymbolicLink() ? "l" : st.isFile() ? "f" : "o";
}

/**
 * True when `now` equals the recorded state and, for a folder, its mtime is older than
 * `stampNs - RACY_WINDOW_NS` (stampNs: wall clock before the recording walk started).
 */
export function isTrusted(recorded: PathState, now: PathState, stampNs: bigint): boolean {
  if (typeof recorded === "string" || typeof now === "string") return recorded === now;
  if (recorded.length !== 4 || now.length !== 4) return false;
  for (let i = 0; i < 4; i++) if (recorded[i] !== now[i]) return false;
  return BigInt(now[1]) < stampNs - RACY_WINDOW_NS;
}

/** Shape check for states read from a cache file (anything else is not trusted). */
export function isPathState(v: unknown): v is PathState {
  if (v === "f" || v === "l" || v === "o" || v === "-") return true;
  return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === "string" && /^\d+$/.test(x));
}
