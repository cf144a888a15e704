/**
 * A YAML alias inside its own anchor (`a: &a [1, *a]`) reads as a value that contains itself;
 * validating it against a recursive schema overflows the stack like a `$ref` loop. The file
 * still fails (closed), and the finding now says what it is and where: the alias, not the schema.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: { $ref: "#/definitions/v" },
  definitions: { v: { anyOf: [{ type: "number" }, { type: "array", items: { $ref: "#/definitions/v" } }] } },
};

function repoWith(data: string): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(
    ".integrity-guard/config.yml",
    'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.yaml"]\n      schema: schemas/s.schema.json\n',
  );
  repo.write("schemas/s.schema.json", JSON.stringify(SCHEMA));
  repo.write("data/x.yaml", data);
  repo.commitAll("base");
  return repo;
}

describe("a YAML alias inside its own anchor, validated against a schema", () => {
  for (const workers of ["0", "2"]) {
    it(`is an error at the alias that says so, not a $ref loop of the schema (IG_PARSE_WORKERS=${workers})`, () => {
      const repo = repoWith("ok: [1, 2]\na: &a [1, *a]\n");
      const r = repo.cliBundle(["check", "--format", "json"], { IG_PARSE_WORKERS: workers });
      expect(r.code, r.stderr).toBe(1);
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
      expect(findings).toEqual([
        expect.objectContaining({ rule: "parse/recursive-alias", file: "data/x.yaml", line: 2, column: 11, pointer: "/a/1" }),
      ]);
      expect(findings[0]!.message).toContain("is an alias of a node that contains it");
      expect(findings[0]!.message).not.toContain("$ref");
    }, 60_000);
  }

  it("the same data without the cycle passes, and a value the schema refuses is still its error", () => {
    expect(repoWith("x: &x [1]\na: [*x, *x]\n").cliBundle(["check"]).code).toBe(0);
    const r = repoWith('x: &x ["no"]\na: [*x]\n').cliBundle(["check", "--format", "json"]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Finding[] }).findings.map((f) => f.rule)).toContain("schema/violation");
  }, 60_000);
});
