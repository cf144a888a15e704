/**
 * The built CLI when its standard output fails: a reader that goes away early (`check | head`)
 * must not turn into a crash with a stack trace, and the exit code stays the verdict's; a
 * destination that cannot take the report (a full disk under `> report.json`) is exit 2 naming
 * the cause, never a partial report with the verdict's exit code.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_BUNDLE, GIT_ENV, createRepo, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** A repository of 50 files under the manifest, valid or each with a syntax error. */
function repoWithManyFiles(broken: boolean): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  for (let i = 0; i < 50; i++) repo.write(`data/file-${i}.json`, broken ? `{"a": 1,, "i": ${i}}\n` : `{"i": ${i}}\n`);
  repo.commitAll();
  return repo;
}

/**
 * Run the bundle with our end of its stdout pipe closed at once, as `check | true` does: every
 * write the child makes fails with EPIPE, whatever the timing.
 */
function runWithReaderGone(cwd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, env: { ...process.env, ...GIT_ENV } });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("stdout closed or failing", () => {
  it("a reader that is gone: no stack trace, the exit code is still the verdict (1 with findings)", async () => {
    const repo = repoWithManyFiles(true);
    const r = await runWithReaderGone(repo.dir, ["check", "--format", "json"]);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled| {4}at /);
    expect(r.code).toBe(1);
  });

  it("a reader that is gone on a clean run: exit 0", async () => {
    const repo = repoWithManyFiles(false);
    const r = await runWithReaderGone(repo.dir, ["seal", "--format", "sha256sum"]);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled| {4}at /);
    expect(r.code).toBe(0);
  });

  it.runIf(fs.existsSync("/dev/full"))("a full disk under the redirect: exit 2 with the cause and the fix, no stack trace", async () => {
    const repo = repoWithManyFiles(false);
    const fd = fs.openSync("/dev/full", "w");
    try {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI_BUNDLE, "seal", "--format", "sha256sum"], {
          cwd: repo.dir,
          env: { ...process.env, ...GIT_ENV },
          stdio: ["ignore", fd, "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stderr }));
      });
      expect(r.stderr).toMatch(/could not write the report to standard output: ENOSPC/);
      expect(r.stderr).toMatch(/fix: /);
      expect(r.stderr).not.toMatch(/Unhandled| {4}at /);
      expect(r.code).toBe(2);
    } finally {
      fs.closeSync(fd);
    }
  });
});
