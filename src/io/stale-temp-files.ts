/**
 * Temporary files that snapshot (its temporary index, fast-import marks) and the LFS check (a
 * temporary index) write under .git/integrity-guard/ as `<kind>-<writer>-...` (writer:
 * process-start.ts writerTag), removed in a `finally`. SIGKILL, an OOM kill or a power cut skips
 * that, and each left file is as big as the set's index (tens of MB at 500,000 files), one more
 * per kill. Swept at the next snapshot or restore: a file whose writer no longer runs on this
 * machine, told by pid and start time as lock.ts tells a lock's owner (a pid alone came back at
 * once after a container restart, and its files were kept for good).
 * Never throws: a file that cannot be removed only costs disk space.
 */
import { WRITER_TAG, writerTag } from "./process-start.js";
import { sweepDeadWriters } from "./sweep-dead-writers.js";

const TEMP_NAME = new RegExp(String.raw`^(?:snapshot|attr)-(${WRITER_TAG})-.*\.(?:index|marks)(?:\.lock)?$`);

/** The name of a temporary file of `kind` here: `<kind>-<writer>-<rest>`, as sweepStaleTempFiles parses it. */
export function tempFileName(kind: "snapshot" | "attr", rest: string): string {
  return `${kind}-${writerTag()}-${rest}`;
}

/** Remove from `stateDir` the temporary files of processes that are gone; returns how many. */
export function sweepStaleTempFiles(stateDir: string): number {
  return sweepDeadWriters(stateDir, (name) => TEMP_NAME.exec(name)?.[1]);
}
