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
import { LinkNamesError } from "../errors.js";
import { inGitDir, outsideLink } from "./symlink-outside.js";

/**
 * Only entries that can be folders are looked at: no extension, or `.d` (`conf.d`), so the cost
 * is an lstat per such entry, not per file (a linked folder named like a file, `v1.2/`, is not
 * expanded).
 */
const MAYBE_FOLDER = /(?:^|\/)(?:[^./]+|[^/]*\.d)$/;

/**
 * `listed` (repo-relative paths from git) plus, for each symlink to a folder inside the
 * repository, the listed files under its target named through the link. Complete or an error:
 * past `maxAdded` names (MAX_ADDED unless a test lowers it) it throws LinkNamesError rather than
 * leave a deeper name (one a schema may map) unchecked.
 */
export function withLinkedFolders(root: string, listed: readonly string[], options: { maxAdded?: number } = {}): string[] {
  const maxAdded = options.maxAdded ?? MAX_ADDED;
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
  // the last round's new names through every link, so a name of round r passes r links or more:
  // past MAX_LINKS rounds every new name is one no reader can open. Links that lead into each
  // other's folders (`a/l -> ../b`, `b/l -> ../a`) name files on to that depth.
  // The folder links' own names are left out: a folder is never read as a file, and names are
  // chained through the files under a link's target (a mesh of folder links holding no file
  // names nothing).
  const folderLinks = new Set(links.map(([link]) => link));
  let fresh: readonly string[] = listed.filter((p) => !folderLinks.has(p));
  for (let round = 0; round < MAX_LINKS && fresh.length > 0; round++) {
    const next: string[] = [];
    for (const [link, target] of links) {
      const prefix = target === "" ? "" : target + "/";
      for (const p of fresh) {
        if (!p.startsWith(prefix) || p === target) continue;
        const name = `${link}/${p.slice(prefix.length)}`;
        if (seen.has(name)) continue;
        if (out.length - listed.length >= maxAdded)
          throw new LinkNamesError(
            `the repository's files are reached through symlinks by more than ${maxAdded.toLocaleString("en-US")} further names (links that lead into each other's folders, such as ${p} reached as ${name} through ${link}); check cannot judge every name a schema may map`,
            {
              fix: `break the loop: remove or retarget a symlink that leads back into a folder it is reached from, such as ${link} (\`git ls-files -s | grep ^120000\` lists the symlinks)`,
            },
          );
        seen.add(name);
        out.push(name);
        next.push(name);
      }
    }
    fresh = next;
  }
  return out;
}

/** Links the system follows in one name before it gives up (ELOOP): deeper names reach nothing. */
const MAX_LINKS = 40;
/** Names added through links before giving up (with an error, never a silent pass). */
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
