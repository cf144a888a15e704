/**
 * The pre-commit hook judges a commit under the config it will commit (check.ts stagedConfig).
 * A commit that changes .integrity-guard/config.yml together with a data file must say so: a
 * staged config that switches a check off lets a broken file through, and the output must name
 * what HEAD's config would have reported. It is a warning, not a block: changing the config is
 * allowed (a pull request is still judged under its base branch's config).
 */
import { afterEach, describe, expect, it } from "vitest";
import { CONFIG, hookRepo, SCHEMA_VIOLATION, TRAILING_COMMA, VALID } from "../e2e/hook-fixture.js";
import type { TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function setup(): TestRepo {
  repo = hookRepo({ install: false, localBinary: false });
  return repo;
}

interface Report {
  findings: { rule: string; level: string; file?: string; message: string; fix?: string }[];
}

async function staged(r: TestRepo): Promise<{ code: number; report: Report; stderr: string; text: string }> {
  const run = await r.cli(["check", "--staged", "--format", "json"]);
  const text = await r.cli(["check", "--staged"]);
  return { code: run.code, report: JSON.parse(run.stdout || "{}") as Report, stderr: run.stderr, text: text.stdout + text.stderr };
}

const note = (report: Report) => report.findings.filter((f) => f.rule === "config/staged-change");

describe("a commit that changes the config says so", () => {
  it("names the errors HEAD's config reports that the staged config hides (exclude)", async () => {
    const r = setup();
    r.write(".integrity-guard/config.yml", CONFIG + '  exclude: ["data/**"]\n');
    r.write("data/a.json", TRAILING_COMMA);
    r.git("add", "-A");
    const s = await staged(r);
    expect(s.code, s.stderr).toBe(0); // a config change is allowed: not a block
    const [n, ...more] = note(s.report);
    expect(more).toEqual([]);
    expect(n).toMatchObject({ level: "warning", file: ".integrity-guard/config.yml" });
    expect(n!.message).toContain("data/a.json:3");
    expect(n!.message).toContain("parse/syntax");
    expect(n!.fix).toContain("git restore --staged");
    expect(s.text).toContain("config/staged-change");
  });

  it("names a schema violation a staged config stops checking (mapping dropped)", async () => {
    const r = setup();
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.write("data/a.json", SCHEMA_VIOLATION);
    r.git("add", "-A");
    const s = await staged(r);
    expect(s.code, s.stderr).toBe(0);
    expect(note(s.report)[0]).toMatchObject({ level: "warning" });
    expect(note(s.report)[0]!.message).toContain("schema/violation");
  });

  it("a staged config that hides nothing is a notice", async () => {
    const r = setup();
    r.write(".integrity-guard/config.yml", CONFIG + "# reviewed\n");
    r.write("data/a.json", VALID.replace("1", "2"));
    r.git("add", "-A");
    const s = await staged(r);
    expect(s.code, s.stderr).toBe(0);
    expect(note(s.report)).toMatchObject([{ level: "notice", file: ".integrity-guard/config.yml" }]);
  });

  it("a staged config that tightens still blocks under the staged config, with a notice", async () => {
    const r = setup();
    r.write(".integrity-guard/config.yml", CONFIG + '  require_schema: ["other/**/*.json"]\n');
    r.write("other/x.json", "{}\n");
    r.git("add", "-A");
    const s = await staged(r);
    expect(s.code).toBe(1);
    expect(s.report.findings.map((f) => f.rule)).toContain("schema/missing");
    expect(note(s.report)).toMatchObject([{ level: "notice" }]);
  });

  it("a deleted config: checks fall back to the defaults and the output says what HEAD's config reports", async () => {
    const r = setup();
    r.git("rm", "-q", "--cached", ".integrity-guard/config.yml");
    r.write("data/a.json", SCHEMA_VIOLATION);
    r.git("add", "data/a.json");
    const s = await staged(r);
    const [n] = note(s.report);
    expect(n, JSON.stringify(s.report)).toBeDefined();
    expect(n!.message).toContain("deletes");
  });

  it("says nothing when the commit leaves the config as HEAD has it", async () => {
    const r = setup();
    r.write("data/a.json", VALID.replace("1", "3"));
    r.git("add", "-A");
    const s = await staged(r);
    expect(s.code).toBe(0);
    expect(note(s.report)).toEqual([]);
  });
});
