import type { Git, IndexEntry } from "./git.js";
export type ReadResult = Buffer | {
    error: string;
    code?: string;
};
export interface FileSource {
    readonly kind: "worktree" | "index";
    /** Repo-relative POSIX paths of regular files (symlinks and submodules are left out). */
    list(): Promise<string[]>;
    /** Read files; a path that cannot be read maps to an error object, one that does not exist is absent. */
    read(paths: readonly string[]): Promise<Map<string, ReadResult>>;
}
export declare class WorktreeSource implements FileSource {
    private readonly git;
    private readonly root;
    readonly kind: "worktree";
    constructor(git: Git, root?: string);
    list(): Promise<string[]>;
    read(paths: readonly string[]): Promise<Map<string, ReadResult>>;
}
/**
 * Read `paths` (relative to `root`) as the working tree holds them, never through a symlink. Also
 * what the library reads schemas with, outside any git repository.
 */
export declare function readFilesUnder(root: string, paths: readonly string[]): Map<string, ReadResult>;
export declare class IndexSource implements FileSource {
    private readonly git;
    readonly kind: "index";
    private entries;
    constructor(git: Git);
    /** All index entries, including unmerged (stage > 0) ones. */
    allEntries(): Promise<IndexEntry[]>;
    list(): Promise<string[]>;
    read(paths: readonly string[]): Promise<Map<string, ReadResult>>;
}
/** Run `fn` over `items` with at most `limit` in flight. */
export declare function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void>;
