/**
 * Run the built Action (dist/action/index.js, or $IG_DIST/action/index.js) as the runner does:
 * INPUT_* variables (names keep their hyphens), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_EVENT_PATH with a real-shaped payload, GITHUB_WORKSPACE, GITHUB_API_URL.
 * The child runs asynchronously: the API stand-in lives in this process.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ACTION_BUNDLE, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Lines of stdout that are workflow commands for annotations (::error, ::warning, ::notice). */
  annotations: string[];
  outputs: Record<string, string>;
  summary: string;
  /** Values registered with ::add-mask::. */
  masks: string[];
  /** Content of the file the findings-file output names (read before RUNNER_TEMP is removed). */
  findingsJson?: string;
  /** Files in the folder the report-dir output names, by name (read before RUNNER_TEMP is removed). */
  reportFiles?: Record<string, string>;
}

export interface RunOptions {
  repo: TestRepo;
  apiUrl?: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  repository?: string;
  /** Kill the Action after this many ms (SIGKILL): a test of a hang fails instead of leaving it running. */
  timeout?: number;
}

/** Parse GITHUB_OUTPUT as @actions/core 3 writes it: `name<<delimiter\nvalue\ndelimiter\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const [, name, delim] = m;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join("\n");
    } else if (lines[i]!.includes("=")) {
      const eq = lines[i]!.indexOf("=");
      out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
    }
  }
  return out;
}

const DEFAULT_INPUTS: Record<string, string> = {
  command: "check",
  token: "ghs_testtoken123456",
  comment: "true",
  "fail-on": "error",
  "working-directory": "",
  mode: "",
};

export function runActionBundle(o: RunOptions): Promise<ActionRun> {
  const tmp = makeTempDir("ig-runner-");
  const eventPath = path.join(tmp, "event.json");
  const outputPath = path.join(tmp, "output.txt");
  const summaryPath = path.join(tmp, "summary.md");
  fs.writeFileSync(eventPath, JSON.stringify(o.payload, null, 2));
  fs.writeFileSync(outputPath, "");
  fs.writeFileSync(summaryPath, "");
  const inputs = { ...DEFAULT_INPUTS, ...o.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: o.repo.dir,
    ...GIT_ENV,
    NO_PROXY: "127.0.0.1,localhost",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: o.repo.dir,
    GITHUB_REPOSITORY: o.repository ?? "acme/app",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    GITHUB_SHA: o.repo.tryGit("rev-parse", "HEAD").stdout.trim(),
    RUNNER_TEMP: tmp,
    ...(o.apiUrl ? { GITHUB_API_URL: o.apiUrl } : {}),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, "_").toUpperCase()}`, v])),
    ...o.env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ACTION_BUNDLE],
      {
        cwd: o.repo.dir,
        env,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        ...(o.timeout ? { timeout: o.timeout, killSignal: "SIGKILL" as const } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const lines = stdout.split(/\r?\n/);
        const run: ActionRun = {
          code,
          stdout,
          stderr,
          annotations: lines.filter((l) => /^::(error|warning|notice) .*file=/.test(l)),
          outputs: parseOutputFile(fs.readFileSync(outputPath, "utf8")),
          summary: fs.readFileSync(summaryPath, "utf8"),
          masks: lines.filter((l) => l.startsWith("::add-mask::")).map((l) => l.slice("::add-mask::".length)),
        };
        const ff = run.outputs["findings-file"];
        if (ff && fs.existsSync(ff)) run.findingsJson = fs.readFileSync(ff, "utf8");
        const rd = run.outputs["report-dir"];
        if (rd && fs.existsSync(rd))
          run.reportFiles = Object.fromEntries(fs.readdirSync(rd).map((n) => [n, fs.readFileSync(path.join(rd, n), "utf8")]));
        fs.rmSync(tmp, { recursive: true, force: true });
        resolve(run);
      },
    );
  });
}

/** Real-shaped event payloads (trimmed to the fields GitHub always sends that matter here). */
export const payloads = {
  repository: (full = "acme/app") => ({
    id: 1296269,
    name: full.split("/")[1],
    full_name: full,
    private: false,
    owner: { login: full.split("/")[0], id: 1, type: "Organization" },
    html_url: `https://github.com/${full}`,
    default_branch: "main",
  }),
  pullRequest(n: number, base: { ref: string; sha: string }, head: { ref: string; sha: string }) {
    const repository = payloads.repository();
    return {
      action: "synchronize",
      number: n,
      before: base.sha,
      after: head.sha,
      pull_request: {
        url: `https://api.github.com/repos/acme/app/pulls/${n}`,
        id: 100000 + n,
        number: n,
        state: "open",
        title: "Update state files",
        user: { login: "octocat", id: 583231, type: "User" },
        body: null,
        draft: false,
        merged: false,
        head: { label: `acme:${head.ref}`, ref: head.ref, sha: head.sha, repo: repository, user: repository.owner },
        base: { label: `acme:${base.ref}`, ref: base.ref, sha: base.sha, repo: repository, user: repository.owner },
        commits: 1,
        changed_files: 1,
      },
      repository,
      sender: { login: "octocat", id: 583231, type: "User" },
    };
  },
  push(before: string, after: string, ref = "refs/heads/main") {
    return {
      ref,
      before,
      after,
      created: false,
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `https://github.com/acme/app/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
      commits: [
        {
          id: after,
          message: "update",
          timestamp: "2026-11-26T13:00:00Z",
          author: { name: "Test", email: "test@example.com" },
          added: [],
          removed: [],
          modified: [],
        },
      ],
      head_commit: { id: after, message: "update" },
      repository: payloads.repository(),
      pusher: { name: "octocat", email: "octocat@example.com" },
      sender: { login: "octocat", id: 583231, type: "User" },
    };
  },
  schedule: (cron = "17 3 * * *") => ({
    schedule: cron,
    repository: payloads.repository(),
    workflow: ".github/workflows/integrity-check.yml",
  }),
  workflowDispatch: (inputs: Record<string, string> = {}, ref = "refs/heads/main") => ({
    inputs,
    ref,
    repository: payloads.repository(),
    sender: { login: "octocat", id: 583231, type: "User" },
    workflow: ".github/workflows/integrity-restore.yml",
  }),
};

/**
 * The Action on a pull request, as the runner starts it: the repository's committed state is the
 * base (`main`), `change` makes the PR's commit on `feature` (committed with --no-verify, as a
 * contributor without the hook would), and the bundle runs on that head with comments off
 * (`env` added to the runner's variables).
 */
export async function runPullRequest(
  repo: TestRepo,
  change: (r: TestRepo) => void,
  inputs: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  change(repo);
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  return runActionBundle({
    repo,
    eventName: "pull_request",
    payload: payloads.pullRequest(5, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false", token: "", ...inputs },
    env,
  });
}
