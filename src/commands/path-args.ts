/**
 * Paths named on the command line of validate, check, verify and conflicts, as every linter
 * takes them (issue 13, item 6): relative to the current directory, files, folders, `.`,
 * absolute paths inside the repository, globs. Each one must select something the verb checks:
 * a mistyped name or an empty folder is exit 2, never a green run.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { matcher } from "../core/glob.js";
import { resolveCliPath, type CliPath } from "../io/paths.js";

/** How one verb looks at the repository's files. */
export interface PathUniverse {
  /** Files the selection may pick from (repo-relative): `git ls-files` or the index, plus sealed paths for verify. */
  list: () => Promise<readonly string[]>;
  /** Files under a named folder (or matched by a glob) that the verb checks. */
  checkable: (p: string) => boolean;
  /** A glob's matches may be wider than `checkable` (named files are checked if their format is known). */
  acceptsNamed?: (p: string) => boolean;
  /** The verb's files in one phrase, for "selects no ..." ("file that validate checks"). */
  what: string;
  /** Where the selection rules live, for the fix ("validate.files and validate.exclude"). */
  rules: string;
  /** Whether a named file must exist in the working tree (false for --staged: the index is read). */
  worktree: boolean;
  /** Repository-relative paths that exist for the verb although not on disk (sealed, deleted files). */
  known?: (p: string) => boolean;
  /** Staged symlinks (--staged): in the index though list() gives regular files only. */
  stagedLink?: (p: string) => boolean;
  /**
   * Whether a named file the verb would not look at is an error (check, verify, conflicts). When
   * false (validate), it gets the verb's own notice, unless nothing named is checkable at all.
   */
  strictNamed: boolean;
  /**
   * The paths are a list of changed files made by a program (the Action's pull-request files),
   * not typed by a person: a file that is gone or that the verb does not read is left out
   * quietly, and a list that selects nothing checks nothing (it is not an error).
   */
  fileList?: boolean;
  /**
   * Named files the verb does not read are left out quietly, and an empty selection is no
   * error (a missing file still is): `check --staged FILE...`, where lint-staged or the
   * pre-commit framework pass every staged file, README.md included.
   */
  dropUnread?: boolean;
  /** Word for the top folder in messages ("the repository", or "the folder" outside git). */
  outside?: string;
}

interface Selection {
  /** Every selected repo-relative path, in the order named. */
  paths: string[];
  /** Paths named one by one (a file, or a glob's match): checked even when the config's globs do not select them. */
  named: Set<string>;
  /** True when a path covers the whole repository (`.` at the top): the run is not restricted. */
  whole: boolean;
  /** Whether a repo-relative path is one of the named files, below a named folder or matched by a glob. */
  within: (p: string) => boolean;
}

/**
 * Resolve and expand command-line paths against `cwd`; throws UsageError (exit 2) for a path
 * that does not exist or selects nothing, UnsafePathError (exit 2) for one outside `root`.
 */
export async function selectPaths(root: string, cwd: string, args: readonly string[], u: PathUniverse): Promise<Selection> {
  const resolved = args.map((a) => resolveCliPath(root, cwd, a, u.outside));
  let all: readonly string[] | undefined;
  const list = async () => (all ??= await u.list());
  const paths = new Set<string>();
  const named = new Set<string>();
  let whole = false;
  // A folder that is not on disk but still names files for the verb: in the index (--staged), or
  // sealed in the manifest (verify reports them missing). A folder git merely still tracks is
  // gone from the working tree: naming it is an error, not a run that checks nothing.
  const lost = async (under: (p: string) => boolean) => (await list()).some((p) => under(p) && (!u.worktree || u.known?.(p) === true));
  for (const r of resolved) {
    const under = (p: string) => p.startsWith(r.rel + "/");
    if (r.kind === "file") {
      const present = u.worktree ? r.exists || u.known?.(r.rel) === true : (await list()).includes(r.rel) || u.stagedLink?.(r.rel) === true;
      if (u.fileList || (present && (u.strictNamed || u.dropUnread))) {
        await list(); // `checkable` may depend on the listing (the configuration set)
        const read = present && (u.acceptsNamed ?? u.checkable)(r.rel);
        if (!read && (u.fileList || u.dropUnread)) continue;
        if (!read) throw selectsNothing(r, u);
      }
      if (present) {
        paths.add(r.rel);
        named.add(r.rel);
        continue;
      }
      if (!(await lost(under))) throw missing(root, cwd, r, u.worktree);
      r.kind = "dir";
    } else if (r.kind === "dir" && !r.exists && !(await lost(under))) {
      throw missing(root, cwd, r, u.worktree);
    }
    if (r.kind === "dir" && r.rel === "") whole = true;
    const picked = expand(r, await list(), u);
    if (picked.length === 0) throw selectsNothing(r, u);
    for (const p of picked) {
      paths.add(p);
      if (r.kind === "glob") named.add(p);
    }
  }
  const accepted = (p: string) => (named.has(p) ? (u.acceptsNamed ?? u.checkable)(p) : u.checkable(p));
  if (!u.fileList && !u.dropUnread && ![...paths].some(accepted)) {
    throw new UsageError(`${args.map((a) => JSON.stringify(a)).join(", ")} ${args.length === 1 ? "selects" : "select"} no ${u.what}`, {
      fix: `name files (or folders holding files) that ${u.rules} select, or widen them in .integrity-guard/config.yml`,
    });
  }
  const tests = resolved.map((r): ((p: string) => boolean) => {
    if (r.kind === "glob") return matcher([r.rel]);
    if (r.kind === "file") return (p) => p === r.rel;
    return r.rel === "" ? () => true : (p) => p.startsWith(r.rel + "/");
  });
  return { paths: [...paths], named, whole, within: (p) => tests.some((t) => t(p)) };
}

function expand(r: CliPath, all: readonly string[], u: PathUniverse): string[] {
  if (r.kind === "dir") {
    const prefix = r.rel === "" ? "" : r.rel + "/";
    return all.filter((p) => p.startsWith(prefix) && u.checkable(p));
  }
  const m = matcher([r.rel]);
  const ok = u.acceptsNamed ?? u.checkable;
  return all.filter((p) => m(p) && ok(p));
}

function missing(root: string, cwd: string, r: CliPath, worktree: boolean): UsageError {
  if (!worktree) {
    return new UsageError(`${shown(r.arg)} is not in the git index (${shown(r.rel)} in the repository)`, {
      fix: `git add ${shown(r.rel)}, or check the path (relative to the current directory ${cwd})`,
    });
  }
  const fromRoot = path.resolve(root, r.arg);
  const hint =
    cwd !== root && !path.isAbsolute(r.arg) && fromRoot !== path.resolve(cwd, r.arg) && exists(fromRoot)
      ? `; from the current directory that file is ${JSON.stringify(path.relative(cwd, fromRoot).split(path.sep).join("/"))}`
      : "";
  return new UsageError(
    `${shown(r.arg)} does not exist (${shown(r.rel || ".")} in the repository; paths are relative to the current directory ${cwd})`,
    {
      fix: `check the path: relative to the current directory, or absolute inside the repository${hint}`,
    },
  );
}

/** A path as typed, quoted when it holds control characters (a newline must not forge a line of the message). */
function shown(arg: string): string {
  return /[\u0000-\u001f\u007f]/.test(arg) ? JSON.stringify(arg) : arg;
}

function exists(p: string): boolean {
  try {
    return fs.statSync(p) !== undefined;
  } catch {
    return false;
  }
}

function selectsNothing(r: CliPath, u: PathUniverse): UsageError {
  if (r.kind === "glob") {
    return new UsageError(`no ${u.what} matches ${JSON.stringify(r.arg)} (pattern ${shown(r.rel)} in the repository)`, {
      fix: `check the pattern (relative to the current directory; quote it so that the shell leaves it to integrity-guard), or see ${u.rules}`,
    });
  }
  if (r.kind === "file") {
    return new UsageError(`${JSON.stringify(r.arg)} is not a ${u.what} (${shown(r.rel)} in the repository)`, {
      fix: `name a file that ${u.rules} select${u.rules.includes(" and ") || u.rules.includes(",") ? "" : "s"}, or widen them in .integrity-guard/config.yml`,
    });
  }
  return new UsageError(`${JSON.stringify(r.arg)} selects no ${u.what} (folder ${shown(r.rel || ".")} of the repository)`, {
    fix: `name a folder that holds such files, or widen ${u.rules} in .integrity-guard/config.yml`,
  });
}
