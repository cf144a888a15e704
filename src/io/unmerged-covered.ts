/**
 * Covered files with an unresolved merge conflict, for `seal`: git holds them at stage 1-3 and
 * their work-tree copy has the conflict markers (or one side only, after a modify/delete). A
 * seal of them would bless the markers as the sealed content, and nothing below the seal (verify,
 * the hook's manifest check) would ever question them again; any file type, since the manifest
 * covers CSV and text as well as JSON and YAML.
 */
import type { Finding } from "../core/finding.js";
import type { Git } from "./git.js";

export async function unmergedCovered(git: Git, covered: (rel: string) => boolean): Promise<Finding[]> {
  const paths = (await git.unmergedPaths()).filter(covered).sort();
  return paths.map((p): Finding => ({
    rule: "manifest/merge-conflict",
    level: "error",
    file: p,
    message: `${p} has an unresolved merge conflict (git lists it as unmerged); refusing to seal it`,
    fix: `resolve the conflict (delete the <<<<<<< ======= >>>>>>> lines, or \`git checkout --ours -- ${p}\` / \`--theirs\`), \`git add ${p}\`, then seal again`,
  }));
}
