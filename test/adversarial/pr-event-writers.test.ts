/**
 * `snapshot`, `restore` and `prune` write to the repository (sign and push snapshot commits,
 * push a restore, delete snapshots). On an event that runs for a pull request, the checkout is
 * the pull request's unreviewed content: a workflow that ran `snapshot` on `pull_request_target`
 * (secrets and a write token, checkout of the PR head) signed the PR's files with the
 * repository's key and pushed them as the newest snapshot, which `restore latest` then trusts;
 * `restore` in mode push pushed HEAD (the PR's commits) to the base branch GITHUB_REF_NAME
 * names. The Action refuses them there before anything runs; `check` and the read-only
 * commands still run.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkWriterEvent } from "../../src/action/writer-events.js";
import { makeTempDir, type TestRepo } from "../helpers/repo.js";
import type { SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo, takeSnapshot } from "../helpers/snapshot-repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

interface Setup {
  repo: TestRepo;
  origin: TestRepo;
  key: SshKey;
  base: string;
  head: string;
}

/** main with a signed hourly snapshot on origin; the work tree holds a PR (checked out at its head) that rewrites data. */
async function setup(): Promise<Setup> {
  const s = pushedSnapshotRepo({ files: { "data/state.json": '{"owner": "acme"}\n' } });
  cleanup.push(() => s.cleanup());
  const { repo, origin, key } = s;
  await takeSnapshot(s, ["--set", "hourly", "--push"]);
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("data/state.json", '{"owner": "attacker"}\n');
  repo.git("commit", "-q", "--no-verify", "-am", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  repo.git("checkout", "-q", "--detach", head);
  return { repo, origin, key, base, head };
}

const runOn = (s: Setup, eventName: string, inputs: Record<string, string>) =>
  runActionBundle({
    repo: s.repo,
    eventName,
    payload: payloads.pullRequest(9, { ref: "main", sha: s.base }, { ref: "feature", sha: s.head }),
    inputs: { comment: "false", token: "", ...inputs },
    env: { IG_TEST_SIGNING_KEY: s.key.privateKey, GITHUB_REF_NAME: "main", GITHUB_REF: "refs/heads/main" },
  });

describe("commands that write to the repository refuse pull request events", () => {
  it("snapshot on pull_request_target: refused, nothing signed or pushed", async () => {
    const s = await setup();
    const before = s.origin.git("rev-parse", "refs/heads/integrity-snapshots").trim();
    const r = await runOn(s, "pull_request_target", { command: "snapshot", set: "hourly" });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.outputs.status).toBe("error");
    expect(r.stdout).toMatch(/`snapshot` .*pull_request_target/);
    expect(s.origin.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(before);
    expect(s.repo.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(before);
  });

  it("restore (mode push) on pull_request: refused, the base branch on origin is untouched", async () => {
    const s = await setup();
    const main = s.origin.git("rev-parse", "refs/heads/main").trim();
    const r = await runOn(s, "pull_request", { command: "restore", snapshot: "hourly", mode: "push" });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.outputs.status).toBe("error");
    expect(s.origin.git("rev-parse", "refs/heads/main").trim()).toBe(main);
    expect(s.repo.read("data/state.json")).toContain("attacker"); // the work tree was not touched either
  });

  it("prune on pull_request: refused", async () => {
    const s = await setup();
    const r = await runOn(s, "pull_request", { command: "prune" });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.stdout).toMatch(/`prune` .*pull_request/);
  });

  it("check on the same pull request still runs", async () => {
    const s = await setup();
    const r = await runOn(s, "pull_request", { command: "check" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.status).toBe("passed");
  });
});

describe("checkWriterEvent", () => {
  const payload = (body: unknown) => {
    const dir = makeTempDir("ig-event-");
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "event.json");
    fs.writeFileSync(file, JSON.stringify(body));
    return file;
  };

  it("refuses a comment on a pull request, not one on an issue; other events and commands pass", () => {
    const onPr = payload({ issue: { number: 3, pull_request: { url: "https://api.github.com/repos/acme/app/pulls/3" } } });
    const onIssue = payload({ issue: { number: 4 } });
    expect(() => checkWriterEvent("snapshot", { GITHUB_EVENT_NAME: "issue_comment", GITHUB_EVENT_PATH: onPr })).toThrow(
      /a comment on a pull request/,
    );
    expect(() => checkWriterEvent("snapshot", { GITHUB_EVENT_NAME: "issue_comment", GITHUB_EVENT_PATH: onIssue })).not.toThrow();
    expect(() => checkWriterEvent("restore", { GITHUB_EVENT_NAME: "pull_request_review" })).toThrow(/`restore`/);
    for (const name of ["schedule", "workflow_dispatch", "push", ""])
      expect(() => checkWriterEvent("snapshot", { GITHUB_EVENT_NAME: name })).not.toThrow();
    expect(() => checkWriterEvent("check", { GITHUB_EVENT_NAME: "pull_request_target" })).not.toThrow();
  });
});
