/**
 * The hook reads the config and the schemas a commit leaves unchanged from HEAD's tree
 * (src/io/head-unchanged.ts), not by asking the index for them: no `git ls-files` and no `:path`
 * lookup, each of which loads the whole index. What is checked stays what will be committed:
 * a staged or unstaged edit of the config or a schema, a symlinked schema, an intent-to-add
 * config are judged as before.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, withRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n';
const SCHEMA = JSON.stringify({ type: "object", required: ["id"], properties: { id: { type: "integer" } } });

function setup(repo: TestRepo, schema: string | { link: string } = SCHEMA) {
  repo.write(".integrity-guard/config.yml", CONFIG);
  if (typeof schema === "string") repo.write("schemas/item.schema.json", schema);
  else {
    fs.mkdirSync(path.join(repo.dir, "schemas"), { recursive: true });
    fs.symlinkSync(schema.link, path.join(repo.dir, "schemas/item.schema.json"));
  }
  repo.write("data/a.json", '{"id": 1}\n');
  repo.commitAll("base");
}

/** `check --staged --format json` with the git commands it ran (GIT_TRACE). */
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
  const report = JSON.parse(run.stdout || "{}") as { findings?: { rule: string; file?: string; message: string }[] };
  return {
    code: run.code,
    stderr: run.stderr,
    rules: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort(),
    messages: (report.findings ?? []).map((f) => f.message.replaceAll(repo.dir, "<repo>")).sort(),
    ran,
  };
}

const indexReads = (ran: string[]) => ran.filter((l) => / git ls-files /.test(l));

describe("the hook and the files a commit leaves unchanged", () => {
  it("reads the committed config and schema without listing the index, and still applies them", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/c.json", '{"id": 2}\n');
      repo.git("add", "data");
      const clean = await hook(repo);
      expect(clean.code).toBe(0);
      expect(indexReads(clean.ran), clean.ran.join("\n")).toEqual([]);
      // The schema is read by its blob id from HEAD's tree, never as `:path` (an index load in cat-file),
      // listed by the same `git ls-tree` as the config (one git process fewer on the hook's path).
      const listings = clean.ran.filter((l) => / git ls-tree .*HEAD -- /.test(l));
      expect(listings, clean.ran.join("\n")).toHaveLength(1);
      expect(listings[0]).toContain("schemas/item.schema.json");
      // ... and applied: a bad staged file is blocked by it.
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data");
      const r = await hook(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation data/b.json"]);
    }));

  it("a blocked commit reads the committed baseline from HEAD's tree, not an unstaged edit of it, without listing the index", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/old.json", '{"id": 1,}\n');
      expect((await repo.cli(["baseline", "--update"])).code).toBe(0);
      repo.commitAll("baseline");
      // The work tree's baseline records the new broken file too; the committed one does not.
      repo.write("data/new.json", '{"id": 2,}\n');
      expect((await repo.cli(["baseline", "--update"])).code).toBe(0);
      repo.git("add", "data/new.json");
      const r = await hook(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["parse/syntax data/new.json"]);
      // The baseline is never asked of the index (a broken file's parse error has other readers that do).
      const baselineReads = (ran: string[]) => indexReads(ran).filter((l) => l.includes("baseline.json"));
      expect(baselineReads(r.ran), r.ran.join("\n")).toEqual([]);
      // Staged, the new baseline is what the commit holds: the file is exempt (a notice).
      repo.git("add", ".integrity-guard/baseline.json");
      const staged = await hook(repo);
      expect(staged.code).toBe(0);
      expect(baselineReads(staged.ran)).toEqual([]);
    }));

  it("an unstaged edit of the config or the schema does not change what the commit is judged by", () =>
    withRepo(async (repo) => {
      setup(repo);
      // The work tree says anything goes; the index (= HEAD) still requires an integer id.
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("schemas/item.schema.json", JSON.stringify({ type: "object" }));
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data/b.json");
      const r = await hook(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation data/b.json"]);
    }));

  it("a staged edit of the config or the schema is what the commit is judged by", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("schemas/item.schema.json", JSON.stringify({ type: "object", properties: { id: { type: "string" } } }));
      repo.write("data/b.json", '{"id": 3}\n');
      repo.git("add", "data/b.json", "schemas/item.schema.json");
      expect((await hook(repo)).rules).toEqual(["schema/violation data/b.json"]);
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.git("add", ".integrity-guard/config.yml");
      const r = await hook(repo);
      // As before this change (the base build gives the same): the staged config judges, and a note says so.
      expect(r.code).toBe(0);
      expect(r.rules).toEqual(["config/staged-change .integrity-guard/config.yml"]);
      expect(r.messages[0]).toMatch(
        /Under HEAD's config the commit has 1 error\(s\) the staged config does not report: data\/b.json:1:8 schema\/violation/,
      );
    }));

  it("a committed schema symlink inside the repository is judged as before, without listing the index", () =>
    withRepo(async (repo) => {
      repo.write("schemas/real.schema.json", SCHEMA);
      setup(repo, { link: "real.schema.json" });
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data/b.json");
      const inside = await hook(repo);
      // As before this change: a schema that is a symlink is not followed.
      expect({ code: inside.code, rules: inside.rules, messages: inside.messages }).toEqual({
        code: 2,
        rules: ["check/failed "],
        messages: ["the validate check could not run: schema schemas/item.schema.json cannot be read: is a symlink (not followed)"],
      });
      expect(indexReads(inside.ran)).toEqual([]);
    }));

  it("a schema symlink leading out of the repository is refused as before", () =>
    withRepo(async (repo) => {
      const outside = path.join(makeTempDir("ig-outside-"), "s.json");
      fs.writeFileSync(outside, SCHEMA);
      setup(repo, { link: outside });
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data/b.json");
      const r = await hook(repo);
      expect({ code: r.code, rules: r.rules, messages: r.messages }).toEqual({
        code: 2,
        rules: ["check/failed "],
        messages: [
          "the validate check could not run: schema schemas/item.schema.json cannot be read: schemas/item.schema.json is a symlink that leads outside the repository; it was not read",
        ],
      });
    }));

  it("a config only intent-to-add (`git add -N`) needs no index read, and its work-tree rules apply (git commit leaves it out)", () =>
    withRepo(async (repo) => {
      repo.write("schemas/item.schema.json", SCHEMA);
      repo.write("data/a.json", '{"id": 1}\n');
      repo.commitAll("base");
      repo.write(".integrity-guard/config.yml", CONFIG);
      repo.git("add", "-N", ".integrity-guard/config.yml");
      repo.write("data/b.json", '{"id": "x"}\n');
      repo.git("add", "data/b.json");
      const r = await hook(repo);
      // Neither the staged diff nor HEAD's tree holds it: the commit has no config (session 28;
      // an index read, which loads the whole index, only gave the same answer).
      expect(indexReads(r.ran)).toEqual([]);
      // The index's entry is the empty blob, which git commit leaves out (hook-intent-to-add-config-14):
      // the work tree's config is the one that applies, and the bad staged file is blocked by it.
      expect({ code: r.code, rules: r.rules }).toEqual({ code: 1, rules: ["schema/violation data/b.json"] });
    }));
});
