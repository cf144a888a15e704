/**
 * Red team round 15: events that run the default branch's workflow, with its secrets, while
 * their payload names another commit. `check_run` and `check_suite` (a "re-run" button, or a
 * suite completing on a pull request's or a fork's head), `status` (an external CI reporting on a
 * pull request's commit) and `repository_dispatch` (the "/ok-to-test" ChatOps pattern of
 * slash-command-dispatch, which checks out `refs/pull/N/merge`) all run at GITHUB_SHA, the default
 * branch's newest commit, and their workflows check out the payload's commit
 * (`github.event.check_run.head_sha`, `github.event.sha`,
 * `github.event.client_payload.pull_request.head.sha`). They were whole-tree runs under the
 * checkout's own config, so a pull request that set `validate: { exclude: ["**"] }` beside a
 * broken file passed. Now their rules come from GITHUB_SHA, as after `issue_comment` and
 * `workflow_run`; the writers refuse a check suite or check run for a pull request or a fork.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

let repo: TestRepo;
let base: string;
let head: string;

beforeEach(() => {
  repo = createRepo();
  repo.write(".integrity-guard/config.yml", "version: 1\n");
  repo.write("data/state.json", '{"v": 1}\n');
  repo.commitAll("main");
  base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["**"]\n');
  repo.write("data/state.json", '{"v": 1,\n');
  repo.commitAll("switch the checks off, break a file");
  head = repo.git("rev-parse", "HEAD").trim();
});
afterEach(() => repo.cleanup());

const sender = { login: "mallory", id: 2, type: "User" };
const app = { id: 15368, slug: "github-actions", name: "GitHub Actions" };
const pr = (sha: string) => ({
  url: "https://api.github.com/repos/acme/app/pulls/7",
  id: 100007,
  number: 7,
  head: { ref: "feature", sha, repo: { id: 1296269, url: "https://api.github.com/repos/acme/app", name: "app" } },
  base: { ref: "main", sha: base, repo: { id: 1296269, url: "https://api.github.com/repos/acme/app", name: "app" } },
});
/** A check suite on a fork's head: GitHub sends head_branch null and no pull requests. */
const suite = (fork: boolean) => ({
  id: 5,
  head_branch: fork ? null : "feature",
  head_sha: head,
  status: "completed",
  conclusion: "failure",
  pull_requests: fork ? [] : [pr(head)],
  app,
});

/** The payloads, built once the commits exist. */
const events = (): Record<string, unknown> => ({
  check_run: {
    action: "rerequested",
    check_run: {
      id: 9,
      name: "integrity",
      head_sha: head,
      status: "completed",
      conclusion: "failure",
      check_suite: suite(false),
      pull_requests: [pr(head)],
      app,
    },
    repository: payloads.repository(),
    sender,
  },
  check_suite: { action: "completed", check_suite: suite(true), repository: payloads.repository(), sender },
  status: {
    id: 3,
    sha: head,
    name: "acme/app",
    state: "success",
    context: "ci/external",
    branches: [],
    commit: { sha: head },
    repository: payloads.repository(),
    sender,
  },
  repository_dispatch: {
    action: "ok-to-test-command",
    branch: "main",
    client_payload: { pull_request: pr(head), slash_command: { command: "ok-to-test", args: { named: { sha: head.slice(0, 7) } } } },
    repository: payloads.repository(),
    sender,
  },
});

// Each runs at the default branch's newest commit (GITHUB_SHA), with the payload's commit checked out.
const run = (eventName: string, inputs: Record<string, string> = {}, payload = events()[eventName]) =>
  runActionBundle({
    repo,
    eventName,
    payload,
    inputs: { command: "check", comment: "false", token: "", ...inputs },
    env: { GITHUB_SHA: base, GITHUB_REF: "refs/heads/main" },
  });

describe("events that run the default branch's workflow on another commit are judged by GITHUB_SHA's rules", () => {
  for (const eventName of ["check_run", "check_suite", "status", "repository_dispatch"]) {
    it(`${eventName}: the default branch's rules find the broken file the checkout's config excludes`, async () => {
      const r = await run(eventName);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const found = (JSON.parse(r.findingsJson ?? "{}") as { findings?: { rule: string; file?: string }[] }).findings ?? [];
      expect(found.map((f) => `${f.rule} ${f.file ?? ""}`)).toContain("parse/truncated data/state.json");
      expect(found.map((f) => f.rule)).toContain("trust/config-changed");
      expect(r.summary).toContain(`as in the base commit ${base.slice(0, 12)}`);
    });
  }

  it("check_suite on the default branch's own commit, checked out: clean and passing (guard)", async () => {
    repo.git("switch", "-q", "main");
    const own = { action: "completed", check_suite: { ...suite(false), head_branch: "main", head_sha: base, pull_requests: [] } };
    const r = await run("check_suite", {}, { ...own, repository: payloads.repository(), sender });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});

describe("the writers refuse a check suite or check run for a pull request or a fork, and a status on a commit off the default branch", () => {
  for (const [eventName, where] of [
    ["check_run", /`check_run` for a pull request/],
    ["check_suite", /`check_suite` for a fork/],
    ["status", /`status` for a commit not on the default branch/],
  ] as const) {
    it(`${eventName}: snapshot does not run`, async () => {
      const r = await run(eventName, { command: "snapshot", set: "daily" });
      expect(r.stdout + r.stderr).toMatch(where);
      expect(r.code).not.toBe(0);
    });
  }

  it("status on a commit of the default branch: not refused as untrusted (guard)", async () => {
    const onMain = { ...(events().status as Record<string, unknown>), sha: base, branches: [{ name: "main", commit: { sha: base } }] };
    const r = await run("status", { command: "snapshot", set: "daily" }, onMain);
    expect(r.stdout + r.stderr).not.toMatch(/does not run on `status`/);
  });
});
