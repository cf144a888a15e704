/**
 * GitHub refuses a comment over 65,536 characters (the stand-in does too). The sticky comment's
 * findings are cut to a budget, but its footer names the job with input `comment-key` (by
 * default the job's matrix as JSON), escaped for Markdown: `_` becomes `&#95;`. A long key
 * pushed the comment over the limit, and the report never reached the pull request.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const PR = 31;
const FILES = 60;
const name = (i: number) => `charts/t${String(i).padStart(3, "0")}.yaml`;
let repo: TestRepo;
let api: GitHubApi;
let base: string;
let head: string;

beforeAll(() => {
  repo = createRepo();
  repo.write("data/good.json", "{}\n");
  repo.commitAll("base");
  base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  // 3,000 duplicate-key errors: the comment's findings are cut to its budget.
  for (let i = 0; i < FILES; i++) repo.write(name(i), "key: 1\n".repeat(51));
  repo.write("data/broken.json", '{"a": 1,, "b": 2}\n');
  repo.commitAll("noisy PR");
  head = repo.git("rev-parse", "HEAD").trim();
});
afterAll(() => repo.cleanup());
beforeEach(async () => {
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
});

const pr = (files: string[], key: string) => {
  api.setPullFiles(PR, files);
  return runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "pull_request",
    payload: payloads.pullRequest(PR, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { "comment-key": key },
    env: { GITHUB_WORKFLOW: "integrity", GITHUB_JOB: "check" },
  });
};

const matrix = (chars: number) => JSON.stringify({ target_env: "x".repeat(chars) });

describe("the sticky comment stays under GitHub's 65,536 characters", () => {
  it("with one finding and a 20,000-character comment key", async () => {
    const r = await pr(["data/broken.json"], matrix(20_000));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(api.comments).toHaveLength(1);
    expect([...api.comments[0]!.body].length).toBeLessThanOrEqual(65_536);
    expect(r.stdout).not.toContain("could not post the integrity-guard comment");
  }, 180_000);

  it("with 3,000 findings and a 2,000-character comment key", async () => {
    const r = await pr([...Array.from({ length: FILES }, (_, i) => name(i)), "data/broken.json"], `${matrix(2_000)}_${"_".repeat(2_000)}`);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(api.comments).toHaveLength(1);
    const body = api.comments[0]!.body;
    expect([...body].length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("data/broken.json");
  }, 180_000);
});
