/**
 * The files a mapped schema's `$ref`s reach are walked up to a cap (src/action/schema-graph.ts):
 * a pull request that changes one of them changes the rules, so it is said at the top, the checks
 * run under the pull request's rules too, and the whole tree is checked. Past the cap the walk
 * stopped silently, and a definitions file it did not reach was no schema at all for that
 * decision: a pull request tightening it alone was checked on that file only, and the files it
 * broke were merged unreported. Past the cap the safe answer is taken (any file may be one the
 * rules read), and the report says so.
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
/** More referenced files than the walk reads: the definitions file is reached last. */
const MANY = 2100;
const defs: Record<string, unknown> = {};
for (let i = 0; i < MANY; i++) defs[`m${i}`] = { $ref: `./many/${i}.json` };
const STATE = {
  $schema: "http://json-schema.org/draft-07/schema#",
  definitions: defs,
  type: "object",
  required: ["count"],
  properties: { count: { $ref: "./defs/common.json#/definitions/count" } },
};
const DEFS = { definitions: { count: { type: "integer", minimum: 0 } } };
const TIGHTER = JSON.stringify({ definitions: { count: { type: "integer", maximum: 4 } } }) + "\n";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function prRun(change: (r: TestRepo) => void, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/state.schema.json", JSON.stringify(STATE) + "\n");
  for (let i = 0; i < MANY; i++) repo.write(`schemas/many/${i}.json`, "{}\n");
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
    payload: payloads.pullRequest(25, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "", ...inputs },
  });
}

type Row = { rule: string; level: string; file?: string; message: string };
const findings = (r: ActionRun): Row[] => (JSON.parse(r.findingsJson ?? "{}") as { findings: Row[] }).findings;

describe("a pull request that changes a referenced schema file past the walk's cap", () => {
  it("base rules: the files its tightened definitions break are reported, and the cap is said", async () => {
    const r = await prRun((repo) => repo.write("schemas/defs/common.json", TIGHTER));
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "schema/violation", file: "data/b.json" }));
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "trust/schema-graph-capped", file: ".integrity-guard/config.yml" }));
    expect(r.summary).toContain("more than 2000 files");
    expect(r.code, r.stdout + r.stderr).toBe(1);
  }, 600_000);

  it("config-source head: the whole tree is checked, so the files it breaks are reported", async () => {
    const r = await prRun((repo) => repo.write("schemas/defs/common.json", TIGHTER), { "config-source": "head" });
    expect(r.stdout).toContain("checking the whole tree");
    expect(findings(r)).toContainEqual(expect.objectContaining({ rule: "schema/violation", file: "data/b.json" }));
    expect(r.code, r.stdout + r.stderr).toBe(1);
  }, 600_000);
});
