/**
 * Red team, round 4: the API lists a pull request's files as of the call, and a push after the
 * event (a force-push, a quick second push) moves that list while the checkout stays at the
 * event's commit. Commit A corrupts data/state.json; by the time A's run asks, the PR is at B,
 * which only touches data/other.json: the run for A checked data/other.json alone and passed.
 * The files the checkout changes against the base commit are now checked as well.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";

const PR = 9;
const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/** The checkout is commit A (`state` written to data/state.json); the API answers with B's list. */
async function run(state: string, scope = "changed-files"): Promise<ActionRun> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("data/state.json", '{"count": 1}\n');
  repo.write("data/other.json", '{"count": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("data/state.json", state);
  repo.write("data/other.json", '{"count": 2}\n');
  repo.git("commit", "-q", "--no-verify", "-am", "A");
  const a = repo.git("rev-parse", "HEAD").trim();
  const api: GitHubApi = await startGitHubApi();
  cleanup.push(() => api.close());
  api.setPullFiles(PR, ["data/other.json"]); // B's list: B put data/state.json back
  return runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "pull_request",
    payload: payloads.pullRequest(PR, { ref: "main", sha: base }, { ref: "feature", sha: a }),
    inputs: { comment: "false", scope },
  });
}

describe("a pull request that moved after its event", () => {
  it("the file only the checked-out commit changes is still checked: the corrupt one fails", async () => {
    const r = await run('{"count": 1,, }\n');
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json,"))).toBe(true);
    expect(r.stdout).toContain("the checkout changes 1 file(s) the API does not list");
  });

  it("with scope changed-lines it is annotated too (its lines are unknown: all count as touched)", async () => {
    const r = await run('{"count": 1,, }\n', "changed-lines");
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.startsWith("::error file=data/state.json,"))).toBe(true);
  });

  it("a valid change there passes", async () => {
    const r = await run('{"count": 5}\n');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
  });
});
