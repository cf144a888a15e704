import { EnvironmentError } from "../errors.js";
interface AtomicWriteOptions {
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
 * Remove the temporary files of writes to `target` (`.<name>.<writer>.<random>.tmp`, as
 * writeFileAtomic names them; writer: process-start.ts writerTag) whose writer is no longer
 * alive on this machine: a process killed between creating one and the rename leaves it, cut
 * short, where `git add -A` would commit it. The writer is told by its pid and start time, so
 * the file of a killed app whose pid came back at once (a restarted container: the same pid as
 * ours) is removed too. Call only while holding the target's lock (no live writer of ours can
 * own one then). Best effort: a folder that cannot be listed is left as it is.
 */
export declare function removeDeadTemporaries(target: string): Promise<void>;
/**
 * The file a write to `file` must replace: `file` itself, or, when it is a symlink (a chain of
 * them), the file the chain ends at, existing or not. Renaming over the link would replace the
 * link, so the file its readers open would keep the old content (and the two names would take
 * two locks). A loop is an EnvironmentError naming `file`.
 */
export declare function resolveWriteTarget(file: string): Promise<string>;
/**
 * The hidden temporary name beside `file` every write here uses (`.<name>.<writer>.<random>.tmp`):
 * removeDeadTemporaries parses it, so writers that rename in steps of their own (hook-install.ts)
 * take the name from here.
 */
export declare function temporaryBeside(file: string): string;
/**
 * Write `data` whole to the new file `tmp` (never an existing one) and fsync it; `setMode`: set
 * `mode` again after open(), which applies the umask (0o664 stays 0o664). On any failure `tmp`
 * is removed and the raw error rethrown.
 */
export declare function writeTemporary(tmp: string, data: string | Uint8Array, mode: number, setMode: boolean): Promise<void>;
/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
export declare function fsyncDir(dir: string): Promise<void>;
/** The EnvironmentError for a write to `target` that failed (`error`): why in words, the previous content unchanged. */
export declare function atomicWriteError(target: string, error: unknown): EnvironmentError;
export {};
