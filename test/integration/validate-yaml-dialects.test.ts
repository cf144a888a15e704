/**
 * The YAML knobs of the config end to end (in-process CLI, real temporary git repositories):
 * merge keys on by default and what the schema sees, validate.yaml.forbid_merge_keys (and the
 * legacy merge_keys still accepted), unknown tags as warnings or errors (unknown_tags),
 * custom_tags, and dialect tags accepted without any config.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const DATABASE = `default: &default
  adapter: postgresql
  pool: 5
development:
  <<: *default
  database: app_development
test:
  <<: *default
  database: app_test
`;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-logs'
      Tags:
        - Key: Name
          Value: !Ref AWS::StackName
`;

const MKDOCS = `site_name: Docs
extra:
  bucket: !Ref Bucket
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
`;

/** Every environment must say its adapter and a string pool size: only true through the merge. */
const SCHEMA = JSON.stringify({
  type: "object",
  additionalProperties: { type: "object", required: ["adapter", "database"], properties: { pool: { type: "string" } } },
  properties: { default: { type: "object" } },
});

function setup(repo: TestRepo, yaml = "") {
  repo.write(".integrity-guard/config.yml", `version: 1\n${yaml ? `validate:\n${yaml}` : ""}`);
  repo.write("config/database.yml", DATABASE);
  repo.write("infra/template.yaml", TEMPLATE);
  repo.write("mkdocs.yml", MKDOCS);
}

async function validate(repo: TestRepo): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli(["validate", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings: Finding[] }).findings };
}

describe("YAML dialects through validate", () => {
  it("defaults: merge keys merge, dialect tags pass, a tag outside its dialect is one warning naming the config line", () =>
    withRepo(async (repo) => {
      setup(repo);
      const { code, findings } = await validate(repo);
      expect(findings.map((f) => [f.rule, f.level, f.file, f.line])).toEqual([["parse/unknown-tag", "warning", "mkdocs.yml", 3]]);
      expect(findings[0]!.message).toContain("AWS CloudFormation");
      expect(findings[0]!.fix).toContain('validate.yaml.custom_tags: [{ files: ["mkdocs.yml"], tags: ["!Ref"] }]');
      expect(code).toBe(0);
    }));

  it("the schema sees the merged values", () =>
    withRepo(async (repo) => {
      setup(repo, `  schemas:\n    - files: ["config/database.yml"]\n      schema: schemas/database.schema.json\n`);
      repo.write("schemas/database.schema.json", SCHEMA);
      const { code, findings } = await validate(repo);
      const violations = findings.filter((f) => f.rule === "schema/violation");
      // pool: 5 comes into development and test through the merge, and is not a string.
      expect(violations.map((f) => f.pointer).sort()).toEqual(["/development/pool", "/test/pool"]);
      expect(code).toBe(1);
    }));

  it("forbid_merge_keys makes << an error; a file also listed in the old merge_keys is exempt", () =>
    withRepo(async (repo) => {
      setup(repo, `  yaml:\n    forbid_merge_keys: ["config/**"]\n`);
      const forbidden = await validate(repo);
      expect(forbidden.findings.filter((f) => f.rule === "parse/merge-key").map((f) => [f.file, f.line, f.level])).toEqual([
        ["config/database.yml", 5, "error"],
        ["config/database.yml", 8, "error"],
      ]);
      expect(forbidden.code).toBe(1);

      setup(repo, `  yaml:\n    forbid_merge_keys: ["config/**"]\n    merge_keys: ["config/database.yml"]\n`);
      const exempt = await validate(repo);
      expect(exempt.findings.filter((f) => f.rule === "parse/merge-key")).toEqual([]);
      expect(exempt.code).toBe(0);
    }));

  it("unknown_tags: error makes the stray tag an error; custom_tags allows it", () =>
    withRepo(async (repo) => {
      setup(repo, `  yaml:\n    unknown_tags: error\n`);
      const strict = await validate(repo);
      expect(strict.findings.map((f) => [f.rule, f.level, f.file])).toEqual([["parse/unknown-tag", "error", "mkdocs.yml"]]);
      expect(strict.code).toBe(1);

      setup(repo, `  yaml:\n    unknown_tags: error\n    custom_tags:\n      - files: ["mkdocs.yml"]\n        tags: ["!Ref"]\n`);
      const allowed = await validate(repo);
      expect(allowed.findings).toEqual([]);
      expect(allowed.code).toBe(0);
    }));

  it("a misspelt config value is a config error (exit 2)", () =>
    withRepo(async (repo) => {
      setup(repo, `  yaml:\n    unknown_tags: fatal\n`);
      const r = await repo.cli(["validate"]);
      expect(r.code).toBe(2);
      expect(r.stderr + r.stdout).toContain("unknown_tags");
    }));
});
