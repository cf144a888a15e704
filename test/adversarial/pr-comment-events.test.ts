/**
 * Red team round 10: events that run for a pull request without being `pull_request`. A ChatOps
 * workflow on `issue_comment` ("/check" on a pull request) checks out `refs/pull/N/head`, and a
 * workflow on `pull_request_review` checks out the pull request's merge commit, as `pull_request`
 * does. Both were whole-tree runs under the checkout's own config: a pull request that set
 * `validate: { exclude: ["**"] }` beside a broken file passed. Now `pull_request_review(_comment)`
 * are pull request events (rules from `pull_request.base.sha`), and `issue_comment` on a pull
 * request takes its rules from GITHUB_SHA, the default branch's commit the workflow runs at, like
 * `workflow_run` after a pull request's run. A comment on an issue is unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

let repo: TestRepo;
let base: string;
let head: string;

beforeEach(() => {
  repo = createRepo();
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  repo.write("data/state.json", '{"v": 1}\n');
  repo.commitAll("main");
  base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["**"]\n');
  repo.write("data/state.json", '{"v": 1,\n');
  repo.commitAll("switch the checks off, break a file");
  head = repo.git("rev-parse", "HEAD").trim();
});
afterEach(() => repo.cleanup());

const issueComment = (onPullRequest: boolean) => ({
  action: "created",
  issue: {
    number: 7,
    title: "Update state",
    user: { login: "mallory", id: 2, type: "User" },
    ...(onPullRequest ? { pull_request: { url: "https://api.github.com/repos/acme/app/pulls/7" } } : {}),
  },
  comment: { id: 1, body: "/check", user: { login: "mallory", id: 2, type: "User" } },
  repository: payloads.repository(),
  sender: { login: "mallory", id: 2, type: "User" },
});

const run = (eventName: string, payload: unknown) =>
  runActionBundle({
    repo,
    eventName,
    payload,
    inputs: { command: "check", comment: "false", token: "" },
    // issue_comment runs at the default branch's newest commit, whatever is checked out.
    env: { GITHUB_SHA: eventName === "issue_comment" ? base : head },
  });

describe("a pull request checked from issue_comment or pull_request_review is judged by trusted rules", () => {
  it("issue_comment on a pull request: the default branch's rules find the broken file", async () => {
    const r = await run("issue_comment", issueComment(true));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json"))).toBe(true);
    expect(r.summary).toContain(`as in the base commit ${base.slice(0, 12)}`);
  });

  it("pull_request_review: the base branch's rules find the broken file", async () => {
    const payload = { ...payloads.pullRequest(7, { ref: "main", sha: base }, { ref: "feature", sha: head }), action: "submitted" };
    const r = await run("pull_request_review", payload);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json"))).toBe(true);
  });

  it("issue_comment on an issue: the checkout's own rules, as before (guard)", async () => {
    const r = await run("issue_comment", issueComment(false));
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
