/** The GitHub client against the stand-in: pagination, sticky comments, 403, 500, issues, pulls. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubClient, describeApiError, errorStatus } from "../../src/io/github-api.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { prFiles, API_FILE_LIMIT } from "../../src/action/pr-files.js";
import { jobMarker, postSticky } from "../../src/action/comment.js";
import { Git } from "../../src/io/git.js";
import { withRepo } from "../helpers/repo.js";

const MARKER = "<!-- integrity-guard:sticky -->";
let api: GitHubApi;
const client = (token = "tok") => new GitHubClient({ token, repository: `${api.owner}/${api.repo}`, apiUrl: api.url, retryDelayMs: 1 });

beforeEach(async () => {
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
});

describe("GitHub API stand-in and client", () => {
  it("lists comments across pages with GitHub's Link header", async () => {
    for (let i = 0; i < 150; i++) api.addComment(7, `comment ${i}`, "someone");
    const res = await fetch(`${api.url}/repos/acme/app/issues/7/comments?per_page=100`);
    expect(res.headers.get("link")).toMatch(
      /<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/app\/issues\/7\/comments\?per_page=100&page=2>; rel="next"/,
    );
    const all = await client().listComments(7);
    expect(all).toHaveLength(150);
    expect(api.find("GET", "/issues/7/comments").map((r) => r.query.page ?? "1")).toEqual(["1", "1", "2"]);
  });

  it("creates the sticky comment once, then updates it in place (marker found on page 2)", async () => {
    for (let i = 0; i < 120; i++) api.addComment(3, `noise ${i}`, "someone");
    const first = await client().upsertComment(3, MARKER, "one");
    expect(first.action).toBe("created");
    const second = await client().upsertComment(3, MARKER, "two");
    expect(second).toMatchObject({ action: "updated", id: first.id });
    expect(api.comments.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
    expect(api.comments.find((c) => c.id === first.id)?.body).toBe(`${MARKER}\ntwo`);
    expect(api.find("PATCH", `/issues/comments/${first.id}`)).toHaveLength(1);
  });

  it("two runs racing to create the sticky comment end with one (the oldest wins, updated)", async () => {
    let other: number | undefined;
    api.beforeAnswer = (req) => {
      // Another run's create lands first, while ours is in flight.
      if (req.method === "POST" && req.path.endsWith("/issues/5/comments") && other === undefined)
        other = api.addComment(5, `${MARKER}\nother run`).id;
    };
    const r = await client().upsertComment(5, MARKER, "mine");
    expect(r).toMatchObject({ action: "updated", id: other });
    expect(api.comments.filter((c) => c.body.includes(MARKER)).map((c) => [c.id, c.body])).toEqual([[other, `${MARKER}\nmine`]]);
    expect(api.find("DELETE", /\/issues\/comments\/\d+$/)).toHaveLength(1);
  });

  it("two runs of one job racing to create its comment end with one; another job's comment is left alone", async () => {
    const id = { workflow: "w", job: "check", command: "check", workingDirectory: ".", key: '{"shard":1}' };
    const otherJob = api.addComment(5, `${MARKER}\n${jobMarker({ ...id, key: '{"shard":2}' })}\nshard 2 failed`);
    let raced: number | undefined;
    api.beforeAnswer = (req) => {
      if (req.method === "POST" && req.path.endsWith("/issues/5/comments") && raced === undefined)
        raced = api.addComment(5, `${MARKER}\n${jobMarker(id)}\nother run`).id;
    };
    const r = await postSticky(client(), { pr: 5, command: "check", body: "mine", clean: false, warn: () => undefined, identity: id });
    expect(r.action).toBe("updated");
    const mine = api.comments.filter((c) => c.body.includes(jobMarker(id)));
    expect(mine.map((c) => [c.id, c.body.endsWith("mine")])).toEqual([[raced, true]]);
    expect(api.comments.find((c) => c.id === otherJob.id)!.body).toContain("shard 2 failed");
  });

  it("a refused connection is described as such, not as HTTP 500", async () => {
    const error = await new GitHubClient({ token: "t", repository: "acme/app", apiUrl: "http://127.0.0.1:9", retryDelayMs: 1 })
      .listComments(1)
      .catch((e: unknown) => e);
    expect(describeApiError(error)).toMatch(/^could not reach the GitHub API at http:\/\/127\.0\.0\.1:9: .*no HTTP response/);
    expect(describeApiError(error)).not.toContain("HTTP 500");
  });

  it("answers 403 to a read-only token on writes, and the error says which permission", async () => {
    await api.close();
    api = await startGitHubApi({ readOnlyTokens: ["ro"] });
    const error = await client("ro")
      .upsertComment(1, MARKER, "x")
      .catch((e: unknown) => e);
    expect(errorStatus(error)).toBe(403);
    expect(describeApiError(error)).toMatch(/Resource not accessible by integration.*HTTP 403.*pull-requests: write/);
    expect(api.comments).toHaveLength(0);
  });

  it("retries an idempotent request once after a 500", async () => {
    api.setPullFiles(5, ["a.json"]);
    api.failNext({ method: "GET", path: "/pulls/5/files", status: 500 });
    expect((await client().listPullFiles(5)).map((f) => f.filename)).toEqual(["a.json"]);
    expect(api.find("GET", "/pulls/5/files").map((r) => r.status)).toEqual([500, 200]);
  });

  it("does not retry a POST after a 500", async () => {
    api.failNext({ method: "POST", status: 500 });
    await expect(client().createIssue({ title: "t", body: "b" })).rejects.toMatchObject({ status: 500 });
    expect(api.find("POST")).toHaveLength(1);
  });

  it("lists, creates, updates and closes issues; creates pull requests", async () => {
    const c = client();
    const made = await c.createIssue({ title: "integrity: CRITICAL", body: "b", labels: ["integrity-guard"] });
    api.addIssue({ title: "other", labels: ["bug"] });
    expect((await c.listIssues({ labels: ["integrity-guard"] })).map((i) => i.number)).toEqual([made.number]);
    await c.updateIssue(made.number, { body: "b2" });
    await c.closeIssue(made.number);
    expect(api.issues.find((i) => i.number === made.number)).toMatchObject({ body: "b2", state: "closed", state_reason: "completed" });
    expect(await c.listIssues({ labels: ["integrity-guard"] })).toEqual([]);
    const pr = await c.createPullRequest({ head: "restore/x", base: "main", title: "Restore", body: "b" });
    expect(api.pulls[0]).toMatchObject({ number: pr.number, head: { ref: "restore/x" }, base: { ref: "main" } });
    expect(await c.getDefaultBranch()).toBe("main");
    expect(api.find("POST", "/pulls")[0]!.token).toBe("tok");
  });

  it("rejects a malformed GITHUB_REPOSITORY with the fix", () => {
    expect(() => new GitHubClient({ token: "t", repository: "nope", apiUrl: api.url })).toThrow(/not "owner\/name"/);
  });

  it("lists a PR's files across pages, drops removed files, and gives up (whole tree) at GitHub's 3000-file cap", async () => {
    await withRepo(async (repo) => {
      const git = await Git.open(repo.dir);
      const ev = { kind: "pull_request" as const, name: "pull_request", number: 4 };
      api.setPullFiles(4, [...Array.from({ length: 250 }, (_, i) => `f${i}.json`), { filename: "old.json", status: "removed" }]);
      const warnings: string[] = [];
      const got = await prFiles(ev, client(), git, (m) => warnings.push(m));
      expect(got?.source).toBe("api");
      expect(got?.files).toHaveLength(250);
      expect(got?.files).not.toContain("old.json");
      expect(api.find("GET", "/pulls/4/files").map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3"]);
      api.setPullFiles(
        4,
        Array.from({ length: API_FILE_LIMIT }, (_, i) => `g${i}.json`),
      );
      expect(await prFiles(ev, client(), git, (m) => warnings.push(m))).toBeUndefined();
      expect(warnings).toEqual([`pull request #4 lists ${API_FILE_LIMIT} files, GitHub's maximum; checking the whole tree instead`]);
    });
  });

  it("without API or local commits the PR's files are unknown: undefined and a warning", async () => {
    await withRepo(async (repo) => {
      const warnings: string[] = [];
      const got = await prFiles(
        { kind: "pull_request", name: "pull_request", number: 4, baseSha: "a".repeat(40), headSha: "b".repeat(40) },
        undefined,
        await Git.open(repo.dir),
        (m) => warnings.push(m),
      );
      expect(got).toBeUndefined();
      expect(warnings[0]).toMatch(/the files of pull request #4 are unknown/);
    });
  });
});
