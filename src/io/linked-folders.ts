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
  const seen = new Set(listed);
  // Links combine: with `data -> other` and `other/sub -> ../real`, real/state.json is read as
  // other/sub/state.json and so as data/sub/state.json, which `data/**` judges. Each round names
  // the last round's new names through every link; links that lead into each other's folders
  // (`a -> b`, `b/x -> ../a`) name files without end, so the rounds and the names are bounded.
  let fresh: readonly string[] = listed;
  for (let round = 0; round < MAX_ROUNDS && fresh.length > 0 && out.length - listed.length < MAX_ADDED; round++) {
    const next: string[] = [];
    for (const [link, target] of links) {
      const prefix = target === "" ? "" : target + "/";
      for (const p of fresh) {
        if (!p.startsWith(prefix) || p === target) continue;
        const name = `${link}/${p.slice(prefix.length)}`;
        if (seen.has(name)) continue;
        seen.add(name);
        out.push(name);
        next.push(name);
      }
    }
    fresh = next;
  }
  return out;
}

/**
 * Rounds of names through links in linked folders: nesting seen in real trees is one or two deep,
 * and a name made of more links than the OS follows (40) would be read as a loop, not a file.
 */
const MAX_ROUNDS = 8;
/** Names added through links before giving up on further rounds. */
const MAX_ADDED = 500_000;

/** The repo-relative folder a symlink at `rel` points to, when it is one inside the repository (not .git/ or an ancestor of the link); else undefined. */
export function linkedFolder(root: string, rel: string): string | undefined {
  try {
    const abs = path.join(root, rel);
    if (!fs.lstatSync(abs).isSymbolicLink() || outsideLink(root, rel) !== undefined) return undefined;
    const realRoot = fs.realpathSync.native(root);
    const real = fs.realpathSync.native(abs);
    if (!fs.statSync(real).isDirectory() || !real.startsWith(realRoot + path.sep)) return undefined;
    const target = path.relative(realRoot, real).split(path.sep).join("/");
    // A link to one of its own ancestors would list the tree under itself again.
    if (inGitDir(target) || rel === target || rel.startsWith(target + "/")) return undefined;
    return target;
  } catch {
    return undefined;
  }
}
