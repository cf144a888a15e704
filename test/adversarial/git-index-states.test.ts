/**
 * verify, seal and the hook in repositories whose index git keeps in its other forms.
 *
 * `core.fsmonitor`: git asks the monitor which files changed and does not stat the others. A
 * monitor misses writes it cannot see (another host writing over NFS, a container's bind mount,
 * a daemon stopped or overflowed): git's `diff-files` then said the file was clean, the stat
 * cache kept its old hash, and `verify` passed an edited sealed file ("no drift"). git 2.39 has
 * no built-in monitor on Linux (`fsmonitor--daemon not supported on this platform`); a hook
 * monitor (`core.fsmonitor = <command>`, as Watchman's hook is set up) is, and one that answers
 * "nothing changed" stands in for a monitor that missed the write.
 *
 * `core.splitIndex`, `index.version=4`, `feature.manyFiles`: the hook still blocks a corrupt
 * staged file and passes a valid one, also under `git commit <path>` (a temporary index).
 * Real repositories; verify and seal from src, the hook running the built CLI.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { ageTree, parseReport } from "../integration/manifest-helpers.js";
import { SCHEMA_VIOLATION, VALID, commit, head, hookRepo } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

async function modifiedFiles(r: TestRepo): Promise<string[]> {
  const v = await r.cli(["verify", "--format", "json"]);
  return parseReport(v.stdout)
    .findings.filter((f) => f.rule === "manifest/modified")
    .map((f) => f.file!)
    .sort();
}

describe("a monitor (core.fsmonitor) that missed a write", () => {
  it("does not hide the edit from verify, and seal reseals the new content", async () => {
    const r = (repo = createRepo());
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/state.json", '{"a": 1}\n');
    r.commitAll("init");
    expect((await r.cli(["seal"])).code).toBe(0);
    r.git("add", ".integrity-guard");
    r.git("commit", "-q", "--no-verify", "-m", "seal");
    // A hook monitor (protocol 2) that reports no change since any token.
    const monitor = path.join(r.dir, ".git", "lying-monitor");
    fs.writeFileSync(monitor, "#!/bin/sh\nprintf 'token\\0'\n", { mode: 0o755 });
    r.git("config", "core.fsmonitor", monitor);
    r.git("config", "core.fsmonitorHookVersion", "2");
    ageTree(r.dir);
    r.git("update-index", "-q", "--fsmonitor", "--really-refresh");
    r.git("status", "--short"); // writes the monitor's token and marks the entries valid
    expect((await r.cli(["verify"])).code).toBe(0);
    expect((await r.cli(["verify"])).code).toBe(0); // the cache vouches for the file now
    r.write("data/state.json", '{"a": 2, "b": 3}\n');
    expect(r.git("diff-files", "--name-only")).toBe(""); // git, through the monitor, sees no change...
    expect(await modifiedFiles(r)).toEqual(["data/state.json"]); // ...verify does
    expect((await r.cli(["seal"])).code).toBe(0);
    expect((await r.cli(["verify"])).code).toBe(0);
    expect(r.read(".integrity-guard/manifest.json")).toContain(
      (await import("node:crypto")).createHash("sha256").update('{"a": 2, "b": 3}\n').digest("hex"),
    );
  });
});

describe("the hook with a split index, index format 4 and feature.manyFiles", () => {
  it("blocks a corrupt staged file and passes a valid one (git commit, and git commit <path>)", () => {
    const r = (repo = hookRepo());
    r.git("config", "core.splitIndex", "true");
    r.git("config", "index.version", "4");
    r.git("config", "feature.manyFiles", "true");
    r.git("update-index", "--split-index", "--index-version", "4");
    r.write("data/a.json", SCHEMA_VIOLATION);
    r.git("add", "data/a.json");
    const before = head(r);
    const bad = commit(r);
    expect(bad.status, bad.out).not.toBe(0);
    expect(bad.out).toMatch(/data\/a\.json:3:\d+ +error .*\[schema\/violation\]/);
    expect(head(r)).toBe(before);
    r.write("data/a.json", VALID.replace('"count": 1', '"count": 4'));
    r.git("add", "data/a.json");
    const good = commit(r);
    expect(good.status, good.out).toBe(0);
    r.write("data/b.json", SCHEMA_VIOLATION);
    r.git("add", "-N", "data/b.json");
    const byPath = commit(r, "--", "data/b.json");
    expect(byPath.status, byPath.out).not.toBe(0);
    expect(byPath.out).toMatch(/data\/b\.json:3:\d+ +error .*\[schema\/violation\]/);
  });
});
