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
import path from "node:path";
import { isLfsPointer } from "../core/lfs-pointer.js";
import type { ManifestEntry, Observation } from "../core/manifest/model.js";
import type { Git } from "./git.js";
import { readRegularUpTo } from "./read-regular.js";

/** Pointers are at most this many bytes (the spec's limit, as core/lfs-pointer.ts). */
const MAX_POINTER = 1024;
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
  const bytes = readRegularUpTo(file, size);
  if (bytes?.length !== size || createHash("sha256").update(bytes).digest("hex") !== oid) return undefined;
  return bytes;
}

/**
 * Sealed files that a checkout without their LFS content holds as a pointer (CI's default
 * checkout, `GIT_LFS_SKIP_SMUDGE=1`, a clone without git-lfs): the manifest sealed the content,
 * whose SHA-256 is the LFS oid, so a pointer at a `filter=lfs` path naming exactly the sealed
 * SHA-256 and size is the sealed file, not a change (verify reported it `manifest/modified`).
 * Their observations are replaced by the sealed identity. A pointer naming other content, or
 * at a path without `filter=lfs`, is left as it is (a real change). Reads only files of at most
 * a pointer's size, and asks git for attributes only when one is a pointer.
 */
export async function matchLfsPointers(git: Git, entries: Iterable<ManifestEntry>, observed: Map<string, Observation>): Promise<void> {
  const named = new Map<string, ManifestEntry>();
  for (const e of entries) {
    const ob = observed.get(e.path);
    if (
      e.link !== undefined ||
      ob?.kind !== "file" ||
      ob.bitrot ||
      ob.size > MAX_POINTER ||
      /[\n\r]/.test(e.path) ||
      e.path.startsWith('"')
    )
      continue;
    const bytes = readRegularUpTo(path.join(git.root, e.path), MAX_POINTER);
    if (!bytes || !isLfsPointer(bytes)) continue;
    const text = bytes.toString("latin1");
    if (/^ext-/m.test(text) || OID.exec(text)?.[1] !== e.sha256 || Number(SIZE.exec(text)?.[1]) !== e.size) continue;
    named.set(e.path, e);
  }
  if (named.size === 0) return;
  const filters = await git.attribute("filter", [...named.keys()], false);
  for (const [p, e] of named) {
    const ob = observed.get(p);
    if (filters.get(p) === "lfs" && ob?.kind === "file") observed.set(p, { ...ob, sha256: e.sha256, size: e.size });
  }
}
