/**
 * No schema was too big to load: a 22 MB schema (a 2,000,000-value enum, sec21-huge-enum) took
 * 8.2 s of CPU and 1.4 GB, and a pull request can point a new file at such a schema through the
 * file's own `$schema`. `validate.max_schema_size` (default 8 MiB) bounds the bytes of a schema
 * and the local files it `$ref`s, counted before anything is parsed; the built-in schemas are not
 * counted (they are ours). Over it: the file's own `$schema` is a `schema/unavailable` warning
 * naming the setting (an error under validate.require_schema), and a schema the config maps
 * stops the run (exit 2): a file the rules map to a schema never passes unchecked.
 */
import { describe, expect, it } from "vitest";
import { createRepo, withRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";
import type { Finding } from "../../src/core/finding.js";

const MIB = 1024 * 1024;

/** A schema of about `bytes` bytes (unused definitions of 1 KiB: cheap to compile) that requires `a`. */
function bigSchema(bytes: number): string {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < bytes / 1024; i++) definitions[`d${i}`] = { description: "x".repeat(1024) };
  return JSON.stringify({ definitions, type: "object", required: ["a"] });
}

async function check(repo: TestRepo): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  repo.git("add", "-A");
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  const findings = r.stdout ? (JSON.parse(r.stdout) as { findings: Finding[] }).findings : [];
  return { code: r.code, findings, stderr: r.stderr };
}

describe("validate.max_schema_size", () => {
  it("a file's own $schema over the limit: a warning naming the setting, the schema never loaded; the file is still parsed", () =>
    withRepo(async (repo) => {
      repo.write("schemas/big.schema.json", bigSchema(9 * MIB));
      repo.write("data/x.json", '{"$schema": "../schemas/big.schema.json", "b": 1}\n');
      repo.write("data/y.json", '{"$schema": "../schemas/big.schema.json", "b": 1,}\n');
      const r = await check(repo);
      const x = r.findings.filter((f) => f.file === "data/x.json");
      expect(
        x.map((f) => [f.rule, f.level]),
        JSON.stringify(r.findings),
      ).toEqual([["schema/unavailable", "warning"]]);
      expect(x[0]!.message).toMatch(/schemas\/big\.schema\.json .*9\.\d MiB.*over validate\.max_schema_size \(8\.0 MiB\)/);
      expect(x[0]!.fix).toMatch(/validate\.max_schema_size/);
      // A syntax error in a file pointing at it is still an error.
      expect(r.findings.filter((f) => f.file === "data/y.json" && f.level === "error").map((f) => f.rule)).toContain("parse/syntax");
      expect(r.code).toBe(1);
    }));

  it("counts the local files a schema $refs: two 5 MiB halves are over 8 MiB together", () =>
    withRepo(async (repo) => {
      repo.write("schemas/a.json", bigSchema(5 * MIB));
      repo.write("schemas/b.json", bigSchema(5 * MIB));
      repo.write("schemas/root.json", JSON.stringify({ allOf: [{ $ref: "a.json" }, { $ref: "b.json" }] }));
      repo.write("data/x.json", '{"$schema": "../schemas/root.json", "b": 1}\n');
      const r = await check(repo);
      const x = r.findings.filter((f) => f.file === "data/x.json");
      expect(
        x.map((f) => [f.rule, f.level]),
        JSON.stringify(r.findings),
      ).toEqual([["schema/unavailable", "warning"]]);
      expect(x[0]!.message).toMatch(/over validate\.max_schema_size/);
    }));

  it("an error when validate.require_schema lists the file", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  require_schema: ["data/**"]\n');
      repo.write("schemas/big.schema.json", bigSchema(9 * MIB));
      repo.write("data/x.json", '{"$schema": "../schemas/big.schema.json", "a": 1}\n');
      const r = await check(repo);
      const x = r.findings.filter((f) => f.file === "data/x.json");
      expect(x.map((f) => [f.rule, f.level])).toEqual([["schema/unavailable", "error"]]);
      expect(r.code).toBe(1);
    }));

  it("a schema the config maps over the limit stops the run (exit 2), naming the setting", () =>
    withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/big.schema.json\n',
      );
      repo.write("schemas/big.schema.json", bigSchema(9 * MIB));
      repo.write("data/x.json", '{"b": 1}\n');
      const r = await check(repo);
      expect(r.code, r.stderr).toBe(2);
      expect(r.findings.map((f) => [f.rule, f.level])).toEqual([["check/failed", "error"]]);
      expect(r.findings[0]!.message).toMatch(/schemas\/big\.schema\.json is 9\.\d MiB, over validate\.max_schema_size \(8\.0 MiB\)/);
      expect(r.findings[0]!.fix).toMatch(/raise validate\.max_schema_size/);
    }));

  it("a raised limit loads it; a built-in schema is not counted against a low one", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  max_schema_size: 16MiB\n");
      repo.write("schemas/big.schema.json", bigSchema(9 * MIB));
      repo.write("data/x.json", '{"$schema": "../schemas/big.schema.json", "b": 1}\n');
      const r = await check(repo);
      expect(r.findings.filter((f) => f.file === "data/x.json").map((f) => [f.rule, f.level])).toEqual([["schema/violation", "error"]]);

      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  max_schema_size: 1KiB\n");
      repo.git("rm", "-q", "--cached", "data/x.json", "schemas/big.schema.json");
      repo.write(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n");
      const d = await check(repo);
      // dependabot-2.0.json (tens of KiB, built in) still judges the file: schedule is missing.
      expect(d.findings.filter((f) => f.file === ".github/dependabot.yml").map((f) => [f.rule, f.level])).toEqual([
        ["schema/violation", "error"],
      ]);
    }));

  it("on a pull request (built Action) that raises it in its config: the base's limit holds in both runs", async () => {
    const repo = createRepo();
    try {
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("README.md", "x\n");
      repo.commitAll("base");
      const r = await runPullRequest(repo, (x) => {
        x.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  max_schema_size: 64MiB\n");
        x.write("schemas/big.schema.json", bigSchema(9 * MIB));
        x.write("data/x.json", '{"$schema": "../schemas/big.schema.json", "b": 1}\n');
      });
      const found = (JSON.parse(r.findingsJson ?? '{"findings":[]}') as { findings: Finding[] }).findings;
      const x = found.filter((f) => f.file === "data/x.json");
      expect(
        x.map((f) => [f.rule, f.level]),
        r.stdout + r.stderr,
      ).toEqual([["schema/unavailable", "warning"]]);
      expect(x[0]!.message).toContain("over validate.max_schema_size (8.0 MiB)");
      expect(r.code, r.stdout + r.stderr).toBe(0);
    } finally {
      repo.cleanup();
    }
  }, 240_000);
});
