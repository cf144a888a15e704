/**
 * A commit the hook blocks because the check could not run (exit 2) with a report (here a
 * schema that does not parse: a check/failed finding) says the bypass once, after the fix.
 * Before, the report's staged line ended "or bypass once with `git commit --no-verify`" and the
 * hook then printed "the check could not run (exit 2)" and "bypass once, at your own risk: git
 * commit --no-verify" again. The fix comes first (the finding's fix, then "fix what failed
 * above"), the bypass last, once. Exit 1 (findings) keeps the report's one line, and exit 2
 * without a report (a broken config) the hook's one line. Real hooks, the built CLI.
 */
import { afterEach, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, head, hookRepo, SCHEMA_VIOLATION } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

it("exit 2 with a report: the fix first, then the bypass once", () => {
  const r = (repo = hookRepo());
  const before = head(r);
  r.write("schemas/data.schema.json", '{"type": ');
  r.write("data/a.json", '{"id": "abc", "count": 2}\n');
  r.git("add", "-A", "schemas", "data");
  const run = commit(r);
  expectBlocked(r, before, run, /schema schemas\/data\.schema\.json does not parse/);
  expect(run.out).toContain("the check could not run (exit 2)");
  const fix = run.out.indexOf("fix: fix the schema file's syntax");
  const bypass = run.out.indexOf("--no-verify");
  expect(fix, run.out).toBeGreaterThanOrEqual(0);
  expect(fix, "the fix is said before the bypass").toBeLessThan(bypass);
  expect(run.out).toContain("fix what failed above and `git add` the files");
});

it("exit 1 (findings) and exit 2 without a report each still say the bypass once", () => {
  const r = (repo = hookRepo());
  let before = head(r);
  r.write("data/a.json", SCHEMA_VIOLATION);
  r.git("add", "data/a.json");
  expectBlocked(r, before, commit(r), /data\/a\.json:3:\d+/);
  r.git("reset", "-q", "--hard");
  before = head(r);
  r.write(".integrity-guard/config.yml", "version: [\n");
  r.git("add", ".integrity-guard/config.yml");
  expectBlocked(r, before, commit(r), /config\.yml/);
});
