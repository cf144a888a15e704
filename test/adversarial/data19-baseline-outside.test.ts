/**
 * `baseline --update` writes .integrity-guard/baseline.json. The write replaced a symlinked
 * baseline.json itself (atomic.ts), but a symlinked `.integrity-guard/` folder was followed. With
 * the config elsewhere (--config), nothing else stopped it: a repository whose `.integrity-guard`
 * leads out of it (a clone's link to a folder of the user's, or into .git/) made the command
 * write, or overwrite, a baseline.json there. Now refused with exit 2 and nothing written; a
 * link to a folder inside the repository still works. The built CLI, real repositories.
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

/** A repository with its config in ci/ig.yml and one broken file (something to record). */
function brokenRepo(): TestRepo {
  const r = (repo = createRepo());
  r.write("ci/ig.yml", "version: 1\n");
  r.write("bad.json", '{"a":\n');
  r.write("ok.json", "{}\n");
  r.commitAll("init");
  return r;
}

function outsideDir(): string {
  const d = makeTempDir("ig-outside-");
  temps.push(d);
  return d;
}

it("refuses to write the baseline through a .integrity-guard symlink that leaves the repository, and keeps what is there", () => {
  const r = brokenRepo();
  const outside = outsideDir();
  fs.writeFileSync(path.join(outside, "baseline.json"), "the user's own file\n");
  fs.symlinkSync(outside, path.join(r.dir, ".integrity-guard"));
  const run = r.cliBundle(["baseline", "--update", "--config", "ci/ig.yml"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain(".integrity-guard");
  expect(run.stderr).toMatch(/outside the repository/);
  expect(fs.readFileSync(path.join(outside, "baseline.json"), "utf8")).toBe("the user's own file\n");
  expect(fs.readdirSync(outside)).toEqual(["baseline.json"]);
});

it("refuses a dangling .integrity-guard symlink to a place outside: nothing is created there", () => {
  const r = brokenRepo();
  const outside = outsideDir();
  const target = path.join(outside, "not-yet");
  fs.symlinkSync(target, path.join(r.dir, ".integrity-guard"));
  const run = r.cliBundle(["baseline", "--update", "--config", "ci/ig.yml"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.readdirSync(outside)).toEqual([]);
});

it("refuses a .integrity-guard symlink into .git/ (git's own folder is not the repository's content)", () => {
  const r = brokenRepo();
  fs.symlinkSync(".git", path.join(r.dir, ".integrity-guard"));
  const run = r.cliBundle(["baseline", "--update", "--config", "ci/ig.yml"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(fs.existsSync(path.join(r.dir, ".git/baseline.json"))).toBe(false);
});

it("still writes through a .integrity-guard symlink to a folder inside the repository, and --dry-run writes nothing anywhere", () => {
  const r = brokenRepo();
  fs.mkdirSync(path.join(r.dir, "meta/ig"), { recursive: true });
  fs.symlinkSync("meta/ig", path.join(r.dir, ".integrity-guard"));
  const dry = r.cliBundle(["baseline", "--update", "--dry-run", "--config", "ci/ig.yml"]);
  expect(dry.code, dry.stdout + dry.stderr).toBe(0);
  expect(fs.readdirSync(path.join(r.dir, "meta/ig"))).toEqual([]);
  const run = r.cliBundle(["baseline", "--update", "--config", "ci/ig.yml"]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(r.dir, "meta/ig/baseline.json"), "utf8"))).toBeTruthy();
  expect(fs.readFileSync(path.join(r.dir, "meta/ig/baseline.json"), "utf8")).toContain("bad.json");
});
