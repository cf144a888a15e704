/**
 * The built Action running `restore` from workflow_dispatch, as integrity-restore.yml does:
 * mode pr restores, commits on a new branch, pushes it to origin (a local bare repository) and
 * opens a pull request through the API; mode push commits to the checked-out branch.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import type { SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo, takeSnapshot, type PushedSnapshotRepo } from "../helpers/snapshot-repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle } from "./action-harness.js";

const GOOD = '{"status": "ok", "progress": 42}\n';
const BAD = '{"status": "ok", "progr';
let setup: PushedSnapshotRepo;
let repo: TestRepo;
let origin: TestRepo;
let api: GitHubApi;
let snapshotId: string;
let key: SshKey;

beforeEach(async () => {
  setup = pushedSnapshotRepo({ files: { "data/state.json": GOOD, "README.md": "x\n" } });
  ({ repo, origin, key } = setup);
  snapshotId = await takeSnapshot(setup);
  repo.write("data/state.json", BAD);
  repo.commitAll("an interrupted write got committed");
  repo.git("push", "-q", "origin", "main");
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
  setup.cleanup();
});

const restore = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "workflow_dispatch",
    payload: payloads.workflowDispatch(inputs),
    inputs: { command: "restore", ...inputs },
    env: { IG_TEST_SIGNING_KEY: key.privateKey, ...env },
  });

describe("Action snapshot and restore", () => {
  it("snapshot: takes the set's snapshot and pushes the snapshot branch; outputs its id", async () => {
    repo.write("data/state.json", GOOD.replace("42", "43"));
    repo.commitAll("progress");
    const run = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "schedule",
      payload: payloads.schedule("17 * * * *"),
      inputs: { command: "snapshot", set: "hourly" },
      env: { IG_TEST_SIGNING_KEY: key.privateKey },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.snapshot).toMatch(/^[0-9a-f]{40}$/);
    expect(run.outputs.snapshot).not.toBe(snapshotId);
    expect(origin.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(run.outputs.snapshot);
    expect(origin.git("show", `${run.outputs.snapshot}:data/state.json`)).toBe(GOOD.replace("42", "43"));
    expect(run.outputs).toMatchObject({ errors: "0", status: "passed" });
    expect(api.requests).toEqual([]);
  });

  it("mode pr: pushes a branch with the restored file and opens one pull request", async () => {
    const run = await restore({ snapshot: "hourly", paths: "data/state.json", mode: "pr" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const posts = api.find("POST", "/repos/acme/app/pulls");
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as { head: string; base: string; title: string; body: string };
    expect(body.base).toBe("main");
    expect(body.head).toBe(`integrity-guard/restore-hourly-4242`);
    expect(body.title).toBe("Restore from snapshot hourly");
    expect(body.body).toContain("`data/state.json`");
    // The branch is on the remote with the snapshot's content; main there is untouched.
    expect(origin.git("show", `${body.head}:data/state.json`)).toBe(GOOD);
    expect(origin.git("show", "main:data/state.json")).toBe(BAD);
    expect(origin.git("log", "-1", "--format=%s", body.head).trim()).toBe(`Restore data/state.json from snapshot hourly`);
    expect(run.outputs.snapshot).toBe(snapshotId);
    // The signing key named by the config (env:IG_TEST_SIGNING_KEY) is masked, line by line.
    expect(run.masks).toContain(key.privateKey.replace(/\n/g, "%0A")); // escaped as workflow-command data
    for (const line of key.privateKey.split("\n").filter((l) => l.trim().length >= 8)) expect(run.masks).toContain(line.trim());
    expect(run.outputs.status).toBe("passed");
    expect(run.summary).toContain(`Restore opened pull request [#${api.pulls[0]!.number}](${api.pulls[0]!.html_url})`);
  });

  it("mode push: commits the restore to the checked-out branch and pushes it, no pull request", async () => {
    const run = await restore({ snapshot: snapshotId, paths: "data/state.json", mode: "push" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(api.find("POST", "/pulls")).toHaveLength(0);
    expect(origin.git("show", "main:data/state.json")).toBe(GOOD);
    expect(origin.git("rev-list", "--count", "main").trim()).toBe("3");
  });

  it("a restore that changes nothing opens no pull request", async () => {
    repo.write("data/state.json", GOOD);
    repo.commitAll("fixed by hand");
    const run = await restore({ snapshot: "hourly", mode: "pr" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(api.writes()).toEqual([]);
    expect(run.stdout).toContain("the restore changed nothing");
  });

  it("a pull request the API refuses (403) fails the step, and says which permission is missing", async () => {
    await api.close();
    api = await startGitHubApi({ readOnlyTokens: ["ghs_readonly0000"] });
    const run = await restore({ snapshot: "hourly", paths: "data/state.json", mode: "pr", token: "ghs_readonly0000" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::integrity-guard: the restore was pushed to branch integrity-guard\/restore-hourly-4242, but the pull request could not be opened: .*Resource not accessible by integration.*HTTP 403/m,
    );
    expect(run.stdout).toContain("fix: open a pull request from integrity-guard/restore-hourly-4242 into main by hand");
  });

  it("the repository setting that refuses PR creation is named (not a permissions key)", async () => {
    api.failNext({
      method: "POST",
      path: "/repos/acme/app/pulls",
      status: 403,
      message: "GitHub Actions is not permitted to create or approve pull requests.",
    });
    const run = await restore({ snapshot: "hourly", paths: "data/state.json", mode: "pr" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::integrity-guard: the restore was pushed to branch integrity-guard\/restore-hourly-4242, but/m);
    expect(run.stdout).toContain('"Allow GitHub Actions to create and approve pull requests"');
    expect(run.stdout).not.toContain("pull-requests: write");
  });

  it("a re-run (same run id, next attempt) pushes a new branch instead of failing on the first attempt's", async () => {
    api.failNext({ method: "POST", path: "/repos/acme/app/pulls", status: 502 });
    const first = await restore({ snapshot: "hourly", paths: "data/state.json", mode: "pr" }, { GITHUB_RUN_ATTEMPT: "1" });
    expect(first.code).toBe(1);
    expect(origin.git("rev-parse", "--verify", "-q", "refs/heads/integrity-guard/restore-hourly-4242").trim()).toMatch(/^[0-9a-f]{40}$/);
    repo.git("switch", "-q", "main");
    const again = await restore({ snapshot: "hourly", paths: "data/state.json", mode: "pr" }, { GITHUB_RUN_ATTEMPT: "2" });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const posts = api.find("POST", "/repos/acme/app/pulls").filter((r) => r.status === 201);
    expect(posts.map((r) => (r.body as { head: string }).head)).toEqual(["integrity-guard/restore-hourly-4242-2"]);
  });
});
