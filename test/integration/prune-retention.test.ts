import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

describe("prune", () => {
  it("keeps exactly the newest N per set, dropping whole epochs, never rewriting a commit", async () => {
    const repo = createRepo();
    const remote = createRepo({ bare: true });
    try {
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sets: '    hourly: { paths: ["state.json"], keep: 2 }', extra: "  epoch: 0s" }),
      );
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.git("remote", "add", "origin", remote.dir);
      const env = { IG_TEST_SIGNING_KEY: key.privateKey };
      const take = async (n: number) => {
        repo.write("state.json", `{"n":${n}}\n`);
        const r = await repo.cli(["snapshot", "--set", "hourly", "--push", "--format", "json"], env);
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout).snapshot.id as string;
      };
      const list = async () =>
        JSON.parse((await repo.cli(["snapshots", "--format", "json"], env)).stdout).snapshots.map((s: { id: string }) => s.id) as string[];
      const s1 = await take(1);
      const s2 = await take(2);
      const s3 = await take(3);

      const dry = await repo.cli(["prune", "--dry-run", "--format", "json"], env);
      expect(dry.code, dry.stderr).toBe(0);
      const plan = JSON.parse(dry.stdout).prune;
      expect(plan.keep.sort()).toEqual([s2, s3].sort());
      expect(plan.deferred).toEqual([s1]); // its epoch still holds kept snapshots
      expect(plan.closed_epoch).toMatch(/^refs\/integrity-snapshots\/epochs\//);
      expect(await list()).toEqual([s3, s2, s1]); // dry run changed nothing

      const first = await repo.cli(["prune", "--push"], env);
      expect(first.code, first.stderr).toBe(0);
      expect(repo.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);
      expect(remote.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);
      expect(remote.git("for-each-ref", "--format=%(objectname)", "refs/integrity-snapshots/epochs/").trim()).toBe(s3);
      expect(await list()).toEqual([s3, s2, s1]);

      const s4 = await take(4);
      const s5 = await take(5);
      expect(repo.git("rev-list", "--count", s5).trim()).toBe("2"); // a new chain
      const second = await repo.cli(["prune", "--push", "--format", "json"], env);
      expect(second.code, second.stderr).toBe(0);
      expect(await list()).toEqual([s5, s4]);
      expect(repo.git("for-each-ref", "refs/integrity-snapshots/epochs/").trim()).toBe("");
      expect(remote.git("for-each-ref", "refs/integrity-snapshots/epochs/").trim()).toBe("");
      expect(remote.git("rev-parse", "integrity-snapshots").trim()).toBe(s5);
      // Commits kept are the very commits taken: nothing re-signed or rewritten.
      expect(
        JSON.parse((await repo.cli(["snapshots", "--format", "json"], env)).stdout).snapshots.map(
          (s: { signature: string }) => s.signature,
        ),
      ).toEqual(["good", "good"]);
    } finally {
      repo.cleanup();
      remote.cleanup();
    }
  }, 30_000);

  it("leaves a young live chain alone (epoch not reached) and keeps sets without a policy", async () => {
    const repo = createRepo();
    try {
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sets: '    hourly: { paths: ["state.json"], keep: 1 }\n    other: { paths: ["o.json"] }', extra: "  epoch: 1w" }),
      );
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      repo.write("o.json", "{}\n");
      const env = { IG_TEST_SIGNING_KEY: key.privateKey };
      for (const n of [1, 2]) {
        repo.write("state.json", `{"n":${n}}\n`);
        expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      }
      expect((await repo.cli(["snapshot", "--set", "other"], env)).code).toBe(0);
      const tip = repo.git("rev-parse", "integrity-snapshots").trim();
      const r = await repo.cli(["prune", "--format", "json"], env);
      expect(r.code, r.stderr).toBe(0);
      const p = JSON.parse(r.stdout).prune;
      expect(p.closed_epoch).toBeNull();
      expect(p.deferred).toHaveLength(1);
      expect(p.keep).toHaveLength(2);
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
    } finally {
      repo.cleanup();
    }
  });
  it("with no pre_restore.keep configured, keeps the newest 20 pre-restore snapshots and drops the older ones", async () => {
    const repo = createRepo();
    try {
      // Unsigned and one tiny file: 22 restores stay cheap.
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sign: "{ format: none }", sets: '    hourly: { paths: ["state.json"], keep: 1 }', extra: "  epoch: 0s" }),
      );
      repo.write("state.json", '{"n":0}\n');
      const take = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"]);
      expect(take.code, take.stderr).toBe(0);
      const s0 = JSON.parse(take.stdout).snapshot.id as string;
      const pres: string[] = [];
      for (let n = 1; n <= 22; n++) {
        repo.write("state.json", `{"n":${n}}\n`);
        const r = await repo.cli(["restore", "hourly", "--allow-unsigned", "--format", "json"]);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        pres.push(JSON.parse(r.stdout).restore.pre_restore_snapshot as string);
      }
      expect(new Set(pres).size).toBe(22);
      const dry = await repo.cli(["prune", "--dry-run", "--format", "json"]);
      expect(dry.code, dry.stderr).toBe(0);
      const p = JSON.parse(dry.stdout).prune;
      expect([...p.keep].sort()).toEqual([s0, ...pres.slice(2)].sort()); // the newest 20 pre-restore
      expect([...p.deferred].sort()).toEqual(pres.slice(0, 2).sort()); // the two oldest: dropped with their epoch
    } finally {
      repo.cleanup();
    }
  });
  it("prunes pre-restore snapshots by snapshots.pre_restore.keep, and says when a remaining epoch will be deleted", async () => {
    const repo = createRepo();
    try {
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sets: '    hourly: { paths: ["state.json"], keep: 2 }', extra: "  epoch: 0s\n  pre_restore: { keep: 1 }" }),
      );
      repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      const env = { IG_TEST_SIGNING_KEY: key.privateKey };
      repo.write("state.json", '{"n":1}\n');
      const take = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"], env);
      const s1 = JSON.parse(take.stdout).snapshot.id as string;
      const pres: string[] = [];
      for (const n of [2, 3]) {
        repo.write("state.json", `{"n":${n}}\n`);
        const r = await repo.cli(["restore", "hourly", "--format", "json"], env);
        expect(r.code, r.stderr).toBe(0);
        pres.push(JSON.parse(r.stdout).restore.pre_restore_snapshot as string);
      }
      const dry = await repo.cli(["prune", "--dry-run", "--format", "json"], env);
      expect(dry.code, dry.stderr).toBe(0);
      const p = JSON.parse(dry.stdout).prune;
      expect(p.keep.sort()).toEqual([s1, pres[1]].sort()); // the newest pre-restore only
      expect(p.deferred).toEqual([pres[0]]); // in the live chain, closed into an epoch now
      expect(p.closed_epoch).toMatch(/^refs\/integrity-snapshots\/epochs\//);
      // That epoch stays while it holds kept snapshots: s1 (newest of keep 2) and pres[1] (keep 1).
      expect(p.epochs_pending).toEqual([{ ref: p.closed_epoch, after: { "pre-restore": 1, hourly: 2 } }]);
      const text = await repo.cli(["prune", "--dry-run"], env);
      expect(text.stdout).toContain(
        `epoch ${p.closed_epoch} stays: deleted by the first prune after 1 more snapshot(s) of set pre-restore and 2 more snapshot(s) of set hourly`,
      );
    } finally {
      repo.cleanup();
    }
  });
});
