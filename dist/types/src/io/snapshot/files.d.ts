import { type SnapshotFileEntry } from "../../core/snapshot/manifest.js";
export interface CollectResult {
    /** Repo-relative POSIX paths, sorted. */
    files: string[];
    /** Paths skipped and why (symlinks, special files, names we cannot store). */
    skipped: {
        path: string;
        reason: string;
    }[];
}
/** Collect the files a set's `paths` name ("dir/" = everything below; globs; `:(literal)p`). */
export declare function collectSetFiles(root: string, setPaths: readonly string[]): Promise<CollectResult>;
/**
 * SHA-256, size and mode of each file. Synchronous reads on purpose: for many small files they
 * are about twice as fast as the thread pool (measured on 10,000 JSON files), and the CLI has
 * nothing else to do meanwhile.
 */
export declare function hashWorktreeFiles(root: string, files: readonly string[], keep?: Map<string, Buffer>): Promise<Map<string, SnapshotFileEntry>>;
/** Bytes of file content kept in memory at most while a snapshot is prepared. */
export declare const KEEP_LIMIT: number;
export declare function sha256(data: string | Uint8Array): string;
