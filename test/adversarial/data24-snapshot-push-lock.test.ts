/**
 * Session 29 red team (rt-data24), lead 2: `snapshot --push` held restore.lock through its fetch
 * and its pushes, so a restore started while a push was slow (a large repository, a slow
 * network) waited 10 s on the lock and gave up with exit 2. The lock is now held from the
 * capture to the branch's move only. Here the remote's pre-receive hook keeps the push waiting
 * 20 s; a restore started meanwhile must run at once, and the push must still land.
 * Real processes, from src through tsx (as data23's crash tests).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

function start(repo: TestRepo, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex").slice(0, 16);

function fill(repo: TestRepo, byte: number): void {
  fs.rmSync(path.join(repo.dir, "data"), { recursive: true, force: true });
  for (let i = 0; i < 8; i++) repo.write(`data/f${i}.json`, JSON.stringify({ i, byte }));
}

function tree(repo: TestRepo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(path.join(repo.dir, "data")).sort()) out[n] = sha(fs.readFileSync(path.join(repo.dir, "data", n)));
  return out;
}

it("a restore started while snapshot --push waits on a slow remote runs at once; the push still lands", async () => {
  const repo = createRepo();
  const remote = createRepo({ bare: true });
  const env = { IG_TEST_SIGNING_KEY: key.privateKey };
  try {
    repo.write(".integrity-guard/config.yml", snapshotConfig({ sets: '    hourly: { paths: ["data/"], keep: 10 }' }));
    repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    fill(repo, 1);
    repo.commitAll("a");
    repo.git("remote", "add", "origin", remote.dir);
    const a = tree(repo);
    const first = await start(repo, ["snapshot", "--set", "hourly"], env);
    expect(first.code, first.out).toBe(0);
    const snapA = repo.git("rev-parse", "integrity-snapshots").trim();
    fill(repo, 2);

    // The remote takes 20 s to accept a push (more than the 10 s a lock waiter waits).
    const pushing = path.join(remote.dir, "pushing");
    const hook = path.join(remote.dir, "hooks/pre-receive");
    fs.writeFileSync(hook, `#!/bin/sh\ncat >/dev/null\ntouch '${pushing}'\nsleep 20\nexit 0\n`, { mode: 0o755 });
    const snapshot = start(repo, ["snapshot", "--set", "hourly", "--push"], env);
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(pushing) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(pushing), "the snapshot never reached its push").toBe(true);

    const restored = await start(repo, ["restore", snapA], env);
    expect(restored.code, `the restore waited on the push's lock:\n${restored.out}`).toBe(0);
    expect(restored.out).not.toMatch(/could not take the lock/);
    expect(tree(repo)).toEqual(a);
    const pushed = await snapshot;
    expect(pushed.code, pushed.out).toBe(0);
    expect(pushed.out).toMatch(/pushed integrity-snapshots/);
    // What the remote holds is the snapshot taken before the restore (of the tree as it was then).
    const remoteTip = remote.git("rev-parse", "integrity-snapshots").trim();
    expect(repo.git("log", "--format=%H", "integrity-snapshots").split("\n")).toContain(remoteTip);
  } finally {
    repo.cleanup();
    remote.cleanup();
  }
}, 300_000);
