/**
 * The Action's `restore` dispatched from a tag: actions/checkout leaves HEAD detached at the
 * tag and GITHUB_REF_NAME is the tag's name, so mode push pushed `HEAD:refs/heads/v1`, a new
 * branch named after the tag, and said "pushed to v1" as if a branch had been restored. Now a
 * run whose GITHUB_REF is not a branch is refused before anything is committed or pushed, with
 * what to do; a run on a branch still pushes there.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import type { SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo, takeSnapshot, type PushedSnapshotRepo } from "../helpers/snapshot-repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

let setup: PushedSnapshotRepo;
let repo: TestRepo;
let origin: TestRepo;
let key: SshKey;

beforeEach(async () => {
  setup = pushedSnapshotRepo({ files: { "data/state.json": '{"status": "ok"}\n' } });
  ({ repo, origin, key } = setup);
  await takeSnapshot(setup);
  repo.write("data/state.json", '{"status": "o');
  repo.commitAll("a cut write");
  repo.git("tag", "v1");
  repo.git("push", "-q", "origin", "main", "v1");
  repo.git("checkout", "-q", "--detach", "v1"); // what actions/checkout does on a tag
});
afterEach(() => setup.cleanup());

const restore = (env: Record<string, string>) =>
  runActionBundle({
    repo,
    eventName: "workflow_dispatch",
    payload: payloads.workflowDispatch({}),
    inputs: { command: "restore", snapshot: "hourly", mode: "push", comment: "false", token: "" },
    env: { IG_TEST_SIGNING_KEY: key.privateKey, ...env },
  });

describe("restore in mode push from a tag", () => {
  it("is refused: no branch named after the tag, nothing pushed", async () => {
    const main = origin.git("rev-parse", "refs/heads/main").trim();
    const run = await restore({ GITHUB_REF: "refs/tags/v1", GITHUB_REF_NAME: "v1", GITHUB_REF_TYPE: "tag" });
    expect(run.code, run.stdout + run.stderr).not.toBe(0);
    expect(run.stdout).toContain('the run is for "refs/tags/v1", not a branch');
    expect(run.stdout).toContain("nothing was committed or pushed");
    expect(origin.tryGit("rev-parse", "--verify", "-q", "refs/heads/v1").status).not.toBe(0);
    expect(origin.git("rev-parse", "refs/heads/main").trim()).toBe(main);
  });

  it("on a branch ref, the restore is pushed to that branch", async () => {
    const run = await restore({ GITHUB_REF: "refs/heads/main", GITHUB_REF_NAME: "main", GITHUB_REF_TYPE: "branch" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(origin.git("show", "refs/heads/main:data/state.json")).toBe('{"status": "ok"}\n');
    expect(origin.tryGit("rev-parse", "--verify", "-q", "refs/heads/v1").status).not.toBe(0);
  });
});
