/**
 * The content a staged Git LFS pointer stands for, from this clone's own LFS store. With git-lfs
 * installed, `git add` of a file under `filter=lfs` stages only the pointer and copies the content
 * to `<common git dir>/lfs/objects/<oid[0:2]>/<oid[2:4]>/<oid>`: that copy is what the commit
 * carries, what a checkout smudges back and what the user's reader reads. Checking it lets the
 * hook find a corrupt JSON/YAML file git-lfs would otherwise hide behind its pointer.
 *
 * Trusted by content only: the bytes are used when their SHA-256 is the pointer's oid and their
 * length its size, the identity the pointer gives them. Anything else (no such object: a pointer
 * staged by hand, a store moved by `lfs.storage`, an object not fetched; a pointer with `ext-`
 * extensions, whose object is not the content; a symlink or a FIFO in the store; an object past
 * `maxBytes`: big files are why people use LFS, never block them by size) is undefined, and the
 * caller keeps the "not checked" notice.
 */
import { createHash } from "node:crypto";
import fs, { constants } from "node:fs";
import path from "node:path";

const OID = /^oid sha256:([0-9a-f]{64})$/m;
const SIZE = /^size (\d+)$/m;

/** The local LFS object for `pointer` when it is there, whole and at most `maxBytes`; else undefined. */
export function lfsObject(commonDir: string, pointer: Buffer, maxBytes: number): Buffer | undefined {
  const text = pointer.toString("latin1");
  if (/^ext-/m.test(text)) return undefined;
  const oid = OID.exec(text)?.[1];
  const size = Number(SIZE.exec(text)?.[1]);
  if (oid === undefined || !Number.isSafeInteger(size) || size > maxBytes) return undefined;
  const file = path.join(commonDir, "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4), oid);
  let fd: number;
  try {
    fd = fs.openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size !== size) return undefined;
    const bytes = fs.readFileSync(fd);
    if (bytes.length !== size || createHash("sha256").update(bytes).digest("hex") !== oid) return undefined;
    return bytes;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
