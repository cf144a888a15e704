/**
 * Symlinks that lead out of the repository (issue 14, item 6). Nothing is read through one:
 * a config, schema, `$ref` target, allowed_signers or data file reached through such a link is
 * reported by the link's name, so content from outside the repository (a runner's
 * /etc/shadow, the token header actions/checkout writes to .git/config) never reaches a message.
 * Symlinks that stay inside the repository are not this module's business.
 */
import fs from "node:fs";
import path from "node:path";

/**
 * The repo-relative path of the first symlink along `rel` (a repo-relative path) that leads
 * outside `root`, or undefined when every component stays inside (or does not exist). A
 * dangling link is judged by where its text points.
 */
export function outsideLink(root: string, rel: string): string | undefined {
  let realRoot: string;
  try {
    realRoot = fs.realpathSync.native(root);
  } catch {
    return undefined;
  }
  // The git dir is not the repository's content: actions/checkout writes the token header to .git/config.
  const gitDir = path.join(realRoot, ".git");
  const inside = (p: string) =>
    (p === realRoot || p.startsWith(realRoot + path.sep)) &&
    !(p.toLowerCase() === gitDir.toLowerCase() || p.toLowerCase().startsWith(gitDir.toLowerCase() + path.sep));
  const parts = rel.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    cur = path.join(cur, parts[i]!);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return undefined; // does not exist: nothing to read through
    }
    if (!st.isSymbolicLink()) continue;
    let target: string;
    try {
      target = fs.realpathSync.native(cur);
    } catch {
      try {
        target = path.resolve(fs.realpathSync.native(path.dirname(cur)), fs.readlinkSync(cur));
      } catch {
        return parts.slice(0, i + 1).join("/");
      }
    }
    if (!inside(target)) return parts.slice(0, i + 1).join("/");
  }
  return undefined;
}

/**
 * True for a repo path inside the `.git` folder (any case: case-insensitive file systems). Git
 * never tracks such paths; a `$schema` or `$ref` that names one (`../.git/config`) would read
 * git's own files, the token header actions/checkout writes among them.
 */
export function inGitDir(rel: string): boolean {
  const first = rel.split(/[\\/]/).find((s) => s !== "" && s !== ".");
  return first !== undefined && first.toLowerCase() === ".git";
}

/** The words every report of such a link uses: `what` names the kind of file ("schema"), `rel` the path asked for. */
export function outsideMessage(rel: string, link: string, what = ""): { message: string; fix: string } {
  const name = what ? `${what} ${rel}` : rel;
  const through =
    rel === link
      ? `${name} is a symlink that leads outside the repository`
      : `${name} is reached through ${link}, a symlink that leads outside the repository`;
  return {
    message: `${through}; it was not read`,
    fix: `replace ${link} with the file itself (or a symlink to a path inside the repository)`,
  };
}

/**
 * The repo-relative path a symlink at `rel` resolves to, when every link on the way stays
 * inside the repository (outside `.git/`) and the end is a regular file; else undefined.
 * A data file turned into a link to another file of the repository is what its readers get
 * through it, so it is checked as that content under the link's name (a schema-mapped file
 * linked to an unmapped one must not escape its schema).
 */
export function insideLinkTarget(root: string, rel: string): string | undefined {
  try {
    if (outsideLink(root, rel) !== undefined) return undefined;
    const realRoot = fs.realpathSync.native(root);
    const real = fs.realpathSync.native(path.join(root, rel));
    if (!real.startsWith(realRoot + path.sep) || !fs.statSync(real).isFile()) return undefined;
    const target = path.relative(realRoot, real).split(path.sep).join("/");
    return inGitDir(target) ? undefined : target;
  } catch {
    return undefined; // dangling, a loop, or unreadable: left to the caller's "symlink" verdict
  }
}

/** Why a symlink that loops is unreadable (validate's parse/unreadable, code ESYMLINKLOOP). */
export const LINK_LOOP = "is a symlink whose links lead round in a loop (or through more than 40 links), so no reader can open it (ELOOP)";

/**
 * Whether `rel` is a symlink the system cannot resolve because its links go round (or pass more
 * than the kernel's 40): every reader of the name gets ELOOP, as if the file were cut to nothing.
 * A dangling link is not this (a generated file's link, `compile_commands.json -> build/...`).
 */
export function linkLoops(root: string, rel: string): boolean {
  try {
    fs.realpathSync.native(path.join(root, rel));
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ELOOP";
  }
}
