/**
 * A file's own `$schema` names a schema we can compile (draft-07) that `$ref`s another schema of
 * the repository written in a meta-schema we do not know. json-schema-org/json-schema-spec's
 * meta-schema test suite is so: tests/*.json name test-suite.schema.json (draft-07), whose
 * `schema` property `$ref`s ../meta.schema.json, written in `https://json-schema.org/v1`. That is
 * our limitation, not a fault of the file, as when the file's own `$schema` is in that draft: a
 * warning (an error under validate.require_schema). A referenced schema that is broken stays an error.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const SUITE = JSON.stringify({
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: { tests: { type: "array", items: { type: "object", properties: { schema: { $ref: "../meta.schema.json" } } } } },
  required: ["tests"],
});
const META_V1 = JSON.stringify({
  $schema: "https://json-schema.org/v1",
  $id: "https://json-schema.org/v1/2026",
  type: ["object", "boolean"],
});
const TESTS = JSON.stringify({ $schema: "../test-suite.schema.json", tests: [{ schema: { $schema: "https://json-schema.org/v1" } }] });

async function check(repo: { cli(args: string[]): Promise<{ code: number; stdout: string }> }) {
  const r = await repo.cli(["check", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

describe("a $ref'd schema of the repository in a draft integrity-guard cannot compile", () => {
  it("is a warning on the file that names the schema; an error under require_schema", () =>
    withRepo(async (repo) => {
      repo.write("meta/meta.schema.json", META_V1);
      repo.write("meta/test-suite/test-suite.schema.json", SUITE);
      repo.write("meta/test-suite/tests/id.json", TESTS);
      const r = await check(repo);
      expect(r.findings).toMatchObject([{ file: "meta/test-suite/tests/id.json", rule: "schema/unavailable", level: "warning" }]);
      expect(r.findings[0]!.message).toContain("https://json-schema.org/v1");
      expect(r.code).toBe(0);
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  require_schema: ["meta/test-suite/tests/**"]\n');
      const required = await check(repo);
      expect(required.code).toBe(1);
      expect(required.findings).toMatchObject([{ file: "meta/test-suite/tests/id.json", rule: "schema/unavailable", level: "error" }]);
    }));

  it("a $ref'd schema that does not parse is still an error", () =>
    withRepo(async (repo) => {
      repo.write("meta/meta.schema.json", '{"$schema": "https://json-schema.org/v1", ');
      repo.write("meta/test-suite/test-suite.schema.json", SUITE);
      repo.write("meta/test-suite/tests/id.json", TESTS);
      const r = await check(repo);
      expect(r.code).toBe(1);
      expect(r.findings.filter((f) => f.file === "meta/test-suite/tests/id.json")).toMatchObject([
        { rule: "schema/unavailable", level: "error" },
      ]);
    }));
});
