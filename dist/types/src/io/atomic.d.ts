export interface AtomicWriteOptions {
    /** File mode for a new file (an existing file keeps its mode). */
    mode?: number;
    /**
     * When `target` is a symlink, write the file it leads to and keep the link (resolveWriteTarget).
     * Default false: the link itself is replaced, so a write never lands outside the folder named
     * (the CLI writes into repositories that may be hostile). The library's writeJson/updateJson set it.
     */
    followLinks?: boolean;
}
export declare function writeFileAtomic(file: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void>;
/**
 * The file a write to `file` must replace: `file` itself, or, when it is a symlink (a chain of
 * them), the file the chain ends at, existing or not. Renaming over the link would replace the
 * link, so the file its readers open would keep the old content (and the two names would take
 * two locks). A loop is an EnvironmentError naming `file`.
 */
export declare function resolveWriteTarget(file: string): Promise<string>;
/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
export declare function fsyncDir(dir: string): Promise<void>;
