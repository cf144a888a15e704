/** Normalise to a repo-relative POSIX path; rejects absolute paths and `..` segments. */
export declare function checkRelative(p: string, what?: string): string;
/**
 * Resolve a repo-relative path to an absolute one and make sure no symlink along the way
 * (except, when `allowFinalLink`, the last component itself) leads outside `root`.
 */
export declare function resolveInside(root: string, rel: string, options?: {
    allowFinalLink?: boolean;
    what?: string;
}): string;
/** Repo-relative POSIX path of an absolute path. */
export declare function toRepoPath(root: string, abs: string): string;
