/**
 * The caches under .git/integrity-guard/ are local (a clone cannot put a symlink there), but a
 * link at one of their file names (a user's, a tool's, a restored backup's) must not make a
 * cache write grow or replace the file it leads to. Before: the stat cache's journal and the
 * health history were appended to through such a link (the outside file grew a line per run).
 * Now an append never follows a link at the file's own name: the file is rewritten whole, which
 * replaces the link and leaves its target alone (docs/security-local.md says so). The built CLI.
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

function outsideFile(text: string): string {
  const d = makeTempDir("ig-outside-");
  temps.push(d);
  const f = path.join(d, "own.txt");
  fs.writeFileSync(f, text);
  return f;
}

function sealedRepo(): TestRepo {
  const r = (repo = createRepo());
  r.write("ci/ig.yml", 'version: 1\nmanifest: { include: ["data/**"] }\n');
  for (let i = 0; i < 20; i++) r.write(`data/${i}.json`, `{"x":${i}}\n`);
  r.commitAll("init");
  const seal = r.cliBundle(["seal", "--config", "ci/ig.yml"]);
  expect(seal.code, seal.stdout + seal.stderr).toBe(0);
  return r;
}

it("a reseal does not append its stat-cache journal through a symlink at the journal's name", () => {
  const r = sealedRepo();
  const state = path.join(r.dir, ".git/integrity-guard");
  const halves = fs.readdirSync(state).filter((n) => /^manifest-cache-[0-9a-f]+\.(?:blobs\.)?json$/.test(n));
  expect(halves.length).toBeGreaterThan(0);
  const own = outsideFile("the user's own file\n");
  for (const h of halves) {
    fs.rmSync(path.join(state, `${h}.journal`), { force: true });
    fs.symlinkSync(own, path.join(state, `${h}.journal`));
  }
  r.write("data/3.json", '{"x":"changed"}\n');
  const seal = r.cliBundle(["seal", "--config", "ci/ig.yml"]);
  expect(seal.code, seal.stdout + seal.stderr).toBe(0);
  expect(fs.readFileSync(own, "utf8")).toBe("the user's own file\n");
  // The cache still works: a check after the reseal agrees with the manifest.
  const verify = r.cliBundle(["verify", "--config", "ci/ig.yml"]);
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
});

it("health does not append its score history through a symlink at the history's name", () => {
  const r = sealedRepo();
  const state = path.join(r.dir, ".git/integrity-guard");
  const own = outsideFile("the user's own file\n");
  fs.symlinkSync(own, path.join(state, "health-history.jsonl"));
  r.cliBundle(["health", "--config", "ci/ig.yml"]);
  expect(fs.readFileSync(own, "utf8")).toBe("the user's own file\n");
  const history = path.join(state, "health-history.jsonl");
  expect(fs.lstatSync(history).isFile()).toBe(true);
  expect(fs.readFileSync(history, "utf8")).toMatch(/"score":/);
});
