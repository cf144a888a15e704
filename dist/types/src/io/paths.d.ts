/**
 * Normalise to a repo-relative POSIX path; rejects absolute paths and `..` segments. A backslash
 * reads as a separator (paths typed on Windows) unless `gitName`: a name git listed, where `\`
 * is an ordinary character (`data\state.json` is one file, not data/state.json; issue 14).
 */
export declare function checkRelative(p: string, what?: string, options?: {
    gitName?: boolean;
}): string;
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
export declare function resolveInside(root: string, rel: string, options?: {
    allowFinalLink?: boolean;
    what?: string;
    gitName?: boolean;
}): string;
/** Repo-relative POSIX path of an absolute path. */
export declare function toRepoPath(root: string, abs: string): string;
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
export declare function nameExists(file: string | Buffer): boolean;
/**
 * Resolve a command-line path the way linters do: relative to `cwd` (which may be a subfolder
 * of `root`), or absolute. Files, folders (with or without a trailing /), `.`, `..` while still
 * inside the repository, and globs (`'config/**\/*.yaml'`, quoted so the shell leaves them to
 * us). Throws UnsafePathError for anything that leaves `root`, lexically or through a symlink.
 * A path that does not exist is returned with `exists: false`: whether that is an error depends
 * on the source (the git index may hold what the working tree no longer has).
 */
export declare function resolveCliPath(root: string, cwd: string, arg: string, outside?: string): CliPath;
