/** The start stamp of process `pid` ("<boot id>:<start ticks>"), or undefined when it cannot be read. */
export declare function processStart(pid: number): string | undefined;
/**
 * Whether the process that recorded (`pid`, `start`) still runs: its pid is alive and, when the
 * record has a start stamp and this system gives one, that pid started at the same time. A
 * record without a stamp (older versions, other systems) falls back to the pid alone.
 */
export declare function recordedProcessAlive(pid: number, start: unknown): boolean;
/**
 * This process's tag in the names of its temporary files: `<pid>s<start ticks>` on Linux, the pid
 * alone elsewhere. The pid alone does not name a writer for long: a restarted container's app gets
 * the same small pid at once, so its killed incarnation's files looked like its own (kept for good,
 * and in a work tree `git add -A` committed them cut short), and a reused pid made any file look
 * live. Older versions never remove a file named so (their patterns want digits alone there): safe.
 */
export declare function writerTag(): string;
/** A writer tag in a file name: `<pid>` (older versions, other systems) or `<pid>s<start ticks>`. */
export declare const WRITER_TAG: string;
/**
 * Whether the writer a tag names (writerTag) may still be running, so its temporary file must be
 * left alone: its pid is alive and, when the tag has a start time and this system gives one, that
 * pid started then. Our own pid with another start is our killed predecessor (a restarted
 * container). A tag without a start falls back to the pid alone (our own pid: ours).
 */
export declare function writerAlive(tag: string): boolean;
