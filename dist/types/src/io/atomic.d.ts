export interface AtomicWriteOptions {
    /** File mode for a new file (an existing file keeps its mode). */
    mode?: number;
}
export declare function writeFileAtomic(target: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void>;
/**
 * Write `data` to the new file `tmp` (same folder as `target`), fsync it and rename it over
 * `target`; on any failure `tmp` is removed and the raw error rethrown (callers word it). The
 * folder is not fsynced: callers writing many files do that once per folder (fsyncDir).
 */
export declare function writeThroughTemp(tmp: string, target: string, data: string | Uint8Array, mode: number): Promise<void>;
/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
export declare function fsyncDir(dir: string): Promise<void>;
