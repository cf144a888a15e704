/**
 * The sweep of a restore's temporaries (`.<name>.ig-restore.<writer>.<hex>.tmp`, files and whole
 * folders) goes through the shared sweep (sweep-dead-writers.ts), as every other sweep does: a
 * temporary whose writer still runs is kept, one whose writer is gone (or whose pid now belongs
 * to a process that started at another time) is removed. Before, sweepTemporaries removed every
 * name of that shape, so a restore still writing (another work tree sharing the folder, or a
 * journal whose writer was taken for dead) lost its temporaries under it and failed half-way.
 * Imports src; seen failing with the session 25 sweepTemporaries (see the report).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { deadPid } from "../helpers/outside-links.js";
import { makeTempDir } from "../helpers/repo.js";
import { writerTag } from "../../src/io/process-start.js";
import { sweepTemporaries } from "../../src/io/snapshot/restore-journal.js";

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

it("keeps the temporaries of a restore that still runs and removes those of killed ones", async () => {
  const root = makeTempDir("ig-restore-sweep-");
  temps.push(root);
  const dir = path.join(root, "data");
  fs.mkdirSync(dir);
  const live = writerTag(); // this process: a restore still writing
  const dead = deadPid();
  const liveNames = [`.a.json.ig-restore.${live}.0000abcd.tmp`, `.sub.ig-restore.${live}.0000abce.tmp`];
  const deadNames = [`.b.json.ig-restore.${dead}s123.0000abcd.tmp`, `.c.json.ig-restore.${dead}.0000abcd.tmp`];
  fs.writeFileSync(path.join(dir, liveNames[0]!), "half of a live restore's file");
  fs.mkdirSync(path.join(dir, liveNames[1]!));
  fs.writeFileSync(path.join(dir, liveNames[1]!, "x.json"), "{}");
  fs.writeFileSync(path.join(dir, deadNames[0]!), "x");
  fs.mkdirSync(path.join(dir, deadNames[1]!));
  fs.writeFileSync(path.join(dir, deadNames[1]!, "y.json"), "{}");
  fs.writeFileSync(path.join(dir, "user.json"), "{}");
  await sweepTemporaries(root, ["data"]);
  expect(fs.readdirSync(dir).sort()).toEqual([...liveNames, "user.json"].sort());
  expect(fs.readFileSync(path.join(dir, liveNames[0]!), "utf8")).toBe("half of a live restore's file");
  expect(fs.readdirSync(path.join(dir, liveNames[1]!))).toEqual(["x.json"]);
});

it("a pid that came back with another start time is not the writer: its temporary goes", async () => {
  const root = makeTempDir("ig-restore-sweep-");
  temps.push(root);
  const dir = path.join(root, "data");
  fs.mkdirSync(dir);
  const [pid, ticks] = writerTag().split("s");
  if (ticks === undefined) return; // no start times on this system (not Linux): nothing to tell apart
  const reused = `.a.json.ig-restore.${pid}s${Number(ticks) + 1}.0000abcd.tmp`;
  fs.writeFileSync(path.join(dir, reused), "x");
  await sweepTemporaries(root, ["data"]);
  expect(fs.readdirSync(dir)).toEqual([]);
});
