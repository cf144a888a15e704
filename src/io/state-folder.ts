/**
 * Folders under git's own folder (.git/integrity-guard and below) made with the permissions git
 * gives its own folders, so a repository shared by a group (`core.sharedRepository=group`, `all`
 * or `0xxx`) stays writable by every member. Without this, the first member's umask (022) made
 * .git/integrity-guard 0755 and every other member's `seal` failed with EACCES on its lock.
 *
 * git applies core.sharedRepository to each folder it creates (path.c, adjust_shared_perm): the
 * setting's bits are added to the new folder's mode (or replace them for `0xxx`), read bits are
 * copied to execute bits, and the set-group-id bit is set so new entries keep the shared group.
 * `git init --shared` applies it to .git itself, and converting an existing repository means
 * doing the same by hand (`chmod -R g+ws .git`), since git cannot create its own lock files in a
 * .git that the group cannot write. So the folder a new folder is created in already carries
 * git's decision: a new level takes its parent's permission bits. That is the same mode as git's
 * rule for every setting (group: 2775, all: 2775, 0640: 2750, unset: the parent's umask mode),
 * needs no extra git process in the hook, works synchronously and for library callers, and never
 * touches the process-wide umask.
 */
import fs from "node:fs";
import path from "node:path";
import { makeFolder } from "./make-folder.js";

/** Permission bits chmod can set: rwx for user, group, others, plus set-id and sticky bits. */
const PERMISSION_BITS = 0o7777;
/**
 * What a new level may take from its parent: rwx for all and set-group-id, never write for
 * others, set-user-id or sticky (git's rule never gives others write: "Others can not get write
 * permission"), so a parent such as a world-writable /tmp never hands its openness down.
 */
const INHERITED_BITS = 0o2775;

/** The levels of `dir` that do not exist yet, outermost first, and the folder they go into. */
function missingLevels(dir: string, exists: (p: string) => boolean): { parent: string; missing: string[] } {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!exists(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  return { parent: at, missing };
}

const existsSync = (p: string): boolean => fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;

/**
 * Give each newly made level the permission bits of the folder it was made in. Only levels this
 * call found missing are changed: a folder another user made is theirs to set. A chmod that
 * fails (a level made by someone else in between) leaves that level as made.
 */
function inheritSync(parent: string, made: readonly string[]): void {
  let mode: number;
  try {
    mode = fs.statSync(parent).mode & INHERITED_BITS;
  } catch {
    return;
  }
  for (const d of made) {
    try {
      const st = fs.lstatSync(d);
      if (st.isDirectory() && (st.mode & PERMISSION_BITS) !== mode) fs.chmodSync(d, mode);
    } catch {
      // another process removed or owns it: nothing of ours to adjust
    }
  }
}

/** `mkdir -p dir` for a folder under git's folder, each new level with its parent's permissions. */
export async function makeStateFolder(dir: string): Promise<void> {
  const { parent, missing } = missingLevels(dir, existsSync);
  if (missing.length === 0) return;
  await makeFolder(dir);
  inheritSync(parent, missing);
}

/** makeStateFolder for synchronous callers (cache writers that run inside synchronous code). */
export function makeStateFolderSync(dir: string): void {
  const { parent, missing } = missingLevels(dir, existsSync);
  if (missing.length === 0) return;
  fs.mkdirSync(dir, { recursive: true });
  inheritSync(parent, missing);
}
