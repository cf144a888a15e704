/**
 * A restore killed half-way, for the tests of the restore journal: a `data/` folder of files big
 * enough that `restore` is still writing when the first write is seen, and `restore` run from the
 * sources (tsx) so that SIGKILL reaches the process that writes, not a wrapper.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { GIT_ENV, PROJECT_ROOT } from "./repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
/** How many files fillData writes: 60 of 64 KiB keep a restore writing for a while. */
export const DATA_FILES = 60;

/** A config with one unsigned snapshot set `hourly` over `data/`, keeping `keep` snapshots. */
export function hourlyDataConfig(keep: number): string {
  return `version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: ["data/"], keep: ${keep} }\n`;
}

/** Writes `data/f00.json` to `data/f59.json` below `dir` (the folder must exist), each naming `tag`. */
export function fillData(dir: string, tag: string): void {
  for (let i = 0; i < DATA_FILES; i++)
    fs.writeFileSync(
      path.join(dir, "data", `f${String(i).padStart(2, "0")}.json`),
      JSON.stringify({ tag, pad: "x".repeat(64 << 10) }) + "\n",
    );
}

/** `restore <id>` in `cwd`, killed with SIGKILL at its first write under data/; the signal it ended with. */
export async function restoreKilled(cwd: string, id: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, "restore", id, "--allow-unsigned", "--no-fetch"], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const watcher = fs.watch(path.join(cwd, "data"), () => {
    watcher.close();
    child.kill("SIGKILL");
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_c, s) => resolve(s)));
  watcher.close();
  return signal;
}
