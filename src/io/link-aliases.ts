/**
 * Every name through which readers reach a set of files by a chain of symlinks, worked out in
 * memory from the link texts of one tree (the staged tree, for the pre-commit hook): a folder
 * link seen through another folder link (`data/sub -> ../other`, `other/inner -> ../real`:
 * `data/sub/inner/x.json` is real/x.json), a file link seen through a folder link
 * (`data/sub/state.json` for `other/state.json -> ../real/state.json`). Each name is resolved
 * by followLinks (link-paths.ts), the one walk every side uses: no lexical resolution here.
 */
import { followLinks, type LinkTexts } from "./link-paths.js";

/** Names looked at before giving up (a tree of links naming itself many ways stays bounded). */
const MAX_NAMES = 20_000;

/**
 * `links`: every symlink of the tree (path -> text). `targets`: the real paths asked about.
 * `folderLike`: link names looked at as folders (others are file links only, as in the working
 * tree). Returns alias name -> the target it reaches; a target's own path is never an alias.
 */
export async function linkAliases(
  links: ReadonlyMap<string, string>,
  targets: ReadonlySet<string>,
  folderLike: RegExp,
): Promise<Map<string, string>> {
  const texts: LinkTexts = (paths) => {
    const found = new Map<string, string>();
    for (const p of paths) {
      const t = links.get(p);
      if (t !== undefined) found.set(p, t);
    }
    return Promise.resolve(found);
  };
  const linksUnder = byFolder(links.keys());
  const targetsUnder = byFolder(targets);
  const out = new Map<string, string>();
  // Each name with the folders its chain has expanded: a folder again on the same chain is a loop.
  const queue: { name: string; chain: readonly string[] }[] = [...links.keys()].map((name) => ({ name, chain: [] }));
  const seen = new Set(links.keys());
  for (let i = 0; i < queue.length; i++) {
    const { name, chain } = queue[i]!;
    const walk = await followLinks(texts, name);
    if ("error" in walk) continue;
    const end = walk.path;
    if (targets.has(end)) {
      if (name !== end) out.set(name, end);
      continue;
    }
    // A link to one of its own ancestors, or a folder already expanded on this chain, would name the same tree again.
    if (!folderLike.test(name) || name.startsWith(end + "/") || chain.includes(end)) continue;
    for (const t of targetsUnder.get(end) ?? []) out.set(name + t.slice(end.length), t);
    for (const q of linksUnder.get(end) ?? []) {
      const alias = name + q.slice(end.length);
      if (seen.has(alias) || seen.size >= MAX_NAMES) continue;
      seen.add(alias);
      queue.push({ name: alias, chain: [...chain, end] });
    }
  }
  return out;
}

/** Each folder -> the paths anywhere under it (one pass; no scan of every path per folder). */
function byFolder(paths: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths)
    for (let i = p.lastIndexOf("/"); i > 0; i = p.lastIndexOf("/", i - 1)) {
      const folder = p.slice(0, i);
      const list = out.get(folder);
      if (list) list.push(p);
      else out.set(folder, [p]);
    }
  return out;
}
