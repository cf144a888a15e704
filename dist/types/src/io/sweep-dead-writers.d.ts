/** What a sweep makes of a name: the writer tag to judge, STALE to remove it whatever wrote it, or undefined to keep it. */
type WriterOf = (name: string) => string | typeof STALE | undefined;
/** A name of ours that no writer owns any more (an old cache entry): removed without asking. */
export declare const STALE: unique symbol;
interface SweepOptions {
    /** Remove folders too (a private key folder, a restore's half-built folder); default files only. */
    recursive?: boolean;
    /** A last word on a dead writer's name (whose file it is: another user's is left alone). */
    mayRemove?: (name: string) => boolean;
}
/** Remove from `dir` the names `writerOf` claims whose writer is dead (or STALE); returns how many went. */
export declare function sweepDeadWriters(dir: string, writerOf: WriterOf, options?: SweepOptions): number;
export {};
