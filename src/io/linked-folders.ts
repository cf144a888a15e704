/**
 * Folders reached through a symlink that stays inside the repository. git lists such a link as
 * one entry (`data`), never the files its readers reach through it (`data/state.json`), so a
 * pull request that turns the mapped folder `data/` into a link to `other/` would take every
 * file of it out of `data/*.json`'s schema. Listing the linked files under the link's name
 * checks them as their readers see them. Links that lead out are not followed (their files are
 * never read; validate reports a path through one).
 */
import fs from "node:fs";
import path from "node:path";
import { inGitDir, outsideLink } from "./symlink-outside.js";

/**
 * Only entries that can be folders are looked at: no extension, or `.d` (`conf.d`), so the cost
 * is an lstat per such entry, not per file (a linked folder named like a file, `v1.2/`, is not
 * expanded).
 */
const MAYBE_FOLDER = /(?:^|\/)(?:[^./]+|[^/]*\.d)$/;

/** `listed` (repo-relative paths from git) plus, for each symlink to a folder inside the repository, the listed files under its target named through the link. */
export function withLinkedFolders(root: string, listed: readonly string[]): string[] {
  const links: [link: string, target: string][] = [];
  for (const p of listed) {
    if (!MAYBE_FOLDER.test(p)) continue;
    const target = linkedFolder(root, p);
    if (target !== undefined) links.push([p, target]);
  }
  if (links.length === 0) return [...listed];
  const out = [...listed];
  for (const [link, target] of links) {
    const prefix = target === "" ? "" : target + "/";
    for (const p of listed) if (p.startsWith(prefix) && p !== target) out.push(`${link}/${p.slice(prefix.length)}`);
  }
  return out;
}

/** The repo-relative folder a symlink at `rel` points to, when it is one inside the repository (not .git/ or an ancestor of the link); else undefined. */
export function linkedFolder(root: string, rel: string): string | undefined {
  try {
    const abs = path.join(root, rel);
    if (!fs.lstatSync(abs).isSymbolicLink() || outsideLink(root, rel) !== undefined) return undefined;
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(abs);
    if (!fs.statSync(real).isDirectory() || !real.startsWith(realRoot + path.sep)) return undefined;
    const target = path.relative(realRoot, real).split(path.sep).join("/");
    // A link to one of its own ancestors would list the tree under itself again.
    if (inGitDir(target) || rel === target || rel.startsWith(target + "/")) return undefined;
    return target;
  } catch {
    return undefined;
  }
}
