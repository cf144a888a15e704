/**
 * Issue 15: snapshots pushed from one clone are listed, verified and restored from another,
 * including after `prune` closed an epoch, and from a `--depth 1 --single-branch` clone (the
 * Actions default), with no git plumbing by hand.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";
import { pushedSnapshotRepo } from "../helpers/snapshot-repo.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

/** `git clone` of the bare remote into a fresh folder, wrapped as a TestRepo. */
function cloneOf(remote: TestRepo, args: string[] = []): TestRepo {
  const dir = path.join(makeTempDir(), "clone");
  execFileSync("git", ["clone", "-q", ...args, `file://${remote.dir}`, dir], { env: { ...process.env, ...GIT_ENV }, stdio: "pipe" });
  return createRepo({ dir });
}

const ids = (stdout: string) => (JSON.parse(stdout) as { snapshots: { id: string; signature: string }[] }).snapshots;

describe("snapshots from another clone", () => {
  it("lists, verifies and restores what one clone pushed, before and after prune closed an epoch, from full and shallow clones", async () => {
    const setup = pushedSnapshotRepo({
      key,
      files: { "state.json": '{"n":0}\n' },
      sets: '    hourly: { paths: ["state.json"], keep: 2 }',
      extra: "  epoch: 0s",
    });
    const { repo: a, origin: remote, env } = setup;
    const clones: TestRepo[] = [];
    try {
      const take = async (n: number) => {
        a.write("state.json", `{"n":${n}}\n`);
        const r = await a.cli(["snapshot", "--set", "hourly", "--push", "--format", "json"], env);
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout).snapshot.id as string;
      };
      const s1 = await take(1);
      const s2 = await take(2);

      // A fresh clone knows nothing of the snapshot branch until it is fetched.
      const b = cloneOf(remote);
      clones.push(b);
      expect(b.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);
      const offline = await b.cli(["snapshots", "--no-fetch", "--format", "json"], env);
      expect(offline.code, offline.stderr).toBe(0);
      expect(ids(offline.stdout)).toEqual([]);
      const listed = await b.cli(["snapshots", "--format", "json"], env);
      expect(listed.code, listed.stderr).toBe(0);
      expect(ids(listed.stdout).map((s) => [s.id, s.signature])).toEqual([
        [s2, "good"],
        [s1, "good"],
      ]);
      expect(b.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(s2);

      // A third clone that only lists (its branch holds no snapshot of its own).
      const d = cloneOf(remote);
      clones.push(d);
      expect((await d.cli(["snapshots"], env)).code).toBe(0);
      expect(d.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(s2);

      b.write("state.json", "{broken\n");
      const restored = await b.cli(["restore", "latest", "state.json", "--format", "json"], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(JSON.parse(restored.stdout).restore.snapshot).toBe(s2);
      expect(b.read("state.json")).toBe('{"n":2}\n');
      const pre = JSON.parse(restored.stdout).restore.pre_restore_snapshot as string; // B's own snapshot, on its branch

      // prune in A closes the live chain into an epoch (s1 is beyond keep 2), then A goes on.
      const s3 = await take(3);
      const pruned = await a.cli(["prune", "--push"], env);
      expect(pruned.code, pruned.stderr).toBe(0);
      expect(remote.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);
      const s4 = await take(4);
      expect(a.git("rev-list", "--count", s4).trim()).toBe("1"); // a new chain

      // B, whose branch holds the old chain plus its own pre-restore snapshot, sees the epoch
      // and the new chain; its own snapshot stays on its branch.
      const after = await b.cli(["snapshots", "--format", "json"], env);
      expect(after.code, after.stderr).toBe(0);
      expect(
        ids(after.stdout)
          .map((s) => s.id)
          .sort(),
      ).toEqual([s4, s3, s2, s1, pre].sort());
      expect(b.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(pre);
      // D's branch was wholly closed into the epoch: it follows the remote's new chain.
      const followed = await d.cli(["snapshots", "--set", "hourly", "--format", "json"], env);
      expect(
        ids(followed.stdout)
          .map((s) => s.id)
          .sort(),
      ).toEqual([s4, s3, s2, s1].sort());
      expect(followed.stderr).toContain("was closed into refs/integrity-snapshots/epochs/");
      expect(d.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(s4);
      const newest = await b.cli(["restore", "latest", "state.json", "--dry-run", "--format", "json"], env);
      expect(JSON.parse(newest.stdout).restore.snapshot).toBe(s4);
      const fromEpoch = await b.cli(["restore", s1.slice(0, 12), "state.json"], env);
      expect(fromEpoch.code, fromEpoch.stderr).toBe(0);
      expect(b.read("state.json")).toBe('{"n":1}\n');

      // A shallow single-branch clone, as actions/checkout makes: restore finds the snapshots.
      const c = cloneOf(remote, ["--depth", "1", "--single-branch"]);
      clones.push(c);
      expect(c.git("rev-parse", "--is-shallow-repository").trim()).toBe("true");
      c.write("state.json", "");
      const shallow = await c.cli(["restore", "latest", "state.json", "--format", "json"], env);
      expect(shallow.code, shallow.stderr).toBe(0);
      expect(JSON.parse(shallow.stdout).restore.snapshot).toBe(s4);
      expect(c.read("state.json")).toBe('{"n":4}\n');
      const old = await c.cli(["restore", s3, "state.json", "--dry-run"], env);
      expect(old.code, old.stderr).toBe(0); // in the closed epoch, fetched too
      const health = await c.cli(["health", "--format", "json", "--no-record"], env);
      expect(JSON.parse(health.stdout).system_health.components.backups.score).toBeGreaterThan(0);
    } finally {
      for (const r of clones) r.cleanup();
      setup.cleanup();
    }
  });

  it("recover NAME (and its dry run) in a fresh clone fetches the pushed snapshots; with --no-fetch it names the fetch command", async () => {
    const setup = pushedSnapshotRepo({
      key,
      files: { "state.json": '{"n":0}\n' },
      sets: '    hourly: { paths: ["state.json"], keep: 2 }',
      extra: 'recovery:\n  meeting:\n    - restore: { set: hourly }\n    - verify: ["state.json"]',
    });
    const { repo: a, origin: remote, env } = setup;
    const clones: TestRepo[] = [];
    try {
      a.write("state.json", '{"n":7}\n');
      const snap = await a.cli(["snapshot", "--set", "hourly", "--push", "--format", "json"], env);
      expect(snap.code, snap.stderr).toBe(0);
      const id = JSON.parse(snap.stdout).snapshot.id as string;

      // Offline, the fresh clone has no snapshot: the failure names the command that fetches them.
      const offline = cloneOf(remote);
      clones.push(offline);
      offline.write("state.json", "{broken\n");
      const noFetch = await offline.cli(["recover", "meeting", "--no-fetch"], env);
      expect(noFetch.code).toBe(1);
      expect(noFetch.stdout + noFetch.stderr).toContain("git fetch origin integrity-snapshots:integrity-snapshots");
      expect(offline.read("state.json")).toBe("{broken\n");
      expect(offline.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);

      // The dry run fetches on demand, plans the restore of the pushed snapshot, and changes nothing.
      const b = cloneOf(remote);
      clones.push(b);
      b.write("state.json", "{broken\n");
      const plan = await b.cli(["recover", "meeting", "--dry-run", "--format", "json"], env);
      expect(plan.code, plan.stdout + plan.stderr).toBe(0);
      expect(JSON.parse(plan.stdout).recovery.ok).toBe(true);
      expect(JSON.parse(plan.stdout).recovery.steps[0].detail).toContain(id.slice(0, 12));
      expect(b.read("state.json")).toBe("{broken\n");
      expect(b.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(id);

      // The real run, in another fresh clone, fetches, restores and verifies.
      const c = cloneOf(remote);
      clones.push(c);
      c.write("state.json", "{broken\n");
      const run = await c.cli(["recover", "meeting", "--format", "json"], env);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).recovery.ok).toBe(true);
      expect(c.read("state.json")).toBe('{"n":7}\n');
    } finally {
      for (const r of clones) r.cleanup();
      setup.cleanup();
    }
  });

  it("says which command fetches the snapshots when the remote cannot be read, and goes on with the local ones", async () => {
    const repo = createRepo();
    try {
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sign: "{ format: none }", sets: '    hourly: { paths: ["state.json"] }' }),
      );
      repo.write("state.json", "{}\n");
      repo.commitAll();
      repo.git("remote", "add", "origin", path.join(repo.dir, "no-such-remote"));
      const r = await repo.cli(["snapshots"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        "Fetch them with: git fetch origin integrity-snapshots:integrity-snapshots 'refs/integrity-snapshots/epochs/*:refs/integrity-snapshots/epochs/*'",
      );
      const quiet = await repo.cli(["snapshots", "--no-fetch"]);
      expect(quiet.stderr).toBe("");
      const restore = await repo.cli(["restore", "latest", "state.json"]);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toContain("git fetch origin integrity-snapshots:integrity-snapshots");
    } finally {
      repo.cleanup();
    }
  });
});
