/**
 * Session 28, red team (rt-data23): `snapshot` and `restore` started together in one work tree
 * (real processes, from src through tsx as the other crash tests). `snapshot` refused a
 * half-restored tree by reading the restore journal, without the restore's lock; but a restore
 * writes its journal only after its pre-restore snapshot, so a snapshot started while a restore
 * was already under way found no journal, went ahead, and read the tree while the restore wrote
 * it: a signed snapshot part old, part restored, kept by retention in place of good ones. Here
 * the restore is frozen (SIGSTOP) right after it took restore.lock, before its journal: the
 * snapshot must not be taken meanwhile (it waits, then stops with exit 2 naming the lock), and
 * once the restore has finished, the next snapshot holds the restored tree whole.
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

interface Run {
  pid: number;
  done: Promise<{ code: number | null; out: string }>;
}

function start(repo: TestRepo, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out += b.toString()));
  return { pid: child.pid!, done: new Promise((resolve) => child.on("close", (code) => resolve({ code, out }))) };
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex").slice(0, 16);

function fill(repo: TestRepo, byte: number): void {
  fs.rmSync(path.join(repo.dir, "data"), { recursive: true, force: true });
  for (let i = 0; i < 40; i++) repo.write(`data/f${String(i).padStart(2, "0")}.json`, Buffer.alloc(64 << 10, byte + (i % 7)));
}

function tree(repo: TestRepo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(path.join(repo.dir, "data")).sort()) out[n] = sha(fs.readFileSync(path.join(repo.dir, "data", n)));
  return out;
}

function lockHolder(file: string): number | undefined {
  try {
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number }).pid;
  } catch {
    return undefined;
  }
}

/** data/ as the snapshot commit `id` holds it. */
function snapshotTree(repo: TestRepo, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  const names = repo.git("ls-tree", "--name-only", `${id}:data`).trim().split("\n").sort();
  for (const n of names) out[n] = sha(Buffer.from(repo.git("cat-file", "blob", `${id}:data/${n}`), "latin1"));
  return out;
}

it("a snapshot started while a restore holds restore.lock is not taken until that restore ends; the next one holds the restored tree", async () => {
  const repo = createRepo();
  const env = { IG_TEST_SIGNING_KEY: key.privateKey };
  try {
    repo.write(".integrity-guard/config.yml", snapshotConfig({ sets: '    hourly: { paths: ["data/"], keep: 10 }' }));
    repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    fill(repo, 0x41);
    repo.commitAll("a");
    const a = tree(repo);
    const first = await start(repo, ["snapshot", "--set", "hourly"], env).done;
    expect(first.code, first.out).toBe(0);
    const snapA = repo.git("rev-parse", "integrity-snapshots").trim();
    fill(repo, 0x61);
    const b = tree(repo);
    expect(b).not.toEqual(a);

    const lock = path.join(repo.dir, ".git/integrity-guard/restore.lock");
    const journal = path.join(repo.dir, ".git/integrity-guard/restore-journal.json");
    const restore = start(repo, ["restore", snapA], env);
    let frozen = false;
    let journalAtFreeze = false;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      // Frozen once restore.lock names the restore's pid (since session 29 a lock is created
      // whole, by link(), never seen empty: lock.ts).
      if (lockHolder(lock) === restore.pid) {
        process.kill(restore.pid, "SIGSTOP");
        frozen = true;
        journalAtFreeze = fs.existsSync(journal);
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    try {
      expect(frozen, "the restore never took restore.lock").toBe(true);
      // Frozen between its lock and its journal: exactly the window the journal check missed.
      expect(journalAtFreeze, "the restore was frozen after writing its journal; the window was missed").toBe(false);
      const tipBefore = repo.git("rev-parse", "integrity-snapshots").trim();
      const snap = await start(repo, ["snapshot", "--set", "hourly"], env).done;
      const tipAfter = repo.git("rev-parse", "integrity-snapshots").trim();
      expect(tipAfter, `a snapshot was taken while a restore was under way:\n${snap.out}`).toBe(tipBefore);
      expect(snap.code, snap.out).toBe(2);
      expect(snap.out).toMatch(/restore\.lock/);
      expect(snap.out).toMatch(/fix:/);
    } finally {
      process.kill(restore.pid, "SIGCONT");
    }
    const restored = await restore.done;
    expect(restored.code, restored.out).toBe(0);
    expect(tree(repo)).toEqual(a);
    expect(fs.existsSync(journal)).toBe(false);
    expect(fs.existsSync(lock)).toBe(false);

    // The restore over: a snapshot runs, and holds the restored tree whole.
    fill(repo, 0x30);
    const c = tree(repo);
    const next = await start(repo, ["snapshot", "--set", "hourly"], env).done;
    expect(next.code, next.out).toBe(0);
    expect(snapshotTree(repo, repo.git("rev-parse", "integrity-snapshots").trim())).toEqual(c);
  } finally {
    repo.cleanup();
  }
}, 600_000);
