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
import { fillData, hourlyDataConfig, restoreKilled } from "../helpers/killed-restore.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = hourlyDataConfig(5);

let repo: TestRepo | undefined;
let stranger: ChildProcess | undefined;
afterEach(() => {
  if (stranger?.pid) process.kill(stranger.pid);
  stranger = undefined;
  repo?.cleanup();
});

it("a killed restore whose pid now names another live process is reported as interrupted, with its undo, never as running", async () => {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", CONFIG);
  fs.mkdirSync(path.join(r.dir, "data"));
  fillData(r.dir, "snap");
  r.commitAll("init");
  expect((await r.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
  const first = r.git("rev-parse", "integrity-snapshots").trim();
  fillData(r.dir, "snap2");
  expect((await r.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
  const id = r.git("rev-parse", "integrity-snapshots").trim();
  expect(id).not.toBe(first);
  let signal: NodeJS.Signals | null = null;
  for (let tries = 0; tries < 3 && signal !== "SIGKILL"; tries++) {
    fillData(r.dir, "work");
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
