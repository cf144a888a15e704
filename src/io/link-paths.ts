/**
 * Where a repo-relative path leads through the repository's symlinks, resolved the way the
 * operating system does (one component at a time, `..` taken from the folder a link has led to,
 * not from the text), over any store of link texts: a commit's tree (commit-links.ts, the base
 * side of a pull request) or the checkout's index (pr-links.ts, the head side). One walk for
 * both, so a chain the base side follows (`data -> other`, then `other/state.json ->
 * ../real/state.json`) is followed the same way on the head side.
 */
import { inGitDir } from "./symlink-outside.js";

/** Links followed for one path before giving up (Linux's own limit is 40). */
const MAX_HOPS = 40;

/** The link text of each of `paths` that is a symlink (others are absent from the answer). */
export type LinkTexts = (paths: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** The end of a walk: the path reached and the links passed on the way, or why it stopped. */
export type LinkWalk = { path: string; hops: string[] } | { error: "outside"; link: string } | { error: "loop"; link: string };

/**
 * Follows every symlink on `rel`'s way, the last component included unless `last` is false
 * (then only its folders). `hops` are the links passed, in order, by their resolved names. A
 * link whose text is absolute or empty, or that leads above the root or into .git/, stops the
 * walk ("outside"); more than MAX_HOPS links stop it too ("loop"). Texts are asked for in one
 * batch per link followed (every prefix of what is left), so a path without links costs one ask.
 */
export async function followLinks(texts: LinkTexts, rel: string, last = true): Promise<LinkWalk> {
  const done: string[] = [];
  let todo = rel.split("/");
  const hops: string[] = [];
  // Names whose answer is known to be "not a link": prefixes already asked.
  let known: ReadonlyMap<string, string> = new Map();
  let asked = new Set<string>();
  while (todo.length > 0) {
    const c = todo.shift()!;
    if (c === "" || c === ".") continue;
    if (c === "..") {
      if (done.length === 0) return { error: "outside", link: hops[hops.length - 1] ?? rel };
      done.pop();
      continue;
    }
    done.push(c);
    const name = done.join("/");
    if (hops.length > 0 && inGitDir(name)) return { error: "outside", link: hops[hops.length - 1]! };
    if (todo.length === 0 && !last) break;
    if (!asked.has(name)) {
      const prefixes = upTo(done, todo);
      known = await texts(prefixes);
      asked = new Set(prefixes);
    }
    const text = known.get(name);
    if (text === undefined) continue;
    if (hops.length === MAX_HOPS) return { error: "loop", link: name };
    hops.push(name);
    if (text === "" || text.startsWith("/")) return { error: "outside", link: name };
    done.pop();
    todo = [...text.split("/"), ...todo];
  }
  const end = done.join("/");
  if (end === "") return { error: "outside", link: hops[hops.length - 1] ?? rel };
  return { path: end, hops };
}

/** `done` joined, then each longer prefix with the plain components of `todo` (up to the first `.` or `..`). */
function upTo(done: readonly string[], todo: readonly string[]): string[] {
  const out = [done.join("/")];
  let cur = out[0]!;
  for (const c of todo) {
    if (c === "" || c === "." || c === "..") break;
    cur += "/" + c;
    out.push(cur);
  }
  return out;
}
