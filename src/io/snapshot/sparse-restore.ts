/**
 * A restore whose paths reach files a sparse checkout left out of the work tree. The pre-restore
 * snapshot records the paths as the work tree has them, without those files, and writing them
 * clears their skip-worktree bit: the printed undo would then delete them, and `git status`
 * would show them deleted, so a `git commit -a` commits a deletion nobody asked for. Refused
 * before anything is written (dry runs too, so a dry run says what the real run does).
 */
import { EnvironmentError } from "../../errors.js";
import type { Git } from "../git.js";
import { absentFromSparseCheckout, outsideConeText } from "../skip-worktree.js";
import { inSetPaths } from "../unmerged-covered.js";

export async function refuseRestoreOutsideSparseCheckout(git: Git, scopes: readonly string[]): Promise<void> {
  const outside = await absentFromSparseCheckout(git, inSetPaths(scopes));
  if (outside.length === 0) return;
  const { files, folders } = outsideConeText(outside);
  throw new EnvironmentError(
    `restore refused: ${outside.length} tracked file(s) under the restored paths are outside the sparse checkout, not in the work tree (${files}); the undo of this restore could not bring them back as git has them, and git would see them deleted`,
    {
      fix: `check them out first (git sparse-checkout add ${folders}, or git sparse-checkout disable), or restore only paths inside the cone; then restore again`,
    },
  );
}
