/**
 * A schema the base config maps often keeps its definitions in another file (`$ref:
 * ./defs.json#/$defs/count`). The base run reads that file from the base commit too, but a pull
 * request that changed only it was a change of rules no one was told about: no notice, no line at
 * the top, no run under the pull request's rules, and only the PR's own files checked, so files
 * it did not touch that its new definitions break were merged unreported.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";

const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;
const STATE = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["count"],
  properties: { count: { $ref: "./defs/common.json#/definitions/count" } },
};
const DEFS = { definitions: { count: { type: "integer", minimum: 0 } } };

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function prRun(change: (r: TestRepo) => void, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/state.schema.json", JSON.stringify(STATE, null, 2) + "\n");
  repo.write("schemas/defs/common.json", JSON.stringify(DEFS, null, 2) + "\n");
  repo.write("data/a.json", '{"count": 3}\n');
  repo.write("data/b.json", '{"count": 5}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  change(repo);
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  return runActionBundle({
    repo,
    eventName: "pull_request",
    payload: payloads.pullRequest(21, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "", ...inputs },
  });
}

type Row = { rule: string; level: string; file?: string };
const findings = (r: ActionRun): Row[] => (JSON.parse(r.findingsJson ?? "{}") as { findings: Row[] }).findings;

describe("a pull request that changes a schema file the mapped schema references", () => {
  it("loosening it while breaking a data file: the file fails under the base definitions, and the change is said at the top", async () => {
    const r = await prRun((repo) => {
      repo.write("schemas/defs/common.json", JSON.stringify({ definitions: { count: {} } }) + "\n");
      repo.write("data/a.json", '{"count": -5}\n');
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "schema/violation", level: "error", file: "data/a.json" }));
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "trust/schema-changed", file: "schemas/defs/common.json" }));
    expect(r.summary.split("\n").slice(0, 8).join("\n")).toContain("`schemas/defs/common.json`");
  });

  it("tightening it alone: files the pull request did not touch that its definitions break are reported", async () => {
    const r = await prRun((repo) => {
      repo.write("schemas/defs/common.json", JSON.stringify({ definitions: { count: { type: "integer", maximum: 4 } } }) + "\n");
    });
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "trust/schema-changed", file: "schemas/defs/common.json" }));
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "schema/violation", file: "data/b.json" }));
    expect(r.code, r.stdout + r.stderr).toBe(1);
  });

  it("config-source head, tightening it alone: the whole tree is checked too, so the files it breaks are reported", async () => {
    const r = await prRun(
      (repo) => repo.write("schemas/defs/common.json", JSON.stringify({ definitions: { count: { type: "integer", maximum: 4 } } }) + "\n"),
      { "config-source": "head" },
    );
    expect(r.stdout).toContain("the pull request changes schemas/defs/common.json, which affects other files: checking the whole tree");
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "schema/violation", file: "data/b.json" }));
    expect(r.code, r.stdout + r.stderr).toBe(1);
  });

  it("an unchanged referenced file says nothing", async () => {
    const r = await prRun((repo) => repo.write("data/a.json", '{"count": 4}\n'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r).filter((f) => f.rule.startsWith("trust/"))).toEqual([]);
  });
});
