/**
 * Stats and reads of a streamed snapshot in worker threads (src/io/snapshot/read-pool.ts): the
 * same manifest and tree as the main thread alone, first and incremental; the same errors; and
 * a snapshot killed while its workers read leaves the branch where it was.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { statCachePath } from "../../src/io/snapshot/stat-cache.js";
import { snapshotConfig } from "../helpers/keys.js";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const FILES = 1500; // three runs of 512 files: requests asked ahead and answered out of turn
/** Workers from the first file on; never. */
const WORKERS = { poolFrom: 1 };
const MAIN_ONLY = { poolFrom: Number.POSITIVE_INFINITY };

function setup(count = FILES): TestRepo {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
  for (let i = 0; i < count; i++) repo.write(`data/d${i % 13}/f${i}.json`, JSON.stringify({ i }) + "\n");
  repo.write("data/empty.json", "");
  repo.write("data/with space é.json", '{"name":"ü"}\n');
  fs.chmodSync(repo.write("data/run.sh", "#!/bin/sh\necho hi\n"), 0o755);
  // Bigger than the workers take (read-pool.ts BIG): read by the main thread, in its place.
  repo.write("data/big.bin", Buffer.alloc((4 << 20) + 1, 7));
  // Many files in one answer, then a run cut by the byte limit (read-pool.ts LIMIT).
  for (let i = 0; i < 3; i++) repo.write(`data/mid/m${i}.bin`, Buffer.alloc(3 << 20, i + 1));
  const past = new Date(Date.now() - 60_000);
  for (const f of fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[]) {
    const abs = path.join(repo.dir, "data", f);
    if (fs.statSync(abs).isFile()) fs.utimesSync(abs, past, past);
  }
  return repo;
}

describe("snapshot reads in worker threads", () => {
  it("give the manifest and tree the main thread gives, first and incremental, and read only the changed files", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const counters: { filesRead?: number; blobsWritten?: number; readThreadYoungMb?: number } = {};
      const pooled = await captureStreaming(git, { set: "s", paths: ["data/"], files, ...WORKERS }, counters);
      await pooled.verified;
      expect(counters).toMatchObject({ filesRead: files.length, blobsWritten: files.length });
      // The threads' young generation is capped (read-pool.ts WORKER_YOUNG_MB): V8's default for
      // a thread (48 MB, its semi-spaces grown to 16 MiB each by the per-path keys) was about
      // 40 MB of an incremental snapshot's peak at 500,000 files (issue 20).
      expect(counters.readThreadYoungMb).toBeGreaterThan(0);
      expect(counters.readThreadYoungMb).toBeLessThanOrEqual(4);
      fs.rmSync(statCachePath(git.stateDir(), "s"));
      const alone = await captureStreaming(git, { set: "s", paths: ["data/"], files, ...MAIN_ONLY });
      await alone.verified;
      expect(pooled.digest).toBe(alone.digest);
      expect(pooled.tree).toBe(alone.tree);
      expect(repo.git("ls-tree", pooled.tree!, "data/run.sh")).toMatch(/^100755 blob /);
      const commit = repo.git("commit-tree", alone.tree!, "-m", "snapshot").trim();

      repo.write("data/d3/f3.json", '{"changed":1}\n');
      repo.write("data/mid/m1.bin", Buffer.alloc(100, 9));
      repo.write("data/with space é.json", '{"name":"ö"}\n');
      const again: { filesRead?: number; blobsWritten?: number } = {};
      const next = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit }, ...WORKERS }, again);
      await next.verified;
      expect(again).toMatchObject({ filesRead: 3, blobsWritten: 3 });
      fs.rmSync(statCachePath(git.stateDir(), "s"));
      const full = await captureStreaming(git, { set: "s", paths: ["data/"], files, ...MAIN_ONLY });
      await full.verified;
      expect(next.tree).toBe(full.tree);
      expect(repo.git("show", `${next.tree}:data/with space é.json`)).toBe('{"name":"ö"}\n');
      expect(repo.git("fsck", "--full", "--strict", "--no-dangling").trim()).toBe("");
    } finally {
      repo.cleanup();
    }
  });

  it("a file removed after the listing fails the capture with the error the main thread raises", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      fs.rmSync(path.join(repo.dir, "data/d5/f200.json"));
      const error = (options: object) =>
        captureStreaming(git, { set: "s", paths: ["data/"], files, ...options }).then(
          () => undefined,
          (e: unknown) => e as NodeJS.ErrnoException,
        );
      // First without a cache (the file is opened), then with one (the file is stat'ed first).
      const pooled = await error(WORKERS);
      expect(pooled?.code).toBe("ENOENT");
      expect(pooled?.message).toBe((await error(MAIN_ONLY))?.message);
      repo.write("data/d5/f200.json", "{}\n");
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files, ...MAIN_ONLY });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      fs.rmSync(path.join(repo.dir, "data/d5/f200.json"));
      const cached = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit }, ...WORKERS }).then(
        () => undefined,
        (e: unknown) => e as NodeJS.ErrnoException,
      );
      expect(cached?.code).toBe("ENOENT");
      expect(cached?.message).toContain("lstat");
    } finally {
      repo.cleanup();
    }
  });

  it("a snapshot killed while it reads leaves the branch where it was; the next one completes", async () => {
    const repo = setup(2500);
    try {
      const run = (killAfterMs?: number) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ["--import", TSX, MAIN, "snapshot", "--set", "s"], {
            cwd: repo.dir,
            // Worker threads whatever the size of the set (capture.ts POOL_FROM).
            env: { ...process.env, ...GIT_ENV, IG_SNAPSHOT_WORKERS: "2" },
            stdio: "ignore",
          });
          const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
          child.on("close", (code) => {
            clearTimeout(timer);
            resolve(code);
          });
        });
      expect(await run()).toBe(0);
      let tip = repo.git("rev-parse", "integrity-snapshots").trim();
      for (const [n, ms] of [300, 900, 1600].entries()) {
        repo.write(`data/d${n}/f${n}.json`, `{"killed":${n}}\n`);
        const code = await run(ms);
        const now = repo.git("rev-parse", "integrity-snapshots").trim();
        // Killed before the end: the branch did not move. Killed after it moved (or finished
        // first, on a fast machine): a whole snapshot on the old tip, holding the change.
        if (now !== tip) {
          expect(repo.git("rev-parse", `${now}^`).trim()).toBe(tip);
          expect(repo.git("show", `${now}:data/d${n}/f${n}.json`)).toBe(`{"killed":${n}}\n`);
          tip = now;
        } else expect(code).not.toBe(0);
      }
      expect(await run()).toBe(0);
      const last = repo.git("rev-parse", "integrity-snapshots").trim();
      expect(repo.git("show", `${last}:data/d2/f2.json`)).toBe('{"killed":2}\n');
      expect(repo.git("fsck", "--full", "--strict", "--no-dangling").trim()).toBe("");
    } finally {
      repo.cleanup();
    }
  }, 120_000);
});
