/**
 * Issue 13's Helm case: a real chart with thousands of lines of Go templates under templates/
 * (kube-prometheus-stack from the real-world corpus, test/fixtures/real-world/SOURCES.md).
 * Before the template fixes every template line is a YAML error, tens of thousands of findings:
 * `check` (CLI, every output format, the hook's --staged) and the Action bundle (push and
 * pull_request) must still finish with a complete report, never exit 2 or overflow the stack.
 * What the findings are is the real-world test's business; here: no crash, report whole.
 *
 * The repository in the issue (all the prometheus-community charts) had 123,273 findings, and
 * that volume overflowed the stack (`RangeError`, exit 2, no report). The last describe block
 * rebuilds that volume with three copies of the chart: it must finish with a complete report.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, PROJECT_ROOT, type CliRun, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "./action-harness.js";

const CHART_SRC = path.join(PROJECT_ROOT, "test/fixtures/real-world/prometheus-community__helm-charts/charts/kube-prometheus-stack");
const CHART = "charts/kube-prometheus-stack";
const PR = 13;
const CRASH = /RangeError|Maximum call stack|internal error|heap out of memory/i;

let repo: TestRepo;
let base: string;
let head: string;
let chartFiles: string[];

/** The built CLI, like repo.cliBundle but with room for a report of tens of MB (spawnSync keeps 1 MB by default). */
function cliIn(r0: TestRepo, args: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: r0.dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const cli = (args: string[]) => cliIn(repo, args);

function listFiles(dir: string, prefix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = `${prefix}/${d.name}`;
    return d.isDirectory() ? listFiles(path.join(dir, d.name), rel) : [rel];
  });
}

/** main: the starter config and one clean file; feature: adds the whole chart. */
beforeAll(() => {
  repo = createRepo();
  repo.write("README.json", '{"name": "cluster"}\n');
  expect(cli(["init", "--no-hook"]).code).toBe(0);
  repo.commitAll("base");
  base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  fs.cpSync(CHART_SRC, path.join(repo.dir, CHART), { recursive: true });
  chartFiles = listFiles(path.join(repo.dir, CHART), CHART);
  repo.commitAll("add the chart");
  head = repo.git("rev-parse", "HEAD").trim();
});
afterAll(() => repo.cleanup());

describe("Helm chart with thousands of template lines", () => {
  it("the fixture is what the case needs: a Chart.yaml beside templates/ with over 10,000 lines", () => {
    expect(fs.existsSync(path.join(repo.dir, CHART, "Chart.yaml"))).toBe(true);
    const templates = chartFiles.filter((f) => f.startsWith(`${CHART}/templates/`));
    const lines = templates.reduce((n, f) => n + fs.readFileSync(path.join(repo.dir, f), "utf8").split("\n").length, 0);
    expect(templates.length).toBeGreaterThan(100);
    expect(lines).toBeGreaterThan(10_000);
  });

  it("check --format json: exit 0 or 1 and one complete JSON report", () => {
    const r = cli(["check", "--format", "json"]);
    expect(r.stderr).not.toMatch(CRASH);
    expect([0, 1], r.stderr.slice(0, 2000)).toContain(r.code);
    const report = JSON.parse(r.stdout) as {
      findings: { rule: string; file?: string }[];
      summary: { checked: number; errors: number };
    };
    expect(Array.isArray(report.findings)).toBe(true);
    // The templates are skipped with one notice for the chart; its Chart.yaml and values are checked.
    expect(report.findings.filter((f) => f.rule === "validate/template").map((f) => f.file)).toEqual([`${CHART}/templates/`]);
    expect(report.summary.checked).toBeGreaterThan(0);
    expect(report.summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });

  it("check (text) and check --format sarif: exit 0 or 1 with their summary / a whole SARIF log", () => {
    const text = cli(["check"]);
    expect(text.stderr).not.toMatch(CRASH);
    expect([0, 1], text.stderr.slice(0, 2000)).toContain(text.code);
    expect(text.stdout).toMatch(/\(\d+ files checked\)\s*$/);

    const sarif = cli(["check", "--format", "sarif"]);
    expect(sarif.stderr).not.toMatch(CRASH);
    expect([0, 1], sarif.stderr.slice(0, 2000)).toContain(sarif.code);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
  });

  it("the hook's check --staged on the staged chart: exit 0 or 1, never a crash", () => {
    repo.git("reset", "-q", "--soft", base);
    try {
      const r = cli(["check", "--staged"]);
      expect(r.stderr).not.toMatch(CRASH);
      expect([0, 1], r.stderr.slice(0, 2000)).toContain(r.code);
      expect(r.stdout + r.stderr).not.toBe("");
    } finally {
      repo.git("reset", "-q", "--soft", head);
    }
  });
});

describe("Helm chart through the Action bundle", () => {
  let api: GitHubApi;
  beforeEach(async () => {
    api = await startGitHubApi();
    api.setPullFiles(PR, chartFiles);
  });
  afterEach(async () => {
    await api.close();
  });

  it("push: the whole tree is checked, a job summary, outputs and a complete findings file", async () => {
    const run = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "push",
      payload: payloads.push(base, head, "refs/heads/feature"),
    });
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    expect([0, 1], run.stderr.slice(0, 2000)).toContain(run.code);
    expect(run.summary).toMatch(/## integrity-guard check: /);
    expect(run.outputs.status).toMatch(/^(passed|failed)$/);
    expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(run.findingsJson!) as { findings: unknown[] };
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it("pull_request adding the chart: a job summary, outputs, a complete findings file and the sticky comment", async () => {
    const run = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(PR, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    });
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    expect([0, 1], run.stderr.slice(0, 2000)).toContain(run.code);
    expect(run.summary).toMatch(/## integrity-guard check: /);
    expect(run.outputs.status).toMatch(/^(passed|failed)$/);
    const report = JSON.parse(run.findingsJson!) as { findings: unknown[] };
    expect(Array.isArray(report.findings)).toBe(true);
    // One comment, within GitHub's 65,536-character limit for a comment body.
    const comments = api.comments.filter((c) => c.body.includes("<!-- integrity-guard:sticky -->"));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.length).toBeLessThanOrEqual(65_536);
  });
});

/**
 * The volume: three copies of the chart, with the templates checked as they are
 * (`validate.templates.mode: check`), which gives over 150,000 findings: the run must finish.
 */
describe("three charts' worth of templates checked as YAML (the issue's 123,273 findings)", () => {
  let big: TestRepo;
  beforeAll(() => {
    big = createRepo();
    big.write("README.json", '{"name": "cluster"}\n');
    for (const name of ["kube-prometheus-stack", "kps-copy-1", "kps-copy-2"]) {
      fs.cpSync(CHART_SRC, path.join(big.dir, "charts", name), { recursive: true });
    }
    big.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  templates:\n    mode: check\n");
    big.commitAll("three charts");
  });
  afterAll(() => big.cleanup());

  it("check --format json finishes with a complete report", () => {
    const r = cliIn(big, ["check", "--format", "json"]);
    expect(r.stderr).not.toMatch(CRASH);
    expect([0, 1], r.stderr.slice(0, 2000)).toContain(r.code);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { checked: number; errors: number; omitted: number } };
    expect(report.summary.checked).toBeGreaterThan(300);
    expect(report.summary.errors).toBeGreaterThan(100_000);
    expect(report.summary.omitted).toBeGreaterThan(0); // capped per file, still counted
  });

  it("the Action on push writes its summary and findings file", async () => {
    const sha = big.git("rev-parse", "HEAD").trim();
    const run = await runActionBundle({ repo: big, eventName: "push", payload: payloads.push("0".repeat(40), sha) });
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    expect([0, 1], run.stderr.slice(0, 2000)).toContain(run.code);
    expect(run.summary).toMatch(/## integrity-guard check: /);
    expect(Array.isArray((JSON.parse(run.findingsJson!) as { findings: unknown[] }).findings)).toBe(true);
  });
});
