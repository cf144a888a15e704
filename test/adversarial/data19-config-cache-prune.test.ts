/**
 * The cache of validated configs (.git/integrity-guard/config-cache/) kept itself small by
 * removing every other name in its folder after each write:
 * - a folder reached through a symlink (the cache, or .git/integrity-guard, linked to another
 *   disk or to a folder a downloaded .git pointed at) lost every file in it to a plain `check`;
 * - a live writer racing (two hooks at once, in two worktrees of one repository or a hook and an
 *   editor's `check`) lost its temporary file (only speed: its rename failed and was ignored).
 * Now only cache entries and temporary files whose writer no longer runs (pid and start time,
 * process-start.ts writerAlive) are removed. The built CLI, a real repository.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
const temps: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function configured(): TestRepo {
  const r = (repo = createRepo());
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write("state.json", '{"a":1}\n');
  r.commitAll("init");
  return r;
}

/** Start ticks of `pid` (field 22 of /proc/<pid>/stat), what writer tags record on Linux. */
function startTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
}

/** A pid that is not running: the first free one counting down from a high number. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}

const entry = (c: string) => c.repeat(64) + ".json";

it("a cache folder reached through a symlink keeps the files that are not the cache's", () => {
  const r = configured();
  const elsewhere = makeTempDir("ig-elsewhere-");
  temps.push(elsewhere);
  const mine = ["notes.txt", "thesis.tex", "backup.json", "a.json.tmp"];
  for (const n of mine) fs.writeFileSync(path.join(elsewhere, n), `${n}\n`);
  fs.mkdirSync(path.join(r.dir, ".git/integrity-guard"), { recursive: true });
  fs.symlinkSync(elsewhere, path.join(r.dir, ".git/integrity-guard/config-cache"));
  const run = r.cliBundle(["check"]);
  expect(run.code, run.stderr).toBe(0);
  const left = fs.readdirSync(elsewhere);
  for (const n of mine) expect(left, n).toContain(n);
  for (const n of mine) expect(fs.readFileSync(path.join(elsewhere, n), "utf8")).toBe(`${n}\n`);
  // The cache still works there: one entry written.
  expect(left.filter((n) => /^[0-9a-f]{64}\.json$/.test(n))).toHaveLength(1);
});

it("a live writer's temporary file is kept; a dead or killed writer's, and older entries, are removed", () => {
  const r = configured();
  const cache = path.join(r.dir, ".git/integrity-guard/config-cache");
  fs.mkdirSync(cache, { recursive: true });
  const ticks = startTicks(process.pid);
  const live = `${entry("a")}.${process.pid}s${ticks}.tmp`; // this test process, writing now
  const dead = `${entry("b")}.${deadPid()}.tmp`; // an older version's name, its writer gone
  const killed = `${entry("c")}.${process.pid}s${ticks - 100}.tmp`; // our pid, another start: killed earlier
  const old = entry("d");
  const foreign = "README"; // not the cache's
  for (const n of [live, dead, killed, old, foreign]) fs.writeFileSync(path.join(cache, n), "x");
  const run = r.cliBundle(["check"]);
  expect(run.code, run.stderr).toBe(0);
  const left = fs.readdirSync(cache).sort();
  expect(left).toContain(live);
  expect(left).toContain(foreign);
  expect(left).not.toContain(dead);
  expect(left).not.toContain(killed);
  expect(left).not.toContain(old);
  expect(left.filter((n) => /^[0-9a-f]{64}\.json$/.test(n))).toHaveLength(1);
  // A second run is served from the cache and keeps it.
  const again = r.cliBundle(["check"]);
  expect(again.code, again.stderr).toBe(0);
  expect(fs.readdirSync(cache).sort()).toEqual(left);
});

it("prunes in one pass over a folder of many names", () => {
  const r = configured();
  const cache = path.join(r.dir, ".git/integrity-guard/config-cache");
  fs.mkdirSync(cache, { recursive: true });
  // Names that almost match the pattern, many times over: the scan stays linear.
  for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(cache, `${"0".repeat(64)}.json.${"1".repeat(160)}s${i}x.tmp`), "");
  const t = Date.now();
  const run = r.cliBundle(["check"]);
  expect(run.code, run.stderr).toBe(0);
  expect(Date.now() - t).toBeLessThan(60_000);
  expect(fs.readdirSync(cache).filter((n) => n.endsWith("x.tmp"))).toHaveLength(2000);
});

it("a cached config's warnings name the file read this time, not the one first cached with the same bytes", () => {
  const r = (repo = createRepo());
  // A trailing tab: a parse warning, kept in the cache with the config.
  const text = "version: 1 # c\n\t\n";
  r.write(".integrity-guard/config.yml", text);
  r.write("ci/ig.yml", text);
  r.commitAll("init");
  const first = r.cliBundle(["check", "--format", "json"]);
  expect(first.stdout).toContain(".integrity-guard/config.yml");
  for (let i = 0; i < 2; i++) {
    const other = r.cliBundle(["check", "--format", "json", "--config", "ci/ig.yml"]);
    const files = (JSON.parse(other.stdout) as { findings: { file: string; rule: string }[] }).findings
      .filter((f) => f.rule === "parse/trailing-tab")
      .map((f) => f.file);
    // .integrity-guard/config.yml is a data file of the repository here: checked as one too.
    expect(files.sort(), other.stdout).toEqual([".integrity-guard/config.yml", "ci/ig.yml"]);
  }
});
