/**
 * A snapshot taken while a restore is half-way (killed, or still writing) records a tree that is
 * partly the old state and partly the snapshot's: a signed, verified snapshot of a state that
 * never existed, which retention then keeps in place of good ones (and may prune the snapshot the
 * resume needs). `snapshot` read no restore journal. Now it refuses while this work tree has an
 * unsettled restore, naming the undo and the resume; once the restore is settled it runs.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { fillData, hourlyDataConfig, restoreKilled } from "../helpers/killed-restore.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = hourlyDataConfig(2);

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

it("snapshot refuses a half-restored work tree, names the undo and the resume, and runs once the restore is settled", async () => {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", CONFIG);
  fs.mkdirSync(path.join(r.dir, "data"));
  fillData(r.dir, "snap");
  r.commitAll("init");
  expect((await r.cli(["snapshot", "--set", "hourly"])).code).toBe(0);
  const id = r.git("rev-parse", "integrity-snapshots").trim();
  let signal: NodeJS.Signals | null = null;
  for (let tries = 0; tries < 3 && signal !== "SIGKILL"; tries++) {
    fillData(r.dir, "work");
    signal = await restoreKilled(r.dir, id);
  }
  expect(signal).toBe("SIGKILL");
  const journal = JSON.parse(fs.readFileSync(path.join(r.dir, ".git/integrity-guard/restore-journal.json"), "utf8")) as {
    undo: string;
    resume: string;
  };

  const tip = r.git("rev-parse", "integrity-snapshots").trim(); // the killed restore's pre-restore snapshot
  const s = await r.cli(["snapshot", "--set", "hourly"]);
  expect(s.code, s.stderr).toBe(2);
  expect(s.stderr).toContain("interrupted restore");
  expect(s.stderr).toContain(journal.undo);
  expect(s.stderr).toContain(journal.resume);
  expect(r.git("rev-parse", "integrity-snapshots").trim()).toBe(tip); // no snapshot of the mix

  const resume = await r.cli(["restore", id, "--allow-unsigned", "--no-fetch"]);
  expect(resume.code, resume.stderr).toBe(0);
  const after = await r.cli(["snapshot", "--set", "hourly"]);
  expect(after.code, after.stderr).toBe(0);
});
