/**
 * Walk the work tree for the files the manifest covers, INCLUDING untracked and ignored files
 * (live state is often ignored). Never follows a symlink: a link is reported as a link, and a
 * walk root reached through a symlinked folder is refused, so nothing outside the repository is
 * ever listed or read.
 */
import fs from "node:fs";
import path from "node:path";

export type WalkKind = "file" | "link" | "other";

export interface WalkEntry {
  /** Repo-relative POSIX path. */
  path: string;
  kind: WalkKind;
}

/** Folders never entered: git's own data and dependency trees. */
const SKIP_DIRS = new Set([".git", "node_modules"]);

/**
 * List entries below each root (repo-relative; "" is the whole tree) that `accept` takes.
 * `descend` may prune folders early (a folder no include glob can reach).
 */
export function walkTree(root: string, roots: readonly string[], accept: (rel: string) => boolean): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seen = new Set<string>();
  const emit = (rel: string, kind: WalkKind) => {
    if (!seen.has(rel) && accept(rel)) {
      seen.add(rel);
      out.push({ path: rel, kind });
    }
  };
  const walkDir = (rel: string) => {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(rel === "" ? root : path.join(root, rel), { withFileTypes: true });
    } catch {
      return; // vanished or unreadable folder: its sealed files show up as missing
    }
    for (const d of dirents) {
      const child = rel === "" ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) {
        if (!SKIP_DIRS.has(d.name)) walkDir(child);
      } else if (d.isFile()) emit(child, "file");
      else if (d.isSymbolicLink()) emit(child, "link");
      else emit(child, "other");
    }
  };
  for (const r of roots) {
    if (r === "") {
      walkDir("");
      continue;
    }
    const kind = lstatNoFollow(root, r);
    if (kind === "dir") walkDir(r);
    else if (kind === "file" || kind === "link" || kind === "other") emit(r, kind);
  }
  return out;
}

/**
 * lstat a repo-relative path, refusing when any folder on the way is a symlink (so a walk root
 * such as "data" inside a symlinked "state/" is never followed out of the tree).
 */
function lstatNoFollow(root: string, rel: string): WalkKind | "dir" | undefined {
  const parts = rel.split("/");
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    cur = path.join(cur, parts[i]!);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return undefined;
    }
    const last = i === parts.length - 1;
    if (st.isSymbolicLink()) return last ? "link" : undefined;
    if (last) return st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
    if (!st.isDirectory()) return undefined;
  }
  return undefined;
}
