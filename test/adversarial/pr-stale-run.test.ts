/**
 * Red team, round 7: two runs of one pull request finish out of order. The run for the newer
 * commit B posts its report; the run for the older commit A (slower, or re-run from the Actions
 * page after the PR moved) then overwrote the sticky comment with A's findings: the pull request
 * showed a report for a commit it no longer has, hiding B's. A run whose commit is no longer the
 * pull request's head (GET /pulls/{n}) now leaves the comment alone; its step still passes or
 * fails on what it checked.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";

const PR = 12;
const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

interface Pr {
  repo: TestRepo;
  api: GitHubApi;
  base: string;
  a: string;
  b: string;
}

/** main, then commit A (data/state.json corrupt), then commit B (A fixed, data/other.json corrupt). */
async function twoCommits(): Promise<Pr> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("data/state.json", '{"count": 1}\n');
  repo.write("data/other.json", '{"count": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("data/state.json", '{"count": 2,, }\n');
  repo.commitAll("A");
  const a = repo.git("rev-parse", "HEAD").trim();
  repo.write("data/state.json", '{"count": 2}\n');
  repo.write("data/other.json", '{"count": 2,, }\n');
  repo.commitAll("B");
  const b = repo.git("rev-parse", "HEAD").trim();
  const api = await startGitHubApi();
  cleanup.push(() => api.close());
  // The pull request as GitHub has it now: its head is B.
  api.pulls.push({
    number: PR,
    title: "Update state files",
    body: null,
    head: { ref: "feature", sha: b },
    base: { ref: "main" },
    state: "open",
    html_url: `https://github.com/acme/app/pull/${PR}`,
    draft: false,
  });
  api.setPullFiles(PR, ["data/state.json", "data/other.json"]);
  return { repo, api, base, a, b };
}

/** The run for `sha` (the checkout and the event both at it). */
function runFor(p: Pr, sha: string): Promise<ActionRun> {
  p.repo.git("checkout", "-q", "--detach", sha);
  return runActionBundle({
    repo: p.repo,
    apiUrl: p.api.url,
    eventName: "pull_request",
    payload: payloads.pullRequest(PR, { ref: "main", sha: p.base }, { ref: "feature", sha }),
  });
}

describe("a run for a commit the pull request has moved past", () => {
  it("does not overwrite the report of the run for the newer head", async () => {
    const p = await twoCommits();
    const newer = await runFor(p, p.b);
    expect(newer.code, newer.stdout + newer.stderr).toBe(1);
    expect(p.api.comments).toHaveLength(1);
    expect(p.api.comments[0]!.body).toContain("data/other.json");
    const stale = await runFor(p, p.a);
    expect(stale.code, stale.stdout + stale.stderr).toBe(1); // its own verdict stands
    expect(stale.annotations.some((l) => l.startsWith("::error file=data/state.json,"))).toBe(true);
    expect(p.api.comments).toHaveLength(1);
    expect(p.api.comments[0]!.body).toContain("data/other.json");
    expect(p.api.comments[0]!.body).not.toContain("data/state.json");
    expect(stale.stdout).toContain(`pull request #${PR} is now at ${p.b.slice(0, 12)}`);
  });

  it("does not post a report for the old commit when there is none yet", async () => {
    const p = await twoCommits();
    const stale = await runFor(p, p.a);
    expect(stale.code, stale.stdout + stale.stderr).toBe(1);
    expect(p.api.comments).toHaveLength(0);
  });

  it("the run for the head itself still posts (and the pull request unknown to the API does not stop it)", async () => {
    const p = await twoCommits();
    p.api.pulls.length = 0; // GET /pulls/{n} answers 404: nothing says the run is stale
    const r = await runFor(p, p.a);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(p.api.comments).toHaveLength(1);
    expect(p.api.comments[0]!.body).toContain("data/state.json");
  });
});
