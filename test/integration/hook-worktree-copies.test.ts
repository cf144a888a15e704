/**
 * The hook takes a small commit's staged files (and the unchanged schema) from the work tree
 * when each copy there hashes to its index entry's blob id (src/io/worktree-copies.ts): no
 * `git cat-file` process. What is judged stays what will be committed: a work-tree copy that
 * differs from the staged blob in any way (an unstaged fix or break, a symlink in its place)
 * sends the whole read to git.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, withRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n';
const SCHEMA = JSON.stringify({ type: "object", required: ["id"], properties: { id: { type: "integer" } } });

function setup(repo: TestRepo) {
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/item.schema.json", SCHEMA);
  repo.write("data/a.json", '{"id": 1}\n');
  repo.commitAll("base");
}

/** `check --staged --format json`: exit code, findings, and whether git's cat-file ran (GIT_TRACE). */
async function hook(repo: TestRepo) {
  const trace = path.join(makeTempDir("ig-trace-"), "trace");
  process.env.GIT_TRACE = trace; // git inherits the test process's environment
  let run;
  try {
    run = await repo.cli(["check", "--staged", "--format", "json"]);
  } finally {
    delete process.env.GIT_TRACE;
  }
  const ran = (fs.existsSync(trace) ? fs.readFileSync(trace, "utf8") : "").match(/trace: built-in: git [^\n]*/g) ?? [];
  const report = JSON.parse(run.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return {
    code: run.code,
    rules: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort(),
    catFile: ran.some((l) => / git cat-file /.test(l)),
  };
}

describe("the hook reads verified work-tree copies of a small commit", () => {
  it("a clean commit is judged without a cat-file process; a broken one is judged as before", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/b.json", '{"id": 2}\n');
      repo.git("add", "data/b.json");
      const clean = await hook(repo);
      expect(clean.code).toBe(0);
      expect(clean.catFile).toBe(false);
      repo.write("data/c.json", '{"id": "x"}\n');
      repo.write("data/d.json", '{"id": 3,}\n');
      repo.git("add", "data");
      const broken = await hook(repo);
      expect(broken.code).toBe(1);
      expect(broken.rules).toEqual(["parse/syntax data/d.json", "schema/violation data/c.json"]);
    }));

  it("a broken staged file fixed in the work tree only is still blocked (read from git)", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data/b.json");
      repo.write("data/b.json", '{"id": 2}\n'); // unstaged fix: not what the commit holds
      const r = await hook(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation data/b.json"]);
      expect(r.catFile).toBe(true);
    }));

  it("a valid staged file broken in the work tree only passes; so does one replaced by a symlink to the same bytes", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/b.json", '{"id": 2}\n');
      repo.git("add", "data/b.json");
      repo.write("data/b.json", '{"id": 2,'); // unstaged break
      const r = await hook(repo);
      expect(r.code).toBe(0);
      expect(r.catFile).toBe(true);
      // Same bytes behind a symlink: not read through the link (O_NOFOLLOW); git's blob is judged.
      repo.write("elsewhere.txt", '{"id": 2}\n');
      fs.rmSync(path.join(repo.dir, "data/b.json"));
      fs.symlinkSync("../elsewhere.txt", path.join(repo.dir, "data/b.json"));
      const linked = await hook(repo);
      expect(linked.code).toBe(0);
      expect(linked.catFile).toBe(true);
    }));

  it("an unstaged edit of the schema sends the read to git, and the committed schema judges", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("schemas/item.schema.json", JSON.stringify({ type: "object" })); // allows anything
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data/b.json");
      const r = await hook(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation data/b.json"]);
      expect(r.catFile).toBe(true);
    }));
});
