/**
 * Where the Action's `restore` takes its trust root from. `workflow_dispatch` runs on any branch
 * someone with push access picks; its checkout is that branch. The restore read
 * `snapshots.sign` and the allowed signers file from the checkout, so a branch that swapped the
 * allowed signers line for its own key (or set `sign: { format: none }`) made `restore latest`
 * accept a snapshot that key signed (pushed to the snapshot branch beside the real ones) and
 * publish its content as "verified". The trust root now comes from the default branch
 * (`repository.default_branch` of the payload, fetched from origin) unless the run is on it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo, takeSnapshot, type PushedSnapshotRepo } from "../helpers/snapshot-repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

const GOOD = '{"status": "ok"}\n';
const EVIL = '{"status": "ok", "admins": ["mallory"]}\n';
let setup: PushedSnapshotRepo;
let repo: TestRepo;
let origin: TestRepo;
let key: SshKey;
let mallory: SshKey;

beforeEach(async () => {
  setup = pushedSnapshotRepo({ files: { "data/state.json": GOOD } });
  ({ repo, origin, key } = setup);
  await takeSnapshot(setup);
  repo.git("push", "-q", "origin", "integrity-snapshots");
  mallory = makeSshKey("mallory@example.com");
});
afterEach(() => {
  setup.cleanup();
  mallory.cleanup();
});

/** A branch that trusts mallory's key, and a snapshot of EVIL signed by it on the snapshot branch. */
async function plantBranch(config?: string): Promise<string> {
  repo.git("switch", "-q", "-c", "mallory/fix");
  // The repository's key stays listed: the pre-restore snapshot the workflow signs with it passes.
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine() + mallory.allowedSignersLine());
  if (config !== undefined) repo.write(".integrity-guard/config.yml", config);
  repo.write("data/state.json", EVIL);
  repo.commitAll("tidy");
  const id = await takeSnapshot({ ...setup, env: { IG_TEST_SIGNING_KEY: mallory.privateKey } });
  repo.git("push", "-q", "origin", "mallory/fix", "integrity-snapshots");
  repo.write("data/state.json", GOOD);
  repo.commitAll("looks harmless");
  repo.git("push", "-q", "origin", "mallory/fix");
  return id;
}

const restore = (branch: string, signingKey: SshKey = key) =>
  runActionBundle({
    repo,
    eventName: "workflow_dispatch",
    payload: payloads.workflowDispatch({}, `refs/heads/${branch}`),
    inputs: { command: "restore", snapshot: "latest", mode: "push", comment: "false", token: "" },
    env: {
      IG_TEST_SIGNING_KEY: signingKey.privateKey, // the pre-restore snapshot is signed
      GITHUB_REF: `refs/heads/${branch}`,
      GITHUB_REF_NAME: branch,
      GITHUB_REF_TYPE: "branch",
    },
  });

describe("restore dispatched on a branch takes its trust root from the default branch", () => {
  it("a branch that swaps the allowed signers: its key's snapshot is refused, nothing is pushed", async () => {
    const id = await plantBranch();
    const before = origin.git("rev-parse", "refs/heads/mallory/fix").trim();
    const run = await restore("mallory/fix");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^::error title=snapshot\\/signature::snapshot ${id.slice(0, 12)} is not trusted: untrusted`, "m"),
    );
    expect(run.stdout).toMatch(/trust root .*default branch main/);
    expect(origin.git("rev-parse", "refs/heads/mallory/fix").trim()).toBe(before);
    expect(repo.read("data/state.json")).toBe(GOOD);
  });

  it("a branch that sets sign: { format: none }: refused (guard)", async () => {
    const id = await plantBranch(snapshotConfig({ sign: "{ format: none }", sets: "    hourly: { paths: [data/], keep: 5 }" }));
    const run = await restore("mallory/fix");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^::error title=snapshot/signature::.*${id.slice(0, 12)}`, "m"));
    expect(repo.read("data/state.json")).toBe(GOOD);
  });

  it("a snapshot the default branch's key signed still restores on that branch", async () => {
    repo.git("switch", "-q", "-c", "ops/restore");
    repo.write("data/state.json", '{"status": "o');
    repo.commitAll("a cut write");
    repo.git("push", "-q", "origin", "ops/restore");
    const run = await restore("ops/restore");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(origin.git("show", "refs/heads/ops/restore:data/state.json")).toBe(GOOD);
  });

  it("on the default branch the checkout is the trust root (a key rotated there is used)", async () => {
    repo.write(".integrity-guard/allowed_signers", mallory.allowedSignersLine());
    repo.commitAll("rotate the snapshot key");
    repo.git("push", "-q", "origin", "main");
    await takeSnapshot({ ...setup, env: { IG_TEST_SIGNING_KEY: mallory.privateKey } });
    repo.git("push", "-q", "origin", "integrity-snapshots");
    repo.write("data/state.json", '{"status": "o');
    repo.commitAll("a cut write");
    repo.git("push", "-q", "origin", "main");
    const run = await restore("main", mallory);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(origin.git("show", "refs/heads/main:data/state.json")).toBe(GOOD);
  });
});

describe("prune dispatched on a branch keeps the default branch's retention", () => {
  it("a branch that lowers keep to 1: nothing the default branch keeps is pruned", async () => {
    const s = pushedSnapshotRepo({ files: { "data/state.json": GOOD }, extra: "  epoch: 0s" });
    try {
      const ids: string[] = [];
      for (const n of [1, 2]) {
        s.repo.write("data/state.json", `{"n": ${n}}\n`);
        s.repo.commitAll(`state ${n}`);
        ids.push(await takeSnapshot(s, ["--set", "hourly", "--push"]));
      }
      s.repo.git("push", "-q", "origin", "main");
      s.repo.git("switch", "-q", "-c", "mallory/retention");
      s.repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sets: "    hourly: { paths: [data/], keep: 1 }", extra: "  epoch: 0s" }),
      );
      s.repo.commitAll("tidy retention");
      s.repo.git("push", "-q", "origin", "mallory/retention");
      const run = await runActionBundle({
        repo: s.repo,
        eventName: "workflow_dispatch",
        payload: payloads.workflowDispatch({}, "refs/heads/mallory/retention"),
        inputs: { command: "prune", comment: "false", token: "" },
        env: { ...s.env, GITHUB_REF: "refs/heads/mallory/retention", GITHUB_REF_NAME: "mallory/retention" },
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // keep 5 (the default branch's): the live chain is neither closed nor shortened.
      expect(s.origin.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(ids[1]);
      expect(s.origin.git("for-each-ref", "refs/integrity-snapshots/epochs/").trim()).toBe("");
    } finally {
      s.cleanup();
    }
  });
});
