/**
 * The Action at scale and in teams (issue 17), through the built bundle against the GitHub API
 * stand-in: 5,000 findings of one rule cannot bury a truncated file; two jobs keep two comments;
 * a step that fails before it checks anything still writes its outputs.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { at } from "../helpers/position.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "./action-harness.js";

const PR = 12;
const FILES = 100;
/** 51 keys: 50 duplicate-key errors per file, exactly the default per-file cap (none hidden). */
const KEYS = 51;
const TRUNCATED = "zz/state.json";
/** Cut short by a crash: the file ends where the value should be (reported at the end of the text). */
const TRUNCATED_TEXT = '{"status": "running", "progress": ';
const name = (i: number) => `charts/t${String(i).padStart(3, "0")}.yaml`;

let repo: TestRepo;
let api: GitHubApi;
let base: string;
let head: string;

beforeAll(() => {
  repo = createRepo();
  repo.write("data/good.json", '{"ok": true}\n');
  // Broken before the PR (the PR's check leaves them alone; the sharded jobs name them by `paths`).
  repo.write("data/bad.json", '{"a": 1,, "b": 2}\n');
  repo.write("data/bad2.json", '{"a": [1, 2\n');
  repo.commitAll("base");
  base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  const body = "key: 1\n".repeat(KEYS);
  for (let i = 0; i < FILES; i++) repo.write(name(i), body);
  repo.write(TRUNCATED, TRUNCATED_TEXT);
  repo.commitAll("noisy PR");
  head = repo.git("rev-parse", "HEAD").trim();
});
afterAll(() => repo.cleanup());
beforeEach(async () => {
  api = await startGitHubApi();
  api.setPullFiles(PR, [...Array.from({ length: FILES }, (_, i) => name(i)), TRUNCATED]);
});
afterEach(async () => {
  await api.close();
});

const pr = (inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) =>
  runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "pull_request",
    payload: payloads.pullRequest(PR, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs,
    env: { GITHUB_WORKFLOW: "integrity", GITHUB_JOB: "check", ...env },
  });

const sticky = () => api.comments.filter((c) => c.body.includes("<!-- integrity-guard:sticky -->"));

describe("Action at scale", { timeout: 120_000 }, () => {
  it("5,000 duplicate keys and one truncated file: the truncated file leads the summary, the comment and the annotations", async () => {
    const run = await pr();
    expect(run.code, run.stderr).toBe(1);
    expect(run.outputs.errors).toBe(String(FILES * (KEYS - 1) + 1));
    // The first screen of the summary: the counts, the per-file overview and the first rows.
    const firstScreen = run.summary.split("\n").slice(0, 40).join("\n");
    expect(firstScreen).toContain("| parse/duplicate-key | 5000 |");
    expect(firstScreen).toMatch(
      /\| rule \| findings \|\n.*\n\| parse\/truncated \| 1 \|\n[^]*\| file \| errors \| warnings \| rules \|\n.*\n\| zz\/state\.json \| 1 \| 0 \| parse\/truncated \|/,
    );
    const rows = run.summary.split("\n").filter((l) => l.startsWith("| ❌"));
    expect(rows[0]).toMatch(at(TRUNCATED, TRUNCATED_TEXT));
    expect(Buffer.byteLength(run.summary, "utf8")).toBeLessThan(1024 * 1024);
    // GitHub shows 10 error annotations per step: the truncated file is among them, and the
    // summary says the rest are hidden and where they are.
    const errors = run.annotations.filter((a) => a.startsWith("::error "));
    expect(errors).toHaveLength(FILES * (KEYS - 1) + 1);
    expect(errors[0]).toContain("file=zz/state.json");
    expect(new Set(errors.slice(0, 10).map((a) => /file=([^,]+)/.exec(a)![1])).size).toBe(10);
    expect(run.summary).toContain("GitHub shows 10 error and 10 warning annotations per step");
    expect(run.summary).toContain("so 4991 are not shown on the diff");
    // The comment, bounded at 65536 characters, still has it.
    expect(sticky()).toHaveLength(1);
    const body = sticky()[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(at(TRUNCATED, TRUNCATED_TEXT));
    expect(body.indexOf("zz/state.json")).toBeLessThan(8_000);
    expect(run.summary).not.toContain("RUNNER_TEMP`");
  });
});

describe("one comment per job", { timeout: 120_000 }, () => {
  it("two matrix jobs keep two comments; a clean job never overwrites the failing job's report; re-runs update in place", async () => {
    const a = { paths: "data/bad.json", "comment-key": '{"shard":1}' };
    const runA = await pr(a);
    expect(runA.code).toBe(1);
    const runB = await pr({ paths: "data/bad2.json", "comment-key": '{"shard":2}' });
    expect(runB.code).toBe(1);
    expect(sticky()).toHaveLength(2);
    const [commentA, commentB] = [...sticky()].sort((x, y) => x.id - y.id);
    expect(commentA!.body).toContain("data/bad.json");
    expect(commentB!.body).toContain("data/bad2.json");
    // Each says which job wrote it.
    expect(commentA!.body).toContain('job integrity / check {"shard":1}');
    expect(commentB!.body).toContain('job integrity / check {"shard":2}');
    // Job B is clean now: its own comment says so; job A's report stays.
    const clean = await pr({ paths: "data/good.json", "comment-key": '{"shard":2}' });
    expect(clean.code).toBe(0);
    expect(sticky()).toHaveLength(2);
    expect(api.comments.find((c) => c.id === commentA!.id)!.body).toContain("data/bad.json");
    expect(api.comments.find((c) => c.id === commentB!.id)!.body).toContain("no findings");
    // Re-run of job A: the same comment, updated in place.
    const posts = api.find("POST", `/issues/${PR}/comments`).length;
    await pr(a);
    expect(api.find("POST", `/issues/${PR}/comments`)).toHaveLength(posts);
    expect(api.find("PATCH", `/issues/comments/${commentA!.id}`).length).toBeGreaterThanOrEqual(1);
    // Another workflow's job with the same matrix values is another comment.
    await pr(a, { GITHUB_WORKFLOW: "nightly" });
    expect(sticky()).toHaveLength(3);
  });

  it("adopts a comment from before job keys, once", async () => {
    const old = api.addComment(PR, "<!-- integrity-guard:sticky -->\nold report");
    await pr({ paths: "data/bad.json", "comment-key": '{"shard":1}' });
    expect(api.find("POST", `/issues/${PR}/comments`)).toHaveLength(0);
    expect(api.comments.find((c) => c.id === old.id)!.body).toContain("data/bad.json");
    await pr({ paths: "data/bad2.json", "comment-key": '{"shard":2}' });
    expect(sticky()).toHaveLength(2);
    expect(api.comments.find((c) => c.id === old.id)!.body).toContain("data/bad.json");
  });
});

describe("early failures", { timeout: 60_000 }, () => {
  it("a missing working-directory is named as such, and the outputs are still written", async () => {
    const run = await pr({ "working-directory": "no/such/folder" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::integrity-guard: .*working-directory.*no\/such\/folder.*does not exist/m);
    expect(run.stdout).not.toMatch(/install git/i);
    expect(run.outputs).toMatchObject({ status: "error", errors: "", warnings: "", "findings-file": "" });
  });

  it("a refused connection is not labelled as an HTTP status", async () => {
    const run = await pr({ paths: "data/bad.json" }, { GITHUB_API_URL: "http://127.0.0.1:9" });
    expect(run.code).toBe(1);
    const warning = run.stdout.split("\n").find((l) => l.startsWith("::warning::could not post"));
    expect(warning).toBeDefined();
    expect(warning).not.toMatch(/HTTP 500/);
    expect(warning).toMatch(/could not reach the GitHub API at http:\/\/127\.0\.0\.1:9/);
  });
});
