/**
 * Read a file the repository (or a library caller) names, refusing anything but a regular file
 * before reading a byte. A plain readFile of a FIFO waits for a writer forever: a config,
 * manifest or JSON document made a named pipe hung the pre-commit hook and `updateJson`. Opened
 * with O_NONBLOCK (which regular files ignore), so the open itself never waits either.
 * Symlinks are followed: callers apply their own link rules first.
 */
import fs from "node:fs";
/** What a non-regular file is, for messages ("is a FIFO (named pipe), not a regular file"). */
export declare function specialKind(st: fs.Stats): string;
/** The bytes of the regular file at `file`; throws (code ENOTREG or EISDIR) for anything else, ENOENT etc. as fs does. */
export declare function readRegularFileSync(file: string): Buffer;
/** readRegularFileSync without blocking the event loop. */
export declare function readRegularFile(file: string): Promise<Buffer>;
/**
 * The bytes of the regular file at `file` when it has at most `limit` of them; undefined for
 * anything else (a symlink, never followed: O_NOFOLLOW; a FIFO, never waited on; a bigger file;
 * any error). For callers that fall back to another source (git, a notice) instead of failing.
 */
export declare function readRegularUpTo(file: string, limit: number): Buffer | undefined;
/**
 * The fd of the regular file at `file`, a name integrity-guard itself writes under
 * `.git/integrity-guard/` (a cache, a journal, the health history); undefined when it is missing,
 * a symlink (never followed: a link there to a file outside would have that file read, and
 * rewritten with it; to a FIFO, the read would wait forever) or not a regular file. Writes there
 * never follow such a link either (atomic.ts, the O_NOFOLLOW appends). Other errors throw.
 */
export declare function openStateFileSync(file: string): number | undefined;
/** The bytes of a state file (openStateFileSync): undefined when missing, a symlink or not a regular file. */
export declare function readStateFileSync(file: string): Buffer | undefined;
/** readStateFileSync without blocking the event loop. */
export declare function readStateFile(file: string): Promise<Buffer | undefined>;
