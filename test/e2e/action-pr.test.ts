/**
 * The built Action on pull_request events, run as the runner runs it, against the GitHub API
 * stand-in: annotations, job summary, outputs, the sticky comment (create, update, pagination),
 * API failures as warnings, SARIF, fail-on, PR-file restriction.
 */
import fs from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle, type ActionRun } from "./action-harness.js";

const MARKER = "<!-- integrity-guard:sticky -->";
const TOKEN = "ghs_testtoken123456";
const PR = 7;

let repo: TestRepo;
let api: GitHubApi;
let base: string;
let head: string;

/** main: a clean file, and an old corrupt file the PR does not touch; PR: corrupts data/state.json. */
beforeAll(() => {
  repo = createRepo();
  repo.write("data/state.json", '{"status": "ok", "progress": 10}\n');
  repo.write("data/other.json", '{"fine": true}\n');
  repo.write("legacy/old.json", '{"broken": \n');
  repo.commitAll("base");
  base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("data/state.json", '{"status": "ok",, "progress": 10}\n');
  repo.commitAll("corrupt");
  head = repo.git("rev-parse", "HEAD").trim();
});
afterAll(() => repo.cleanup());
beforeEach(async () => {
  api = await startGitHubApi({ readOnlyTokens: ["ghs_readonly0000"] });
  api.setPullFiles(PR, ["data/state.json"]);
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
    env,
  });

const stickyComments = () => api.comments.filter((c) => c.body.includes(MARKER));

function expectCorruptReport(run: ActionRun) {
  expect(run.code, run.stdout + run.stderr).toBe(1);
  // One annotation, on the PR's file only (legacy/old.json is outside the PR).
  expect(run.annotations).toHaveLength(1);
  expect(run.annotations[0]).toMatch(/^::error file=data\/state\.json,line=1,col=17(,endLine=1)?(,endColumn=\d+)?,title=parse\/syntax::\S/);
  expect(run.stdout).not.toMatch(/legacy\/old\.json/);
  expect(run.summary).toContain("## integrity-guard check: ❌ 1 error, 0 warnings in 1 file");
  expect(run.summary).toMatch(
    /\| ❌ error \| \[data\/state\.json:1:17\]\(https:\/\/github\.com\/acme\/app\/blob\/[0-9a-f]{40}\/data\/state\.json#L1\) \| parse\/syntax \|/,
  );
  expect(run.outputs).toMatchObject({ errors: "1", warnings: "0", status: "failed", "health-score": "", snapshot: "" });
  expect(run.outputs["findings-file"]).toMatch(/integrity-guard-check-findings\.json$/);
  const report = JSON.parse(run.findingsJson!) as { version: number; findings: { file: string; rule: string; line: number }[] };
  expect(report.version).toBe(1);
  expect(report.findings.map((f) => [f.file, f.rule, f.line])).toEqual([["data/state.json", "parse/syntax", 1]]);
  expect(run.stdout).toMatch(/^::error::integrity-guard check found 1 error\(s\), 0 warning\(s\)/m);
}

describe("Action on pull_request", () => {
  it("annotates the corrupt file, writes summary and outputs, fails the step, and posts one sticky comment", async () => {
    const run = await pr();
    expectCorruptReport(run);
    expect(run.masks).toContain(TOKEN);
    expect(
      run.stdout
        .split("\n")
        .filter((l) => !l.startsWith("::add-mask::"))
        .join("\n"),
    ).not.toContain(TOKEN.slice(4));
    expect(api.find("GET", `/pulls/${PR}/files`)).toHaveLength(1);
    expect(api.find("GET", `/pulls/${PR}/files`)[0]!.token).toBe(TOKEN);
    const posts = api.find("POST", `/issues/${PR}/comments`);
    expect(posts).toHaveLength(1);
    expect(stickyComments()).toHaveLength(1);
    const body = stickyComments()[0]!.body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain("data/state.json:1:17");
    expect(body).toContain("parse/syntax");
    expect(body).toContain("https://github.com/acme/app/actions/runs/4242");
  });

  it("updates the same comment in place on the next run (never a duplicate)", async () => {
    await pr();
    const first = stickyComments()[0]!;
    const run = await pr();
    expectCorruptReport(run);
    expect(api.find("POST", `/issues/${PR}/comments`)).toHaveLength(1);
    expect(api.find("PATCH", `/issues/comments/${first.id}`)).toHaveLength(1);
    expect(stickyComments()).toHaveLength(1);
  });

  it("finds the marker comment on page 2 of the comments and updates it", async () => {
    for (let i = 0; i < 100; i++) api.addComment(PR, `review note ${i}`, "someone");
    const old = api.addComment(PR, `${MARKER}\nold report`);
    for (let i = 0; i < 20; i++) api.addComment(PR, `later note ${i}`, "someone");
    const run = await pr();
    expectCorruptReport(run);
    const pages = api.find("GET", `/issues/${PR}/comments`).map((r) => r.query.page ?? "1");
    expect(pages).toContain("2");
    expect(api.find("POST", `/issues/${PR}/comments`)).toHaveLength(0);
    expect(api.find("PATCH", `/issues/comments/${old.id}`)).toHaveLength(1);
    expect(stickyComments()).toHaveLength(1);
    expect(stickyComments()[0]!.body).toContain("data/state.json:1:17");
  });

  it("a token without permission (403) gives a warning; findings, summary and result are unchanged", async () => {
    const run = await pr({ token: "ghs_readonly0000" });
    expectCorruptReport(run);
    expect(run.stdout).toMatch(
      /^::warning::could not post the integrity-guard comment on pull request #7: .*HTTP 403.*pull-requests: write/m,
    );
    expect(api.comments).toHaveLength(0);
    expect(api.find("POST", `/issues/${PR}/comments`).map((r) => r.status)).toEqual([403]);
  });

  it("a 500 once on the comment is retried without duplicating it", async () => {
    api.failNext({ method: "POST", path: `/issues/${PR}/comments`, status: 500 });
    api.failNext({ method: "GET", path: `/pulls/${PR}/files`, status: 502 });
    const run = await pr();
    expectCorruptReport(run);
    expect(api.find("POST", `/issues/${PR}/comments`).map((r) => r.status)).toEqual([500, 201]);
    expect(api.find("GET", `/pulls/${PR}/files`).map((r) => r.status)).toEqual([502, 200]);
    expect(stickyComments()).toHaveLength(1);
    expect(run.stdout).not.toMatch(/^::warning::could not post/m);
  });

  it("a persistent 500 is a warning, not lost findings", async () => {
    api.failNext({ method: "POST", path: `/issues/${PR}/comments`, status: 500, times: 5 });
    const run = await pr();
    expectCorruptReport(run);
    expect(run.stdout).toMatch(/^::warning::could not post the integrity-guard comment.*HTTP 500/m);
  });

  it("writes a SARIF 2.1.0 file and respects fail-on: never", async () => {
    const run = await pr({ sarif: "reports/integrity.sarif", "fail-on": "never" });
    expect(run.code).toBe(0);
    expect(run.outputs.errors).toBe("1");
    const sarif = JSON.parse(repo.read("reports/integrity.sarif")) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    fs.rmSync(`${repo.dir}/reports`, { recursive: true });
    expect(sarif.version).toBe("2.1.0");
    expect(
      sarif.runs[0]!.results.map((r) => [
        r.ruleId,
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual([["parse/syntax", "data/state.json", 1]]);
  });

  it("comment: false posts nothing but still reports", async () => {
    const run = await pr({ comment: "false" });
    expectCorruptReport(run);
    expect(api.find("GET", /comments/)).toHaveLength(0);
    expect(api.writes()).toHaveLength(0);
  });

  it("a PR that changes the config checks the whole tree (a config change can break untouched files)", async () => {
    api.setPullFiles(PR, ["data/state.json", ".integrity-guard/config.yml"]);
    const run = await pr();
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => /file=([^,]+)/.exec(a)![1])).toEqual(["data/state.json", "legacy/old.json"]);
    expect(run.stdout).toContain(
      "the pull request changes .integrity-guard/config.yml, which affects other files: checking the whole tree",
    );
    expect(run.summary).toContain("Pull request #7: whole tree checked.");
  });

  it("falls back to git diff for the PR's files when the API cannot list them", async () => {
    api.pullFiles.delete(PR); // 404
    const run = await pr();
    expect(run.stdout).toMatch(/^::warning::could not list the files of pull request #7: .*HTTP 404.*trying git diff/m);
    expectCorruptReport(run);
  });
});

describe("Action on a clean pull_request", () => {
  let clean: TestRepo;
  beforeAll(() => {
    clean = createRepo();
    clean.write("data/a.json", '{"a": 1}\n');
    clean.write("config/app.yaml", "name: app\nport: 8080\n");
    clean.write("docs/notes.md", "# not data: {,\n");
    clean.write("src/tool.ts", "export const x = {,};\n");
    clean.commitAll("base");
  });
  afterAll(() => clean.cleanup());

  it("passes, posts no comment, and says so in the summary and outputs", async () => {
    const sha = clean.git("rev-parse", "HEAD").trim();
    api.setPullFiles(8, ["data/a.json", "config/app.yaml", "docs/notes.md", "src/tool.ts", { filename: "gone.json", status: "removed" }]);
    const run = await runActionBundle({
      repo: clean,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(8, { ref: "main", sha }, { ref: "f", sha }),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: "0", warnings: "0", status: "passed" });
    expect(run.summary).toContain("## integrity-guard check: ✅ no findings");
    expect(run.summary).toContain("Pull request #8: 4 changed file(s) checked");
    expect(api.writes()).toEqual([]);
  });

  it("updates an earlier sticky comment to clean instead of leaving a stale failure", async () => {
    const sha = clean.git("rev-parse", "HEAD").trim();
    api.setPullFiles(8, ["data/a.json"]);
    const old = api.addComment(8, `${MARKER}\n## integrity-guard check: ❌ 1 error`);
    const run = await runActionBundle({
      repo: clean,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(8, { ref: "main", sha }, { ref: "f", sha }),
    });
    expect(run.code).toBe(0);
    expect(api.find("PATCH", `/issues/comments/${old.id}`)).toHaveLength(1);
    expect(api.comments[0]!.body).toContain("✅ no findings");
  });
});

describe("Action with many findings", () => {
  it("annotates every finding and lists all of them in the summary (beyond GitHub's 10-per-step display)", async () => {
    const many = createRepo();
    try {
      many.write("ok.json", "{}\n");
      many.commitAll("base");
      const sha0 = many.git("rev-parse", "HEAD").trim();
      const files = Array.from({ length: 15 }, (_, i) => `bad/f${String(i).padStart(2, "0")}.json`);
      for (const f of files) many.write(f, "[1, 2,\n");
      many.commitAll("bad");
      const sha1 = many.git("rev-parse", "HEAD").trim();
      api.setPullFiles(9, files);
      const run = await runActionBundle({
        repo: many,
        apiUrl: api.url,
        eventName: "pull_request",
        payload: payloads.pullRequest(9, { ref: "main", sha: sha0 }, { ref: "x", sha: sha1 }),
      });
      expect(run.code).toBe(1);
      expect(run.annotations).toHaveLength(15);
      expect(run.annotations.map((a) => /file=([^,]+)/.exec(a)![1])).toEqual(files);
      for (const f of files) expect(run.summary).toContain(`${f}:`);
      expect(run.outputs.errors).toBe("15");
    } finally {
      many.cleanup();
    }
  });
});
