/**
 * Resource attacks a pull request can bring to the Action: a YAML file whose aliases stay under
 * the alias limit but each stand for a large list, a JSON file nested 100,000 deep under a recursive schema, and a thousand new
 * files. The built Action must end with findings (or a clean verdict), never crash or hang.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest, type ActionRun } from "../e2e/action-harness.js";

const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.yaml", "data/*.json"]
      schema: schemas/tree.schema.json
`;
/** Recursive: a node is an integer or a list of nodes. */
const TREE = { $schema: "http://json-schema.org/draft-07/schema#", anyOf: [{ type: "integer" }, { type: "array", items: { $ref: "#" } }] };

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

interface Report {
  findings: { rule: string; level: string; file?: string; message: string }[];
}

async function prRun(change: (r: TestRepo) => void): Promise<ActionRun & { report: Report }> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/tree.schema.json", JSON.stringify(TREE) + "\n");
  repo.write("data/ok.json", "[1, [2]]\n");
  repo.commitAll("base");
  const r = await runPullRequest(repo, change);
  return { ...r, report: JSON.parse(r.findingsJson ?? '{"findings":[]}') as Report };
}

/** No internal error, no stack trace: the step ends with a verdict. */
function endsWithVerdict(r: ActionRun): void {
  expect(r.stdout + r.stderr).not.toMatch(/internal error|RangeError|Maximum call stack|heap out of memory|at .*\.js:\d+:\d+\)/);
  expect(r.outputs.errors, r.stdout + r.stderr).toMatch(/^\d+$/);
}

describe("a pull request cannot exhaust the Action", () => {
  // Kept small: each alias costs a walk of the document before it (the yaml package's
  // Alias.resolve, and ours), so 9,000 aliases of a 10,000-item list took 16 s of CPU (see the
  // report of this round); this checks the fan-out path ends with a verdict.
  it("a YAML alias fan-out (under the alias count) ends with a verdict, the broken item found", async () => {
    const list = Array.from({ length: 2_000 }, (_, i) => `  - ${i}`).join("\n");
    const aliases = Array.from({ length: 1_500 }, () => "- *big").join("\n");
    const r = await prRun((repo) => repo.write("data/fan.yaml", `- &big\n${list}\n- - "x"\n${aliases}\n`));
    endsWithVerdict(r);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ rule: "schema/violation", file: "data/fan.yaml" }));
  }, 120_000);

  it.each([
    ["JSON", "data/deep.json", (n: number) => "[".repeat(n) + "1" + "]".repeat(n) + "\n"],
    ["YAML (flow)", "data/deep.yaml", (n: number) => "[".repeat(n) + "1" + "]".repeat(n) + "\n"],
  ])(
    "%s nested 100,000 deep under a recursive schema ends with a verdict",
    async (_what, file, text) => {
      const r = await prRun((repo) => repo.write(file, text(100_000)));
      endsWithVerdict(r);
    },
    120_000,
  );

  it("a thousand new files, one of them broken, are all checked and the broken one is reported", async () => {
    const r = await prRun((repo) => {
      for (let i = 0; i < 1000; i++) repo.write(`data/f${i}.json`, `[${i}]\n`);
      repo.write("data/f500.json", '["x"]\n');
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ rule: "schema/violation", file: "data/f500.json" }));
    endsWithVerdict(r);
  }, 120_000);
});
