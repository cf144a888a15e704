/**
 * Path safety: every repo-relative path that comes from a file we did not write (a manifest,
 * a config, a snapshot, a command line) goes through here before we read or write it.
 */
import fs from "node:fs";
import path from "node:path";
import { UnsafePathError } from "../errors.js";

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
 * (except, when `allowFinalLink`, the last component itself) leads outside `root`.
 */
export function resolveInside(
  root: string,
  rel: string,
  options: { allowFinalLink?: boolean; what?: string; gitName?: boolean } = {},
): string {
  const clean = checkRelative(rel, options.what, { gitName: options.gitName === true });
  const abs = path.join(root, clean);
  const realRoot = fs.realpathSync(root);
  const parent = path.dirname(abs);
  let realParent: string;
  try {
    realParent = fs.realpathSync(parent);
  } catch {
    return abs; // parent does not exist yet: nothing to escape through
  }
  const check = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  if (!check(realParent)) {
    throw new UnsafePathError(`${options.what ?? "path"} ${JSON.stringify(rel)} resolves outside the repository (through a symlink)`);
  }
  if (!options.allowFinalLink) {
    try {
      const real = fs.realpathSync(abs);
      if (!check(real)) {
        throw new UnsafePathError(`${options.what ?? "path"} ${JSON.stringify(rel)} is a symlink that points outside the repository`);
      }
    } catch (error) {
      if (error instanceof UnsafePathError) throw error;
    }
  }
  return abs;
}

/** Repo-relative POSIX path of an absolute path. */
export function toRepoPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join("/");
}
