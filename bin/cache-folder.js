// Whether a folder of the user's cache may hold code this process runs (plain JavaScript, so that
// bin/integrity-guard.js can check the Node compile cache's folder before it loads the bundle;
// src/compile-cache.ts and src/io/schema-cache.ts import it too: one rule for both caches).
//
// Both caches hold code: V8's compiled code of the bundle (node-compile-cache/) and ajv's
// standalone validators (schema-cache/, run with new Function). An entry's checksum catches a torn
// write, not a planted one: whoever can write an entry can recompute it, and its name is a hash
// of public things. So the folder must be writable by this user alone at every level, from the
// filesystem root down, as OpenSSH requires of ~/.ssh (StrictModes): each level owned by the user
// or root, and writable by nobody else. Two exceptions keep real setups working: a sticky folder
// such as /tmp above ours (others cannot rename or remove what we made in it), and group write
// where the group is the user's private group (Debian and Ubuntu give users umask 002 and a group
// of their own name, so ~/.cache is often 0775). Symlinks are resolved first and the resolved
// folder is the one used afterwards, so a link cannot be turned elsewhere between check and use.
// Windows has no such bits here: %LOCALAPPDATA% is the user's own profile, protected by its ACL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let own;
/** The identity the checks compare against: the process's own (looked up once), unless a test says otherwise. */
function ownIdentity() {
  if (own) return own;
  let user = "";
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry: no private group can be shown to be the user's
  }
  own = { uid: process.getuid(), gid: process.getgid(), user };
  return own;
}

/** Lines of a colon-separated database (/etc/group, /etc/passwd), or [] when unreadable. */
function records(file) {
  try {
    return fs
      .readFileSync(file, "utf8")
      .split("\n")
      .map((l) => l.split(":"));
  } catch {
    return [];
  }
}

/**
 * Whether `gid` is the user's private group: the user's primary group, named as the user, with
 * no member listed but the user, and no other account's primary group. Groups only a directory
 * service knows (not in /etc/group) are not shown to be private.
 */
function privateGroup(gid, id, files) {
  if (gid !== id.gid || !id.user) return false;
  const group = records(files.group).find((r) => r.length >= 4 && Number(r[2]) === gid);
  if (!group || group[0] !== id.user) return false;
  if (
    group[3]
      .trim()
      .split(",")
      .some((m) => m !== "" && m !== id.user)
  )
    return false;
  return !records(files.passwd).some((r) => r.length >= 4 && r[0] !== id.user && Number(r[3]) === gid);
}

/**
 * Why `st` (an lstat or fstat of a level or an entry) is not the user's alone, or undefined when
 * it is. `inner`: a folder above the cache's own, where a sticky world-writable folder is fine.
 */
export function unsafeReason(st, id = ownIdentity(), inner = false, files = { group: "/etc/group", passwd: "/etc/passwd" }) {
  if (st.uid !== id.uid && st.uid !== 0) return `owned by another user (uid ${st.uid})`;
  const sticky = inner && st.isDirectory() && (st.mode & 0o1000) !== 0;
  if (st.mode & 0o002 && !sticky) return "writable by every user";
  if (st.mode & 0o020 && !sticky && !privateGroup(st.gid, id, files)) return `writable by group ${st.gid}`;
  return undefined;
}

/**
 * Make `dir` (mode 0700 for the levels made) and check it and every level above it. Returns
 * `{ dir }` (the resolved folder, to be used from then on), `{ unsafe, at }` naming the first
 * level someone else could write, or `{}` when it cannot be made at all (a read-only home).
 * Never throws. `options.id` and `options.files`: another identity, for tests.
 */
export function privateCacheFolder(dir, options = {}) {
  if (process.platform === "win32" || typeof process.getuid !== "function") return { dir };
  let real;
  try {
    // realpath(3) first: one system call when the folder exists (the usual case), mkdir only when not.
    try {
      real = fs.realpathSync.native(dir);
    } catch {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      real = fs.realpathSync.native(dir);
    }
  } catch {
    return {};
  }
  const id = options.id ?? ownIdentity();
  for (let at = real, inner = false; ; inner = true) {
    let st;
    try {
      st = fs.lstatSync(at);
    } catch {
      return {};
    }
    const unsafe = unsafeReason(st, id, inner, options.files);
    if (unsafe) return { unsafe, at };
    const up = path.dirname(at);
    if (up === at) return { dir: real };
    at = up;
  }
}
