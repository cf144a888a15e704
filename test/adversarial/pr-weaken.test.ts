/**
 * More ways a pull request could try to switch off the base branch's checks, each with a data
 * file that breaks the base branch's schema (pr-config.test.ts covers `exclude: ["**"]`, a
 * dropped manifest, a loosened schema and an invalid config). Run on the built Action under a
 * pull_request event: the step must fail with the schema violation every time.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["count"],
  properties: { count: { type: "integer", minimum: 0 } },
};
const BASE_CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function prRun(change: (r: TestRepo) => void) {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", BASE_CONFIG);
  repo.write("schemas/state.schema.json", JSON.stringify(SCHEMA, null, 2) + "\n");
  repo.write("data/state.json", '{"count": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  change(repo);
  repo.write("data/state.json", '{"count": -7}\n'); // breaks the base branch's schema
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  return runActionBundle({
    repo,
    eventName: "pull_request",
    payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "" },
  });
}

const ATTACKS: [string, (r: TestRepo) => void][] = [
  ["deletes the config file", (r) => fs.rmSync(path.join(r.dir, ".integrity-guard/config.yml"))],
  [
    "adds a permissive .integrity-guard/config.yml in the data folder",
    (r) => r.write("data/.integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["**"]\n'),
  ],
  [
    "turns the catalog off, names its own catalog and drops the mapping",
    (r) => {
      r.write("catalog.json", JSON.stringify({ version: 1, schemas: [] }));
      r.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  well_known: false\n  catalog: catalog.json\n  schemas: []\n");
    },
  ],
  ["makes the config fail to parse", (r) => r.write(".integrity-guard/config.yml", "version: 1\nvalidate: [\n")],
  [
    "marks the data files binary, -diff and linguist-generated in .gitattributes",
    (r) => r.write(".gitattributes", "data/** binary -diff linguist-generated=true\n*.json -text\n"),
  ],
  ["adds an ignore file beside the config", (r) => r.write(".integrity-guard/ignore", "data/**\n")],
];

describe("a pull request cannot switch off the base branch's schema check", () => {
  it.each(ATTACKS)(
    "a PR that %s still fails on the schema violation",
    async (_what, change) => {
      const r = await prRun(change);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const report = JSON.parse(r.findingsJson ?? "{}") as { findings: { rule: string; level: string; file?: string }[] };
      expect(report.findings).toContainEqual(
        expect.objectContaining({ rule: "schema/violation", level: "error", file: "data/state.json" }),
      );
    },
    60_000,
  );
});
