/**
 * Paths of a commit read as a checkout of that commit would read them: `git ls-tree` stops at a
 * symlinked folder (`schemas -> shared/schemas` lists `schemas` only), so a schema or config
 * the base branch holds under such a folder looked absent, and was read from the pull request's
 * checkout instead, where the pull request decides what the link leads to. Each folder link on
 * the way is followed inside the commit; a link that leaves the repository, enters .git/ or
 * loops is an error. The last component is not resolved here (callers never follow it).
 */
import path from "node:path";
import type { Git } from "./git.js";
import { inGitDir } from "./symlink-outside.js";

const SYMLINK = "120000";
/** Links followed for one path before giving up (Linux's own limit is 40). */
const MAX_HOPS = 40;

/** Where a path of `commit` really is: `path` (the same or through folder links), or an error. */
type CommitPath = { path: string } | { error: string };

/**
 * For each of `paths`, the path its folders resolve to inside `commit`. Paths whose folders hold
 * no symlink map to themselves; one `ls-tree` of all their folders decides that in the usual case.
 */
export async function resolveCommitFolders(git: Git, commit: string, paths: readonly string[]): Promise<Map<string, CommitPath>> {
  const out = new Map<string, CommitPath>();
  const folders = new Set<string>();
  for (const p of paths) for (const f of ancestors(p)) folders.add(f);
  const links = await linkTargets(git, commit, [...folders]);
  for (const p of paths) {
    if (!ancestors(p).some((f) => links.has(f))) {
      out.set(p, { path: p });
      continue;
    }
    out.set(p, await resolveOne(git, commit, p, links));
  }
  return out;
}

/**
 * Where each of `paths` leads in `commit` when read as a checkout of it reads the file: folder
 * links and links in the last component followed inside the commit, chains included. A path the
 * commit holds as a regular file maps to itself; a link that leaves the repository, enters .git/,
 * loops or dangles is an error. Asked only for paths a listing of regular files lacks.
 */
export async function resolveCommitFiles(git: Git, commit: string, paths: readonly string[]): Promise<Map<string, CommitPath>> {
  const out = new Map<string, CommitPath>();
  const links = new Map<string, string>();
  for (const p of paths) {
    let cur: CommitPath = { path: p };
    for (let hop = 0; "path" in cur; hop++) {
      if (hop === MAX_HOPS) {
        cur = { error: "is reached through a loop of symlinks in the base commit (not followed)" };
        break;
      }
      cur = (await resolveCommitFolders(git, commit, [cur.path])).get(cur.path)!;
      if (!("path" in cur)) break;
      await linkTargets(git, commit, [cur.path], links);
      const target = links.get(cur.path);
      if (target === undefined) break; // not a link: the file itself (or nothing)
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(cur.path), target));
      if (
        target === "" ||
        path.posix.isAbsolute(target) ||
        joined === "." ||
        joined === ".." ||
        joined.startsWith("../") ||
        inGitDir(joined)
      ) {
        cur = { error: `is a symlink in the base commit that leads outside the repository (not followed)` };
        break;
      }
      cur = { path: joined };
    }
    out.set(p, cur);
  }
  return out;
}

/** `a/b/c.json` -> `a`, `a/b`. */
function ancestors(p: string): string[] {
  const parts = p.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** The target text of each of `paths` that is a symlink in `commit` (added to `known`). */
async function linkTargets(
  git: Git,
  commit: string,
  paths: readonly string[],
  known = new Map<string, string>(),
): Promise<Map<string, string>> {
  const wanted = paths.filter((p) => !known.has(p));
  if (wanted.length === 0) return known;
  const entries = (await git.lsTreeAt(commit, wanted)).filter((e) => e.mode === SYMLINK);
  const blobs = await git.readBlobs(entries.map((e) => e.oid));
  for (const e of entries) known.set(e.path, (blobs.get(e.oid) ?? Buffer.alloc(0)).toString("utf8"));
  return known;
}

async function resolveOne(git: Git, commit: string, p: string, links: Map<string, string>): Promise<CommitPath> {
  let cur = p;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    await linkTargets(git, commit, ancestors(cur), links);
    const folder = ancestors(cur).find((f) => links.has(f));
    if (folder === undefined) return { path: cur };
    const target = links.get(folder)!;
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(folder), target));
    if (target === "" || path.posix.isAbsolute(target) || joined === ".." || joined.startsWith("../") || inGitDir(joined)) {
      return { error: `is reached through ${folder}, a symlink in the base commit that leads outside the repository (not followed)` };
    }
    cur = (joined === "." ? "" : joined + "/") + cur.slice(folder.length + 1);
  }
  return { error: `is reached through a loop of symlinks in the base commit (not followed)` };
}
