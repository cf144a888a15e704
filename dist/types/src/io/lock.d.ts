interface LockOptions {
    /** Give up after this long (default 10 s). */
    timeoutMs?: number;
    /** A lock older than this is stale whatever its owner (default 10 min). */
    staleMs?: number;
    /** Longest pause between attempts (default 50 ms; short for hot read-modify-write loops). */
    pollMaxMs?: number;
}
export declare function withLock<T>(lockPath: string, fn: () => Promise<T>, options?: LockOptions): Promise<T>;
export declare function acquireLock(lockPath: string, options?: LockOptions): Promise<() => Promise<void>>;
export {};
