/**
 * The private folder (0700) a snapshot holds its signing key in (`ig-sign-...` under the OS temp
 * dir: the ssh-agent's socket, or the key file itself where no agent runs) was named by the pid
 * alone, and the next run swept a leftover only when that pid was not running:
 * - a restarted container's run is pid 1 (or another small fixed pid) again at once, so the
 *   folder its killed incarnation left looked like its own and was kept for good;
 * - any reused pid (another live process) kept a killed run's folder until that process ended.
 * The names now carry the writer's start time too (process-start.ts writerTag), as temporary
 * files do since session 23. Real snapshots through the built CLI, real SIGKILLs; the pid reuse is
 * made by renaming the leftover to the pid of a live process (its start time, in the name, stays
 * the killed run's), and the restarted run keeps its pid by `exec` from a shell that waits first.
 * A live run (stopped while it holds the key) keeps its folder and signs when let go on.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

const cleanups: (() => void)[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const f of cleanups.splice(0)) f();
});

function setup(): { repo: TestRepo; tmp: string } {
  const repo = createRepo();
  const tmp = makeTempDir("ig-tmpdir-");
  cleanups.push(() => {
    repo.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  repo.write(".integrity-guard/config.yml", snapshotConfig());
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  // Enough data that the snapshot holds the key for a while.
  for (let i = 0; i < 24; i++) repo.write(`data/f${i}.bin`, Buffer.alloc(1 << 20, i));
  repo.write("state.json", "{}\n");
  repo.commitAll("init");
  return { repo, tmp };
}

const env = (tmp: string): NodeJS.ProcessEnv => ({ ...process.env, ...GIT_ENV, TMPDIR: tmp, IG_TEST_SIGNING_KEY: key.privateKey });

function spawnSnapshot(repo: TestRepo, tmp: string): ChildProcess {
  const c = spawn(process.execPath, [CLI_BUNDLE, "snapshot", "--set", "hourly"], {
    cwd: repo.dir,
    env: env(tmp),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(c);
  return c;
}

function closed(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  child.stdout?.resume();
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode, stderr });
    else child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

const signDirs = (tmp: string) => fs.readdirSync(tmp).filter((n) => n.startsWith("ig-sign-"));

/** Start snapshots until one is sent `signal` while its key folder exists; returns it (stopped or killed). */
async function caughtHoldingKey(repo: TestRepo, tmp: string, signal: "SIGKILL" | "SIGSTOP"): Promise<ChildProcess> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const child = spawnSnapshot(repo, tmp);
    const done = closed(child);
    let sent = false;
    const timer = setInterval(() => {
      if (sent || signDirs(tmp).length === 0) return;
      sent = true;
      child.kill(signal);
      clearInterval(timer);
    }, 2);
    if (signal === "SIGKILL") {
      const r = await done;
      clearInterval(timer);
      if (sent && r.signal === "SIGKILL") return child;
    } else {
      while (!sent && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      clearInterval(timer);
      if (sent && child.exitCode === null) return child;
      await done;
    }
    for (const n of signDirs(tmp)) fs.rmSync(path.join(tmp, n), { recursive: true, force: true });
  }
  throw new Error("the snapshot never held its key long enough to be caught");
}

/** A killed snapshot's key folder (its agent gone with it): its name. */
async function killedRunFolder(repo: TestRepo, tmp: string): Promise<string> {
  await caughtHoldingKey(repo, tmp, "SIGKILL");
  const left = signDirs(tmp);
  expect(left).toHaveLength(1);
  return left[0]!;
}

/** Rename the folder so that its name gives `pid` (the digits after `ig-sign-`; the rest, a start time included, kept). */
function renameToPid(tmp: string, name: string, pid: number): string {
  const renamed = name.replace(/^ig-sign-\d+/, `ig-sign-${pid}`);
  fs.renameSync(path.join(tmp, name), path.join(tmp, renamed));
  return renamed;
}

it("a killed snapshot's key folder is swept when the restarted run gets the same pid (a container's pid 1)", async () => {
  const { repo, tmp } = setup();
  const left = await killedRunFolder(repo, tmp);
  // The next run waits for a line, then becomes the CLI by exec: same pid, same start time.
  const next = spawn("sh", ["-c", 'read go; exec "$0" "$@"', process.execPath, CLI_BUNDLE, "snapshot", "--set", "hourly"], {
    cwd: repo.dir,
    env: env(tmp),
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(next);
  const done = closed(next);
  const renamed = renameToPid(tmp, left, next.pid!);
  next.stdin!.end("go\n");
  const r = await done;
  expect(r.code, r.stderr).toBe(0);
  expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN SSH SIGNATURE");
  expect(fs.existsSync(path.join(tmp, renamed))).toBe(false);
  expect(signDirs(tmp)).toEqual([]);
}, 180_000);

it("a killed snapshot's key folder is swept when another live process has its pid now", async () => {
  const { repo, tmp } = setup();
  const left = await killedRunFolder(repo, tmp);
  const stranger = spawn("sleep", ["120"], { stdio: "ignore" });
  children.push(stranger);
  const renamed = renameToPid(tmp, left, stranger.pid!);
  const r = await closed(spawnSnapshot(repo, tmp));
  expect(r.code, r.stderr).toBe(0);
  expect(fs.existsSync(path.join(tmp, renamed))).toBe(false);
  expect(signDirs(tmp)).toEqual([]);
}, 180_000);

it("a live snapshot's key folder (its process stopped while it signs) is kept by another run, and it signs when let go on", async () => {
  const a = setup();
  const b = setup();
  // Both runs share one temp dir, as runs on one machine do.
  const stopped = await caughtHoldingKey(a.repo, a.tmp, "SIGSTOP");
  const mine = signDirs(a.tmp);
  expect(mine).toHaveLength(1);
  const done = closed(stopped);
  const other = spawn(process.execPath, [CLI_BUNDLE, "snapshot", "--set", "hourly"], {
    cwd: b.repo.dir,
    env: env(a.tmp),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(other);
  const r = await closed(other);
  expect(r.code, r.stderr).toBe(0);
  expect(signDirs(a.tmp)).toEqual(mine);
  stopped.kill("SIGCONT");
  const ra = await done;
  expect(ra.code, ra.stderr).toBe(0);
  expect(a.repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN SSH SIGNATURE");
  expect(signDirs(a.tmp)).toEqual([]);
}, 180_000);
