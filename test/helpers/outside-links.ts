/**
 * Set-up shared by the local data-safety tests (data19, data20, data21): a folder outside the
 * test repository for links to lead to, the listing that shows nothing was added to or removed
 * from it, and a pid no process has (a killed writer's).
 */
import fs from "node:fs";
import { makeTempDir } from "./repo.js";

/** Folders made by outsideDir, for the test file's afterEach to remove (removeOutsideDirs). */
const made: string[] = [];

/** A fresh folder outside any repository (removed by removeOutsideDirs). */
export function outsideDir(prefix = "ig-outside-"): string {
  const d = makeTempDir(prefix);
  made.push(d);
  return d;
}

/** Remove every folder outsideDir made; call it from afterEach. */
export function removeOutsideDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Everything under `dir` (relative names, sorted), to show nothing was added or removed. */
export function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

/** A pid that is not running: the first free one counting down from a high number. */
export function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}
