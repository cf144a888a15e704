/**
 * A pull request's files as their readers reach them through symlinks inside the repository:
 * with `data -> other` in the tree, a change to `other/state.json` is also a change to
 * `data/state.json`, which `data/*.json`'s schema judges; with the file link
 * `data/state.json -> ../other/state.json`, the same. Links combine (`data -> other`, then
 * `other/state.json -> ../real/state.json`; or `other/sub -> ../real` inside the folder `data`
 * leads to), so names are added until none is new. The narrowed check must see every name; a
 * pull request that makes or moves a folder link is checked on the whole tree.
 */
import type { Git } from "../io/git.js";
import { followLinks, type LinkTexts } from "../io/link-paths.js";
import { linkedFolder } from "../io/linked-folders.js";

const SYMLINK = "120000";
/**
 * Names added before the narrowed check gives way to the whole tree: links that lead into each
 * other's folders (`a -> b`, `b/x -> ../a`) name the same file without end (`a/x/x/...`).
 */
const MAX_NAMES = 10_000;

/** The names to add to `files` (`data/x.json` for `other/x.json`), or the whole tree (with why) when a changed file is itself a symlinked folder or the names do not end. */
export async function linkedNames(git: Git, files: readonly string[]): Promise<string[] | { wholeTree: string; why: string }> {
  const changedLink = files.find((f) => linkedFolder(git.root, f) !== undefined);
  if (changedLink !== undefined) return { wholeTree: changedLink, why: "a symlink to a folder of the repository" };
  const entries = (await git.lsStaged()).filter((e) => e.mode === SYMLINK && e.stage === 0);
  if (entries.length === 0) return [];
  const blobs = await git.readBlobs(entries.map((e) => e.oid));
  const textOf = new Map(entries.map((e) => [e.path, (blobs.get(e.oid) ?? Buffer.alloc(0)).toString("utf8")]));
  // The checkout's links, read from its index: the same walk as the base side's (commit-links.ts).
  const texts: LinkTexts = (paths) => Promise.resolve(new Map(paths.flatMap((p) => (textOf.has(p) ? [[p, textOf.get(p)!]] : []))));

  const changed = new Set(files);
  const names = new Set(files);
  const out: string[] = [];
  let fresh: string[] = [...files];
  const add = (name: string, into: string[]) => {
    if (names.has(name)) return;
    names.add(name);
    out.push(name);
    into.push(name);
  };
  // A link the PR leaves alone still reads what the PR changes: the file it leads to, or a link
  // on its way (`data/state.json -> ../mid.json -> other/state.json`). Other links may lead to
  // folders: the names under them are found below.
  const folders: [link: string, end: string][] = [];
  for (const link of textOf.keys()) {
    const walk = await followLinks(texts, link);
    // A chain that leaves the repository, enters .git/ or loops is reported by the link's own
    // name; no other file's change alters that verdict.
    if (!("path" in walk)) continue;
    if (changed.has(walk.path) || walk.hops.some((h) => h !== link && changed.has(h))) {
      if (!changed.has(link)) add(link, fresh);
    } else if (!link.startsWith(walk.path + "/")) {
      // A link to one of its own ancestors would name the tree under itself again.
      folders.push([link, walk.path]);
    }
  }
  // Every name under a linked folder's end is also a name under the link, whatever links the
  // rest of the name passes (which the name already resolves): to a fixed point.
  while (fresh.length > 0 && folders.length > 0) {
    const next: string[] = [];
    for (const name of fresh)
      for (const [link, end] of folders) if (name.startsWith(end + "/")) add(`${link}/${name.slice(end.length + 1)}`, next);
    if (names.size > MAX_NAMES)
      return { wholeTree: fresh[0]!, why: "a file named without end through symlinks that lead into each other's folders" };
    fresh = next;
  }
  return out;
}
