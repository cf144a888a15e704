/**
 * `integrity-guard validate` end to end in real temporary git repositories (in-process CLI):
 * exit codes 0/1/2, output formats, schema mapping and caching, and bad input of every kind.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { at } from "../helpers/position.js";
import { withRepo, type TestRepo } from "../helpers/repo.js";

/** A schema with a stray comma where a member should start (line 3). */
const BROKEN_SCHEMA = '{\n  "type": "object",\n  "properties": {,\n}';

const SCHEMA = JSON.stringify(
  {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    required: ["id"],
    additionalProperties: false,
    properties: { id: { type: "integer" }, when: { type: "string", format: "date-time" }, common: { $ref: "common.schema.json" } },
  },
  null,
  2,
);
const COMMON = JSON.stringify({ type: "object", properties: { name: { type: "string" } } });

function setup(repo: TestRepo, config = "") {
  repo.write(
    ".integrity-guard/config.yml",
    `version: 1\nvalidate:\n  schemas:\n    - files: ["data/**/*.json", "data/**/*.yaml"]\n      schema: schemas/item.schema.json\n${config}`,
  );
  repo.write("schemas/item.schema.json", SCHEMA);
  repo.write("schemas/common.schema.json", COMMON);
}

interface Report {
  version: number;
  findings: {
    rule: string;
    level: string;
    file?: string;
    line?: number;
    column?: number;
    message: string;
    pointer?: string;
    fix?: string;
  }[];
  summary: Record<string, unknown> & { errors: number; checked: number; schemas: { cached: number; compiled: number } };
}

async function json(repo: TestRepo, args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await repo.cli([...args, "--format", "json"]);
  return { code: r.code, report: JSON.parse(r.stdout || "{}") as Report, stderr: r.stderr };
}

describe("validate: exit codes and formats", () => {
  it("exit 0 on a clean tree, 1 with file:line:column on a violation, json contract shape", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/a.json", '{ "id": 1, "when": "2024-05-01T12:00:00Z" }\n');
      const clean = await repo.cli(["validate"]);
      expect(clean.code).toBe(0);
      expect(clean.stdout).toMatch(/no findings \(\d+ files checked\)/);

      repo.write("data/b.json", '{\n  "id": "seven",\n  "when": "soon",\n  "common": { "name": 5 }\n}\n');
      const bad = await repo.cli(["validate"]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain("data/b.json:2:9");
      expect(bad.stdout).toMatch(/3 errors, 0 warnings in 1 file/);

      const { code, report } = await json(repo, ["validate"]);
      expect(code).toBe(1);
      expect(Object.keys(report)).toEqual(["version", "findings", "summary"]);
      expect(report.version).toBe(1);
      expect(report.findings.map((f) => [f.rule, f.level, f.file, f.line, f.column, f.pointer])).toEqual([
        ["schema/violation", "error", "data/b.json", 2, 9, "/id"],
        ["schema/violation", "error", "data/b.json", 3, 11, "/when"],
        ["schema/violation", "error", "data/b.json", 4, 23, "/common/name"],
      ]);
      for (const f of report.findings) expect(typeof f.message).toBe("string");
      expect(report.summary).toMatchObject({ errors: 3, warnings: 0, files: 1, checked: 5 });
    }));

  it("sarif and github formats carry the same findings", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/b.json", '{\n  "id": "x"\n}\n');
      const sarif = await repo.cli(["validate", "--format", "sarif"]);
      expect(sarif.code).toBe(1);
      const log = JSON.parse(sarif.stdout) as {
        version: string;
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
          }[];
        }[];
      };
      expect(log.version).toBe("2.1.0");
      const [result] = log.runs[0]!.results;
      expect(result!.ruleId).toBe("schema/violation");
      expect(result!.locations[0]!.physicalLocation).toMatchObject({
        artifactLocation: { uri: "data/b.json" },
        region: { startLine: 2, startColumn: 9 },
      });
      const gh = await repo.cli(["validate", "--format", "github"]);
      expect(gh.code).toBe(1);
      expect(gh.stdout).toMatch(/^::error file=data\/b\.json,line=2,col=9/m);
    }));

  it("named files only; unknown extensions are skipped with a notice; hostile paths are exit 2", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/ok.json", '{"id": 1}');
      repo.write("data/bad.json", '{"id": true}');
      repo.write("notes.txt", "hello");
      expect((await repo.cli(["validate", "data/ok.json"])).code).toBe(0);
      expect((await repo.cli(["validate", path.join(repo.dir, "data/bad.json")])).code).toBe(1); // absolute inside: lint-staged style
      const { report } = await json(repo, ["validate", "data/ok.json", "notes.txt"]);
      expect(report.findings).toMatchObject([{ rule: "validate/skipped", level: "notice", file: "notes.txt" }]);
      // Named alone, it selects nothing validate checks: exit 2, never a green run.
      const alone = await repo.cli(["validate", "notes.txt"]);
      expect(alone.code).toBe(2);
      expect(alone.stderr).toContain('"notes.txt" selects no JSON/YAML file that validate checks');
      for (const hostile of ["../outside.json", "/etc/passwd", "data/../../x.json"]) {
        const r = await repo.cli(["validate", hostile]);
        expect(r.code, hostile).toBe(2);
        expect(r.stderr).toMatch(/outside the repository|contains "\.\."|absolute/);
      }
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), "ig-out-"));
      fs.writeFileSync(path.join(outside, "secret.json"), "{}");
      fs.symlinkSync(outside, path.join(repo.dir, "linkdir"));
      const viaLink = await repo.cli(["validate", "linkdir/secret.json"]);
      expect(viaLink.code).toBe(2);
      expect(viaLink.stderr).toContain("symlink");
      fs.rmSync(outside, { recursive: true, force: true });
      const missing = await repo.cli(["validate", "data/nope.json"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("data/nope.json does not exist");
    }));

  it("a folder argument (trailing /) validates everything below it", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/x/a.json", '{"id": "no"}');
      repo.write("other/b.json", "{bad");
      const { code, report } = await json(repo, ["validate", "data/"]);
      expect(code).toBe(1);
      expect(report.findings.map((f) => f.file)).toEqual(["data/x/a.json"]);
    }));
});

describe("validate: schemas", () => {
  it("require_schema without a schema is schema/missing; a local $schema maps the file", () =>
    withRepo(async (repo) => {
      setup(repo, '  require_schema: ["state/**"]\n');
      repo.write("state/none.json", '{"a": 1}');
      repo.write("state/remote.json", '{"$schema": "https://example.com/s.json"}');
      repo.write("state/own.json", '{"$schema": "../schemas/item.schema.json", "id": "x"}');
      const { code, report } = await json(repo, ["validate"]);
      expect(code).toBe(1);
      const byFile = Object.fromEntries(report.findings.map((f) => [f.file, f]));
      expect(byFile["state/none.json"]).toMatchObject({
        rule: "schema/missing",
        level: "error",
        line: 1,
        column: 1,
        fix: "add a mapping in validate.schemas or a $schema key",
      });
      expect(byFile["state/remote.json"]!.message).toContain("never fetched");
      // Validated against its own $schema: "$schema" itself is an unknown key there, and id is not an integer.
      expect(
        report.findings
          .filter((f) => f.file === "state/own.json")
          .map((f) => f.pointer)
          .sort(),
      ).toEqual(["/$schema", "/id"]);
    }));

  it("a file whose own $schema is missing (warning) or broken (error) gets a finding at its $schema key; other files are still validated", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("own/a.json", '{\n  "$schema": "./nope.schema.json",\n  "x": 1\n}\n');
      repo.write("own/b.json", '{"$schema": "broken.schema.json"}');
      repo.write("own/broken.schema.json", '{"type": 5}');
      repo.write("data/c.json", '{"id": "x"}');
      const { code, report } = await json(repo, ["validate"]);
      expect(code).toBe(1);
      expect(report.findings.map((f) => [f.file, f.rule, f.level, f.line, f.column])).toEqual([
        // Files with errors first, then files with only warnings.
        ["data/c.json", "schema/violation", "error", 1, 8],
        ["own/b.json", "schema/unavailable", "error", 1, 2],
        ["own/a.json", "schema/unavailable", "warning", 2, 3],
      ]);
      expect(report.findings[2]!.message).toContain("$schema names own/nope.schema.json, which does not exist");
      expect(report.findings[1]!.message).toContain("does not compile");
    }));

  it("YAML schemas, YAML data, and $ref to a sibling schema file", () =>
    withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nvalidate:\n  schemas:\n    - files: [conf/*.yaml]\n      schema: schemas/conf.schema.yaml\n",
      );
      repo.write(
        "schemas/conf.schema.yaml",
        "$schema: http://json-schema.org/draft-07/schema#\ntype: object\nproperties:\n  db:\n    $ref: ./parts/db.schema.yml\n",
      );
      repo.write("schemas/parts/db.schema.yml", "type: object\nrequired: [port]\nproperties:\n  port: { type: integer, maximum: 65535 }\n");
      repo.write("conf/app.yaml", "db:\n  port: 70000\n");
      const { code, report } = await json(repo, ["validate", "conf/app.yaml"]);
      expect(code).toBe(1);
      expect(report.findings).toMatchObject([
        { pointer: "/db/port", line: 2, column: 9, message: expect.stringContaining("must be <= 65535") },
      ]);
    }));

  it("a remote $ref in a mapped schema is refused (no network) with where it is and the local $ref that replaces it", () =>
    withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nvalidate:\n  schemas:\n    - files: [data/*.json]\n      schema: schemas/item.schema.json\n",
      );
      repo.write(
        "schemas/item.schema.json",
        '{\n  "type": "object",\n  "properties": {\n    "x": { "$ref": "https://example.com/x.json" }\n  }\n}\n',
      );
      repo.write("data/a.json", '{ "x": 1 }\n');
      const r = await repo.cli(["validate", "data/a.json"]);
      expect(r.code).toBe(2);
      const out = r.stdout + r.stderr;
      expect(out).toContain("schemas/item.schema.json:4:20"); // the URL, in the schema that holds it
      expect(out).toContain('$ref "https://example.com/x.json" is remote, and schemas are never fetched (no network)');
      expect(out).toContain('save that schema as schemas/x.json and write "$ref": "./x.json" in schemas/item.schema.json');
      // The fix works: the same schema, saved locally and referenced by relative path.
      repo.write("schemas/x.json", '{ "type": "string" }\n');
      repo.write("schemas/item.schema.json", '{\n  "type": "object",\n  "properties": {\n    "x": { "$ref": "./x.json" }\n  }\n}\n');
      const fixed = await repo.cli(["validate", "data/a.json", "--format", "json"]);
      expect(fixed.code, fixed.stderr).toBe(1);
      expect(fixed.stdout).toContain(`"expected": "string"`);
    }));

  it("compiled validators are cached under .git/integrity-guard keyed by content; a corrupt cache entry is ignored", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/a.json", '{"id": "x"}');
      const first = await json(repo, ["validate"]);
      expect(first.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      const second = await json(repo, ["validate"]);
      expect(second.report.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      expect(second.report.findings).toEqual(first.report.findings);
      // Editing a referenced schema invalidates the entry.
      repo.write("schemas/common.schema.json", JSON.stringify({ type: "object", properties: { name: { type: "integer" } } }));
      expect((await json(repo, ["validate"])).report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      // Tamper with every cache entry: never trusted, recompiled, same result.
      const dir = path.join(repo.dir, ".git/integrity-guard/schema-cache");
      // (Entries only: V8's code cache of an entry, `<key>.<build>.v8`, is beside it.)
      const entries = () => fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
      for (const f of entries()) {
        const entry = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { code: string };
        entry.code = entry.code.replace("return errors === 0", "return true");
        fs.writeFileSync(path.join(dir, f), JSON.stringify(entry));
      }
      const after = await json(repo, ["validate"]);
      expect(after.code).toBe(1);
      expect(after.report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      fs.writeFileSync(path.join(dir, entries()[0]!), "{ truncated");
      expect((await json(repo, ["validate"])).code).toBe(1);
      expect((await json(repo, ["validate", "--no-cache"])).report.summary.schemas).toEqual({ cached: 0, compiled: 1 });
    }));

  it.each([
    [
      "does not exist",
      (repo: TestRepo) => fs.rmSync(path.join(repo.dir, "schemas/item.schema.json")),
      /schema schemas\/item\.schema\.json does not exist/,
    ],
    [
      "does not parse",
      (repo: TestRepo) => repo.write("schemas/item.schema.json", BROKEN_SCHEMA),
      new RegExp("does not parse: " + at("schemas/item.schema.json", BROKEN_SCHEMA, ",\n}").source),
    ],
    [
      "does not compile",
      (repo: TestRepo) => repo.write("schemas/item.schema.json", '{"type": "objekt"}'),
      /does not compile: schema is invalid/,
    ],
    [
      "has a $ref to a missing file",
      (repo: TestRepo) => fs.rmSync(path.join(repo.dir, "schemas/common.schema.json")),
      /\$ref "common\.schema\.json" in schema schemas\/item\.schema\.json names schemas\/common\.schema\.json, which does not exist/,
    ],
    [
      "names an unknown draft",
      (repo: TestRepo) => repo.write("schemas/item.schema.json", '{"$schema": "http://json-schema.org/draft-03/schema#"}'),
      /declares \$schema http:\/\/json-schema\.org\/draft-03\/schema#, which is not a JSON Schema draft/,
    ],
    [
      "is a remote $ref",
      (repo: TestRepo) => repo.write("schemas/item.schema.json", '{"$ref": "https://example.com/x.json"}'),
      /schemas\/item\.schema\.json:1:\d+: \$ref "https:\/\/example\.com\/x\.json" is remote, and schemas are never fetched \(no network\)/,
    ],
  ])("a schema that %s stops the run with exit 2 and a clear message", (_name, breakIt, message) =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/a.json", '{"id": 1}');
      breakIt(repo);
      const r = await repo.cli(["validate"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // no stack trace
    }),
  );

  it("a broken config is exit 2 with line:column", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  schemas:\n    - files: [a]\n      shema: x.json\n");
      const r = await repo.cli(["validate"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(".integrity-guard/config.yml:5:7");
      expect(r.stderr).toContain('did you mean "schema"');
      const unclosed = "version: 1\nvalidate: [unclosed\n";
      repo.write(".integrity-guard/config.yml", unclosed);
      const r2 = await repo.cli(["validate"]);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(at(".integrity-guard/config.yml", unclosed)); // the end of the file, where the "]" is missing
    }));
});

describe("validate: bad input is a finding, never a crash", () => {
  it("binary .json, NUL bytes, invalid UTF-8, an empty YAML file under a schema, a directory named x.json, symlinks not followed", () =>
    withRepo(async (repo) => {
      setup(repo);
      repo.write("data/bin.json", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
      repo.write("data/latin1.json", Buffer.from('{"id": 1, "n": "caf\xe9"}', "latin1"));
      repo.write("data/empty.yaml", "");
      fs.mkdirSync(path.join(repo.dir, "dir.json"));
      repo.write("dir.json/inner.txt", "x");
      fs.symlinkSync("/etc/hostname", path.join(repo.dir, "data/link.json"));
      repo.write("data/target.json", '{"id": 1}');
      fs.symlinkSync("target.json", path.join(repo.dir, "data/inside.json"));
      const { code, report } = await json(repo, ["validate"]);
      expect(code).toBe(1);
      const rules = Object.fromEntries(report.findings.map((f) => [f.file, f.rule]));
      expect(rules).toMatchObject({
        "data/bin.json": "parse/encoding",
        "data/latin1.json": "parse/encoding",
      });
      // The empty file's error comes before its parse/empty warning (errors first within a file).
      expect(report.findings.find((f) => f.file === "data/empty.yaml")?.rule).toBe("schema/violation");
      // Out of the repository: a finding naming the link (issue 14); inside it: skipped, not followed.
      expect(rules["data/link.json"]).toBe("path/symlink-outside");
      expect(rules["data/inside.json"]).toBeUndefined();
      // A folder named like a data file is a folder, as for every linter: it holds nothing to check.
      const dir = await repo.cli(["validate", "dir.json"]);
      expect(dir.code).toBe(2);
      expect(dir.stderr).toContain('"dir.json" selects no JSON/YAML file that validate checks (folder dir.json');
    }));

  it.skipIf(process.getuid?.() === 0)(
    "a file without read permission is parse/unreadable (skipped as root: root reads mode-000 files)",
    () =>
      withRepo(async (repo) => {
        setup(repo);
        const p = repo.write("data/locked.json", '{"id": 1}');
        fs.chmodSync(p, 0);
        const { code, report } = await json(repo, ["validate"]);
        expect(code).toBe(1);
        expect(report.findings).toMatchObject([{ rule: "parse/unreadable", file: "data/locked.json" }]);
      }),
  );

  it("a 50 MB JSON file is validated (and an error at its end is found)", () =>
    withRepo(async (repo) => {
      setup(repo, "  require_schema: []\n");
      const items = Array.from({ length: 630_000 }, (_, i) => `{"n":${i},"s":"${"x".repeat(60)}"}`);
      const big = `{"id": 1, "items": [\n${items.join(",\n")}\n], "tail": true}`;
      expect(big.length).toBeGreaterThan(50_000_000);
      repo.write("big.json", big);
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nvalidate:\n  schemas:\n    - files: [big.json]\n      schema: schemas/big.schema.json\n",
      );
      repo.write("schemas/big.schema.json", JSON.stringify({ type: "object", properties: { tail: { type: "string" } } }));
      const { code, report } = await json(repo, ["validate", "big.json"]);
      expect(code).toBe(1);
      expect(report.findings).toMatchObject([{ pointer: "/tail", line: 630_002, column: 12 }]);
    }));
});
