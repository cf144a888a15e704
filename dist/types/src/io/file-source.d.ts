import type { Git, IndexEntry } from "./git.js";
export type ReadResult = Buffer | {
    error: string;
    code?: string;
    link?: string;
    size?: number;
};
/** Read options: files over `maxBytes` are not read (ETOOLARGE with their size). */
export interface ReadOptions {
    maxBytes?: number;
    /**
     * Stop reading once this many bytes are read: the paths not reached map to a DEFERRED result,
     * for a later call (at least one file is always read). Bounds the memory of a batch by bytes,
     * not by a count of files. Sources may ignore it and read everything.
     */
    maxTotalBytes?: number;
}
/** True for a path left for a later read call (ReadOptions.maxTotalBytes). */
export declare function isDeferred(result: ReadResult | undefined): boolean;
/** The result for a path left for a later read call. */
export declare const DEFERRED_READ: ReadResult;
/** The result for a file over ReadOptions.maxBytes: its size, never its bytes. */
export declare function tooLarge(size: number): ReadResult;
export interface FileSource {
    readonly kind: "worktree" | "index" | "commit";
    /** Repo-relative POSIX paths of regular files (symlinks and submodules are left out). */
    list(): Promise<string[]>;
    /** Read files; a path that cannot be read maps to an error object, one that does not exist is absent. */
    read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>>;
    /** Paths this work-tree source read from their index blobs (a sparse checkout left them out): messages say so. */
    readonly fromIndex?: ReadonlySet<string>;
}
export declare class WorktreeSource implements FileSource {
    private readonly git;
    readonly kind: "worktree";
    /** A repository's work tree (no root given): files git checked out in another form are read as committed. */
    private readonly checkout;
    private readonly root;
    constructor(git: Git, root?: string);
    list(): Promise<string[]>;
    read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>>;
}
/**
 * Read `paths` (relative to `root`) as the working tree holds them, never through a symlink that
 * leaves the repository or points into .git/ (such a path maps to an OUTSIDE result naming the
 * link). Also what the library reads schemas with.
 */
export declare function readFilesUnder(root: string, paths: readonly string[], options?: ReadOptions): Map<string, ReadResult>;
/**
 * Give back the memory of bytes that nobody will read again (their caller's promise), now rather
 * than at the next GC; a no-op for buffers that share memory or were not read by readFilesUnder.
 * The buffer reads as empty afterwards.
 */
export declare function releaseBytes(bytes: Buffer): void;
/** ReadResult code of a path reached through a symlink out of the repository (src/io/symlink-outside.ts). */
export declare const OUTSIDE = "EOUTSIDE";
export declare class IndexSource implements FileSource {
    private readonly git;
    readonly kind: "index";
    private entries;
    constructor(git: Git);
    /** All index entries, including unmerged (stage > 0) ones. */
    allEntries(): Promise<IndexEntry[]>;
    list(): Promise<string[]>;
    read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>>;
}
/**
 * The entries to read under `options`, by blob sizes from `git cat-file --batch-check`: a blob
 * over maxBytes is set in `out` as ETOOLARGE with its size, never read; once maxTotalBytes are
 * taken, the rest are DEFERRED (at least one entry is always kept).
 */
export declare function withinLimits<E extends Pick<IndexEntry, "mode" | "oid" | "path">>(git: Git, entries: E[], options: ReadOptions, out: Map<string, ReadResult>): Promise<E[]>;
/** Mode of a symlink entry in the index or a tree: its blob holds the link's target, never followed. */
export declare const SYMLINK = "120000";
/**
 * The read result for a symlink in the git index, from its target text (a blob: git never
 * stores entries below a symlink, so the link itself is the only way out). Out of the
 * repository: reported by name; inside: not followed, as in the working tree.
 */
export declare function indexSymlink(root: string, p: string, target: Buffer): ReadResult;
