/**
 * A JSON Schema named for .NET's configuration files is not .NET configuration. SchemaStore's
 * `src/schemas/json/appsettings.json` (the schema of appsettings.json, `$schema` draft-07) has
 * `webOptimizer`, `WebOptimizer` and `weboptimizer` as three pattern names in one object: JSON
 * Schema tools read names case-sensitively, so they are three names, but the .NET reading of an
 * `appsettings*.json` (case-insensitive setting paths) reported two duplicate keys: a false block
 * on the whole repository (session 26). A document whose root `$schema` names a JSON Schema
 * meta-schema is read as a schema; an appsettings.json that names its own schema
 * (json.schemastore.org) is still configuration, and on a pull request a `$schema` line written
 * into an existing appsettings.json does not switch the .NET reading off.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

type Found = { rule: string; level: string; file?: string; line?: number; message: string };

function repoWith(files: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  repo.commitAll("base");
  return repo;
}

/** The built CLI (dist/), so that IG_DIST=/work/base26/dist shows the test failing without the fix. */
function check(repo: TestRepo): { code: number; findings: Found[] } {
  const r = repo.cliBundle(["check", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings?: Found[] }).findings ?? [] };
}

/** The shape of SchemaStore's appsettings.json schema: three spellings of one pattern name. */
function schema(meta: string): string {
  return `${JSON.stringify(
    {
      $schema: meta,
      definitions: { webOptimizer: { type: "object" } },
      type: "object",
      patternProperties: {
        "^WebOptimizer$": { $ref: "#/definitions/webOptimizer" },
        "^webOptimizer$": { $ref: "#/definitions/webOptimizer" },
        "^weboptimizer$": { $ref: "#/definitions/webOptimizer" },
      },
    },
    null,
    2,
  )}\n`;
}

/** An appsettings.json whose `Logging` and `logging` set the same setting: .NET refuses it at startup. */
const CASE_TWICE =
  '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "logging": { "loglevel": { "default": "Warning" } }\n}\n';

const errors = (found: Found[]) => found.filter((f) => f.level === "error").map((f) => `${f.file} ${f.rule}`);

describe("a JSON Schema under an appsettings name", () => {
  it("is read as a schema (names case-sensitive) in every draft; configuration stays .NET's", async () => {
    const repo = repoWith({
      "src/schemas/json/appsettings.json": schema("http://json-schema.org/draft-07/schema#"),
      "schemas/appsettings.schema.json": schema("https://json-schema.org/draft/2020-12/schema"),
      "tools/appsettings.json": schema("http://json-schema.org/draft-04/schema"),
      // Configuration that names its schema is still configuration: the case-twice setting is an error.
      "app/appsettings.json": CASE_TWICE.replace("{\n", '{\n  "$schema": "https://json.schemastore.org/appsettings.json",\n'),
      // And a document that is no schema under a meta-schema `$schema` of another kind stays configuration.
      "web/appsettings.Development.json": CASE_TWICE.replace("{\n", '{\n  "$schema": "https://example.com/draft-07/schema#",\n'),
    });
    const { code, findings } = check(repo);
    expect(code, JSON.stringify(findings)).toBe(1);
    expect(errors(findings).sort()).toEqual([
      "app/appsettings.json parse/duplicate-key",
      "web/appsettings.Development.json parse/duplicate-key",
    ]);
  });

  it("a same-spelling repeated member in the schema is still a duplicate key", async () => {
    const repo = repoWith({
      "src/schemas/json/appsettings.json":
        '{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "type": "object",\n  "type": "array"\n}\n',
    });
    const { code, findings } = check(repo);
    expect(code, JSON.stringify(findings)).toBe(1);
    expect(errors(findings)).toEqual(["src/schemas/json/appsettings.json parse/duplicate-key"]);
  });

  it("on a pull request, a meta-schema `$schema` written into an existing appsettings.json does not excuse a setting given twice", async () => {
    const repo = repoWith({ "app/appsettings.json": '{\n  "Logging": { "LogLevel": { "Default": "Information" } }\n}\n' });
    const r = await runPullRequest(repo, (w) => {
      w.write("app/appsettings.json", CASE_TWICE.replace("{\n", '{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n'));
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = (JSON.parse(r.findingsJson ?? "{}") as { findings: Found[] }).findings;
    expect(errors(found)).toEqual(["app/appsettings.json parse/duplicate-key"]);
    expect(found.find((f) => f.rule === "trust/reading-changed")?.file).toBe("app/appsettings.json");
  });

  it("on a pull request, a schema the base holds as a schema, and a new one, are read as schemas", async () => {
    const repo = repoWith({ "src/schemas/json/appsettings.json": schema("http://json-schema.org/draft-07/schema#") });
    const r = await runPullRequest(repo, (w) => {
      w.write(
        "src/schemas/json/appsettings.json",
        schema("http://json-schema.org/draft-07/schema#").replace('  "type": "object",', '  "description": "edited",\n  "type": "object",'),
      );
      w.write("tools/appsettings.json", schema("https://json-schema.org/draft/2019-09/schema"));
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const found = (JSON.parse(r.findingsJson ?? "{}") as { findings: Found[] }).findings;
    expect(errors(found)).toEqual([]);
  });
});
