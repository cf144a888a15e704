/**
 * Two processes snapshot at once (two clones, one bare remote): both snapshots end up in one
 * linear, signed chain on the remote, and no push is forced.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", TSX, MAIN, ...args], { cwd, env: { ...process.env, ...GIT_ENV, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** git with extra environment (a forged commit date); returns trimmed stdout. */
function spawnSyncGit(cwd: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV, ...env }, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

function clone(remote: string, name: string): TestRepo {
  const dir = path.join(makeTempDir("ig-clone-"), name);
  fs.mkdirSync(dir, { recursive: true });
  const repo = createRepo({ dir });
  repo.git("remote", "add", "origin", remote);
  repo.git("fetch", "-q", "origin");
  repo.git("checkout", "-q", "-B", "main", "origin/main");
  return repo;
}

/**
 * A bare remote with sets a/ and b/ pushed from a seed, and two clones of it ("one", "two"),
 * signing with the test key.
 */
function twoClones() {
  const remote = createRepo({ bare: true });
  const seed = createRepo();
  seed.write(".integrity-guard/config.yml", snapshotConfig({ sets: '    a: { paths: ["a/"] }\n    b: { paths: ["b/"] }' }));
  seed.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  seed.write("a/x.json", "1\n");
  seed.write("b/y.json", "2\n");
  seed.commitAll("init");
  seed.git("push", "-q", remote.dir, "main");
  const one = clone(remote.dir, "one");
  const two = clone(remote.dir, "two");
  const cleanup = () => {
    for (const r of [remote, seed, one, two]) r.cleanup();
  };
  return { remote, one, two, env: { IG_TEST_SIGNING_KEY: key.privateKey }, cleanup };
}

describe("concurrent snapshots against one remote", () => {
  it("keeps both snapshots in one linear chain", async () => {
    const remote = createRepo({ bare: true });
    const seed = createRepo();
    const repos: TestRepo[] = [];
    try {
      seed.write(".integrity-guard/config.yml", snapshotConfig({ sets: '    a: { paths: ["a/"] }\n    b: { paths: ["b/"] }' }));
      seed.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
      seed.write("a/x.json", "1\n");
      seed.write("b/y.json", "2\n");
      seed.commitAll("init");
      seed.git("push", "-q", remote.dir, "main");
      // A first snapshot exists on the remote, so both racers start from the same tip.
      const env = { IG_TEST_SIGNING_KEY: key.privateKey };
      seed.git("remote", "add", "origin", remote.dir);
      const first = await runCli(seed.dir, ["snapshot", "--set", "a", "--push"], env);
      expect(first.code, first.stderr).toBe(0);

      const one = clone(remote.dir, "one");
      const two = clone(remote.dir, "two");
      repos.push(one, two);
      one.write("a/x.json", "changed by one\n");
      two.write("b/y.json", "changed by two\n");
      const [r1, r2] = await Promise.all([
        runCli(one.dir, ["snapshot", "--set", "a", "--push", "--format", "json"], env),
        runCli(two.dir, ["snapshot", "--set", "b", "--push", "--format", "json"], env),
      ]);
      expect(r1.code, r1.stderr).toBe(0);
      expect(r2.code, r2.stderr).toBe(0);

      const log = remote
        .git("log", "--format=%H %P|%B%x00", "integrity-snapshots")
        .split("\0")
        .map((s) => s.trim())
        .filter(Boolean);
      expect(log).toHaveLength(3);
      // Linear: every commit has at most one parent.
      for (const entry of log) expect(entry.split("|")[0]!.trim().split(" ").length).toBeLessThanOrEqual(2);
      const sets = log.map((e) => /Snapshot-Set: (\S+)/.exec(e)![1]).sort();
      expect(sets).toEqual(["a", "a", "b"]);
      // The newest snapshot of each set holds that clone's change.
      const ids = log.map((e) => e.split(" ")[0]!);
      const newestA = ids.find((_, i) => /Snapshot-Set: a/.test(log[i]!))!;
      const newestB = ids.find((_, i) => /Snapshot-Set: b/.test(log[i]!))!;
      expect(remote.git("show", `${newestA}:a/x.json`)).toBe("changed by one\n");
      expect(remote.git("show", `${newestB}:b/y.json`)).toBe("changed by two\n");
      // Every commit on the remote verifies against the pinned key (re-signed after a rebuild).
      one.git("fetch", "-q", "origin", "+refs/heads/integrity-snapshots:refs/heads/integrity-snapshots");
      const list = JSON.parse((await one.cli(["snapshots", "--format", "json"], env)).stdout);
      expect(list.snapshots.map((s: { signature: string }) => s.signature)).toEqual(["good", "good", "good"]);
      // No reflog entry on the remote says forced.
      expect(r1.stderr + r2.stderr).not.toMatch(/forced/);
    } finally {
      for (const r of [remote, seed, ...repos]) r.cleanup();
    }
  }, 30_000);
  it("rebuilds and re-signs a local snapshot on a remote tip that moved, without force", async () => {
    const { remote, one, two, env, cleanup } = twoClones();
    try {
      // Both take a local snapshot on an empty branch: two unrelated root commits.
      expect((await one.cli(["snapshot", "--set", "a"], env)).code).toBe(0);
      expect((await two.cli(["snapshot", "--set", "b"], env)).code).toBe(0);
      const twoLocal = two.git("rev-parse", "integrity-snapshots").trim();
      expect((await one.cli(["snapshot", "--set", "a", "--push"], env)).code).toBe(0);
      const pushedByOne = remote.git("rev-parse", "integrity-snapshots").trim();
      const r = await two.cli(["snapshot", "--set", "b", "--push", "--format", "json"], env);
      expect(r.code, r.stderr).toBe(0);
      const tip = remote.git("rev-parse", "integrity-snapshots").trim();
      expect(remote.git("rev-parse", `${tip}^`).trim()).toBe(pushedByOne);
      expect(tip).not.toBe(twoLocal); // rebuilt on the new parent, so a new (re-signed) commit
      expect(JSON.parse(r.stdout).snapshot.id).toBe(tip);
      expect(remote.git("cat-file", "-p", tip)).toContain("BEGIN SSH SIGNATURE");
      expect(remote.git("show", `${tip}:b/y.json`)).toBe("2\n");
      expect(two.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
    } finally {
      cleanup();
    }
  }, 30_000);

  it("refuses to replay local snapshots on a remote tip dated in the future, and pushes nothing", async () => {
    const { remote, one, two, env, cleanup } = twoClones();
    try {
      expect((await two.cli(["snapshot", "--set", "b"], env)).code).toBe(0);
      const twoLocal = two.git("rev-parse", "integrity-snapshots").trim();
      expect((await one.cli(["snapshot", "--set", "a", "--push"], env)).code).toBe(0);
      // Someone pushes a commit dated in the year 2096 on top.
      const base = one.git("rev-parse", "integrity-snapshots").trim();
      const dated = spawnSyncGit(one.dir, ["commit-tree", `${base}^{tree}`, "-p", base, "--no-gpg-sign", "-m", "forged"], {
        GIT_COMMITTER_DATE: "4000000000 +0000",
        GIT_AUTHOR_DATE: "4000000000 +0000",
      });
      one.git("push", "-q", "origin", `${dated}:refs/heads/integrity-snapshots`);
      const r = await two.cli(["snapshot", "--set", "b", "--push", "--format", "json"], env);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/chain");
      expect(r.stdout + r.stderr).toContain("future");
      expect(remote.git("rev-parse", "integrity-snapshots").trim()).toBe(dated);
      expect(two.git("rev-parse", "integrity-snapshots").trim()).toBe(twoLocal);
    } finally {
      cleanup();
    }
  }, 30_000);
});
