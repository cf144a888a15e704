/**
 * `workflow_run` after a merge queue's run. The queue runs the required checks on a commit of its
 * own (`gh-readonly-queue/main/pr-N-<sha>`) that merges the queued pull requests onto the base
 * branch: their content, and their config, not yet on the default branch. The merge_group run
 * itself is judged by `merge_group.base_sha`'s rules (session 14). A `workflow_run` after it
 * comes from the repository itself (the queue's branch is the repository's), so it was taken for
 * the repository's own run: a workflow that checks out `workflow_run.head_sha` had `check` judge
 * the queued pull requests by their own config (one that sets `validate.exclude: ["**"]` passed
 * its corruption), and `snapshot` could sign that content. Now such a run is untrusted like a
 * run after a pull request: rules from GITHUB_SHA (the default branch), writers refused.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** The payload GitHub sends a workflow_run after the queue's run (trimmed to the fields that matter). */
function afterQueue(headSha: string) {
  return {
    action: "completed",
    workflow_run: {
      id: 777,
      name: "integrity",
      event: "merge_group",
      status: "completed",
      conclusion: "success",
      head_sha: headSha,
      head_branch: `gh-readonly-queue/main/pr-5-${"b".repeat(40)}`,
      head_repository: { full_name: "acme/app" },
      repository: { full_name: "acme/app" },
      pull_requests: [],
    },
    workflow: { path: ".github/workflows/after-queue.yml" },
    repository: payloads.repository(),
    sender: { login: "octocat", id: 583231, type: "User" },
  };
}

/** main with a strict state file; the queue's commit (checked out) excludes everything and corrupts it. */
function queued(): { repo: TestRepo; main: string; head: string } {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  repo.write("data/state.json", '{"v": 1}\n');
  repo.commitAll("main");
  const main = repo.git("rev-parse", "HEAD").trim();
  repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["**"]\n');
  repo.write("data/state.json", '{"v": 1,\n');
  repo.commitAll("queue commit");
  return { repo, main, head: repo.git("rev-parse", "HEAD").trim() };
}

describe("workflow_run after a merge queue's run, with the queue's commit checked out", () => {
  it("check judges it by GITHUB_SHA's rules (the default branch), not the queued config that excludes everything", async () => {
    const { repo, main, head } = queued();
    const r = await runActionBundle({
      repo,
      eventName: "workflow_run",
      payload: afterQueue(head),
      inputs: { comment: "false", token: "" },
      env: { GITHUB_SHA: main, GITHUB_REF: "refs/heads/main" },
    });
    const found = (JSON.parse(r.findingsJson ?? "{}") as { findings?: { rule: string; file?: string }[] }).findings ?? [];
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(found.map((f) => `${f.rule} ${f.file ?? ""}`)).toContain("parse/truncated data/state.json");
    expect(found.map((f) => f.rule)).toContain("trust/config-changed");
    expect(r.summary).toContain(`as in the base commit ${main.slice(0, 12)}`);
  });

  it("snapshot refuses it: the queue's content is not the default branch's yet", async () => {
    const { repo, main, head } = queued();
    const dir = makeTempDir("ig-q-");
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const r = await runActionBundle({
      repo,
      eventName: "workflow_run",
      payload: afterQueue(head),
      inputs: { command: "snapshot", set: "daily", comment: "false", token: "" },
      env: { GITHUB_SHA: main, GITHUB_REF: "refs/heads/main", RUNNER_TEMP: path.join(dir) },
    });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/`workflow_run` after a run for `merge_group`/);
  });
});
