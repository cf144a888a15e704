/**
 * Issue 17, through the built bundle against the GitHub API stand-in (which checks every request
 * against GitHub's OpenAPI description): every annotation of a 5,000-finding pull request on a
 * check run in batches of 50; without `checks: write` the summary says where they are and the
 * full report is kept; `scope: changed-lines`; suggested changes; health alerts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { at, positionOf } from "../helpers/position.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { startWebhookServer } from "../helpers/webhook-server.js";
import { payloads, runActionBundle } from "./action-harness.js";

const PR = 21;
let api: GitHubApi;
beforeEach(async () => {
  api = await startGitHubApi();
});
afterEach(async () => {
  // Rejects when any request did not match GitHub's OpenAPI description.
  await api.close();
});

const prRun = (repo: TestRepo, base: string, head: string, inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) =>
  runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "pull_request",
    payload: payloads.pullRequest(PR, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs,
    env: { GITHUB_WORKFLOW: "integrity", GITHUB_JOB: "check", ...env },
  });

/** The PR files as the API lists them, with GitHub's `patch` (the diff's hunks). */
const apiFiles = (repo: TestRepo, base: string, head: string, files: string[]) =>
  files.map((filename) => {
    const diff = repo.git("diff", base, head, "--", filename);
    return {
      filename,
      status: repo.tryGit("cat-file", "-e", `${base}:${filename}`).status === 0 ? ("modified" as const) : ("added" as const),
      patch: diff.slice(diff.indexOf("@@")).replace(/\n$/, ""),
    };
  });

describe("every annotation of a large pull request", { timeout: 180_000 }, () => {
  const FILES = 100;
  const KEYS = 51;
  const TRUNCATED = "zz/state.json";
  const name = (i: number) => `charts/t${String(i).padStart(3, "0")}.yaml`;
  let repo: TestRepo;
  let base: string;
  let head: string;
  beforeAll(() => {
    repo = createRepo();
    repo.write("data/good.json", '{"ok": true}\n');
    repo.commitAll("base");
    base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    for (let i = 0; i < FILES; i++) repo.write(name(i), "key: 1\n".repeat(KEYS));
    repo.write(TRUNCATED, '{"status": "running", "progress": ');
    repo.commitAll("noisy PR");
    head = repo.git("rev-parse", "HEAD").trim();
  });
  afterAll(() => repo.cleanup());
  beforeEach(() => api.setPullFiles(PR, [...Array.from({ length: FILES }, (_, i) => name(i)), TRUNCATED]));

  it("5,001 errors: a check run carries all of them, 50 per request, the truncated file first", async () => {
    const run = await prRun(repo, base, head);
    expect(run.code, run.stderr).toBe(1);
    const total = FILES * (KEYS - 1) + 1;
    expect(api.checkRuns).toHaveLength(1);
    const cr = api.checkRuns[0]!;
    expect(cr.head_sha).toBe(head);
    expect(cr.annotations).toHaveLength(total);
    expect(cr.batches.slice(0, -1).every((b) => b === 50)).toBe(true);
    expect(cr.batches.at(-1)).toBeLessThanOrEqual(50);
    expect(cr.batches.reduce((a, b) => a + b, 0)).toBe(total);
    expect(cr.status).toBe("completed");
    expect(cr.conclusion).toBe("failure");
    expect(cr.annotations[0]).toMatchObject({ path: TRUNCATED, annotation_level: "failure", title: "parse/truncated" });
    // Every finding, each once.
    const keys = new Set(cr.annotations.map((a) => `${String(a.path)}:${String(a.start_line)}`));
    expect(keys.size).toBe(total);
    // The requests were checks/create, then checks/update (validated against the spec).
    expect(api.requests.filter((r) => r.operationId === "checks/create")).toHaveLength(1);
    expect(api.requests.filter((r) => r.operationId === "checks/update").length).toBe(Math.ceil(total / 50));
    expect(run.summary).toContain("so 4991 are not shown on the diff. All 5001 are on the check run [integrity-guard](");
    // The full report is kept for upload: JSON and SARIF with every finding.
    expect(run.outputs["report-dir"]).toMatch(/integrity-guard-report[/\\]check$/);
    const json = JSON.parse(run.reportFiles!["findings.json"]!) as { findings: unknown[] };
    expect(json.findings).toHaveLength(total);
    const sarif = JSON.parse(run.reportFiles!["findings.sarif"]!) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(total);
    expect(run.findingsJson).toBe(run.reportFiles!["findings.json"]);
  });

  it("without checks: write (403) the summary says GitHub shows 10 per step and where every finding is", async () => {
    await api.close();
    api = await startGitHubApi({ deniedWrites: [/\/check-runs/] });
    api.setPullFiles(PR, [...Array.from({ length: FILES }, (_, i) => name(i)), TRUNCATED]);
    const run = await prRun(repo, base, head);
    expect(run.code).toBe(1);
    expect(api.checkRuns).toHaveLength(0);
    expect(run.stdout).toMatch(/::warning::the token may not create check runs \(HTTP 403; add `permissions: checks: write`/);
    expect(run.summary).toContain("GitHub shows 10 error and 10 warning annotations per step");
    expect(run.summary).toContain("No check run carries them: the token may not create check runs");
    expect(run.summary).toContain("in the folder named by the step's `report-dir` output");
    expect(JSON.parse(run.reportFiles!["findings.json"]!).findings).toHaveLength(FILES * (KEYS - 1) + 1);
  });

  it("check-run: false and keep-report: false: no check run, no report folder", async () => {
    const run = await prRun(repo, base, head, { "check-run": "false", "keep-report": "false", comment: "false" });
    expect(run.code).toBe(1);
    expect(api.checkRuns).toHaveLength(0);
    expect(run.outputs["report-dir"]).toBe("");
    expect(run.findingsJson).toBeDefined();
  });
});

describe("scope and suggestions", { timeout: 120_000 }, () => {
  let repo: TestRepo;
  let base: string;
  let head: string;
  const CHANGED = ["data/app.yaml", "data/new.json", "data/trail.json", "data/dup.json", "data/dup.yaml", "data/diff.yaml"];
  const APP = "x: 1\nx: 1\nport: 80\nhost: b\nname: app\n";
  const DUP_JSON = '{\n  "a": 1,\n  "a": 1,\n  "b": 2\n}\n';
  const DUP_YAML = "name: x\nport: 80\nport: 80\nhost: h\n";
  /** The annotation's `line:col`, to compare with the position counted in the fixture. */
  const lineCol = (annotation: string | undefined) =>
    /line=(\d+),col=(\d+),/
      .exec(annotation ?? "")
      ?.slice(1, 3)
      .join(":");
  beforeAll(() => {
    repo = createRepo();
    // A duplicate key the base already has (line 2): the PR does not touch it.
    repo.write("data/app.yaml", "x: 1\nx: 1\nport: 80\nhost: a\nname: app\n");
    repo.commitAll("base");
    base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    repo.write("data/app.yaml", APP);
    repo.write("data/new.json", '{"a": [1, 2\n');
    repo.write("data/trail.json", '{\n  "a": [1, 2],\n  "b": 3,\n}\n');
    repo.write("data/dup.json", DUP_JSON);
    repo.write("data/dup.yaml", DUP_YAML);
    repo.write("data/diff.yaml", "port: 80\nport: 81\n");
    repo.commitAll("PR");
    head = repo.git("rev-parse", "HEAD").trim();
  });
  afterAll(() => repo.cleanup());
  beforeEach(() => api.setPullFiles(PR, apiFiles(repo, base, head, CHANGED)));

  const annotated = (annotations: string[], file: string) => annotations.filter((a) => a.includes(`file=${file},`));

  it("changed-lines annotates only the lines the PR touched, and still fails on an error elsewhere in a changed file", async () => {
    const lines = await prRun(repo, base, head, { scope: "changed-lines", comment: "false" });
    expect(lines.code).toBe(1);
    expect(annotated(lines.annotations, "data/app.yaml")).toEqual([]);
    expect(annotated(lines.annotations, "data/new.json")).toHaveLength(1);
    expect(lineCol(annotated(lines.annotations, "data/dup.yaml")[0])).toBe(positionOf(DUP_YAML, "port: 80\nhost")); // the second "port"
    expect(lines.summary).toContain("Scope `changed-lines`: 1 finding(s) outside the lines this pull request touched are not annotated");
    // The finding is still listed in the summary and counted.
    expect(lines.summary).toMatch(at("data/app.yaml", APP, "x: 1\nport"));
    // The same PR with the default scope annotates it.
    const files = await prRun(repo, base, head, { comment: "false" });
    expect(lineCol(annotated(files.annotations, "data/app.yaml")[0])).toBe(positionOf(APP, "x: 1\nport")); // the second "x"
    expect(files.outputs.errors).toBe(lines.outputs.errors);
  });

  it("changed-lines works from git diff when the API cannot list the files", async () => {
    api.failNext({ method: "GET", path: /\/pulls\/\d+\/files$/, status: 403, times: 1 });
    const run = await prRun(repo, base, head, { scope: "changed-lines", comment: "false" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("trying git diff");
    expect(annotated(run.annotations, "data/app.yaml")).toEqual([]);
    expect(lineCol(annotated(run.annotations, "data/dup.json")[0])).toBe(positionOf(DUP_JSON, '"a": 1,\n  "b"')); // the second "a"
  });

  it("whole-tree checks every file on a pull request", async () => {
    repo.git("switch", "-q", "main");
    try {
      // Untracked in the PR: a broken file only the whole tree sees.
      repo.write("other/broken.json", "{");
      repo.git("add", "other/broken.json");
      repo.git("commit", "-q", "-m", "broken on main");
      const mainHead = repo.git("rev-parse", "HEAD").trim();
      // The base holds it too: a file the checkout changes against the base is checked (the API's list may be of a newer head).
      const files = await prRun(repo, mainHead, mainHead, { comment: "false" });
      expect(annotated(files.annotations, "other/broken.json")).toEqual([]);
      const whole = await prRun(repo, base, mainHead, { scope: "whole-tree", comment: "false" });
      expect(annotated(whole.annotations, "other/broken.json")).toHaveLength(1);
      expect(whole.summary).toContain("whole tree checked");
    } finally {
      repo.git("reset", "-q", "--hard", base);
      repo.git("switch", "-q", "feature");
    }
  });

  it("suggestions: one review with a suggested change per mechanical fix; applying them gives valid files; not repeated", async () => {
    const run = await prRun(repo, base, head, { suggestions: "true", comment: "false" });
    expect(run.code).toBe(1);
    expect(api.find("POST", `/pulls/${PR}/reviews`)).toHaveLength(1);
    const review = api.find("POST", `/pulls/${PR}/reviews`)[0]!.body as { commit_id: string; event: string };
    expect(review).toMatchObject({ commit_id: head, event: "COMMENT" });
    const byFile = new Map(api.reviewComments.map((c) => [`${c.path}:${c.line}`, c.body]));
    expect([...byFile.keys()].sort()).toEqual(["data/dup.json:3", "data/dup.yaml:3", "data/trail.json:3"]);
    // diff.yaml's values differ (80, 81): which to keep is not mechanical. app.yaml's line 2 is not in the PR.
    for (const c of api.reviewComments) expect(c.body).toMatch(/```suggestion\n/);
    const apply = (file: string, line: number) => {
      const body = byFile.get(`${file}:${line}`)!;
      const m = /```suggestion\n([^]*?)```/.exec(body)!;
      const lines = repo.read(file).split("\n");
      lines.splice(line - 1, 1, ...(m[1] === "" ? [] : [m[1]!.replace(/\n$/, "")]));
      return lines.join("\n");
    };
    expect(JSON.parse(apply("data/trail.json", 3))).toEqual({ a: [1, 2], b: 3 });
    expect(JSON.parse(apply("data/dup.json", 3))).toEqual({ a: 1, b: 2 });
    const yaml = parseDocument(apply("data/dup.yaml", 3), { uniqueKeys: true });
    expect(yaml.errors).toEqual([]);
    expect(yaml.toJS()).toEqual({ name: "x", port: 80, host: "h" });
    // A re-run finds its suggestions on the PR and posts nothing new.
    await prRun(repo, base, head, { suggestions: "true", comment: "false" });
    expect(api.find("POST", `/pulls/${PR}/reviews`)).toHaveLength(1);
    expect(api.reviewComments).toHaveLength(3);
  });

  it("suggestions are off by default", async () => {
    await prRun(repo, base, head, { comment: "false" });
    expect(api.find("POST", `/pulls/${PR}/reviews`)).toHaveLength(0);
    expect(api.find("GET", `/pulls/${PR}/comments`)).toHaveLength(0);
  });
});

describe("health alerts from the Action", { timeout: 60_000 }, () => {
  it("alert: true sends the alerts to the configured webhook; without it nothing is sent", async () => {
    const hook = await startWebhookServer();
    const repo = createRepo();
    try {
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nhealth:\n  critical_files: ["state.json"]\n  weights: { disk: 0 }\n  max_snapshot_age: { hourly: 2h }\nsnapshots:\n  sets:\n    hourly: { paths: ["state.json"] }\nalerts:\n  - { level: INFO, webhook: { url: env:HOOK, format: slack } }\n',
      );
      repo.write("state.json", '{"ok": true}\n');
      repo.commitAll("health config");
      const env = { HOOK: `${hook.url}/services/T1/B2/SECRETPART` };
      const health = (inputs: Record<string, string>) =>
        runActionBundle({
          repo,
          apiUrl: api.url,
          eventName: "schedule",
          payload: payloads.schedule(),
          inputs: { command: "health", "fail-on": "never", ...inputs },
          env,
        });
      const quiet = await health({});
      expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
      expect(hook.requests).toHaveLength(0);
      const run = await health({ alert: "true" });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // No snapshot: backups are CRITICAL, so there is an alert to send.
      expect(hook.requests).toHaveLength(1);
      expect(hook.requests[0]!.path).toBe("/services/T1/B2/SECRETPART");
      expect(hook.requests[0]!.body).toMatchObject({ text: expect.stringContaining("CRITICAL") });
      expect(run.summary).toContain("webhook slack");
      const printed = run.stdout.split("\n").filter((l) => !l.startsWith("::add-mask::"));
      expect(printed.join("\n") + run.summary).not.toContain("SECRETPART");
      // alert is for health only.
      const wrong = await runActionBundle({ repo, eventName: "schedule", payload: payloads.schedule(), inputs: { alert: "true" } });
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain("input `alert` is not used by command `check`");
      expect(fs.existsSync(path.join(repo.dir, ".git"))).toBe(true);
    } finally {
      repo.cleanup();
      await hook.close();
    }
  });
});
