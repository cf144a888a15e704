/**
 * Git LFS pointers among the files validate reads: a path with `filter=lfs` whose content (staged
 * blob or work-tree file) is a pointer holds no JSON/YAML of its own, so it is left out with one
 * notice that says so. Costs a git process only when a file read is pointer-shaped.
 */
import type { Finding } from "../core/finding.js";
import { isLfsPointer } from "../core/lfs-pointer.js";
import type { ReadResult } from "../io/file-source.js";
import type { CheckContext } from "./types.js";

/**
 * The files of `files` whose content in `contents` is an LFS pointer and whose path has
 * `filter=lfs` (the index's .gitattributes for a staged check, the work tree's otherwise).
 * Pointer text in a file git does not route through LFS is its content, and is checked.
 */
export async function lfsPointers(
  ctx: CheckContext,
  files: readonly string[],
  contents: ReadonlyMap<string, ReadResult>,
): Promise<Set<string>> {
  const candidates = files.filter((f) => {
    const c = contents.get(f);
    return Buffer.isBuffer(c) && isLfsPointer(c);
  });
  // A base commit's attributes cannot be asked before git 2.40 (check-attr --source): checked as they are.
  if (candidates.length === 0 || ctx.source.kind === "commit") return new Set();
  const filters = await ctx.git.attribute("filter", candidates, ctx.source.kind === "index");
  return new Set(candidates.filter((f) => filters.get(f) === "lfs"));
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
