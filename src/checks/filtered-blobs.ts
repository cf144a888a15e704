/**
 * Blobs a git filter stands in for, among the files validate reads: a Git LFS pointer at a path
 * with `filter=lfs`, a git-crypt or transcrypt ciphertext at a path with their filter. The
 * content (staged blob, or work-tree file in a clone without LFS or locked) holds no JSON/YAML of
 * its own, so it is left out with one notice per kind that says so. Costs a git process only
 * when a file read has one of these shapes.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Finding } from "../core/finding.js";
import { encryptedBy, mayBeEncrypted, type EncryptedBy } from "../core/encrypted-blob.js";
import { isLfsPointer } from "../core/lfs-pointer.js";
import type { CommitSource } from "../io/commit-source.js";
import { lfsObject } from "../io/lfs-objects.js";
import type { ReadResult } from "../io/file-source.js";
import type { CheckContext } from "./types.js";
import { makeStateFolder } from "../io/state-folder.js";
import { tempFileName } from "../io/stale-temp-files.js";

/** What stands in a filtered file's place: an LFS pointer, or a ciphertext. */
export type FilteredKind = "lfs" | EncryptedBy;

function kindOf(content: Buffer, filter: string | undefined): FilteredKind | undefined {
  if (filter === "lfs") return isLfsPointer(content) ? "lfs" : undefined;
  return encryptedBy(content, filter);
}

/**
 * The files of `files` whose content in `contents` is an LFS pointer at a path with
 * `filter=lfs`, or a git-crypt / transcrypt ciphertext at a path with that tool's filter (the
 * index's .gitattributes for a staged check, the work tree's otherwise; on a pull request, the
 * base commit's as well: `routedByChange` are those only the pull request routes through the
 * filter). Such text in a file git does not filter is its content, and is checked.
 *
 * A staged pointer whose content this clone's LFS store holds (git-lfs put it there at `git add`)
 * is not left out: its entry in `contents` is replaced by that content, which is checked as the
 * file (what the commit carries and a checkout gives the reader). `limitFor` bounds that read.
 */
export async function filteredBlobs(
  ctx: CheckContext,
  files: readonly string[],
  contents: Map<string, ReadResult>,
  limitFor: (file: string) => number = () => Infinity,
): Promise<{ exempt: Map<string, FilteredKind>; routedByChange: Map<string, FilteredKind> }> {
  const none = { exempt: new Map<string, FilteredKind>(), routedByChange: new Map<string, FilteredKind>() };
  const candidates = files.filter((f) => {
    const c = contents.get(f);
    return Buffer.isBuffer(c) && (isLfsPointer(c) || mayBeEncrypted(c));
  });
  if (candidates.length === 0 || ctx.source.kind === "commit") return none;
  const filters = await ctx.git.attribute("filter", candidates, ctx.source.kind === "index");
  const kinds = new Map<string, FilteredKind>();
  for (const f of candidates) {
    const kind = kindOf(contents.get(f) as Buffer, filters.get(f));
    if (!kind) continue;
    const stored =
      kind === "lfs" && ctx.source.kind === "index" ? lfsObject(ctx.git.commonDir, contents.get(f) as Buffer, limitFor(f)) : undefined;
    if (stored) contents.set(f, stored);
    else kinds.set(f, kind);
  }
  // A pull request (rules from its base commit): the base's .gitattributes must give the path
  // the same filter too, or a pull request could exempt any file by adding `filter=lfs` for it.
  const base = ctx.schemaSource?.kind === "commit" ? (ctx.schemaSource as CommitSource).commit : undefined;
  if (base === undefined || kinds.size === 0) return { ...none, exempt: kinds };
  const dir = ctx.git.stateDir();
  await makeStateFolder(dir);
  const index = path.join(dir, tempFileName("attr", `${randomUUID()}.index`));
  const atBase = await ctx.git.attributeAt(base, "filter", [...kinds.keys()], index);
  for (const [f, kind] of kinds) {
    if (kindOf(contents.get(f) as Buffer, atBase.get(f)) === kind) none.exempt.set(f, kind);
    else none.routedByChange.set(f, kind);
  }
  return none;
}

/**
 * Pointers whose path only the pull request's own .gitattributes routes through LFS: an error
 * (the base rules check the file as it is, and a pointer is no JSON/YAML), said plainly rather
 * than as the parse error of the pointer text.
 */
export function routedByChange(file: string, kind: FilteredKind): Finding {
  if (kind !== "lfs") return encryptedRoutedByChange(file, kind);
  return {
    rule: "validate/lfs-pointer",
    level: "error",
    file,
    message: `${file} is a Git LFS pointer, but the base branch's .gitattributes does not route it through LFS: this pull request adds filter=lfs for it, so its content would go unchecked`,
    expected: "a file the base branch's rules can check, or a path the base branch's .gitattributes already gives filter=lfs",
    found: "an LFS pointer",
    fix: "add the filter=lfs rule on the base branch first (its own pull request), or commit the file itself instead of its pointer",
  };
}

/** One notice per kind for the files left out (never silent: their content was not checked). */
export function filteredNotices(skipped: ReadonlyMap<string, FilteredKind>, staged: boolean): Finding[] {
  const lfs = [...skipped].filter(([, k]) => k === "lfs").map(([f]) => f);
  const encrypted = [...skipped].filter(([, k]) => k !== "lfs") as [string, EncryptedBy][];
  return [...(lfs.length ? [lfsNotice(lfs, staged)] : []), ...(encrypted.length ? [encryptedNotice(encrypted, staged)] : [])];
}

function lfsNotice(files: readonly string[], staged: boolean): Finding {
  const n = files.length;
  return {
    rule: "validate/lfs-pointer",
    level: "notice",
    file: files[0]!,
    message: `${n === 1 ? "1 file" : `${n} files`} stored in Git LFS (filter=lfs) not checked: git holds only ${n === 1 ? "its pointer" : "their pointers"}, the content is on the LFS server`,
    found: files.slice(0, 5).join(", ") + (n > 5 ? `, and ${n - 5} more` : ""),
    fix: staged
      ? "check the content itself before committing: `integrity-guard check FILE` on the work-tree file"
      : "fetch the content (`git lfs pull`), then run the check again",
  };
}

function encryptedNotice(files: readonly (readonly [string, EncryptedBy])[], staged: boolean): Finding {
  const n = files.length;
  const tools = [...new Set(files.map(([, by]) => by))].join(" and ");
  const names = files.map(([f]) => f);
  return {
    rule: "validate/encrypted",
    level: "notice",
    file: names[0]!,
    message: `${n === 1 ? "1 file" : `${n} files`} encrypted in git by ${tools} not checked: git holds only the ciphertext${staged ? "" : " (this clone is locked)"}`,
    found: names.slice(0, 5).join(", ") + (n > 5 ? `, and ${n - 5} more` : ""),
    fix: staged
      ? `check the plaintext before committing: \`integrity-guard check ${names[0]}\` on the work-tree file (unlocked)`
      : `unlock the clone (${tools === "transcrypt" ? "transcrypt -c ..." : "git-crypt unlock"}), then run the check again`,
  };
}

/** A ciphertext whose path only the pull request's own .gitattributes encrypts. */
function encryptedRoutedByChange(file: string, by: EncryptedBy): Finding {
  return {
    rule: "validate/encrypted",
    level: "error",
    file,
    message: `${file} is ${by} ciphertext, but the base branch's .gitattributes does not encrypt it: this pull request adds the filter for it, so its content would go unchecked`,
    expected: "a file the base branch's rules can check, or a path the base branch's .gitattributes already encrypts",
    found: `${by} ciphertext`,
    fix: "add the encryption rule on the base branch first (its own pull request), or commit the file unencrypted if it holds no secret",
  };
}
