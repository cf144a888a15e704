export interface AtomicWriteOptions {
    /** File mode for a new file (an existing file keeps its mode). */
    mode?: number;
}
export declare function writeFileAtomic(target: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void>;
/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
export declare function fsyncDir(dir: string): Promise<void>;
