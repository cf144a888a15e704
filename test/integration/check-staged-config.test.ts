/**
 * `check --staged` runs under the config that will be committed: an unstaged edit of
 * .integrity-guard/config.yml can neither switch a check off for the commit nor add one.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const MAPPED = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/item.schema.json\n';
const UNMAPPED = "version: 1\n";
const SCHEMA = JSON.stringify({ type: "object", required: ["id"], properties: { id: { type: "integer" } } });
const BAD = '{"id": "not a number"}\n';

function setup(repo: TestRepo, config: string) {
  repo.write(".integrity-guard/config.yml", config);
  repo.write("schemas/item.schema.json", SCHEMA);
  repo.write("data/a.json", '{"id": 1}\n');
  repo.commitAll("base");
}

async function staged(repo: TestRepo) {
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  const rules = r.stdout ? (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule) : [];
  return { code: r.code, rules, stderr: r.stderr };
}

describe("check --staged uses the config as staged", () => {
  it("an unstaged edit that drops a schema mapping does not let a violation through", () =>
    withRepo(async (repo) => {
      setup(repo, MAPPED);
      repo.write("data/b.json", BAD);
      repo.git("add", "data/b.json");
      repo.write(".integrity-guard/config.yml", UNMAPPED); // not staged
      const r = await staged(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation"]);
      // The work tree's config still governs a plain check (and is left as the user wrote it).
      expect((await repo.cli(["check", "data/b.json"])).code).toBe(0);
      expect(repo.read(".integrity-guard/config.yml")).toBe(UNMAPPED);
    }));

  it("a staged config edit governs the commit it is part of; an unstaged one that adds a mapping does not", () =>
    withRepo(async (repo) => {
      setup(repo, UNMAPPED);
      repo.write("data/b.json", BAD);
      repo.git("add", "data/b.json");
      repo.write(".integrity-guard/config.yml", MAPPED); // not staged: the commit is not checked against it
      expect((await staged(repo)).code).toBe(0);
      repo.git("add", ".integrity-guard/config.yml"); // staged: now it is
      const r = await staged(repo);
      expect(r.code).toBe(1);
      // (and a notice that the commit changes the config: hook-staged-config.test.ts)
      expect([...r.rules].sort()).toEqual(["config/staged-change", "schema/violation"]);
    }));

  it("a config deleted only in the work tree still applies to the commit", () =>
    withRepo(async (repo) => {
      setup(repo, MAPPED);
      repo.write("data/b.json", BAD);
      repo.git("add", "data/b.json");
      fs.rmSync(path.join(repo.dir, ".integrity-guard/config.yml"));
      const r = await staged(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation"]);
    }));

  it("an invalid staged config is exit 2, said to be the staged one, even when the work tree's is valid", () =>
    withRepo(async (repo) => {
      setup(repo, MAPPED);
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidat: {}\n");
      repo.git("add", ".integrity-guard/config.yml");
      repo.write(".integrity-guard/config.yml", MAPPED);
      const r = await repo.cli(["check", "--staged"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/invalid config \.integrity-guard\/config\.yml as staged/);
      expect(r.stderr).toMatch(/config\.yml:2:1/);
    }));

  it("a config git does not track yet (just written by init) is used as it is", () =>
    withRepo(async (repo) => {
      repo.write("schemas/item.schema.json", SCHEMA);
      repo.write("data/a.json", '{"id": 1}\n');
      repo.commitAll("base");
      repo.write(".integrity-guard/config.yml", MAPPED); // untracked
      repo.write("data/b.json", BAD);
      repo.git("add", "data/b.json");
      const r = await staged(repo);
      expect(r.code).toBe(1);
      expect(r.rules).toEqual(["schema/violation"]);
    }));
});
