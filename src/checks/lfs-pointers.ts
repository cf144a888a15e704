/**
 * Git LFS pointers among the files validate reads: a path with `filter=lfs` whose content (staged
 * blob or work-tree file) is a pointer holds no JSON/YAML of its own, so it is left out with one
 * notice that says so. Costs a git process only when a file read is pointer-shaped.
 */
import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Finding } from "../core/finding.js";
import { isLfsPointer } from "../core/lfs-pointer.js";
import type { CommitSource } from "../io/commit-source.js";
import type { ReadResult } from "../io/file-source.js";
import type { CheckContext } from "./types.js";

/**
 * The files of `files` whose content in `contents` is an LFS pointer and whose path has
 * `filter=lfs` (the index's .gitattributes for a staged check, the work tree's otherwise; on a
 * pull request, the base commit's as well: `routedByChange` are those only the pull request
 * routes through LFS). Pointer text in a file git does not route through LFS is its content, and
 * is checked.
 */
export async function lfsPointers(
  ctx: CheckContext,
  files: readonly string[],
  contents: ReadonlyMap<string, ReadResult>,
): Promise<{ exempt: Set<string>; routedByChange: string[] }> {
  const candidates = files.filter((f) => {
    const c = contents.get(f);
    return Buffer.isBuffer(c) && isLfsPointer(c);
  });
  if (candidates.length === 0 || ctx.source.kind === "commit") return { exempt: new Set(), routedByChange: [] };
  const filters = await ctx.git.attribute("filter", candidates, ctx.source.kind === "index");
  const lfs = candidates.filter((f) => filters.get(f) === "lfs");
  // A pull request (rules from its base commit): the base's .gitattributes must route the path
  // through LFS too, or a pull request could exempt any file by adding `filter=lfs` for it.
  const base = ctx.schemaSource?.kind === "commit" ? (ctx.schemaSource as CommitSource).commit : undefined;
  if (base === undefined || lfs.length === 0) return { exempt: new Set(lfs), routedByChange: [] };
  const dir = ctx.git.stateDir();
  await fsp.mkdir(dir, { recursive: true });
  const index = path.join(dir, `attr-${process.pid}-${randomUUID()}.index`);
  const atBase = await ctx.git.attributeAt(base, "filter", lfs, index);
  return { exempt: new Set(lfs.filter((f) => atBase.get(f) === "lfs")), routedByChange: lfs.filter((f) => atBase.get(f) !== "lfs") };
}

/**
 * Pointers whose path only the pull request's own .gitattributes routes through LFS: an error
 * (the base rules check the file as it is, and a pointer is no JSON/YAML), said plainly rather
 * than as the parse error of the pointer text.
 */
export function lfsRoutedByChange(file: string): Finding {
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

/** One notice for the LFS pointers left out (never silent: their content was not checked). */
export function lfsNotice(files: readonly string[], staged: boolean): Finding {
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
