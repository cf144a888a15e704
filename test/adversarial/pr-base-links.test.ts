/**
 * Red team, round 3: the base branch's rules are read from the base commit, by `git ls-tree`,
 * which stops at a symlinked folder. With `schemas -> shared/schemas` or `.integrity-guard ->
 * tooling/guard` in the base branch, the mapped schema and the config looked absent from the
 * base commit: the schema was then read from the pull request's checkout (where the pull request
 * decides what the link leads to, or edits the file behind it), and the config fell back to the
 * defaults (parse only). Both pull requests below passed with a data file that breaks the base
 * branch's schema; the base commit's folder links are now followed inside the base commit.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const SCHEMA = '{"type": "object", "required": ["count"], "properties": {"count": {"type": "integer", "minimum": 0}}}\n';
const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function rules(json: string | undefined): [string, string, string | undefined][] {
  const report = JSON.parse(json ?? "{}") as { findings: { rule: string; level: string; file?: string }[] };
  return report.findings.map((f) => [f.rule, f.level, f.file]);
}

/** The base branch: the schemas folder (and with `linkedConfig` the config folder) are symlinks to real folders. */
function baseRepo(linkedConfig = false): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("shared/schemas/state.schema.json", SCHEMA);
  fs.symlinkSync("shared/schemas", path.join(repo.dir, "schemas"));
  if (linkedConfig) {
    repo.write("tooling/guard/config.yml", CONFIG);
    fs.symlinkSync("tooling/guard", path.join(repo.dir, ".integrity-guard"));
  } else {
    repo.write(".integrity-guard/config.yml", CONFIG);
  }
  repo.write("data/state.json", '{"count": 1}\n');
  repo.commitAll("base");
  return repo;
}

const LOOSE = '{"type": "object"}\n';
const CORRUPT = '{"count": -3}\n';

describe("the base branch's rules reached through a symlinked folder", () => {
  it("a PR that repoints the schemas link at a loose schema still fails on the base schema", async () => {
    const repo = baseRepo();
    const r = await runPullRequest(repo, (x) => {
      x.write("loose/state.schema.json", LOOSE);
      fs.rmSync(path.join(x.dir, "schemas"));
      fs.symlinkSync("loose", path.join(x.dir, "schemas"));
      x.write("data/state.json", CORRUPT);
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rules(r.findingsJson)).toContainEqual(["schema/violation", "error", "data/state.json"]);
  });

  it("a PR that loosens the schema behind the link is checked against the base commit's and said at the top", async () => {
    const repo = baseRepo();
    const r = await runPullRequest(repo, (x) => {
      x.write("shared/schemas/state.schema.json", LOOSE);
      x.write("data/state.json", CORRUPT);
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = rules(r.findingsJson);
    expect(found).toContainEqual(["schema/violation", "error", "data/state.json"]);
    expect(found).toContainEqual(["trust/schema-changed", "notice", "schemas/state.schema.json"]);
  });

  it("a config folder that is a symlink in the base branch is read there, not replaced by the defaults", async () => {
    const repo = baseRepo(true);
    const r = await runPullRequest(repo, (x) => {
      x.write("tooling/guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["**"]\n');
      x.write("data/state.json", CORRUPT);
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rules(r.findingsJson)).toContainEqual(["schema/violation", "error", "data/state.json"]);
    expect(r.summary).toContain("as in the base commit");
  });

  it("a valid PR under the linked folders passes", async () => {
    const repo = baseRepo(true);
    const r = await runPullRequest(repo, (x) => x.write("data/state.json", '{"count": 9}\n'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(rules(r.findingsJson).filter(([, level]) => level !== "notice")).toEqual([]);
  });
});
