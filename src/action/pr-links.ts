/**
 * A pull request's files as their readers reach them through symlinked folders inside the
 * repository: with `data -> other` in the tree, a change to `other/state.json` is also a change
 * to `data/state.json`, which `data/*.json`'s schema judges. The narrowed check must see both
 * names; a pull request that makes or moves such a link is checked on the whole tree.
 */
import type { Git } from "../io/git.js";
import { linkedFolder } from "../io/linked-folders.js";

const SYMLINK = "120000";

/** The names to add to `files` (`data/x.json` for `other/x.json`), or "whole-tree" when a changed file is itself a symlinked folder. */
export async function linkedNames(git: Git, files: readonly string[]): Promise<string[] | { wholeTree: string }> {
  const changedLink = files.find((f) => linkedFolder(git.root, f) !== undefined);
  if (changedLink !== undefined) return { wholeTree: changedLink };
  const links: [string, string][] = [];
  for (const e of await git.lsStaged()) {
    if (e.mode !== SYMLINK || e.stage !== 0) continue;
    const target = linkedFolder(git.root, e.path);
    if (target !== undefined) links.push([e.path, target]);
  }
  const out: string[] = [];
  for (const [link, target] of links)
    for (const f of files) if (f.startsWith(target + "/")) out.push(`${link}/${f.slice(target.length + 1)}`);
  return out;
}
