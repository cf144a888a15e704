/**
 * Red team round 11: `snapshot` dispatched on a branch that is not the default branch.
 * `workflow_dispatch` (in the snapshot template, beside the schedule) runs on any branch someone
 * with push access picks, and the checkout is that branch. The snapshot signed the branch's
 * unreviewed files with the repository's key and pushed them as the newest snapshot; `restore
 * latest` on the default branch, whose trust root (restore-trust.ts) accepts that key, then
 * restored them: a branch that never passed review became the "last good state" (so did a
 * maintainer's dispatch with the wrong branch picked). The Action's `snapshot` now runs only on the
 * default branch's ref (a schedule always is); the CLI is unaffected.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { pushedSnapshotRepo, takeSnapshot, type PushedSnapshotRepo } from "../helpers/snapshot-repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const GOOD = '{"status": "ok"}\n';
const EVIL = '{"status": "ok", "admins": ["mallory"]}\n';
let setup: PushedSnapshotRepo;
let repo: TestRepo;
let origin: TestRepo;

beforeEach(async () => {
  setup = pushedSnapshotRepo({ files: { "data/state.json": GOOD } });
  ({ repo, origin } = setup);
  await takeSnapshot(setup);
  repo.git("push", "-q", "origin", "integrity-snapshots");
});
afterEach(() => setup.cleanup());

const run = (command: string, ref: string, inputs: Record<string, string>) =>
  runActionBundle({
    repo,
    eventName: "workflow_dispatch",
    payload: payloads.workflowDispatch({}, ref),
    inputs: { command, comment: "false", token: "", ...inputs },
    env: {
      ...setup.env,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ""),
      GITHUB_REF_TYPE: ref.startsWith("refs/tags/") ? "tag" : "branch",
    },
  });

const snapshotTip = () => origin.git("rev-parse", "refs/heads/integrity-snapshots").trim();

describe("the Action's snapshot runs on the default branch only", () => {
  it("dispatched on a branch: refused, nothing signed or pushed, and restore latest on main keeps main's state", async () => {
    repo.git("switch", "-q", "-c", "mallory/tidy");
    repo.write("data/state.json", EVIL);
    repo.commitAll("tidy");
    repo.git("push", "-q", "origin", "mallory/tidy");
    const before = snapshotTip();
    const snap = await run("snapshot", "refs/heads/mallory/tidy", { set: "hourly" });
    expect(snap.code, snap.stdout + snap.stderr).not.toBe(0);
    expect(snap.outputs.status).toBe("error");
    expect(snap.stdout).toMatch(/`snapshot` runs only on the default branch main, not on "refs\/heads\/mallory\/tidy"/);
    expect(snapshotTip()).toBe(before);

    repo.git("switch", "-q", "main");
    const restored = await run("restore", "refs/heads/main", { snapshot: "latest", mode: "push" });
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(origin.git("show", "refs/heads/main:data/state.json")).toBe(GOOD);
  }, 240_000);

  it("dispatched on a tag: refused", async () => {
    repo.git("tag", "v1");
    const before = snapshotTip();
    const snap = await run("snapshot", "refs/tags/v1", { set: "hourly" });
    expect(snap.code, snap.stdout + snap.stderr).not.toBe(0);
    expect(snapshotTip()).toBe(before);
  }, 240_000);

  it("dispatched on the default branch: taken and pushed (guard)", async () => {
    repo.write("data/state.json", '{"status": "ok", "n": 2}\n');
    repo.commitAll("progress");
    const before = snapshotTip();
    const snap = await run("snapshot", "refs/heads/main", { set: "hourly" });
    expect(snap.code, snap.stdout + snap.stderr).toBe(0);
    expect(snapshotTip()).not.toBe(before);
    expect(snapshotTip()).toBe(snap.outputs.snapshot);
  }, 240_000);

  it("restore on a branch still runs (its trust root is the default branch's; guard)", async () => {
    repo.git("switch", "-q", "-c", "ops/restore");
    repo.write("data/state.json", '{"status": "o');
    repo.commitAll("a cut write");
    repo.git("push", "-q", "origin", "ops/restore");
    const restored = await run("restore", "refs/heads/ops/restore", { snapshot: "latest", mode: "push" });
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(origin.git("show", "refs/heads/ops/restore:data/state.json")).toBe(GOOD);
  }, 240_000);
});
