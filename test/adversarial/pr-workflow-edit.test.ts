/**
 * Red team round 5: a pull request that edits the workflow running the check. On `pull_request`
 * GitHub runs the pull request's version of the workflow, so a PR can set `config-source: head`,
 * `continue-on-error: true` or drop inputs, and nothing in the report said so. The Action cannot
 * stop that from inside the step (CODEOWNERS on .github/ and a required check do), but it now
 * says it at the top and as a `trust/workflow-changed` notice, like any change of rules.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runPullRequest, type ActionRun } from "../e2e/action-harness.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const WORKFLOW = `name: integrity
on: pull_request
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: acme/integrity-guard@v1
`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function prRun(change: (r: TestRepo) => void): Promise<ActionRun & { rules: string[] }> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  repo.write(".github/workflows/integrity-check.yml", WORKFLOW);
  repo.write("data/a.json", "{}\n");
  repo.commitAll("base");
  const r = await runPullRequest(repo, change);
  const report = JSON.parse(r.findingsJson ?? '{"findings":[]}') as { findings: { rule: string }[] };
  return { ...r, rules: report.findings.map((f) => f.rule) };
}

describe("a pull request that edits the check's workflow", () => {
  it("is said at the top and as a trust/workflow-changed notice", async () => {
    const r = await prRun((repo) =>
      repo.write(
        ".github/workflows/integrity-check.yml",
        WORKFLOW.replace("@v1\n", "@v1\n        continue-on-error: true\n        with: { config-source: head }\n"),
      ),
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.rules).toContain("trust/workflow-changed");
    expect(r.summary.split("\n").slice(0, 8).join("\n")).toContain("This pull request changes `.github/workflows/integrity-check.yml`");
  }, 60_000);

  it("an unchanged workflow says nothing", async () => {
    const r = await prRun((repo) => repo.write("data/a.json", '{"a": 1}\n'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.rules).not.toContain("trust/workflow-changed");
  }, 60_000);
});
