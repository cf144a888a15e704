import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { processExists } from "../../src/io/process-exists.js";
import { makeTempDir } from "../helpers/repo.js";

it("a running process exists; a finished one does not", () => {
  expect(processExists(process.pid)).toBe(true);
  const done = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  expect(processExists(Number(done.stdout))).toBe(false);
});

it("0, negative, fractional and non-numeric pids never exist (kill(0) and kill(-1) would address process groups)", () => {
  for (const pid of [0, -1, -process.pid, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(processExists(pid)).toBe(false);
});

it("a lock on this host recording pid 0 (a hand-edited or damaged lock) is taken over at once, not after the stale timeout", async () => {
  const dir = makeTempDir("ig-pid-");
  try {
    const lockPath = path.join(dir, ".x.lock");
    fs.writeFileSync(lockPath, JSON.stringify({ pid: 0, host: os.hostname(), time: Date.now() }));
    const release = await acquireLock(lockPath, { timeoutMs: 1500 });
    await release();
    expect(fs.existsSync(lockPath)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
