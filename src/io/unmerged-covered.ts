/**
 * Covered files with an unresolved merge conflict: git holds them at stage 1-3 and their
 * work-tree copy has the conflict markers (or one side only, after a modify/delete). Any file
 * type: the manifest and the backup sets cover CSV and text as well as JSON and YAML, and YAML
 * can even parse with a marker line in it (a plain scalar).
 * - `seal` refuses them: sealing would bless the markers as the sealed content, and nothing
 *   below the seal (verify, the hook's manifest check) would question them again.
 * - `snapshot` backs them up as they are (the work in progress is not lost) with a warning: a
 *   restore of that snapshot brings the markers back.
 */
import type { Finding } from "../core/finding.js";
import { matcher } from "../core/glob.js";
import { inScope, parseScope } from "../core/snapshot/manifest.js";
import type { Git } from "./git.js";

/** The unmerged paths `covered` accepts, sorted. */
export async function unmergedCovered(git: Git, covered: (rel: string) => boolean): Promise<string[]> {
  return (await git.unmergedPaths()).filter(covered).sort();
}

/** Whether a path is in a backup set, as collectSetFiles reads its `paths` (dir, file, glob, `:(literal)`). */
export function inSetPaths(setPaths: readonly string[]): (rel: string) => boolean {
  const scopes = setPaths.map(parseScope);
  const globs = matcher(scopes.filter((s) => s.glob).map((s) => s.path));
  const literal = scopes.filter((s) => !s.glob).map((s) => s.path);
  return (rel) => globs(rel) || literal.some((s) => inScope(rel, s));
}

export function sealMergeConflict(p: string): Finding {
  return {
    rule: "manifest/merge-conflict",
    level: "error",
    file: p,
    message: `${p} has an unresolved merge conflict (git lists it as unmerged); refusing to seal it`,
    fix: `resolve the conflict (delete the <<<<<<< ======= >>>>>>> lines, or \`git checkout --ours -- ${p}\` / \`--theirs\`), \`git add ${p}\`, then seal again`,
  };
}

export function snapshotMergeConflict(p: string, set: string): Finding {
  return {
    rule: "snapshot/merge-conflict",
    level: "warning",
    file: p,
    message: `${p} has an unresolved merge conflict (git lists it as unmerged) and is in the snapshot of set ${set} as it is: a restore of this snapshot brings the conflict back`,
    fix: `resolve the conflict, \`git add ${p}\`, then take a snapshot of set ${set} again`,
  };
}
