/**
 * Staged blobs taken from the work tree when the file there holds exactly the blob's bytes: the
 * usual commit (`git add`, then `git commit`) then needs no `git cat-file` process, one process
 * (a fork of the whole node process, then git's own start) less on the hook's critical path.
 *
 * Safe because nothing is trusted by path or by stat: a copy is used only when its git object id
 * (SHA-1, or SHA-256 in a SHA-256 repository), computed here over the bytes read, is the index
 * entry's own id, the identity git itself gives the blob. A file changed since `git add`, a
 * clean filter or line-ending conversion (the work tree's bytes differ from the blob's), a
 * symlink, a FIFO or a missing file all fail that test or the regular-file test, and the call
 * returns undefined: the caller reads every blob from git as before. All or nothing, so a read
 * is either entirely from git or entirely from verified copies (no mixed runs to reason about).
 */
import { readRegularUpTo } from "./read-regular.js";
import path from "node:path";
import { gitObjectId } from "./git-object-id.js";
import type { IndexEntry } from "./git.js";

/** Only small commits: past this, one cat-file process is cheaper than reading and hashing here. */
const MAX_FILES = 64;
/** Bytes read from the work tree at most, in all (a larger read goes to git, which bounds it by its budget). */
const MAX_TOTAL_BYTES = 4 * 1024 * 1024;

/**
 * The bytes of every entry, in order, read from the work tree under `root` when each copy hashes
 * to its entry's id; undefined when any does not (or the set is too big): read them from git.
 * `maxBytes` caps each file (a larger one is left to git, which reports it by size), `budget`
 * all of them (past it, git's read defers the rest to a later call).
 */
export function worktreeCopies(
  root: string,
  entries: readonly IndexEntry[],
  limits: { maxBytes?: number | undefined; budget?: number | undefined } = {},
): Buffer[] | undefined {
  if (entries.length === 0 || entries.length > MAX_FILES) return undefined;
  const maxBytes = limits.maxBytes ?? Infinity;
  const budget = Math.min(limits.budget ?? Infinity, MAX_TOTAL_BYTES);
  const out: Buffer[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.mode !== "100644" && e.mode !== "100755") return undefined;
    const bytes = readRegularUpTo(path.join(root, e.path), Math.min(maxBytes, budget - total));
    if (!bytes || gitObjectId("blob", bytes, e.oid.length) !== e.oid) return undefined;
    total += bytes.length;
    out.push(bytes);
  }
  return out;
}
