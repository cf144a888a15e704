/**
 * Temporary files that snapshot (its temporary index, fast-import marks) and the LFS check (a
 * temporary index) write under .git/integrity-guard/ as `<kind>-<pid>-...`, removed in a
 * `finally`. SIGKILL, an OOM kill or a power cut skips that, and each left file is as big as the
 * set's index (tens of MB at 500,000 files), one more per kill. Swept at the next snapshot or
 * restore: a file whose process no longer runs on this machine (as lock.ts judges a lock).
 * Never throws: a file that cannot be removed only costs disk space.
 */
import fs from "node:fs";
import path from "node:path";
import { processExists } from "./process-exists.js";

const TEMP_NAME = /^(?:snapshot|attr)-(\d+)-.*\.(?:index|marks)(?:\.lock)?$/;

/** Remove from `stateDir` the temporary files of processes that are gone; returns how many. */
export function sweepStaleTempFiles(stateDir: string): number {
  let names: string[];
  try {
    names = fs.readdirSync(stateDir);
  } catch {
    return 0; // no state folder yet
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(stateDir, name), { force: true });
      removed++;
    } catch {
      /* read-only or gone meanwhile */
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  return pid === process.pid || processExists(pid);
}
