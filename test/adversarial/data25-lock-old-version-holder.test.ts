/**
 * Session 30, red team (rt-data25), mixed versions: integrity-guard before session 29 created a
 * lock file empty (O_EXCL open) and wrote it next. Such an old holder stopped between the two
 * (SIGSTOP, a slow disk) leaves an empty lock that the current lock.ts took for a crash's once
 * older than 2 s, and broke: two holders at once, the old one writing. A live old holder has
 * the file open (its fd), so the lock is now kept while a process holds it open; one left by a
 * dead old holder (nobody has it open) is still taken over after 2 s, never kept forever.
 * The old holder is a child doing exactly what the old versions did: open "wx", no write yet.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string;
beforeEach(() => {
  dir = makeTempDir("ig-lock25-");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it.skipIf(process.platform !== "linux")(
  "an empty lock an old version's live holder has open is kept; once that holder is dead it is taken over",
  async () => {
    const lockPath = path.join(dir, "restore.lock");
    // The old version's acquire: the lock created empty, held open, its write not yet made.
    const holder = spawn(
      process.execPath,
      ["-e", `require("fs").openSync(${JSON.stringify(lockPath)}, "wx"); console.log("open"); setInterval(() => {}, 1000);`],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
      expect(fs.statSync(lockPath).size).toBe(0);
      // Well past the 2 s after which an empty lock nobody holds counts as a crash's.
      const t0 = Date.now();
      await expect(acquireLock(lockPath, { timeoutMs: 4_000 })).rejects.toThrow(/could not take the lock .*restore\.lock within 4000 ms/);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(4_000);
      expect(fs.statSync(lockPath).size, "the old holder's lock was replaced").toBe(0);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("close", resolve));
    }
    // The old holder died before its write: its empty lock is taken over, not kept forever.
    const release = await acquireLock(lockPath, { timeoutMs: 10_000 });
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
    await release();
    expect(fs.existsSync(lockPath)).toBe(false);
  },
  60_000,
);
