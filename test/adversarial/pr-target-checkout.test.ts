/**
 * Red team, round 4: on `pull_request_target`, actions/checkout checks out the base branch
 * unless given `ref:`. Every check reads the work tree, so the run judged the base's files, and
 * a pull request that corrupts a data file passed. The Action now refuses to judge a checkout
 * that does not hold the pull request (the head, a merge of it, or a commit built on it).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** main: a valid file; feature: corrupts it. `checkout` picks what the work tree holds when the Action runs. */
function run(eventName: string, checkout: (r: TestRepo, head: string) => void): Promise<ActionRun> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("data/state.json", '{"count": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("data/state.json", '{"count": 1,, }\n');
  repo.git("commit", "-q", "--no-verify", "-am", "corrupt");
  const head = repo.git("rev-parse", "HEAD").trim();
  checkout(repo, head);
  return runActionBundle({
    repo,
    eventName,
    payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "" },
  });
}

describe("a checkout that does not hold the pull request", () => {
  it("pull_request_target with the default checkout (the base branch) fails, never green, and says how to check out the PR", async () => {
    const r = await run("pull_request_target", (repo) => repo.git("switch", "-q", "main"));
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.outputs.status ?? "").not.toBe("passed");
    expect(r.stdout).toContain("does not hold pull request #5");
    expect(r.stdout).toContain("ref: ${{ github.event.pull_request.head.sha }}");
  });

  it("pull_request_target with the head checked out judges the PR's files (the corrupt one fails)", async () => {
    const r = await run("pull_request_target", () => undefined);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json,"))).toBe(true);
  });

  it("a merge commit of base and head (the pull_request default) is accepted", async () => {
    const r = await run("pull_request", (repo, head) => {
      repo.git("switch", "-q", "main");
      repo.write("other.json", "{}\n");
      repo.commitAll("base moves on");
      repo.git("merge", "-q", "--no-ff", "--no-verify", "-m", "merge", head);
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).not.toContain("does not hold pull request");
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json,"))).toBe(true);
  });
});
