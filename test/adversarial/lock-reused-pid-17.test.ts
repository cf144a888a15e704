/**
 * A lock left by a killed process whose pid now belongs to another, live process (a restarted
 * container hands out the same small pids at once; a long uptime wraps them): the lock named
 * only the pid, so every later seal waited out its 2-minute timeout and failed, for up to the
 * 10 minutes after which any lock is stale. The lock also records when its process started
 * (Linux: /proc/<pid>/stat's start time and the boot id), and a live pid that started at another
 * time is not the lock's owner: the lock is taken over at once. A live owner still holds it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.pid) process.kill(child.pid);
  child = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A live process that is not the lock's owner: the pid a killed seal had, now reused. */
function liveStranger(): number {
  child = spawn("sleep", ["60"], { stdio: "ignore" });
  return child.pid!;
}

/** The start stamp the lock records for `pid` (boot id and /proc start time), as lock.ts writes it. */
function startOf(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return `${fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()}:${fields[19]}`;
}

it("a lock whose pid is alive but started after the lock's owner did is taken over at once", async () => {
  dir = makeTempDir("ig-lock-pid-");
  const lock = path.join(dir, "manifest.lock");
  const pid = liveStranger();
  const [boot, start] = startOf(pid).split(":");
  // Written by the killed process that had this pid before: same boot, an earlier start.
  const earlier = `${boot}:${Number(start) - 100}`;
  fs.writeFileSync(lock, JSON.stringify({ pid, host: os.hostname(), time: Date.now(), token: "killed", start: earlier }));
  const release = await acquireLock(lock, { timeoutMs: 1500 });
  expect((JSON.parse(fs.readFileSync(lock, "utf8")) as { pid: number }).pid).toBe(process.pid);
  await release();
  // A lock from before a reboot (another boot id) names no process of this boot.
  fs.writeFileSync(
    lock,
    JSON.stringify({ pid, host: os.hostname(), time: Date.now(), token: "old-boot", start: `not-this-boot:${start}` }),
  );
  await (
    await acquireLock(lock, { timeoutMs: 1500 })
  )();
});

it("a lock whose owner is alive (same pid, same start) is still held, and the wait ends with what to do", async () => {
  dir = makeTempDir("ig-lock-pid-");
  const lock = path.join(dir, "manifest.lock");
  const pid = liveStranger();
  fs.writeFileSync(lock, JSON.stringify({ pid, host: os.hostname(), time: Date.now(), token: "alive", start: startOf(pid) }));
  await expect(acquireLock(lock, { timeoutMs: 300 })).rejects.toThrow(`held by pid ${pid}`);
  expect(JSON.parse(fs.readFileSync(lock, "utf8"))).toMatchObject({ token: "alive" });
});

it("the lock it writes records its own start, so the next run can tell a reused pid", async () => {
  dir = makeTempDir("ig-lock-pid-");
  const lock = path.join(dir, "manifest.lock");
  const release = await acquireLock(lock);
  expect(JSON.parse(fs.readFileSync(lock, "utf8"))).toMatchObject({ pid: process.pid, start: startOf(process.pid) });
  await release();
});
