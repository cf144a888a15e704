/**
 * A pull request that brings a schema making validation exponential, through a file's own
 * `$schema` (under the pull request's control, docs/action.md): `a0: {allOf: [{$ref: a1}, {$ref:
 * a1}]}` and so on 32 levels deep evaluates the last subschema 2^32 times on one value; with
 * `{items: {$ref: "#"}, contains: {$ref: "#"}}` the work doubles at each level of nesting of the
 * data. A 2 KB schema and a 30-byte file ran the check until the job's timeout, or until the heap
 * ran out (3 GB in two minutes, allErrors keeping every error): no finding, no verdict.
 *
 * The compiled schema code is now metered (src/core/schema/work-budget.ts): past a budget
 * proportional to the document's size, the file gets a schema/unavailable error. The built Action
 * runs under a 240 s kill here, so a regression fails the test instead of hanging it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";
import { SchemaCompiler } from "../../src/core/schema/compile.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

type Found = { rule: string; level: string; file?: string; message: string };

/** The Action on a pull request that adds `files` over a base holding only a README; killed after 240 s. */
async function prAdding(files: Record<string, string>): Promise<ActionRun & { found: Found[] }> {
  const repo: TestRepo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("README.md", "x\n");
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  const r = await runActionBundle({
    repo,
    eventName: "pull_request",
    payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "" },
    timeout: 240_000,
  });
  return { ...r, found: (JSON.parse(r.findingsJson ?? '{"findings":[]}') as { findings: Found[] }).findings };
}

/** `a0` .. `a{depth}`: each level refers to the next twice under `combinator`; the last is `leaf`. */
function doubling(depth: number, combinator: "allOf" | "anyOf", leaf: object): string {
  const definitions: Record<string, object> = {};
  for (let i = 0; i < depth; i++) {
    const next = { $ref: `#/definitions/a${i + 1}` };
    definitions[`a${i}`] = { [combinator]: [next, next] };
  }
  definitions[`a${depth}`] = leaf;
  return JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", definitions, $ref: "#/definitions/a0" });
}

function expectStopped(r: ActionRun & { found: Found[] }, file: string): void {
  expect(r.code, r.stdout + r.stderr).toBe(1);
  expect(r.outputs.status).toBe("failed");
  const f = r.found.find((x) => x.file === file && x.rule === "schema/unavailable");
  expect(f?.level, JSON.stringify(r.found)).toBe("error");
  expect(f?.message).toMatch(/could not be validated against schema .*validation stopped after/);
}

/** A schema whose root object's `v` is validated by `definition` (named `n`, so it can refer to itself). */
function underV(definition: object): string {
  return JSON.stringify({
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: { v: { $ref: "#/definitions/n" } },
    definitions: { n: definition },
  });
}

describe("a pull request's own schema that makes validation exponential", () => {
  it("allOf doubling 32 levels, every path failing (errors pile up): an error finding, no hang, no out-of-memory", async () => {
    const r = await prAdding({
      "schemas/slow.schema.json": doubling(32, "allOf", { type: "string" }),
      "data/x.json": '{"$schema": "../schemas/slow.schema.json", "x": 1}\n',
    });
    expectStopped(r, "data/x.json");
  });

  it("allOf doubling 40 levels, every path passing (CPU only): an error finding, no hang", async () => {
    const r = await prAdding({
      "schemas/slow.schema.json": doubling(40, "allOf", { type: "object" }),
      "data/x.json": '{"$schema": "../schemas/slow.schema.json", "x": 1}\n',
    });
    expectStopped(r, "data/x.json");
  });

  it("items and contains on the same child, data nested 40 deep: an error finding, no hang", async () => {
    const r = await prAdding({
      "schemas/nest.schema.json": underV({ type: "array", items: { $ref: "#/definitions/n" }, contains: { $ref: "#/definitions/n" } }),
      "data/x.json": `{"$schema": "../schemas/nest.schema.json", "v": ${"[".repeat(40)}${"]".repeat(40)}}\n`,
    });
    expectStopped(r, "data/x.json");
  });
});

describe("heavy but not exponential validation passes (no false block)", () => {
  it("a recursive schema over a 100,000-value document, and a oneOf of 200 alternatives on each of 2,000 items", async () => {
    const tree = underV({ anyOf: [{ type: "integer" }, { type: "array", items: { $ref: "#/definitions/n" } }] });
    const alternatives = Array.from({ length: 200 }, (_, i) => ({
      type: "object",
      required: [`k${i}`],
      properties: { [`k${i}`]: { type: "integer" } },
    }));
    const wide = underV({ type: "array", items: { oneOf: alternatives } });
    const big = JSON.stringify(Array.from({ length: 1000 }, (_, i) => Array.from({ length: 99 }, (_, j) => i + j)));
    const items = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ [`k${i % 200}`]: i })));
    const r = await prAdding({
      "schemas/tree.schema.json": tree,
      "schemas/wide.schema.json": wide,
      "data/tree.json": `{"$schema": "../schemas/tree.schema.json", "v": ${big}}\n`,
      "data/items.json": `{"$schema": "../schemas/wide.schema.json", "v": ${items}}\n`,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.found.filter((f) => f.level !== "notice")).toEqual([]);
  });
});

describe("the metered code keeps the schema's meaning", () => {
  it("string values that look like code (`for(x){`, a function header) are left as they are", async () => {
    const tricky = ["for(x){", "function validate1(data, {a}={}){", 'while(1){"', "const err0 = {"];
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "array",
      items: { enum: tricky },
      contains: { const: "for(x){" },
      uniqueItems: true,
    };
    const compiled = await new SchemaCompiler().compile(
      { path: "s.json", uri: "https://example.test/s.json", schema, draft: "draft-07" },
      [],
    );
    if (!compiled.ok) throw new Error(compiled.error);
    expect(compiled.validate(tricky)).toBeNull();
    expect(compiled.validate(["for(x){", "for(x){"])?.map((e) => e.keyword)).toEqual(["uniqueItems"]);
    expect(compiled.validate(["for(x) {"])?.map((e) => e.keyword)).toContain("enum");
  });
});
