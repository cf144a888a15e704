/**
 * Paths of a commit read as a checkout of that commit would read them: `git ls-tree` stops at a
 * symlinked folder (`schemas -> shared/schemas` lists `schemas` only), so a schema or config
 * the base branch holds under such a folder looked absent, and was read from the pull request's
 * checkout instead, where the pull request decides what the link leads to. Each folder link on
 * the way is followed inside the commit; a link that leaves the repository, enters .git/ or
 * loops is an error. The last component is not resolved here (callers never follow it).
 */
import type { Git } from "./git.js";
import { followLinks, type LinkTexts, type LinkWalk } from "./link-paths.js";

const SYMLINK = "120000";

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
  const texts = commitLinkTexts(git, commit);
  const links = await texts([...folders]);
  for (const p of paths) {
    if (!ancestors(p).some((f) => links.has(f))) {
      out.set(p, { path: p });
      continue;
    }
    out.set(p, described(p, await followLinks(texts, p, false)));
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
  const texts = commitLinkTexts(git, commit);
  for (const p of paths) out.set(p, described(p, await followLinks(texts, p)));
  return out;
}

/** A walk's end as callers of this module report it. */
function described(p: string, walk: LinkWalk): CommitPath {
  if ("path" in walk) return { path: walk.path };
  if (walk.error === "loop") return { error: "is reached through a loop of symlinks in the base commit (not followed)" };
  return walk.link === p
    ? { error: "is a symlink in the base commit that leads outside the repository (not followed)" }
    : { error: `is reached through ${walk.link}, a symlink in the base commit that leads outside the repository (not followed)` };
}

/** `a/b/c.json` -> `a`, `a/b`. */
function ancestors(p: string): string[] {
  const parts = p.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** The link texts of `commit` (ls-tree, then its symlink blobs), each path asked once. */
function commitLinkTexts(git: Git, commit: string): LinkTexts {
  const known = new Map<string, string>();
  const asked = new Set<string>();
  return async (paths) => {
    const wanted = paths.filter((p) => !asked.has(p));
    if (wanted.length > 0) {
      for (const p of wanted) asked.add(p);
      const entries = (await git.lsTreeAt(commit, wanted)).filter((e) => e.mode === SYMLINK);
      const blobs = await git.readBlobs(entries.map((e) => e.oid));
      for (const e of entries) known.set(e.path, (blobs.get(e.oid) ?? Buffer.alloc(0)).toString("utf8"));
    }
    return new Map(paths.filter((p) => known.has(p)).map((p) => [p, known.get(p)!]));
  };
}
