/**
 * Path safety: every repo-relative path that comes from a file we did not write (a manifest,
 * a config, a snapshot, a command line) goes through here before we read or write it.
 */
import fs from "node:fs";
import path from "node:path";
import { UnsafePathError } from "../errors.js";
import { nameBytes } from "../core/names.js";
import { LITERAL_PREFIX } from "../core/snapshot/manifest.js";
import { outsideLink } from "./symlink-outside.js";

/**
 * Normalise to a repo-relative POSIX path; rejects absolute paths and `..` segments. A backslash
 * reads as a separator (paths typed on Windows) unless `gitName`: a name git listed, where `\`
 * is an ordinary character (`data\state.json` is one file, not data/state.json; issue 14).
 */
export function checkRelative(p: string, what = "path", options: { gitName?: boolean } = {}): string {
  if (p.includes("\0")) throw new UnsafePathError(`${what} ${JSON.stringify(p)} contains a NUL byte`);
  if (options.gitName && p.startsWith("\\")) throw new UnsafePathError(`${what} ${JSON.stringify(p)} starts with a backslash`);
  const posix = options.gitName ? p : p.replace(/\\/g, "/");
  if (posix.startsWith("/") || /^[A-Za-z]:\//.test(posix)) {
    throw new UnsafePathError(`${what} ${JSON.stringify(p)} is absolute; only paths inside the repository are allowed`, {
      fix: "use a path relative to the repository root",
    });
  }
  const parts = posix.split("/").filter((s) => s !== "" && s !== ".");
  if (parts.includes("..")) {
    throw new UnsafePathError(`${what} ${JSON.stringify(p)} contains "..", which could leave the repository`, {
      fix: "use a path relative to the repository root without ..",
    });
  }
  if (parts.length === 0) throw new UnsafePathError(`${what} ${JSON.stringify(p)} is empty`);
  return parts.join("/");
}

/**
 * Resolve a repo-relative path to an absolute one and make sure no symlink along the way
 * (except, when `allowFinalLink`, the last component itself) leads outside `root` or into its
 * `.git/` folder. Every write into the work tree goes through here: a clone may carry committed
 * links (`.integrity-guard -> ~/.ssh`, `.integrity-guard -> .git/hooks`, `conf -> /etc`), and a
 * write must never create, replace or truncate a file they lead to. Each level is looked at
 * (lstat), so a folder link above levels that do not exist yet is caught too: `mkdir -p` would
 * otherwise create them, and then the file, at the link's target. A dangling link is judged by
 * where its text points. The error names the link and how to fix it.
 */
export function resolveInside(
  root: string,
  rel: string,
  options: { allowFinalLink?: boolean; what?: string; gitName?: boolean } = {},
): string {
  const clean = checkRelative(rel, options.what, { gitName: options.gitName === true });
  const abs = path.join(root, clean);
  fs.realpathSync.native(root); // a missing root is the caller's error, as before
  const judged = options.allowFinalLink ? path.posix.dirname(clean) : clean;
  const link = judged === "." ? undefined : outsideLink(root, judged);
  if (link !== undefined) {
    const name = `${options.what ?? "path"} ${JSON.stringify(rel)}`;
    const through =
      link === clean
        ? `${name} is a symlink that leads outside the repository (or into .git/)`
        : `${name} is reached through ${link}, a symlink that leads outside the repository (or into .git/)`;
    throw new UnsafePathError(`${through}; nothing was read or written through it`, {
      fix: `replace the symlink ${link} with a real ${link === clean ? "file" : "folder"} (or a symlink to a path inside the repository, outside .git/); ls -l ${link} shows where it leads`,
    });
  }
  return abs;
}

/** Repo-relative POSIX path of an absolute path. */
export function toRepoPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join("/");
}

/** Characters that make a command-line path a glob (when no file of that literal name exists). */
const GLOB_CHARS = /[*?[\]{}]/;

/** A path named on the command line, resolved against the current directory. */
export interface CliPath {
  /** As typed (for messages). */
  arg: string;
  /** `file`: one path; `dir`: everything below `rel` ("" is the whole repository); `glob`: paths matching `rel`. */
  kind: "file" | "dir" | "glob";
  /** Repo-relative POSIX path, folder ("" for the root) or glob pattern. */
  rel: string;
  /** Whether the path exists in the working tree (always true for `dir` found on disk; false for globs). */
  exists: boolean;
}

/**
 * Whether a name is there at all: a file, a folder or a symlink, wherever (or whether) it
 * leads. Not existsSync, which follows links: a data file replaced by links that go round, or
 * pass more than 40, "did not exist", so a pull request's narrowed check dropped it and passed
 * with exit 0. Readers of such a name get ELOOP; validate reports it (and skips a dangling link,
 * as the whole-tree check does).
 */
export function nameExists(file: string | Buffer): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolve a command-line path the way linters do: relative to `cwd` (which may be a subfolder
 * of `root`), or absolute. Files, folders (with or without a trailing /), `.`, `..` while still
 * inside the repository, and globs (`'config/**\/*.yaml'`, quoted so the shell leaves them to
 * us). Throws UnsafePathError for anything that leaves `root`, lexically or through a symlink.
 * A path that does not exist is returned with `exists: false`: whether that is an error depends
 * on the source (the git index may hold what the working tree no longer has).
 */
export function resolveCliPath(root: string, cwd: string, arg: string, outside = "the repository"): CliPath {
  if (arg === "") throw new UnsafePathError(`an empty path was given`, { fix: 'name a file or folder, or "." for the current folder' });
  if (arg.includes("\0")) throw new UnsafePathError(`path ${JSON.stringify(arg)} contains a NUL byte`);
  if (arg.startsWith(LITERAL_PREFIX)) {
    // A name exactly as git lists it, relative to the repository root (the Action passes a PR's
    // files so): `\` is part of the name, not a separator, and nothing in it is a glob (issue 14).
    const rel = checkRelative(arg.slice(LITERAL_PREFIX.length), "path", { gitName: true });
    const exists = nameExists(Buffer.concat([Buffer.from(root + path.sep), nameBytes(rel)]));
    // The name itself may be a link out (or into .git/): validate reports it as
    // path/symlink-outside, as on the whole tree; only a folder link on its way is refused here.
    if (exists) resolveInside(root, rel, { what: "path", gitName: true, allowFinalLink: true });
    return { arg, kind: "file", rel, exists };
  }
  const abs = path.resolve(cwd, arg);
  if (GLOB_CHARS.test(arg) && !fs.existsSync(abs)) return resolveGlob(root, cwd, arg, outside);
  const rel = insideRel(root, abs, arg, outside);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs);
  } catch {
    // absent: the caller decides (missing in the work tree, maybe present in the index)
  }
  if (rel !== "") resolveInside(root, rel, { what: "path" }); // a symlink out of the repository
  if (stat?.isDirectory() || rel === "") return { arg, kind: "dir", rel, exists: stat !== undefined };
  if (stat && /[\\/]$/.test(arg)) {
    throw new UnsafePathError(`${JSON.stringify(arg)} is a file, not a folder`, { fix: `drop the trailing / to name the file` });
  }
  return { arg, kind: /[\\/]$/.test(arg) ? "dir" : "file", rel, exists: stat !== undefined };
}

/** Repo-relative POSIX path of `abs`, or UnsafePathError when it is not inside `root`. */
function insideRel(root: string, abs: string, arg: string, outside: string): string {
  let rel = path.relative(root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    // `root` is git's real path; the cwd (or an absolute argument) may reach it through a
    // symlinked folder (/tmp -> /private/tmp on macOS): compare real paths before refusing.
    const real = realPrefix(abs);
    rel = path.relative(fs.realpathSync.native(root), real);
  }
  if (rel === ".." || rel.startsWith(".." + path.sep) || path.isAbsolute(rel)) {
    throw new UnsafePathError(`path ${JSON.stringify(arg)} is outside ${outside} (${root})`, {
      fix: `name files and folders inside ${outside}, relative to the current directory or absolute; or run from another folder (-C DIR)`,
    });
  }
  return rel.split(path.sep).join("/");
}

/** The real path of `abs`, resolving symlinks in the part of it that exists. */
function realPrefix(abs: string): string {
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(head), ...tail);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      tail.unshift(path.basename(head));
      head = parent;
    }
  }
}

/** A glob relative to `cwd` -> a glob relative to `root`: its static leading folders are resolved like a path. */
function resolveGlob(root: string, cwd: string, arg: string, outside: string): CliPath {
  const posix = arg.replace(/\\/g, "/");
  const parts = posix.split("/");
  const firstGlob = parts.findIndex((s) => GLOB_CHARS.test(s));
  const rest = parts.slice(firstGlob).filter((s) => s !== "" && s !== ".");
  if (rest.includes("..")) {
    throw new UnsafePathError(`glob ${JSON.stringify(arg)} has ".." after its first wildcard`, {
      fix: "put .. only before the wildcards (../config/*.yaml)",
    });
  }
  const base = path.resolve(cwd, parts.slice(0, firstGlob).join("/") || ".");
  const relBase = insideRel(root, base, arg, outside);
  return { arg, kind: "glob", rel: [relBase, ...rest].filter((s) => s !== "").join("/"), exists: false };
}
