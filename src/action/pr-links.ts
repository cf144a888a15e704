/**
 * A pull request's files as their readers reach them through symlinks inside the repository:
 * with `data -> other` in the tree, a change to `other/state.json` is also a change to
 * `data/state.json`, which `data/*.json`'s schema judges; with the file link
 * `data/state.json -> ../other/state.json`, the same. The narrowed check must see both names; a
 * pull request that makes or moves a folder link is checked on the whole tree.
 */
import fs from "node:fs";
import path from "node:path";
import type { Git } from "../io/git.js";
import { linkedFolder } from "../io/linked-folders.js";
import { inGitDir, outsideLink } from "../io/symlink-outside.js";

const SYMLINK = "120000";
/** Links followed in one chain before giving up (Linux's own limit is 40). */
const MAX_HOPS = 40;

/** The names to add to `files` (`data/x.json` for `other/x.json`), or "whole-tree" when a changed file is itself a symlinked folder. */
export async function linkedNames(git: Git, files: readonly string[]): Promise<string[] | { wholeTree: string }> {
  const changedLink = files.find((f) => linkedFolder(git.root, f) !== undefined);
  if (changedLink !== undefined) return { wholeTree: changedLink };
  const folderLinks: [string, string][] = [];
  const fileLinks: string[] = [];
  for (const e of await git.lsStaged()) {
    if (e.mode !== SYMLINK || e.stage !== 0) continue;
    const target = linkedFolder(git.root, e.path);
    if (target !== undefined) folderLinks.push([e.path, target]);
    else fileLinks.push(e.path);
  }
  const out: string[] = [];
  for (const [link, target] of folderLinks)
    for (const f of files) if (f.startsWith(target + "/")) out.push(`${link}/${f.slice(target.length + 1)}`);
  // A file link the PR leaves alone still reads what the PR changes: the file it leads to, or a
  // link on its way (`data/state.json -> ../mid.json -> other/state.json`).
  if (fileLinks.length > 0) {
    const changed = new Set(files);
    for (const link of fileLinks) {
      if (changed.has(link)) continue;
      if (linkChain(git.root, link).some((p) => changed.has(p))) out.push(link);
    }
  }
  return out;
}

/**
 * The repo-relative paths a file link at `rel` passes through and ends at (every hop, then the
 * final file), as the operating system resolves them. Empty when the chain leaves the
 * repository, enters .git/, dangles, loops or does not end at a regular file: validate reports
 * those links by their own name, and no other file's change alters that verdict.
 */
function linkChain(root: string, rel: string): string[] {
  if (outsideLink(root, rel) !== undefined) return [];
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return [];
  }
  const repoPath = (abs: string): string | undefined => {
    const r = path.relative(realRoot, abs);
    if (r === "" || r.startsWith("..") || path.isAbsolute(r)) return undefined;
    const posix = r.split(path.sep).join("/");
    return inGitDir(posix) ? undefined : posix;
  };
  const chain: string[] = [];
  let cur = path.join(root, rel);
  try {
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      // The folder part may itself run through a folder link: resolve it, keep the last name.
      const here = path.join(fs.realpathSync(path.dirname(cur)), path.basename(cur));
      const st = fs.lstatSync(here);
      if (!st.isSymbolicLink()) {
        const p = repoPath(here);
        return st.isFile() && p !== undefined ? [...chain, p] : [];
      }
      if (hop > 0) {
        const p = repoPath(here);
        if (p === undefined) return [];
        chain.push(p);
      }
      cur = path.resolve(path.dirname(here), fs.readlinkSync(here));
    }
  } catch {
    return [];
  }
  return [];
}
