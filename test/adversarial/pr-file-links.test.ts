/**
 * Red team, round 3: the pull-request gate narrows per-file rules to the files the pull request
 * changes. A file symlink the pull request leaves alone (`data/state.json ->
 * ../other/state.json`) still reads the file it leads to: a change to that file is a change to
 * `data/state.json`, which `data/*.json`'s schema judges. Before the fix only symlinked folders
 * were followed, and the PR below passed with a corrupt `data/state.json`.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";

const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/*.json"]
      schema: schemas/state.schema.json
`;
const SCHEMA = '{"type": "object", "required": ["count"], "properties": {"count": {"type": "integer", "minimum": 0}}}\n';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** A base branch where data/state.json is a link (directly or through `via`) to other/state.json. */
function baseRepo(via?: string): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/state.schema.json", SCHEMA);
  repo.write("other/state.json", '{"count": 1}\n');
  repo.write("other/unrelated.json", '{"any": true}\n');
  fs.mkdirSync(path.join(repo.dir, "data"), { recursive: true });
  if (via) {
    fs.symlinkSync("other/state.json", path.join(repo.dir, via));
    fs.symlinkSync(`../${via}`, path.join(repo.dir, "data/state.json"));
  } else {
    fs.symlinkSync("../other/state.json", path.join(repo.dir, "data/state.json"));
  }
  repo.commitAll("base");
  return repo;
}

function rules(json: string | undefined): [string, string, string | undefined][] {
  const report = JSON.parse(json ?? "{}") as { findings: { rule: string; level: string; file?: string }[] };
  return report.findings.map((f) => [f.rule, f.level, f.file]);
}

describe("a pull request that changes a file only through a file symlink the base branch holds", () => {
  it("is checked under the link's name and schema: the corrupt data/state.json fails the step", async () => {
    const repo = baseRepo();
    const r = await runPullRequest(repo, (x) => x.write("other/state.json", '{"count": -5}\n'));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rules(r.findingsJson)).toContainEqual(["schema/violation", "error", "data/state.json"]);
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json"))).toBe(true);
  });

  it("through a chain of links (data/state.json -> ../mid.json -> other/state.json)", async () => {
    const repo = baseRepo("mid.json");
    const r = await runPullRequest(repo, (x) => x.write("other/state.json", '{"count": "many"}\n'));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rules(r.findingsJson)).toContainEqual(["schema/violation", "error", "data/state.json"]);
  });

  it("a valid change through the link passes, and a change to another file adds no finding", async () => {
    const repo = baseRepo();
    const r = await runPullRequest(repo, (x) => {
      x.write("other/state.json", '{"count": 7}\n');
      x.write("other/unrelated.json", '{"any": false}\n');
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(rules(r.findingsJson).filter(([, level]) => level !== "notice")).toEqual([]);
    expect(r.stdout).toContain("checking 3 changed file(s)");
  });
});
