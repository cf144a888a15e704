/**
 * A schema with a very large `enum`, brought by a pull request through a file's own `$schema`.
 * ajv checks a schema against its meta-schema before compiling it, unmetered, and draft-04/06/07
 * declare `enum` with `uniqueItems: true` over untyped items: ajv compared every pair of values
 * (20,000 values: 1 s of CPU; 100,000: 21 s; 2,000,000, a 22 MB schema: past a 120 s kill).
 * uniqueItems is now one pass (src/core/schema/unique-items.ts), for meta-schemas and documents
 * alike: the schema's verdict comes, and a document's long array of objects under `uniqueItems`
 * no longer spends the work budget (work-budget.ts) on pairs, which blocked a valid file.
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

/** `n` distinct enum values, strings and objects mixed (objects are what forces a deep comparison). */
function values(n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(i % 2 ? { v: i } : `value-${i}`);
  return out;
}

function enumSchema(e: unknown[]): Record<string, unknown> {
  return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { a: { enum: e } } };
}

describe("a schema with a very large enum", () => {
  it("compiles in one pass over its values: 400,000 distinct values give the enum's verdict; a repeated one is named", async () => {
    const compiler = new SchemaCompiler();
    const e = values(400_000);
    const r = await compiler.compile({ path: "s.json", uri: "file:///s.json", schema: enumSchema(e), draft: "draft-07" }, []);
    expect(r.ok, r.ok ? "" : r.error).toBe(true);
    if (!r.ok) return;
    expect(r.validate({ a: { v: 399_999 } })).toBeNull();
    expect(r.validate({ a: "nope" })?.map((x) => x.keyword)).toEqual(["enum"]);
    // The same value twice (key order aside): the meta-schema's uniqueItems still refuses the schema, naming both.
    const dup = await new SchemaCompiler().compile(
      { path: "d.json", uri: "file:///d.json", schema: enumSchema([...e, { v: 1 }]), draft: "draft-07" },
      [],
    );
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatch(/enum must NOT have duplicate items \(items ## 1 and 400000 are identical\)/);
  }, 120_000);

  it("keeps uniqueItems' verdicts on documents: key order ignored, a string never equal to a number or null", async () => {
    const r = await new SchemaCompiler().compile(
      {
        path: "u.json",
        uri: "file:///u.json",
        schema: { $schema: "http://json-schema.org/draft-07/schema#", uniqueItems: true },
        draft: "draft-07",
      },
      [],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.validate([1, "1", null, "null", true, "true", [1], { a: [1] }, { a: ["1"] }])).toBeNull();
    const errors = r.validate([{ x: 1, y: [2] }, 3, { y: [2], x: 1 }, 4]);
    expect(errors?.map((x) => x.message)).toEqual(["must NOT have duplicate items (items ## 0 and 2 are identical)"]);
  });

  it("on a pull request (built Action): a 300,000-value enum schema of the PR gives its finding, and a 100,000-object array under uniqueItems passes", async () => {
    const objects = Array.from({ length: 100_000 }, (_, i) => ({ id: i }));
    const r = await prAdding({
      "schemas/big.schema.json": JSON.stringify(enumSchema(values(300_000))),
      "data/x.json": '{"$schema": "../schemas/big.schema.json", "a": "nope"}\n',
      "schemas/unique.schema.json": JSON.stringify({
        $schema: "http://json-schema.org/draft-07/schema#",
        properties: { list: { type: "array", uniqueItems: true } },
      }),
      "data/list.json": JSON.stringify({ $schema: "../schemas/unique.schema.json", list: objects }),
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const onX = r.found.filter((f) => f.file === "data/x.json");
    expect(
      onX.map((f) => [f.rule, f.level]),
      JSON.stringify(r.found),
    ).toEqual([["schema/violation", "error"]]);
    expect(onX[0]!.message).toMatch(/is not one of the allowed values/);
    // Before, 5 billion pairs: past the work budget, a schema/unavailable error on a valid file.
    expect(
      r.found.filter((f) => f.file === "data/list.json"),
      JSON.stringify(r.found),
    ).toEqual([]);
  }, 300_000);
});
