/**
 * A pull request's own schemas and `$schema` keys against the base branch's mapped schema. All
 * schemas of a run share one ajv instance per draft, where a schema is known by its `$id`: a PR
 * schema (reached through a data file's own `$schema`) that claims the `$id` of the base
 * branch's schema, of a file that schema `$ref`s, or of a vendored SchemaStore URL must not
 * stand in for it. And a data file's own `$schema` adds a schema, it never replaces the mapped
 * one. Each PR also breaks the base schema (count: -7); the built Action must not pass it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest, type ActionRun } from "../e2e/action-harness.js";

const STATE = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["count"],
  properties: { count: { $ref: "defs.schema.json#/definitions/count" } },
};
const DEFS = { $schema: "http://json-schema.org/draft-07/schema#", definitions: { count: { type: "integer", minimum: 0 } } };
const BASE_CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;
/** A permissive schema in the PR's hands. */
const open = (extra: Record<string, unknown>) => JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", ...extra });

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

interface Report {
  findings: { rule: string; level: string; file?: string; message: string }[];
}

async function prRun(change: (r: TestRepo) => void, brokenState = '{"count": -7}\n'): Promise<ActionRun & { report: Report }> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", BASE_CONFIG);
  repo.write("schemas/state.schema.json", JSON.stringify(STATE, null, 2) + "\n");
  repo.write("schemas/defs.schema.json", JSON.stringify(DEFS, null, 2) + "\n");
  repo.write("data/state.json", '{"count": 1}\n');
  repo.commitAll("base");
  const r = await runPullRequest(
    repo,
    (pr) => {
      change(pr);
      pr.write("data/state.json", brokenState);
    },
    { scope: "whole-tree" },
  );
  return { ...r, report: JSON.parse(r.findingsJson ?? '{"findings":[]}') as Report };
}

/** Files that point at the PR's schema through `$schema`, named to sort before and after data/. */
function referrers(r: TestRepo, schema: string): void {
  for (const dir of ["a", "zz"]) r.write(`${dir}/x.json`, JSON.stringify({ $schema: `../${schema}`, n: 1 }) + "\n");
}

const violation = expect.objectContaining({ rule: "schema/violation", level: "error", file: "data/state.json" });

describe("a pull request's schemas cannot take the place of the base branch's", () => {
  it.each<[string, (r: TestRepo) => void]>([
    [
      "the base schema's own URI",
      (r) => {
        r.write("evil/same.json", open({ $id: "file:///schemas/state.schema.json" }));
        referrers(r, "evil/same.json");
      },
    ],
    [
      "the URI of the file the base schema $refs (with a permissive count)",
      (r) => {
        r.write("evil/defs.json", open({ $id: "file:///schemas/defs.schema.json", definitions: { count: {} } }));
        referrers(r, "evil/defs.json");
      },
    ],
    [
      "that URI on a nested subschema",
      (r) => {
        r.write("evil/nested.json", open({ definitions: { d: { $id: "file:///schemas/defs.schema.json", definitions: { count: {} } } } }));
        referrers(r, "evil/nested.json");
      },
    ],
  ])(
    "a PR schema claiming %s: the step still fails",
    async (_what, change) => {
      const r = await prRun(change);
      expect(r.code, r.stdout + r.stderr).not.toBe(0);
      // Either the violation is reported, or the run says why it could not run (never a pass).
      if (r.code === 1) expect(r.report.findings).toContainEqual(violation);
      else expect(r.stdout + r.stderr).toMatch(/\$id|already exists|more than one schema/);
    },
    60_000,
  );

  it.each<[string, string]>([
    ["a permissive local schema of the PR", '{"$schema": "./open.json", "count": -7}\n'],
    ["an inline-empty schema file beside it, by ./", '{"$schema": "./empty.json", "count": -7}\n'],
    ["a vendored SchemaStore URL", '{"$schema": "https://json.schemastore.org/package.json", "count": -7}\n'],
    ["a URL that is never fetched", '{"$schema": "https://evil.example/open.json", "count": -7}\n'],
  ])(
    "a data file whose own $schema names %s is still checked against the mapped schema",
    async (_what, state) => {
      const r = await prRun((repo) => {
        repo.write("data/open.json", open({}));
        repo.write("data/empty.json", "{}\n");
      }, state);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.report.findings).toContainEqual(violation);
    },
    60_000,
  );

  it("a PR schema with the $id of the vendored github-workflow schema does not replace it for a workflow file", async () => {
    const r = await prRun((repo) => {
      repo.write("evil/wf.json", open({ $id: "https://json.schemastore.org/github-workflow.json" }));
      referrers(repo, "evil/wf.json");
      repo.write(".github/workflows/ci.yml", "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");
    });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    const onWorkflow = r.report.findings.filter((f) => f.file === ".github/workflows/ci.yml");
    expect(onWorkflow.map((f) => f.rule)).toContain("schema/violation");
  }, 60_000);
});
