/**
 * The manifest bench (scripts/bench/manifest.bench.mjs) on a tiny corpus: BENCH_MANIFEST=A runs
 * corpus A's rows only, each with its CPU time (user+sys) beside the wall time, and the corpus
 * repository has automatic gc off, so no detached `git gc --auto` packs it while the rows are
 * measured. It runs the built CLI (dist/), as the bench does. No figure is asserted: only that
 * the rows are there (the cold verify rows are medians of runs taken in turns with the peers).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/repo.js";

const BENCH = path.join(PROJECT_ROOT, "scripts/bench/manifest.bench.mjs");

describe("manifest bench", () => {
  it("BENCH_MANIFEST=A prints corpus A's rows with their CPU time, skips corpus B, and turns automatic gc off", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-manifest-bench-"));
    try {
      const r = spawnSync(process.execPath, [BENCH], {
        encoding: "utf8",
        env: { ...process.env, BENCH_MANIFEST: "A", BENCH_SCALE: "0.005", BENCH_DIR: dir, BENCH_KEEP: "1" },
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/cold verify A \(100 files, medians in turns\): ours [\d.]+ ms, sha256sum -c [\d.]+ ms/);
      // Three CPU lines: cold verify, the floor, warm verify.
      expect(r.stdout.match(/cpu \(user\+sys, median\): ours \d+ ms, (sha256sum -c|git status) \d+ ms/g)).toHaveLength(3);
      expect(r.stdout).toMatch(/ours \/ floor: wall [\d.]+x/);
      expect(r.stdout).not.toContain("verify B");
      expect(fs.existsSync(path.join(dir, "manifest-B"))).toBe(false);
      const gcAuto = spawnSync("git", ["config", "gc.auto"], { cwd: path.join(dir, "manifest-A"), encoding: "utf8" });
      expect(gcAuto.stdout.trim()).toBe("0");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  }, 120_000);
});
