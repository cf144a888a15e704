/**
 * Session 21: `seal` in a sparse checkout (index format 3+) lists the index's skip-worktree
 * entries once. It seals git's copy of the files kept with local edits (present, skip-worktree)
 * and of the files the cone leaves out (absent), and each of the two asked git for the whole
 * index (`git ls-files -s -v -z`), a second full listing of a large monorepo's index for nothing.
 * (In a sparse checkout git itself clears the bit of a present file in the cone when it reads
 * the index, so the shape here is the cone's absent files.)
 * The manifest is the same (test/adversarial/sparse-checkout*.test.ts hold its behaviour).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** `seal` with the git commands it ran (GIT_TRACE). */
async function seal(r: TestRepo) {
  const trace = path.join(makeTempDir("ig-trace-"), "trace");
  process.env.GIT_TRACE = trace; // git inherits the test process's environment
  let run;
  try {
    run = await r.cli(["seal"]);
  } finally {
    delete process.env.GIT_TRACE;
  }
  const ran = (fs.existsSync(trace) ? fs.readFileSync(trace, "utf8") : "").match(/trace: built-in: git [^\n]*/g) ?? [];
  fs.rmSync(path.dirname(trace), { recursive: true, force: true });
  return { code: run.code, stderr: run.stderr, ran };
}

it("seal in a sparse checkout lists the whole index for the skip-worktree entries once, and seals the same manifest", async () => {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**", "keep/**"]\n');
  r.write("data/a.json", '{"n":1}\n');
  r.write("data/x/b.json", '{"n":2}\n');
  r.write("keep/settings.json", '{"local":false}\n');
  expect(r.cliBundle(["seal"]).code).toBe(0);
  r.commitAll("sealed");
  r.git("sparse-checkout", "set", "--cone", "keep", ".integrity-guard");
  expect(fs.existsSync(path.join(r.dir, "data"))).toBe(false);
  expect(fs.readFileSync(path.join(r.dir, ".git/index")).readUInt32BE(4)).toBeGreaterThanOrEqual(3);
  const manifest = r.read(".integrity-guard/manifest.json");

  const { code, stderr, ran } = await seal(r);
  expect(code, stderr).toBe(0);
  expect(r.read(".integrity-guard/manifest.json")).toBe(manifest);
  const skipWorktreeListings = ran.filter((l) => / git ls-files -s -v -z$/.test(l.trim()));
  // One for the tree walk (io/hash/observe.ts) and one for the skip-worktree entries, present and absent.
  expect(skipWorktreeListings, ran.join("\n")).toHaveLength(2);
});
