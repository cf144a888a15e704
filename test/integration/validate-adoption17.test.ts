/**
 * Session 17's false blocks and adoption leftovers, through `check` with the defaults in a real
 * git repository (and the hook where the reading differs): each file is read as its reader reads
 * it, and what that reader refuses is still an error.
 * - librdkafka's test scenarios (JsonComment: trailing commas) and .NET workload manifests under
 *   other names (the SDK's reader: comments, trailing commas);
 * - OpenTofu/Terraform CLI configuration in JSON (HCL 1: repeated blocks kept, a repeated value
 *   silently overwritten);
 * - `format` against a schema the user did not map: a warning (lead's policy); mapped: an error;
 * - appsettings: a section repeated with the same spelling merges in .NET (JsonDocument keeps
 *   both members), a setting given twice does not;
 * - Compose `- !reset` list items; the conda-build notice; SchemaStore's eslint plugin-rule options.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(
  repo: TestRepo,
  args: string[] = ["check"],
  env: Record<string, string> = {},
): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli([...args, "--format", "json"], env);
  expect([0, 1], r.stderr).toContain(r.code);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}
const brief = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line ?? "-"} ${f.rule} ${f.level}`);
const levelsOf = (fs: Finding[], file: string) => brief(fs.filter((f) => f.file === file));

// librdkafka tests/scenarios/ak23.json (BSD-2-Clause), as fluent-bit vendors it.
const SCENARIO =
  '{\n    "versions": ["2.3.0"],\n    "auto_create_topics": "true",\n    "num_partitions": 4,\n    "replication_factor": 3,\n}\n';
// A workload manifest as dotnet/arcade's test assets hold them (trailing comma after the last pack).
const WORKLOAD = [
  "{",
  '  "version": "6.0.0-preview.7",',
  '  "workloads": { "wasm-tools": { "description": "Wasm", "packs": ["Microsoft.NET.Runtime.WebAssembly.Sdk"] } },',
  '  "packs": {',
  '    "Microsoft.NET.Runtime.WebAssembly.Sdk": { "kind": "Sdk", "version": "6.0.0-preview.7" },',
  "  }",
  "}",
  "",
].join("\n");
// opentofu internal/command/cliconfig/testdata/provider-installation.json (MPL-2.0), reduced.
const CLI_CONFIG = [
  "{",
  '  "provider_installation": {',
  '    "filesystem_mirror": [{ "path": "/tmp/example1", "include": ["example.com/*/*"] }],',
  '    "direct": [{ "exclude": ["example.com/*/*"] }],',
  '    "filesystem_mirror": [{ "path": "/tmp/example2" }]',
  "  }",
  "}",
  "",
].join("\n");

describe("false blocks of the corpus, read as their readers read them", () => {
  it("librdkafka scenarios take a trailing comma (JsonComment); a broken one and another project's scenarios stay strict", () =>
    withRepo(async (repo) => {
      repo.write("lib/librdkafka-2.15.0/tests/scenarios/ak23.json", SCENARIO);
      repo.write("tests/scenarios/default.json", SCENARIO.replace('"versions": ["2.3.0"],\n', ""));
      repo.write("lib/librdkafka-2.15.0/tests/scenarios/broken.json", SCENARIO.replace('"num_partitions": 4,', '"num_partitions": 4'));
      repo.write("app/tests/scenarios/login.json", '{\n  "steps": ["open", "type"],\n}\n');
      repo.commitAll();
      const { findings } = await check(repo);
      const errors = findings.filter((f) => f.level === "error");
      expect(brief(errors)).toEqual([
        "app/tests/scenarios/login.json:2 parse/syntax error",
        "lib/librdkafka-2.15.0/tests/scenarios/broken.json:5 parse/syntax error",
      ]);
    }));

  it("a .NET workload manifest under another name takes comments and trailing commas; other JSON does not", () =>
    withRepo(async (repo) => {
      repo.write("testassets/mauiWorkloadManifest.json", WORKLOAD);
      repo.write("testassets/AbstractWorkloadsNonWindowsPacks.json", WORKLOAD.replace("{\n", "{\n  // abstract\n"));
      repo.write("testassets/other.json", '{\n  "workloads": {},\n}\n');
      repo.commitAll();
      const { findings } = await check(repo);
      expect(brief(findings.filter((f) => f.level === "error"))).toEqual(["testassets/other.json:2 parse/syntax error"]);
    }));

  it("OpenTofu's CLI configuration in JSON: repeated blocks are HCL 1's, a value set twice is still an error", () =>
    withRepo(async (repo) => {
      repo.write("internal/command/cliconfig/testdata/provider-installation.json", CLI_CONFIG);
      repo.write("config/mirror.tfrc.json", CLI_CONFIG);
      repo.write("config/cache.tfrc.json", '{\n  "plugin_cache_dir": "/a",\n  "plugin_cache_dir": "/b"\n}\n');
      repo.write("data/plain.json", CLI_CONFIG.replace("provider_installation", "installation"));
      repo.commitAll();
      const { findings } = await check(repo);
      expect(levelsOf(findings, "internal/command/cliconfig/testdata/provider-installation.json")).toEqual([
        "internal/command/cliconfig/testdata/provider-installation.json:5 parse/duplicate-key notice",
      ]);
      expect(levelsOf(findings, "config/mirror.tfrc.json")).toEqual(["config/mirror.tfrc.json:5 parse/duplicate-key notice"]);
      const cache = findings.filter((f) => f.file === "config/cache.tfrc.json");
      expect(brief(cache)).toEqual(["config/cache.tfrc.json:3 parse/duplicate-key error"]);
      expect(cache[0]!.message).toMatch(/HCL 1.*keeps only the last value/);
      expect(levelsOf(findings, "data/plain.json")).toEqual(["data/plain.json:5 parse/duplicate-key error"]);
    }));
});

const FORMAT_SCHEMA = JSON.stringify({
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: { home: { type: "string", format: "uri" }, count: { type: "integer" } },
});

describe("format: an assertion only against a schema the user mapped", () => {
  it("through the file's own $schema a format failure is a warning saying how to make it an error; a type error stays an error", () =>
    withRepo(async (repo) => {
      repo.write("schemas/site.schema.json", FORMAT_SCHEMA);
      repo.write("data/site.json", '{\n  "$schema": "../schemas/site.schema.json",\n  "home": "#/properties/foo"\n}\n');
      repo.write("data/bad.json", '{\n  "$schema": "../schemas/site.schema.json",\n  "home": "#/x",\n  "count": "one"\n}\n');
      repo.commitAll();
      const { findings } = await check(repo);
      const site = findings.filter((f) => f.file === "data/site.json");
      expect(brief(site)).toEqual(["data/site.json:3 schema/violation warning"]);
      expect(site[0]!.message).toMatch(/format is an annotation/);
      expect(site[0]!.fix).toMatch(/validate\.schemas: \[\{files: \["data\/site\.json"\], schema: "schemas\/site\.schema\.json"\}\]/);
      expect(levelsOf(findings, "data/bad.json")).toEqual([
        "data/bad.json:4 schema/violation error",
        "data/bad.json:3 schema/violation warning",
      ]);
    }));

  it("mapped in validate.schemas, the same failure is an error (CLI, hook and parse workers)", () =>
    withRepo(async (repo) => {
      repo.write("schemas/site.schema.json", FORMAT_SCHEMA);
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/site.schema.json\n',
      );
      repo.write("data/site.json", '{\n  "home": "#/properties/foo"\n}\n');
      repo.commitAll();
      expect(levelsOf((await check(repo)).findings, "data/site.json")).toEqual(["data/site.json:2 schema/violation error"]);
      expect(levelsOf((await check(repo, ["check"], { IG_PARSE_WORKERS: "2" })).findings, "data/site.json")).toEqual([
        "data/site.json:2 schema/violation error",
      ]);
      repo.write("data/site.json", '{\n  "home": "not a uri"\n}\n');
      repo.git("add", "-A");
      expect(levelsOf((await check(repo, ["check", "--staged"])).findings, "data/site.json")).toEqual([
        "data/site.json:2 schema/violation error",
      ]);
    }));
});

describe("appsettings*.json as .NET's configuration reader merges it", () => {
  it("a section written twice with the same spelling merges (a notice); a setting under both is the host's error", () =>
    withRepo(async (repo) => {
      repo.write(
        "src/Web/appsettings.json",
        '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  // added later\n  "Logging": { "Console": { "FormatterName": "json" } },\n}\n',
      );
      repo.write(
        "src/Api/appsettings.json",
        '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "Logging": { "LogLevel": { "Default": "Warning" } }\n}\n',
      );
      repo.commitAll();
      const { findings } = await check(repo);
      expect(levelsOf(findings, "src/Web/appsettings.json")).toEqual(["src/Web/appsettings.json:4 parse/duplicate-key notice"]);
      const api = findings.filter((f) => f.file === "src/Api/appsettings.json");
      expect(brief(api)).toEqual(["src/Api/appsettings.json:3 parse/duplicate-key error"]);
      expect(api[0]).toMatchObject({ column: 30, pointer: "/Logging/LogLevel/Default" });
      expect(api[0]!.message).toContain("is set twice");
    }));
});

describe("issue 20's adoption leftovers", () => {
  it("compose: a `- !reset` list item is dropped before the compose schema sees the list", () =>
    withRepo(async (repo) => {
      repo.write("compose.yaml", 'services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n');
      repo.write(
        "compose.override.yaml",
        "services:\n  web:\n    ports: !reset []\n    volumes:\n      - !reset {target: /data}\n      - ./logs:/logs\n    dns:\n      - !reset\n      - 1.1.1.1\n",
      );
      repo.commitAll();
      const { findings } = await check(repo);
      expect(brief(findings.filter((f) => f.file === "compose.override.yaml" && f.level !== "notice"))).toEqual([]);
    }));

  it("a conda-build recipe skipped for its selectors says so in its notice", () =>
    withRepo(async (repo) => {
      repo.write(
        "recipe/meta.yaml",
        "package:\n  name: demo\n  version: 1.0\nsource:\n  url: https://example.com/demo.tar.gz  # [not win]\n  url: https://example.com/demo.zip  # [win]\n",
      );
      repo.commitAll();
      const { findings } = await check(repo);
      const notice = findings.find((f) => f.rule === "validate/template");
      expect(notice?.message).toMatch(/conda-build recipe file under recipe\/ skipped: .*# \[selector\]/);
      expect(notice?.fix).toMatch(/conda render/);
    }));

  it("eslintrc: a plugin rule's options after the severity follow the rule (a number, several objects, none)", () =>
    withRepo(async (repo) => {
      repo.write(
        ".eslintrc.json",
        JSON.stringify(
          {
            root: true,
            plugins: ["@typescript-eslint"],
            rules: {
              "@typescript-eslint/indent": ["error", 2, { SwitchCase: 1 }],
              "@typescript-eslint/naming-convention": [
                "error",
                { selector: "default", format: ["camelCase"] },
                { selector: "typeLike", format: ["PascalCase"] },
              ],
              "@typescript-eslint/no-explicit-any": ["warn"],
              "@typescript-eslint/no-unused-vars": ["wrong-severity"],
            },
          },
          null,
          2,
        ),
      );
      repo.commitAll();
      const { findings } = await check(repo);
      const schema = findings.filter((f) => f.file === ".eslintrc.json" && f.rule === "schema/violation");
      expect(schema.map((f) => f.pointer)).toEqual(["/rules/@typescript-eslint~1no-unused-vars/0"]);
    }));
});
