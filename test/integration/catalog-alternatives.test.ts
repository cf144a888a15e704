/**
 * Values that fail a schema with alternatives (anyOf/oneOf) through `check`: each gives the
 * findings of the alternative the user meant, at exact lines and columns, not one per
 * alternative; a value whose type no alternative takes gives one finding listing the types.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function schemaFindings(repo: TestRepo, file: string) {
  const r = await repo.cli(["check", "--format", "json"]);
  const out = JSON.parse(r.stdout || "{}") as { findings?: Finding[] };
  return (out.findings ?? [])
    .filter((f) => f.rule === "schema/violation" && f.file === file)
    .map((f) => ({ at: `${f.line}:${f.column}`, message: f.message.replace(/ - .*$| \(built-in schema.*$/, "") }));
}

describe("check reports the alternative that was meant", () => {
  it("a Buildkite step with a misspelt key beside `command: make`: exactly the did-you-mean warning", () =>
    withRepo(async (repo) => {
      repo.write(".buildkite/pipeline.yml", 'steps:\n  - label: build\n    comand: make\n    command: "make"\n');
      expect(await schemaFindings(repo, ".buildkite/pipeline.yml")).toEqual([
        { at: "3:5", message: 'steps.0.comand: unknown key "comand" (did you mean "command"?)' },
      ]);
    }));

  // An empty value: GitHub's reader turns a number or boolean into a string where a string is
  // allowed (`runs-on: 7` is the label "7", checks/actions-runner-literals.ts), but never null.
  it("a workflow's runs-on of a type no alternative takes: one finding that lists the types", () =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: null\n    steps:\n      - run: make\n");
      expect(await schemaFindings(repo, ".github/workflows/ci.yml")).toEqual([
        { at: "4:14", message: "jobs.build.runs-on: must be one of the types string, array, object, found null" },
      ]);
    }));

  it("a compose port given as an object with an unknown key: that key at its line and column, no number/string type errors", () =>
    withRepo(async (repo) => {
      repo.write("compose.yaml", "services:\n  web:\n    image: nginx\n    ports:\n      - targt: 80\n");
      expect(await schemaFindings(repo, "compose.yaml")).toEqual([
        { at: "5:9", message: 'services.web.ports.0.targt: unknown key "targt" (did you mean "target"?)' },
      ]);
    }));
});
