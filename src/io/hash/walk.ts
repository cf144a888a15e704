/**
 * Walk the work tree for the files the manifest covers, INCLUDING untracked and ignored files
 * (live state is often ignored). Never follows a symlink: a link is reported as a link, and a
 * walk root reached through a symlinked folder is refused, so nothing outside the repository is
 * ever listed or read.
 */
import fs from "node:fs";
import path from "node:path";
import { decodeName, hasRawBytes } from "../../core/names.js";
import { pathStateOf, type PathState } from "./dir-state.js";

/** "badname": a name that is not valid UTF-8 (core/names.ts), reported and never entered or read. */
type WalkKind = "file" | "link" | "other" | "badname";

export interface WalkEntry {
  /** Repo-relative POSIX path. */
  path: string;
  kind: WalkKind;
}

/**
 * Folders never entered: git's own data and dependency trees. A folder holding a `.git` entry
 * (a submodule's checkout, an embedded clone) is not entered either: git keeps it as
 * one entry (a gitlink) or ignores it, never its files, so sealing them made verify in a clone
 * without `--recurse-submodules` report every one missing.
 */
export const SKIP_DIRS: ReadonlySet<string> = new Set([".git", "node_modules"]);

/** The rule above for nested repositories, named for cached verdicts (verdict.ts) made before it. */
export const SKIP_NESTED_REPOS = "folders holding .git";

/**
 * List entries below each root (repo-relative; "" is the whole tree) that `accept` takes.
 * With `states`, also record what lstat saw of every folder listed (taken BEFORE its readdir, so
 * a change after it shows as a new state) and of each path on the way to a root: what a later
 * run needs to know the listing is unchanged (dir-state.ts).
 */
export function walkTree(
  root: string,
  roots: readonly string[],
  accept: (rel: string) => boolean,
  states?: Map<string, PathState>,
  /** Called with each entry as it is found (to start hashing before the walk ends). */
  onEntry?: (e: WalkEntry) => void,
  /**
   * False: entries go to `onEntry` only and the result is empty (issue 20: a caller that sorts
   * each entry out as it comes holds no array of every file, about 100 bytes a file).
   */
  keep = true,
): WalkEntry[] {
  const out: WalkEntry[] = [];
  // One folder lists each name once: only roots that overlap (one inside another) can meet the
  // same path twice, and only then is the set worth its cost (a hash per path).
  const seen = overlapping(roots) ? new Set<string>() : undefined;
  const emit = (rel: string, kind: WalkKind) => {
    if (seen?.has(rel) !== true && accept(rel)) {
      seen?.add(rel);
      const e = { path: rel, kind };
      if (keep) out.push(e);
      onEntry?.(e);
    }
  };
  const walkDir = (rel: string) => {
    let dirents: fs.Dirent[];
    const abs = rel === "" ? root : `${root}/${rel}`; // clean POSIX parts: join's normalising is not needed
    states?.set(rel, pathStateOf(abs));
    try {
      dirents = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable folder: its sealed files show up as missing
    }
    if (rel !== "" && dirents.some((d) => d.name === ".git")) return; // a nested repository: see SKIP_DIRS
    for (const d of dirents) {
      if (d.name.includes("\uFFFD")) {
        walkRawNames(abs, rel, emit, walkDir);
        return;
      }
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
    const kind = states ? recordWayTo(root, r, states) : lstatNoFollow(root, r);
    if (kind === "dir") walkDir(r);
    else if (kind === "file" || kind === "link" || kind === "other") emit(r, kind);
  }
  return out;
}

/**
 * A folder listing that held U+FFFD: Node decodes names that are not UTF-8 lossily, so it is
 * listed again as bytes (rare: only such folders pay for it). A name that is not UTF-8 is emitted
 * as "badname" (decoded losslessly, see core/names.ts) and never entered: a string path could not
 * name it for fs calls. A real U+FFFD in a valid name is walked as usual.
 */
function walkRawNames(abs: string, rel: string, emit: (rel: string, kind: WalkKind) => void, walkDir: (rel: string) => void): void {
  let raw: fs.Dirent<Buffer>[];
  try {
    raw = fs.readdirSync(abs, { withFileTypes: true, encoding: "buffer" });
  } catch {
    return;
  }
  for (const d of raw) {
    const name = decodeName(d.name);
    const child = rel === "" ? name : `${rel}/${name}`;
    if (hasRawBytes(name)) emit(child, "badname");
    else if (d.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walkDir(child);
    } else if (d.isFile()) emit(child, "file");
    else if (d.isSymbolicLink()) emit(child, "link");
    else emit(child, "other");
  }
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

/** lstatNoFollow that also records the state of each path on the way (the last one included). */
function recordWayTo(root: string, rel: string, states: Map<string, PathState>): WalkKind | "dir" | undefined {
  const parts = rel.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join("/");
    const st = pathStateOf(path.join(root, sub));
    states.set(sub, st);
    const last = i === parts.length;
    if (typeof st !== "string") {
      if (last) return "dir";
      continue;
    }
    if (st === "-") return undefined;
    if (!last) return undefined; // a file, link or other where a folder should be: nothing below
    return st === "f" ? "file" : st === "l" ? "link" : "other";
  }
  return undefined;
}

/** Whether a root equals or lies inside another (or the whole tree is walked with others). */
function overlapping(roots: readonly string[]): boolean {
  if (roots.length < 2) return false;
  const set = new Set(roots);
  if (set.size < roots.length || set.has("")) return true;
  for (const r of roots) {
    for (let i = r.indexOf("/"); i !== -1; i = r.indexOf("/", i + 1)) if (set.has(r.slice(0, i))) return true;
  }
  return false;
}
