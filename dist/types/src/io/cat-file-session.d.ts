/**
 * One `git cat-file --batch-command` process answering several rounds of reads. The hook's
 * manifest check reads in rounds that depend on each other (the staged root, then HEAD's root,
 * the shards it names, HEAD's shards, then the staged files' blobs): one git process each,
 * started in sequence, about 5 ms apiece on a one-file reseal. Git.withCatFileSession routes
 * readBlobs, catFileBatch and catFileLimited through one of these instead.
 *
 * Without --buffer, git flushes its answer to each command at once, so a round is answered while
 * the process waits for the next. Answers come in the order of the commands: a queue of what
 * each pending command expects is the whole protocol state. git before 2.36 has no
 * --batch-command (exit 129 and its usage): requests then fail with SessionUnavailableError,
 * and Git falls back to a process per call.
 */
import type { ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
/** An object's type and size (`info`), and with `contents` its bytes. */
interface ObjectInfo {
    type: string;
    size: number;
}
interface ObjectContents extends ObjectInfo {
    data: Buffer;
}
/**
 * The session cannot answer: this git has no `cat-file --batch-command` (before 2.36), or the
 * session was closed while a caller still had reads to make. The caller asks a process of its own.
 */
export declare class SessionUnavailableError extends Error {
    constructor(reason: string);
}
interface SessionOptions {
    /**
     * `--buffer`: git answers each round at once when it ends (a `flush` command), not each command
     * as it comes: fewer writes for a round of many objects (catFileLimited's one-shot reads).
     */
    buffer?: boolean;
}
export declare class CatFileSession {
    private readonly spawn;
    private child;
    private readonly pending;
    private header;
    private current;
    private skipNewline;
    private readonly stderr;
    private failure;
    private exited;
    /** close() was called: git's input is ended, nothing more can be asked. */
    private closing;
    private readonly args;
    /** What ends a round of commands: `flush` with --buffer (git holds its answers until then). */
    private readonly roundEnd;
    /** `spawn` starts `git <args>` (Git.spawnStreaming); called on the first request only. */
    constructor(spawn: (args: readonly string[]) => ChildProcessByStdio<Writable, Readable, Readable>, options?: SessionOptions);
    /** Type and size of each name, in order; undefined where git has no such object. */
    info(names: readonly string[]): Promise<(ObjectInfo | undefined)[]>;
    /** Type, size and bytes of each name, in order; undefined where git has no such object. */
    contents(names: readonly string[]): Promise<(ObjectContents | undefined)[]>;
    /** End git's input and wait for it to exit; never throws. */
    close(): Promise<void>;
    private ask;
    private start;
    /** Reject every pending request (and every later one) with `e`. */
    private fail;
    /** Read git's answers as they stream: each object's bytes go straight into a buffer of its size. */
    private push;
}
export {};
