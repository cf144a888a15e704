/**
 * The library's lock under crashes and contention (src/io/lock.ts): processes that die holding
 * the lock leave stale lock files, and the waiters that take them over must never end up
 * holding the lock twice. Each round claims a marker file with O_EXCL inside the lock, so a
 * double hold is seen as EEXIST (the worker exits 3). Runs the built library, as users do.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { DIST_DIR, makeTempDir, PROJECT_ROOT } from "../helpers/repo.js";

const WORKER = path.join(PROJECT_ROOT, "test/fixtures/safe-write/lock-worker.mjs");
const LIB = path.join(DIST_DIR, "lib/index.js");
let dir: string;
beforeEach(() => {
  dir = makeTempDir("ig-lock-");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function worker(lockPath: string, marker: string, count: number, crashAt: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [WORKER, lockPath, marker, String(count), String(crashAt)], {
      env: { ...process.env, IG_LIB: LIB },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    proc.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    proc.on("exit", (code) => resolve({ code, stderr }));
  });
}

it("four lanes of workers that crash holding the lock: 400 rounds, every stale lock taken over, never two holders", async () => {
  const lockPath = path.join(dir, ".state.json.lock");
  const marker = path.join(dir, "held");
  const lanes = 4;
  const roundsPerLane = 100;
  let crashes = 0;
  const lane = async (_: unknown, index: number): Promise<number[]> => {
    const codes: number[] = [];
    const random = seeded(index + 1); // the same crash plan every run: only the interleaving varies
    let left = roundsPerLane;
    while (left > 0) {
      const count = Math.min(left, 10);
      // Most workers die holding the lock at some round: each leaves a stale lock behind.
      const crashAt = random() < 0.8 ? Math.floor(random() * count) : -1;
      const r = await worker(lockPath, marker, count, crashAt);
      expect(r.stderr).not.toContain("DOUBLE HOLD");
      codes.push(r.code ?? -1);
      if (crashAt >= 0) crashes++;
      left -= crashAt >= 0 ? crashAt + 1 : count;
    }
    return codes;
  };
  const results = (await Promise.all(Array.from({ length: lanes }, lane))).flat();
  expect(results.every((c) => c === 0)).toBe(true);
  expect(crashes).toBeGreaterThan(10); // the test did exercise stale takeovers
  expect(fs.existsSync(marker)).toBe(false);
}, 240_000);

it("release removes only its own lock: a lock taken over meanwhile stays with its new holder", async () => {
  const lockPath = path.join(dir, ".x.lock");
  const release = await acquireLock(lockPath);
  // Another process took the lock over (e.g. ours was judged stale after staleMs).
  const theirs = JSON.stringify({ pid: process.pid, host: "elsewhere", time: Date.now(), token: "theirs" });
  fs.writeFileSync(lockPath, theirs);
  await release();
  expect(fs.readFileSync(lockPath, "utf8")).toBe(theirs);
});

it("a lock that cannot be written names the cause and the folder, not an internal error", async () => {
  if (process.getuid?.() === 0) {
    // root ignores folder permissions: a path under a regular file fails with ENOTDIR instead.
    fs.writeFileSync(path.join(dir, "file"), "");
    const error = (await acquireLock(path.join(dir, "file/sub/.x.lock")).catch((e: unknown) => e)) as Error;
    expect(error.constructor.name).toBe("EnvironmentError");
    expect(error.message).toContain("could not take the lock");
    return;
  }
  const ro = path.join(dir, "ro");
  fs.mkdirSync(ro, { mode: 0o555 });
  const error = (await acquireLock(path.join(ro, ".x.lock")).catch((e: unknown) => e)) as Error;
  expect(error.constructor.name).toBe("EnvironmentError");
  expect(error.message).toMatch(/could not take the lock .*permission denied/);
});

/** A small deterministic generator of numbers in [0, 1) (mulberry32), so the crash plan is fixed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
