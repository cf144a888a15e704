/**
 * A restore's temporaries are named by their writer as every other temporary is
 * (`.<name>.ig-restore.<pid>s<start ticks>.<hex>.tmp`, process-start.ts writerTag), not by pid
 * alone: a pid tells a killed restore from a live one only until it is reused (at once, after a
 * container restart). The sweep after an interrupted restore reads both the new names and the
 * pid-only names older versions wrote, and nothing else. Imports src: see the report for how
 * it failed without the change (the pid-only pattern left the new names behind).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { deadPid } from "../helpers/outside-links.js";
import { makeTempDir } from "../helpers/repo.js";
import { writerTag } from "../../src/io/process-start.js";
import { RESTORE_TEMP_RE } from "../../src/io/snapshot/restore-write.js";
import { sweepTemporaries } from "../../src/io/snapshot/restore-journal.js";

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

it("names written by pid and start time and by pid alone are both restore temporaries; other names are not", () => {
  expect(RESTORE_TEMP_RE.test(`.state.json.ig-restore.${writerTag()}.0000abcd.tmp`)).toBe(true);
  expect(RESTORE_TEMP_RE.test(".state.json.ig-restore.4242s987654.0000abcd.tmp")).toBe(true);
  expect(RESTORE_TEMP_RE.test(".state.json.ig-restore.4242.0000abcd.tmp")).toBe(true);
  expect(RESTORE_TEMP_RE.test(".state.json.ig-restore.4242s.0000abcd.tmp")).toBe(false);
  expect(RESTORE_TEMP_RE.test(".state.json.ig-restore.x4242.0000abcd.tmp")).toBe(false);
  expect(RESTORE_TEMP_RE.test("state.json.ig-restore.4242.0000abcd.tmp")).toBe(false);
  expect(RESTORE_TEMP_RE.test(".state.json.ig-restore.4242.0000abcd.tmp.bak")).toBe(false);
});

it("the sweep after an interrupted restore removes its temporaries of both namings and leaves the user's files", async () => {
  const root = makeTempDir("ig-restore-names-");
  temps.push(root);
  const dir = path.join(root, "data");
  fs.mkdirSync(dir);
  // Written by a killed restore: a pid no process has (session 26: the sweep keeps a live writer's).
  const dead = deadPid();
  const ours = [`.a.json.ig-restore.${dead}s987654.0000abcd.tmp`, `.b.json.ig-restore.${dead}.0000abce.tmp`];
  const theirs = ["a.json", ".a.json.ig-restore.notes.tmp", ".a.json.4242.0000abcd.tmp"];
  for (const n of [...ours, ...theirs]) fs.writeFileSync(path.join(dir, n), "x");
  // A folder the restore was building whole is a temporary too.
  fs.mkdirSync(path.join(dir, `.sub.ig-restore.${dead}s987654.0000abcf.tmp`));
  await sweepTemporaries(root, ["data"]);
  expect(fs.readdirSync(dir).sort()).toEqual([...theirs].sort());
});

it("a long name of repeated parts is judged at once (the pattern stays linear on a name's length)", () => {
  const name = "." + "a.ig-restore.1.".repeat(15) + "ig-restore.1s" + "1".repeat(40) + ".0000abcd.tmpx";
  const t = performance.now();
  expect(RESTORE_TEMP_RE.test(name)).toBe(false);
  expect(performance.now() - t).toBeLessThan(100);
});
