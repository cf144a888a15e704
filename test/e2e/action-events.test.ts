/**
 * The built Action on push, schedule and workflow_dispatch (whole tree, no comment), and the
 * strict validation of inputs before anything runs.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "./action-harness.js";

let repo: TestRepo;
let api: GitHubApi;
let sha: string;

beforeAll(() => {
  repo = createRepo();
  repo.write("data/state.json", '{"status": "ok"}\n');
  repo.write("legacy/old.json", '{"broken": \n');
  repo.write("config/app.yaml", "a: 1\na: 2\n");
  repo.commitAll("base");
  sha = repo.git("rev-parse", "HEAD").trim();
});
afterAll(() => repo.cleanup());
beforeEach(async () => {
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
});

const events: [string, () => unknown][] = [
  ["push", () => payloads.push("0".repeat(40), sha)],
  ["schedule", () => payloads.schedule()],
  ["workflow_dispatch", () => payloads.workflowDispatch({ command: "check" })],
];

describe.each(events)("Action on %s", (eventName, payload) => {
  it("checks the whole tree, annotates every finding, writes summary and outputs, posts no comment", async () => {
    const run = await runActionBundle({ repo, apiUrl: api.url, eventName, payload: payload() });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const files = run.annotations.map((a) => /file=([^,]+)/.exec(a)![1]);
    expect(files).toEqual(["config/app.yaml", "legacy/old.json"]);
    expect(run.annotations[0]).toMatch(
      /^::error file=config\/app\.yaml,line=2,col=1(,endLine=2)?(,endColumn=\d+)?,title=parse\/duplicate-key::/,
    );
    // A file cut short: reported where it ends, with the escaped multi-line message (%0A).
    expect(run.annotations[1]).toMatch(/^::error file=legacy\/old\.json,line=2,col=1,title=parse\/truncated::[^\n]*%0Afix: [^\n]+$/);
    expect(run.summary).toContain(`Event \`${eventName}\`: whole tree checked.`);
    expect(run.summary).toContain("## integrity-guard check: ❌ 2 errors, 0 warnings in 2 files");
    expect(run.outputs).toMatchObject({ errors: "2", warnings: "0", status: "failed" });
    expect(api.requests).toEqual([]);
  });
});

describe("Action inputs are validated before anything runs", () => {
  const run = (inputs: Record<string, string>) =>
    runActionBundle({ repo, apiUrl: api.url, eventName: "push", payload: payloads.push("0".repeat(40), sha), inputs });

  it("rejects an unknown command, listing the accepted values", async () => {
    const r = await run({ command: "chek" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error::integrity-guard: input `command` is "chek", which is not accepted; accepted: check, verify, conflicts, health, snapshot, restore, prune%0A  fix: ',
    );
    expect(r.summary).toBe(
      '## integrity-guard: could not run\n\n```text\ninput `command` is "chek", which is not accepted; accepted: check, verify, conflicts, health, snapshot, restore, prune\n  fix: set `command` to one of the accepted values (they are case-sensitive)\n```\n',
    );
    // Written although nothing ran, so a later `if: always()` step can tell (issue 17).
    expect(r.outputs).toEqual({
      errors: "",
      warnings: "",
      "findings-file": "",
      "report-dir": "",
      "health-score": "",
      status: "error",
      snapshot: "",
    });
    expect(api.requests).toEqual([]);
  });

  it("rejects a non-boolean `comment` (yes is not YAML 1.2 core)", async () => {
    const r = await run({ comment: "yes" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'input `comment` is "yes", which is not a boolean; accepted: true, True, TRUE, false, False, FALSE%0A  fix: set `comment` to true or false',
    );
  });

  it("rejects a bad fail-on, a hostile sarif path and an input the command does not use", async () => {
    expect((await run({ "fail-on": "errors" })).stdout).toContain('input `fail-on` is "errors"');
    expect((await run({ sarif: "../out.sarif" })).stdout).toMatch(/input `sarif` "\.\.\/out\.sarif" contains "\.\."/);
    expect((await run({ sarif: "/tmp/x.sarif" })).stdout).toMatch(/input `sarif` "\/tmp\/x\.sarif" is absolute/);
    expect((await run({ snapshot: "latest" })).stdout).toContain("input `snapshot` is not used by command `check`");
    expect((await run({ command: "snapshot" })).stdout).toContain("command `snapshot` needs input `set`");
  });

  it("fails clearly (never green) when the pull_request payload is unreadable", async () => {
    const r = await runActionBundle({ repo, apiUrl: api.url, eventName: "pull_request", payload: { action: "opened" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::integrity-guard: the pull_request payload in .* has no pull_request.number/m);
  });

  it("fails clearly when the workspace is not a git repository", async () => {
    const r = await runActionBundle({ repo, eventName: "push", payload: {}, env: { GITHUB_WORKSPACE: "/" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::integrity-guard: \/ is not inside a git work tree/m);
  });
});

describe("self-test mirror: uses: ./ on examples/agent-workspace (as .github/workflows/self-test.yml)", () => {
  it("the clean example passes; a truncated fsm_state.json fails with the annotation path relative to the workspace", async () => {
    const outer = createRepo();
    try {
      const inner = path.join(outer.dir, "examples/agent-workspace");
      fs.cpSync(path.join(PROJECT_ROOT, "examples/agent-workspace"), inner, { recursive: true });
      const git = (...args: string[]) => execFileSync("git", args, { cwd: inner, env: { ...process.env, ...GIT_ENV }, stdio: "pipe" });
      git("init", "-q", "-b", "main");
      // As self-test.yml: seal the example when it ships without a manifest.
      if (!fs.existsSync(path.join(inner, ".integrity-guard/manifest.json"))) {
        const seal = await outer.cli(["seal", "-C", inner]);
        expect(seal.code, seal.stdout + seal.stderr).toBe(0);
      }
      git("add", "-A");
      git("commit", "-q", "--no-verify", "-m", "example");
      // config-source: head, as self-test.yml: the example is a repository of its own, which the
      // pull request's base commit is not part of.
      const inputs = {
        "working-directory": "examples/agent-workspace",
        comment: "false",
        sarif: "integrity-guard.sarif",
        "config-source": "head",
      };
      const clean = await runActionBundle({
        repo: outer,
        eventName: "push",
        payload: payloads.push("0".repeat(40), "1".repeat(40)),
        inputs,
      });
      expect(clean.code, clean.stdout + clean.stderr).toBe(0);
      expect(clean.outputs.errors).toBe("0");
      expect(fs.statSync(path.join(outer.dir, "integrity-guard.sarif")).size).toBeGreaterThan(0);
      fs.writeFileSync(path.join(inner, "fsm_state.json"), '{"states": {');
      const corrupt = await runActionBundle({
        repo: outer,
        eventName: "push",
        payload: payloads.push("0".repeat(40), "1".repeat(40)),
        inputs,
      });
      expect(corrupt.code).toBe(1);
      expect(Number(corrupt.outputs.errors)).toBeGreaterThanOrEqual(1);
      expect(corrupt.annotations.some((a) => a.startsWith("::error file=examples/agent-workspace/fsm_state.json,line=1,"))).toBe(true);
      // The same as a pull request: the API lists paths of the outer repository.
      api.setPullFiles(1, ["examples/agent-workspace/fsm_state.json", "README.md"]);
      const sha = "1".repeat(40);
      const pull = await runActionBundle({
        repo: outer,
        apiUrl: api.url,
        eventName: "pull_request",
        payload: payloads.pullRequest(1, { ref: "main", sha }, { ref: "f", sha }),
        inputs,
      });
      expect(pull.code).toBe(1);
      expect(pull.summary).toContain("Pull request #1: 1 changed file(s) checked");
      expect(pull.annotations.some((a) => a.startsWith("::error file=examples/agent-workspace/fsm_state.json,line=1,"))).toBe(true);
    } finally {
      outer.cleanup();
    }
  });
});

describe("Action runs every command through the same command functions", () => {
  let r: TestRepo;
  beforeAll(async () => {
    r = createRepo();
    r.write(
      ".integrity-guard/config.yml",
      "version: 1\nmanifest:\n  include: [data/**]\nconfig:\n  files: [config/*.yaml]\n  precedence: [config/system.yaml, config/local.yaml]\n",
    );
    r.write("data/a.json", '{"a": 1}\n');
    r.write("config/system.yaml", "database:\n  port: 5432\n");
    r.write("config/local.yaml", "database:\n  port: 6543\n");
    r.commitAll("base");
    const seal = await r.cli(["seal"]);
    expect(seal.code, seal.stdout + seal.stderr).toBe(0);
    r.commitAll("seal");
    r.write("data/a.json", '{"a": 2}\n');
  });
  afterAll(() => r.cleanup());
  const run = (command: string, inputs: Record<string, string> = {}) =>
    runActionBundle({ repo: r, apiUrl: api.url, eventName: "schedule", payload: payloads.schedule(), inputs: { command, ...inputs } });

  it("verify: a modified sealed file is an error annotation", async () => {
    const v = await run("verify");
    expect(v.code, v.stdout + v.stderr).toBe(1);
    expect(v.annotations.some((a) => a.startsWith("::error file=data/a.json,") && a.includes("title=manifest/modified::"))).toBe(true);
    expect(v.summary).toContain("## integrity-guard verify: ❌");
  });

  it("conflicts: the same key with different values is reported with both files", async () => {
    const c = await run("conflicts", { "fail-on": "never" });
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(c.annotations.some((a) => /title=config\/conflict::/.test(a) && a.includes("config/"))).toBe(true);
    expect(c.summary).toContain("config/conflict");
  });

  it("health: the score and status become outputs", async () => {
    const h = await run("health", { "fail-on": "never" });
    expect(h.code, h.stdout + h.stderr).toBe(0);
    expect(h.outputs["health-score"]).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(h.outputs["health-score"])).toBeLessThanOrEqual(100);
    expect(["HEALTHY", "DEGRADED", "CRITICAL"]).toContain(h.outputs.status);
    // This run's score is in the summary's history table.
    expect(h.summary).toContain("### Health score over time");
    expect(h.summary).toMatch(
      new RegExp(`\\| \\d{4}-[^|]+ \\| ${h.outputs["health-score"]!.replace(".", "\\.")} \\| ${h.outputs.status} \\|`),
    );
  });
});
