/**
 * A restore in a partial clone (`git clone --filter=blob:none`, actions/checkout's `filter:`)
 * whose remote cannot be reached. The snapshot's blobs are not in the clone, git's on-demand
 * fetch fails, and `cat-file --batch` says "missing": that is no damaged snapshot. Before, the
 * restore said "snapshot/checksum: snapshot X has no readable .integrity-snapshot/manifest.json;
 * fix: pick another snapshot; run git fsck --full" (exit 1), sending the user after corruption
 * that does not exist. Now: exit 2 naming the partial clone and the remote, nothing changed; with
 * the remote back, the same restore works.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { snapshotConfig } from "../helpers/keys.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const CONFIG = snapshotConfig({ sign: "{ format: none }", sets: '    hourly: { paths: ["data/"], keep: 5 }' });

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
}

/** origin with one snapshot of data/ as v1, then data/ moved on to v2; a bare copy that serves filters. */
async function originWithSnapshot(): Promise<{ origin: TestRepo; bare: string }> {
  const origin = createRepo();
  cleanup.push(() => origin.cleanup());
  origin.write(".integrity-guard/config.yml", CONFIG);
  origin.write("data/state.json", '{"version": 1}\n');
  origin.write("data/other.yaml", "k: 1\n");
  origin.commitAll("v1");
  const snap = await origin.cli(["snapshot", "--set", "hourly"]);
  expect(snap.code, snap.stderr).toBe(0);
  origin.write("data/state.json", '{"version": 2}\n');
  origin.commitAll("v2");
  const tmp = makeTempDir("ig-partial-");
  cleanup.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const bare = path.join(tmp, "origin.git");
  git(tmp, "clone", "-q", "--bare", origin.dir, bare);
  git(bare, "config", "uploadpack.allowFilter", "true");
  return { origin, bare };
}

function partialClone(bare: string): TestRepo {
  const dir = makeTempDir("ig-partial-clone-");
  fs.rmdirSync(dir);
  git(path.dirname(dir), "clone", "-q", "--filter=blob:none", `file://${bare}`, dir);
  git(dir, "fetch", "-q", "origin", "integrity-snapshots:integrity-snapshots");
  const repo = createRepo({ dir }); // re-init is harmless: sets the test identity
  cleanup.push(() => repo.cleanup());
  return repo;
}

describe("restore in a partial clone whose remote is unreachable", () => {
  it("names the partial clone (exit 2, no checksum finding), changes nothing, and works once the remote is back", async () => {
    const { bare } = await originWithSnapshot();
    const clone = partialClone(bare);
    // The snapshot's blobs (v1 and its manifest) were never fetched.
    const missing = clone
      .git("rev-list", "--objects", "--missing=print", "integrity-snapshots")
      .split("\n")
      .filter((l) => l.startsWith("?"));
    expect(missing.length).toBeGreaterThan(0);
    clone.write("data/state.json", '{"version": 3, "mine": true}\n'); // uncommitted work
    const offline = `${bare}.offline`;
    fs.renameSync(bare, offline);
    const r = await clone.cli(["restore", "hourly", "--allow-unsigned", "--no-fetch"]);
    fs.renameSync(offline, bare);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/partial clone/);
    expect(r.stderr).toMatch(/origin/);
    expect(r.stderr).not.toMatch(/snapshot\/checksum|fsck/);
    expect(clone.read("data/state.json")).toBe('{"version": 3, "mine": true}\n');

    const online = await clone.cli(["restore", "hourly", "--allow-unsigned", "--no-fetch"]);
    expect(online.code, online.stderr).toBe(0);
    expect(clone.read("data/state.json")).toBe('{"version": 1}\n');
    // The user's uncommitted edit is in the pre-restore snapshot, with the undo printed.
    const undo = /integrity-guard restore ([0-9a-f]{40}) --allow-unsigned/.exec(online.stdout + online.stderr);
    expect(undo).not.toBeNull();
    const back = await clone.cli(["restore", undo![1]!, "--allow-unsigned", "--no-fetch"]);
    expect(back.code, back.stderr).toBe(0);
    expect(clone.read("data/state.json")).toBe('{"version": 3, "mine": true}\n');
  });

  it("a missing blob in a clone that lends from no remote is still a checksum error (only partial clones are excused)", async () => {
    const { bare } = await originWithSnapshot();
    const clone = partialClone(bare);
    // The same missing objects, but git no longer knows a remote to fetch them from.
    clone.git("config", "--unset-all", "remote.origin.promisor");
    clone.git("config", "--unset-all", "remote.origin.partialclonefilter");
    clone.tryGit("config", "--unset-all", "extensions.partialclone");
    const r = await clone.cli(["restore", "hourly", "--allow-unsigned", "--no-fetch"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/snapshot\/checksum/);
    expect(r.stderr).not.toMatch(/partial clone/);
  });
});
