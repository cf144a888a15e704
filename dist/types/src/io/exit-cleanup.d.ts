/**
 * Register `fn` to run once at exit or on a terminating signal. Returns a function that runs it
 * now (if it has not run yet) and unregisters it; handlers are removed when none is left, so
 * a process that holds no secret keeps the default signal behaviour.
 */
export declare function onExitCleanup(fn: () => void): () => void;
