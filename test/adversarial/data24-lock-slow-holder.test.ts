/**
 * Session 29 red team (rt-data24), lead 1: src/io/lock.ts took an empty lock file older than 2 s
 * for one left by a crash between its open() and its write(). A holder merely slow there (a
 * stopped process, a slow disk) then lost its lock to a second process, and both wrote. The lock
 * is now written whole under a temporary name and linked into place: never seen empty, and a
 * slow holder keeps it. Runs the built library in child processes, as users do.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { deadPid } from "../helpers/outside-links.js";
import { DIST_DIR, makeTempDir, PROJECT_ROOT } from "../helpers/repo.js";

const WORKER = path.join(PROJECT_ROOT, "test/fixtures/safe-write/slow-lock-worker.mjs");
const LOCK_WORKER = path.join(PROJECT_ROOT, "test/fixtures/safe-write/lock-worker.mjs");
const KILL = path.join(PROJECT_ROOT, "test/helpers/kill-after-step.mjs");
const LIB = path.join(DIST_DIR, "lib/index.js");
let dir: string;
beforeEach(() => {
  dir = makeTempDir("ig-lock24-");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Worker {
  done: Promise<{ code: number | null; stderr: string }>;
  /** Resolves once the child printed `word` on stderr. */
  said: (word: string) => Promise<void>;
}

function worker(lockPath: string, marker: string, delayMs: number, holdMs: number): Worker {
  const proc = spawn(process.execPath, [WORKER, lockPath, marker, String(delayMs), String(holdMs)], {
    env: { ...process.env, IG_LIB: LIB },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const waiters: Array<() => void> = [];
  proc.stderr.on("data", (b: Buffer) => {
    stderr += b.toString();
    for (const w of waiters.splice(0)) w();
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => proc.on("exit", (code) => resolve({ code, stderr })));
  const said = (word: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const look = (): void => {
        if (stderr.includes(word)) resolve();
        else waiters.push(look);
      };
      void done.then(() => (stderr.includes(word) ? resolve() : reject(new Error(`the worker exited without saying ${word}: ${stderr}`))));
      look();
    });
  return { done, said };
}

it("a holder slowed 4 s while writing its lock keeps it: the lock is never empty, a second process waits, never two holders", async () => {
  const lockPath = path.join(dir, ".state.json.lock");
  const marker = path.join(dir, "held");
  const slow = worker(lockPath, marker, 4_000, 1_000);
  await slow.said("WRITING");
  // Watch the lock file while the first holder is held in its write: it must never be empty.
  let seenEmpty = false;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      try {
        if (fs.readFileSync(lockPath).length === 0) seenEmpty = true;
      } catch {
        /* not there (yet, or any more) */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const second = worker(lockPath, marker, 0, 6_000);
  const [a, b] = await Promise.all([slow.done, second.done]);
  watching = false;
  await watch;
  expect(a.stderr + b.stderr).not.toContain("DOUBLE HOLD");
  expect(seenEmpty, "the lock file was seen empty while its holder was writing it").toBe(false);
  expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
  expect(fs.existsSync(marker)).toBe(false);
  expect(fs.readdirSync(dir)).toEqual([]); // no lock, no temporary file left
}, 120_000);

it("a temporary lock or takeover-guard file left by a killed process is removed by the next holder; a live writer's, and other names, are kept", async () => {
  const lockPath = path.join(dir, ".state.json.lock");
  const dead = path.join(dir, `..state.json.lock.${deadPid()}.0badf00d.tmp`);
  const live = path.join(dir, `..state.json.lock.${process.pid}.0c0ffee0.tmp`);
  fs.writeFileSync(dead, JSON.stringify({ pid: 1, host: "x", time: Date.now(), token: "t" }));
  fs.writeFileSync(live, "");
  const deadGuard = path.join(dir, `..state.json.lock.takeover.${deadPid()}.0badf00d.tmp`);
  const other = path.join(dir, `..state.json.${deadPid()}.0badf00d.tmp`); // a temporary of the state file's own writes: not the lock's
  fs.writeFileSync(deadGuard, "{}");
  fs.writeFileSync(other, "{}");
  const release = await acquireLock(lockPath);
  await release();
  expect(fs.existsSync(dead), "a dead writer's temporary lock file was left where `git add -A` commits it").toBe(false);
  expect(fs.existsSync(deadGuard), "a dead writer's temporary takeover guard was left").toBe(false);
  expect(fs.existsSync(live)).toBe(true);
  expect(fs.existsSync(other)).toBe(true);
  expect(fs.existsSync(lockPath)).toBe(false);
});

it("a lock left empty or cut short by a crash (older versions, a power loss) is still taken over after 2 s", async () => {
  const lockPath = path.join(dir, ".x.lock");
  fs.writeFileSync(lockPath, '{"pid":');
  const old = new Date(Date.now() - 5_000);
  fs.utimesSync(lockPath, old, old);
  const release = await acquireLock(lockPath, { timeoutMs: 5_000 });
  expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
  await release();
  expect(fs.existsSync(lockPath)).toBe(false);
});

/** One lock-worker run (test/fixtures/safe-write/lock-worker.mjs) with the kill preload and `env`. */
function lockWorker(
  lockPath: string,
  marker: string,
  count: number,
  env: NodeJS.ProcessEnv,
): { status: number | null; signal: string | null; stderr: string } {
  const p = spawnSync(process.execPath, ["--import", KILL, LOCK_WORKER, lockPath, marker, String(count), "-1"], {
    env: { ...process.env, IG_LIB: LIB, ...env },
    encoding: "utf8",
  });
  return { status: p.status, signal: p.signal, stderr: p.stderr };
}

it("killed after each file-system step of taking the lock: the next run takes it at once, nothing is left behind", () => {
  const lockPath = path.join(dir, ".state.json.lock");
  const marker = path.join(dir, "held");
  let killed = 0;
  for (let at = 1; at <= 12; at++) {
    const r = lockWorker(lockPath, marker, 1, { IG_TEST_KILL_DIR: dir, IG_TEST_KILL_AT: String(at) });
    if (r.signal !== "SIGKILL") break; // past its last step
    killed++;
    fs.rmSync(marker, { force: true }); // a kill inside the lock leaves the test's own marker
    const began = Date.now();
    const next = lockWorker(lockPath, marker, 1, {});
    expect(next.status, `after a kill at step ${at}: ${next.stderr}`).toBe(0);
    // A dead holder's lock is taken over at once (its pid is gone), not after a wait.
    expect(Date.now() - began, `after a kill at step ${at}`).toBeLessThan(5_000);
    expect(fs.readdirSync(dir), `after a kill at step ${at}`).toEqual([]);
  }
  expect(killed).toBeGreaterThanOrEqual(3); // temporary file, link, and inside the lock at least
}, 240_000);

it("on a file system without hard links the lock is still taken exclusively (open-then-write), crashes and all", async () => {
  const lockPath = path.join(dir, ".state.json.lock");
  const marker = path.join(dir, "held");
  const runs = await Promise.all(
    [0, 1, 2].map(
      (lane) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const proc = spawn(process.execPath, ["--import", KILL, LOCK_WORKER, lockPath, marker, "30", String(lane === 0 ? 20 : -1)], {
            env: { ...process.env, IG_LIB: LIB, IG_TEST_NO_HARD_LINKS: "1" },
            stdio: ["ignore", "ignore", "pipe"],
          });
          let stderr = "";
          proc.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
          proc.on("exit", (code) => resolve({ code, stderr }));
        }),
    ),
  );
  for (const r of runs) expect(r.stderr).not.toContain("DOUBLE HOLD");
  expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
  expect(fs.existsSync(marker)).toBe(false);
}, 240_000);
