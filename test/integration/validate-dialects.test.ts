/**
 * Dialects known by their reader's rule, through `check`, `check --staged` (the hook) and the
 * parse workers: HCL's JSON syntax keeps repeated block names (a `.tf.json` with two "resource"
 * members does not block; an argument set twice and a broken file still do), and API Extractor's
 * own config files (`api-extractor-*.json` with its settings) are read as JsonFile reads them.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const MODES: [string[], Record<string, string>][] = [
  [["check"], {}],
  [["check", "--staged"], {}],
  [["check"], { IG_PARSE_WORKERS: "2" }],
];

async function runAll(repo: TestRepo): Promise<{ mode: string; code: number; findings: Finding[] }[]> {
  repo.git("add", "-A");
  const out = [];
  for (const [args, env] of MODES) {
    const r = await repo.cli([...args, "--format", "json"], env);
    out.push({
      mode: `${args.join(" ")} ${JSON.stringify(env)}`,
      code: r.code,
      findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings,
    });
  }
  return out;
}

const TF = [
  "{",
  '  "resource": { "aws_s3_bucket": { "logs": { "bucket": "logs" } } },',
  '  "variable": { "region": { "default": "eu-west-1" } },',
  '  "resource": { "aws_s3_bucket": { "data": { "bucket": "data" } } }',
  "}",
  "",
].join("\n");

describe("HCL JSON", () => {
  it("repeated block types in .tf.json and .pkr.json: a notice, exit 0", () =>
    withRepo(async (repo) => {
      repo.write("infra/main.tf.json", TF);
      repo.write("packer/build.pkr.json", TF.replaceAll("resource", "source"));
      for (const r of await runAll(repo)) {
        expect(r.code, r.mode).toBe(0);
        expect(
          r.findings.map((f) => [f.file, f.rule, f.level, f.line]),
          r.mode,
        ).toEqual([
          ["infra/main.tf.json", "parse/duplicate-key", "notice", 4],
          ["packer/build.pkr.json", "parse/duplicate-key", "notice", 4],
        ]);
      }
    }));

  it("an argument set twice, a cut file, and a repeated variable still block", () =>
    withRepo(async (repo) => {
      repo.write("twice.tf.json", TF.replace('"bucket": "data"', '"bucket": "data", "bucket": "other"'));
      repo.write("cut.tf.json", TF.slice(0, 90));
      repo.write("terraform.tfvars.json", '{\n  "region": "a",\n  "region": "b"\n}\n');
      for (const r of await runAll(repo)) {
        expect(r.code, r.mode).toBe(1);
        const errors = r.findings.filter((f) => f.level === "error").map((f) => [f.file, f.rule, f.line]);
        expect(errors, r.mode).toEqual([
          ["cut.tf.json", "parse/truncated", 3],
          ["terraform.tfvars.json", "parse/duplicate-key", 3],
          ["twice.tf.json", "parse/duplicate-key", 4],
        ]);
      }
    }));
});

describe("API Extractor configs", () => {
  // Shape of microsoft/rushstack's apps/api-extractor/src/schemas/api-extractor-defaults.json (MIT).
  const DEFAULTS =
    '{\n  "projectFolder": "<lookup>",\n  // ("mainEntryPointFilePath" is required)\n  "bundledPackages": [],\n  "apiReport": {\n    "reportFileName": "<unscopedPackageName>.api.md",\n  },\n}\n';
  it("api-extractor-*.json with API Extractor's settings: read with comments and trailing commas; a missing comma still blocks", () =>
    withRepo(async (repo) => {
      repo.write("src/schemas/api-extractor-defaults.json", DEFAULTS);
      repo.write("config/api-extractor-overrides.json", DEFAULTS.replace('"bundledPackages": [],', '"bundledPackages": []'));
      for (const r of await runAll(repo)) {
        expect(r.code, r.mode).toBe(1);
        expect(
          r.findings.map((f) => [f.file, f.rule, f.level, f.line]),
          r.mode,
        ).toEqual([["config/api-extractor-overrides.json", "parse/syntax", "error", 5]]);
      }
    }));
});
