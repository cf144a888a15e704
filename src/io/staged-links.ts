/**
 * Where a staged symlink leads in the git index (what the commit will hold), resolved the way
 * the kernel resolves a path: component by component, a `..` after a link going up from the
 * link's target, not from the link. The pre-commit hook checks a staged link to a staged file as
 * that file's content under the link's name (a schema-mapped `data/state.json` turned into a
 * link to an unmapped file must not escape its schema), and lists a staged link to a folder's
 * files under the link's name. Only links are resolved: no git process when none is staged.
 */
import path from "node:path";
import type { Git, IndexEntry } from "./git.js";
import { inGitDir } from "./symlink-outside.js";

/** Where a staged link ends. */
type LinkEnd =
  /** A stage-0 regular file entry (its real path in the index). */
  | { kind: "file"; entry: IndexEntry }
  /** A folder of the index and its stage-0 entries (real paths). */
  | { kind: "folder"; path: string; entries: IndexEntry[] }
  /** Out of the repository (or into .git/): `link` is the link whose text leaves. */
  | { kind: "outside"; link: string }
  /** Dangling, a loop, a submodule, an unmerged path, the root: readers get nothing to check. */
  | { kind: "none" };

/** Links followed before giving up, as the kernel's ELOOP (Linux follows 40). */
const MAX_HOPS = 40;

const SYMLINK = "120000";

interface Walk {
  /** Real folder reached so far (repo-relative components; every one an index folder). */
  dir: string[];
  /** Components still to walk (may hold `..`). */
  rest: string[];
  /** The last link followed (repo path), named if it leaves the repository. */
  via: string;
  hops: number;
  /** Links followed with what was left to walk after them: the same pair again is a loop. */
  seen?: Set<string>;
  end?: LinkEnd;
}

const parts = (p: string) => p.split("/").filter((s) => s !== "" && s !== ".");

/** A walk from the link at `linkPath` (a real index path) whose text is `text`. */
function follow(root: string, linkPath: string, text: Buffer, hops: number, after: string[] = []): Walk {
  const t = text.toString("utf8");
  const walk: Walk = { dir: parts(path.posix.dirname(linkPath)), rest: [...parts(t), ...after], via: linkPath, hops };
  if (path.posix.isAbsolute(t) || path.isAbsolute(t)) {
    const rel = path.relative(root, t);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel))
      walk.end = rel === "" ? { kind: "none" } : { kind: "outside", link: linkPath };
    else Object.assign(walk, { dir: [], rest: [...parts(rel.split(path.sep).join("/")), ...after] });
  }
  if (hops > MAX_HOPS) walk.end = { kind: "none" };
  return walk;
}

/**
 * Resolve staged links (real index paths and their link text) against the index. Per round of
 * hops: one `git ls-files -s` of the paths reached (a folder lists its files), and only when one
 * is missing, one `cat-file --batch-check` of its leading folders (a link among them) and their
 * modes; link texts of the hops in one `cat-file --batch`.
 */
export async function resolveStagedLinks(git: Git, links: readonly { path: string; text: Buffer }[]): Promise<LinkEnd[]> {
  const walks = links.map((l) => follow(git.root, l.path, l.text, 1));
  for (;;) {
    const live: { w: Walk; full: string; seg: string[]; after: string[] }[] = [];
    for (const w of walks) {
      if (w.end) continue;
      // `dir` is a real folder, so a `..` right after it goes to its parent.
      while (w.rest[0] === "..") {
        if (w.dir.length === 0) break;
        w.dir.pop();
        w.rest.shift();
      }
      if (w.rest[0] === "..") {
        w.end = { kind: "outside", link: w.via };
        continue;
      }
      // Up to the next `..`: a link among these components changes where that `..` goes.
      const k = w.rest.indexOf("..");
      const seg = k < 0 ? w.rest : w.rest.slice(0, k);
      const after = k < 0 ? [] : w.rest.slice(k);
      const full = [...w.dir, ...seg].join("/");
      if (full === "")
        w.end = { kind: "none" }; // the root: an ancestor of every link
      else if (inGitDir(full)) w.end = { kind: "outside", link: w.via };
      else live.push({ w, full, seg, after });
    }
    if (live.length === 0) break;
    const byFull = new Map<string, { exact?: IndexEntry; unmerged?: boolean; under: IndexEntry[] }>();
    for (const l of live) byFull.set(l.full, { under: [] });
    for (const e of await git.lsStaged([...byFull.keys()])) {
      const hit = byFull.get(e.path);
      if (hit) {
        if (e.stage === 0) hit.exact = e;
        else hit.unmerged = true;
        continue;
      }
      for (let q = path.posix.dirname(e.path); q !== "."; q = path.posix.dirname(q)) if (e.stage === 0) byFull.get(q)?.under.push(e);
    }
    const hops: { w: Walk; entry: IndexEntry; after: string[] }[] = [];
    const missing: { w: Walk; full: string; seg: string[]; after: string[] }[] = [];
    for (const l of live) {
      const { w, after } = l;
      const found = byFull.get(l.full)!;
      const e = found.exact;
      if (e?.mode === SYMLINK) hops.push({ w, entry: e, after });
      else if (e)
        w.end = (e.mode === "100644" || e.mode === "100755") && after.length === 0 ? { kind: "file", entry: e } : { kind: "none" };
      else if (found.unmerged) w.end = { kind: "none" };
      else if (found.under.length > 0) {
        if (after.length === 0) w.end = { kind: "folder", path: l.full, entries: found.under };
        else Object.assign(w, { dir: l.full.split("/"), rest: after });
      } else if (l.seg.length > 1) missing.push(l);
      else w.end = { kind: "none" };
    }
    // Nothing at the path: a link among its leading folders (`lnk/x.json`, lnk -> other), or absent.
    if (missing.length) {
      const asked = missing.flatMap((m) =>
        m.seg.slice(0, -1).map((_, i) => [m, [...m.w.dir, ...m.seg.slice(0, i + 1)].join("/"), i] as const),
      );
      const found = await git.batchCheck(asked.map(([, p]) => ":" + p));
      const first = new Map<Walk, [string, number]>();
      asked.forEach(([m, p, i], n) => {
        if (found[n]?.type === "blob" && !first.has(m.w)) first.set(m.w, [p, i]);
      });
      const modes = first.size ? await git.lsStaged([...first.values()].map(([p]) => p)) : [];
      for (const m of missing) {
        const at = first.get(m.w);
        const e = at && modes.find((x) => x.path === at[0] && x.stage === 0);
        if (at && e?.mode === SYMLINK) hops.push({ w: m.w, entry: e, after: [...m.seg.slice(at[1] + 1), ...m.after] });
        else m.w.end = { kind: "none" };
      }
    }
    if (hops.length) {
      const texts = await git.readBlobs(hops.map((h) => h.entry.oid));
      for (const h of hops) {
        const text = texts.get(h.entry.oid);
        const key = `${h.entry.path}\0${h.after.join("/")}`;
        h.w.seen ??= new Set();
        // A loop ends at once rather than after MAX_HOPS rounds of git processes.
        if (!text || h.w.seen.has(key)) h.w.end = { kind: "none" };
        else Object.assign(h.w, follow(git.root, h.entry.path, text, h.w.hops + 1, h.after));
        h.w.seen.add(key);
      }
    }
  }
  return walks.map((w) => w.end ?? { kind: "none" });
}

/**
 * Where the link at `linkPath` leads, resolved against `links` (every symlink of a tree: path ->
 * text) alone, without git: the real path reached (which may not exist), or undefined when the
 * walk leaves the repository, reaches the root or loops. A cheap filter before
 * resolveStagedLinks: a path that is in no link's way resolves the same here as in the index.
 */
export function resolveInMemory(root: string, linkPath: string, links: ReadonlyMap<string, Buffer>): string | undefined {
  let dir = parts(path.posix.dirname(linkPath));
  let rest = [...parts(links.get(linkPath)!.toString("utf8"))];
  let hops = 1;
  const start = (text: string, at: string[]): boolean => {
    if (path.posix.isAbsolute(text) || path.isAbsolute(text)) {
      const rel = path.relative(root, text);
      if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return false;
      dir = [];
      rest = [...parts(rel.split(path.sep).join("/")), ...at];
    }
    return true;
  };
  if (!start(links.get(linkPath)!.toString("utf8"), [])) return undefined;
  while (rest.length) {
    const c = rest.shift()!;
    if (c === "..") {
      if (dir.length === 0) return undefined;
      dir.pop();
      continue;
    }
    const at = [...dir, c].join("/");
    const text = links.get(at);
    if (text === undefined) {
      dir.push(c);
      continue;
    }
    if (++hops > MAX_HOPS) return undefined;
    const t = text.toString("utf8");
    const after = rest;
    rest = [...parts(t), ...after];
    if (!start(t, after)) return undefined;
  }
  const end = dir.join("/");
  return end === "" || inGitDir(end) ? undefined : end;
}
