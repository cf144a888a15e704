/**
 * One schema compiler for the CLI and the library (issue: a draft-06 schema passed
 * `integrity-guard validate` but made writeJson throw "does not compile"). For each draft the
 * CLI reads, `validate` and `writeJson`/`readJson` must agree on the same data, including a
 * `$ref` to a sibling schema file, which the library's old compiler could not resolve.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidDataError } from "../../src/errors.js";
import { readJson, writeJson } from "../../src/lib/safe-json.js";
import { withRepo } from "../helpers/repo.js";

const DRAFTS: [string, string][] = [
  ["draft-04", "http://json-schema.org/draft-04/schema#"],
  ["draft-06", "http://json-schema.org/draft-06/schema#"],
  ["draft-07", "http://json-schema.org/draft-07/schema#"],
  ["2019-09", "https://json-schema.org/draft/2019-09/schema"],
  ["2020-12", "https://json-schema.org/draft/2020-12/schema"],
];

describe.each(DRAFTS)("a %s schema with a $ref to a sibling file", (_name, $schema) => {
  it("validate and writeJson/readJson give the same verdicts", () =>
    withRepo(async (repo) => {
      repo.write("schemas/common.schema.json", JSON.stringify({ $schema, definitions: { port: { type: "integer", maximum: 65535 } } }));
      repo.write(
        "schemas/svc.schema.json",
        JSON.stringify({
          $schema,
          type: "object",
          required: ["port"],
          properties: { port: { $ref: "common.schema.json#/definitions/port" } },
        }),
      );
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["data/*.json"]\n      schema: schemas/svc.schema.json\n',
      );
      repo.write("data/.keep", "");
      const file = path.join(repo.dir, "data/svc.json");

      await writeJson(file, { port: 8080 });
      expect((await repo.cli(["validate", "data/svc.json"])).code).toBe(0);
      expect(await readJson(file)).toEqual({ port: 8080 });

      const refused = await writeJson(file, { port: 70000 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InvalidDataError);
      expect((refused as InvalidDataError).message).toContain("/port");
      repo.write("data/svc.json", '{"port": 70000}\n');
      const cli = await repo.cli(["validate", "data/svc.json"]);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain("/port");
      await expect(readJson(file)).rejects.toBeInstanceOf(InvalidDataError);
    }));
});

it(
  "the compiled-schema cache holds more schemas than any fixed count: a second run of 260 mapped schemas compiles none",
  () =>
    withRepo(async (repo) => {
      const n = 260;
      const mappings: string[] = [];
      for (let i = 0; i < n; i++) {
        repo.write(`schemas/s${i}.schema.json`, JSON.stringify({ type: "object", properties: { [`k${i}`]: { type: "integer" } } }));
        repo.write(`data/d${i}.json`, JSON.stringify({ [`k${i}`]: i }));
        mappings.push(`    - files: ["data/d${i}.json"]\n      schema: schemas/s${i}.schema.json`);
      }
      repo.write(".integrity-guard/config.yml", `version: 1\nvalidate:\n  schemas:\n${mappings.join("\n")}\n`);
      const summary = async () => {
        const r = await repo.cli(["validate", "--format", "json"]);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        return (JSON.parse(r.stdout) as { summary: { schemas: { cached: number; compiled: number } } }).summary.schemas;
      };
      expect(await summary()).toEqual({ cached: 0, compiled: n });
      expect(await summary()).toEqual({ cached: n, compiled: 0 });
    }),
  120_000,
);
