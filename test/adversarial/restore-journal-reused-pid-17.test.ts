/**
 * A restore killed half-way leaves its journal (the undo and the resume). If the killed
 * restore's pid now names another live process (a restarted container reuses small pids at
 * once), the next restore took the journal for a restore still running: "wait for it to finish;
 * if that process is not integrity-guard, delete the journal", which throws away the flag and
 * the printed way back. The journal records when its process started (Linux), and a live pid
 * that started at another time is not its writer: the restore is reported as interrupted, with
 * its undo and resume.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const CONFIG = 'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: ["data/"], keep: 5 }\n';
const FILES = 60;

let repo: TestRepo | undefined;
let stranger: ChildProcess | undefined;
afterEach(() => {
  if (stranger?.pid) process.kill(stranger.pid);
  stranger = undefined;
  repo?.cleanup();
});

function fill(dir: string, tag: string): void {
  for (let i = 0; i < FILES; i++)
    fs.writeFileSync(
      path.join(dir, "data", `f${String(i).padStart(2, "0")}.json`),
      JSON.stringify({ tag, pad: "x".repeat(64 << 10) }) + "\n",
    );
}

/** `restore <id>` killed with SIGKILL at its first write under data/. */
async function restoreKilled(cwd: string, id: string): Promise<NodeJS.Signals | null> {
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

it("a killed restore whose pid now names another live process is reported as interrupted, with its undo, never as running", async () => {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", CONFIG);
  fs.mkdirSync(path.join(r.dir, "data"));
  fill(r.dir, "snap");
  r.commitAll("init");
  expect((await r.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
  const first = r.git("rev-parse", "integrity-snapshots").trim();
  fill(r.dir, "snap2");
  expect((await r.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
  const id = r.git("rev-parse", "integrity-snapshots").trim();
  expect(id).not.toBe(first);
  let signal: NodeJS.Signals | null = null;
  for (let tries = 0; tries < 3 && signal !== "SIGKILL"; tries++) {
    fill(r.dir, "work");
    signal = await restoreKilled(r.dir, id);
  }
  expect(signal).toBe("SIGKILL");
  const journalFile = path.join(r.dir, ".git/integrity-guard/restore-journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { pid: number; pre: string; undo: string };
  // The killed restore's pid, reused: a live process that is not integrity-guard.
  stranger = spawn("sleep", ["60"], { stdio: "ignore" });
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, pid: stranger.pid }, null, 2));

  const other = await r.cli(["restore", first, "--allow-unsigned", "--no-fetch"]);
  expect(other.code, other.stderr).toBe(2);
  expect(other.stderr).toContain("an interrupted restore");
  expect(other.stderr).toContain(journal.undo);
  expect(other.stderr).not.toContain("another restore");
  expect(fs.existsSync(journalFile)).toBe(true);
  // The undo the journal names still brings the work back.
  const undo = await r.cli(["restore", journal.pre, "--allow-unsigned", "--no-fetch"]);
  expect(undo.code, undo.stderr).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(r.dir, "data/f00.json"), "utf8")).tag).toBe("work");
  expect(fs.existsSync(journalFile)).toBe(false);
});
