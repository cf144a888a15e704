/**
 * Every name through which readers reach a set of files by a chain of symlinks, worked out in
 * memory from the link texts of one tree (the staged tree, for the pre-commit hook): a folder
 * link seen through another folder link (`data/sub -> ../other`, `other/inner -> ../real`:
 * `data/sub/inner/x.json` is real/x.json), a file link seen through a folder link
 * (`data/sub/state.json` for `other/state.json -> ../real/state.json`). Each name is resolved
 * by followLinks (link-paths.ts), the one walk every side uses: no lexical resolution here.
 */
import { LinkNamesError } from "../errors.js";
import { followLinks, type LinkTexts } from "./link-paths.js";

/** Names looked at before giving up (a tree of links naming itself many ways stays bounded). */
const MAX_NAMES = 20_000;
/** Links the system follows in one name before it gives up (ELOOP): deeper names reach nothing. */
const MAX_LINKS = 40;

/** The in-memory store of `links` (path -> text) as followLinks asks for it. */
export function inMemoryTexts(links: ReadonlyMap<string, string>): LinkTexts {
  return (paths) => {
    const found = new Map<string, string>();
    for (const p of paths) {
      const t = links.get(p);
      if (t !== undefined) found.set(p, t);
    }
    return Promise.resolve(found);
  };
}

/**
 * `links`: every symlink of the tree (path -> text). `targets`: the real paths asked about.
 * `folderLike`: link names looked at as folders (others are file links only, as in the working
 * tree). Returns alias name -> the target it reaches; a target's own path is never an alias.
 * Only links that lead, directly or through further links, to a target are expanded, so loops
 * of links elsewhere in the tree cost nothing; past `maxNames` names (MAX_NAMES unless a test
 * lowers it) it throws LinkNamesError rather than leave a name unchecked.
 */
export async function linkAliases(
  links: ReadonlyMap<string, string>,
  targets: ReadonlySet<string>,
  folderLike: RegExp,
  options: { maxNames?: number } = {},
): Promise<Map<string, string>> {
  const maxNames = options.maxNames ?? MAX_NAMES;
  const texts = inMemoryTexts(links);
  const linksUnder = byFolder(links.keys());
  const targetsUnder = byFolder(targets);
  const lead = await leadingToTargets(links, texts, targets, targetsUnder, linksUnder, folderLike);
  const out = new Map<string, string>();
  // Each name with the folders its chain has expanded (each through one link or more).
  const queue: { name: string; chain: readonly string[] }[] = [...lead.keys()].map((name) => ({ name, chain: [] }));
  const seen = new Set(links.keys());
  let added = 0;
  for (let i = 0; i < queue.length; i++) {
    const { name, chain } = queue[i]!;
    const walk = await followLinks(texts, name);
    if ("error" in walk) continue;
    const end = walk.path;
    if (targets.has(end)) {
      if (name !== end) out.set(name, end);
      continue;
    }
    // A link to one of its own ancestors (`a/self -> .`) would name the same tree again, as the
    // working tree's walk never does (linked-folders.ts). A folder already expanded on this chain
    // is expanded again (`p/l -> ../q`, `q/l -> ../p`: q/l/l leads to q, and a schema may map
    // `q/l/l/l/*.json` only), up to the links the system follows in one name.
    const last = walk.hops[walk.hops.length - 1] ?? name;
    if (!folderLike.test(name) || (name.startsWith(end + "/") && last.startsWith(end + "/")) || chain.length >= MAX_LINKS) continue;
    for (const t of targetsUnder.get(end) ?? []) out.set(name + t.slice(end.length), t);
    for (const q of linksUnder.get(end) ?? []) {
      const reaches = lead.get(q);
      if (reaches === undefined) continue;
      const alias = name + q.slice(end.length);
      if (seen.has(alias)) continue;
      if (added >= maxNames)
        throw new LinkNamesError(
          `${reaches} is reached through symlinks by more than ${maxNames.toLocaleString("en-US")} names (links that lead into each other's folders, such as ${q} reached as ${alias}); the hook cannot check it under every name a schema may map`,
          {
            fix: `break the loop: remove or retarget a symlink that leads back into a folder it is reached from (\`git ls-files -s | grep ^120000\` lists the symlinks), then commit again`,
          },
        );
      seen.add(alias);
      added++;
      queue.push({ name: alias, chain: [...chain, end] });
    }
  }
  return out;
}

/**
 * The links whose names lead to a target: a link to a target, a folder-like link to a folder
 * with a target under it, or a folder-like link to a folder holding such a link (worked back
 * from the links that reach a target). Each with a target it reaches, to name in a message.
 */
async function leadingToTargets(
  links: ReadonlyMap<string, string>,
  texts: LinkTexts,
  targets: ReadonlySet<string>,
  targetsUnder: ReadonlyMap<string, string[]>,
  linksUnder: ReadonlyMap<string, string[]>,
  folderLike: RegExp,
): Promise<Map<string, string>> {
  const lead = new Map<string, string>();
  /** Folder -> the folder-like links that lead to it (each expands into the links under it). */
  const into = new Map<string, string[]>();
  const todo: string[] = [];
  for (const name of links.keys()) {
    const walk = await followLinks(texts, name);
    if ("error" in walk) continue;
    const end = walk.path;
    if (targets.has(end)) {
      lead.set(name, end);
      todo.push(name);
      continue;
    }
    // A link to one of its own ancestors is kept: through other links it is named from elsewhere (a superset costs only time).
    if (!folderLike.test(name)) continue;
    const under = targetsUnder.get(end);
    if (under) {
      lead.set(name, under[0]!);
      todo.push(name);
    }
    if (linksUnder.has(end)) {
      const list = into.get(end);
      if (list) list.push(name);
      else into.set(end, [name]);
    }
  }
  while (todo.length > 0) {
    const q = todo.pop()!;
    for (let i = q.lastIndexOf("/"); i > 0; i = q.lastIndexOf("/", i - 1))
      for (const link of into.get(q.slice(0, i)) ?? [])
        if (!lead.has(link)) {
          lead.set(link, lead.get(q)!);
          todo.push(link);
        }
  }
  return lead;
}

/** Each folder -> the paths anywhere under it (one pass; no scan of every path per folder). */
export function byFolder(paths: Iterable<string>): Map<string, string[]> {
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
