/**
 * The repository's `.pre-commit-hooks.yaml` under the real pre-commit framework (Debian's
 * `pre-commit`, 3.0.4 on bookworm; skipped where it is not installed): a project that lists
 * the hook id gets a corrupt commit blocked and a valid one through, with the hook installed
 * for pre-commit and pre-merge-commit; `health` sees the check through the framework, and
 * says when `pre-commit install -f` has replaced integrity-guard's own hook. The hook
 * repository is a copy of the definition with a package whose bin runs the built CLI (the
 * framework installs it with the system node and npm, offline).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
const LOCAL = { CI: "", GITHUB_ACTIONS: "" };

let repo: TestRepo | undefined;
let temp: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const d of temp) fs.rmSync(d, { recursive: true, force: true });
  temp = [];
});

/** A hook repository: our .pre-commit-hooks.yaml and a package whose bin runs the built CLI. */
function hookRepository(): { dir: string; rev: string } {
  const r = createRepo();
  temp.push(r.dir);
  fs.copyFileSync(path.join(PROJECT_ROOT, ".pre-commit-hooks.yaml"), path.join(r.dir, ".pre-commit-hooks.yaml"));
  r.write("package.json", JSON.stringify({ name: "integrity-guard", version: "0.1.0", bin: { "integrity-guard": "bin.js" } }) + "\n");
  fs.chmodSync(r.write("bin.js", `#!/usr/bin/env node\nawait import(${JSON.stringify(CLI_BUNDLE)});\n`), 0o755);
  r.commitAll("hook definition");
  return { dir: r.dir, rev: r.git("rev-parse", "HEAD").trim() };
}

describe.skipIf(!hasPreCommit || !fs.existsSync(CLI_BUNDLE))("the pre-commit framework running .pre-commit-hooks.yaml", () => {
  it("blocks a corrupt commit, passes a valid one; health sees the check through the framework", async () => {
    const hooks = hookRepository();
    const home = makeTempDir("ig-pre-commit-home-");
    temp.push(home);
    const env = { ...process.env, PRE_COMMIT_HOME: home };
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write(
      ".pre-commit-config.yaml",
      `repos:\n  - repo: ${hooks.dir}\n    rev: ${hooks.rev}\n    hooks:\n      - id: integrity-guard\n`,
    );
    repo.write("data/a.json", '{"a": 1}\n');
    repo.commitAll("initial");
    const install = spawnSync("pre-commit", ["install", "--hook-type", "pre-commit", "--hook-type", "pre-merge-commit"], {
      cwd: repo.dir,
      env,
      encoding: "utf8",
    });
    expect(install.status, install.stderr).toBe(0);
    const commit = (content: string) => {
      repo!.write("data/b.json", content);
      repo!.git("add", "data/b.json");
      const c = spawnSync("git", ["commit", "-qm", "b"], { cwd: repo!.dir, env, encoding: "utf8" });
      return { status: c.status, out: c.stdout + c.stderr };
    };
    const bad = commit('{"a": 1,}\n');
    expect(bad.status, bad.out).not.toBe(0);
    expect(bad.out).toMatch(/data\/b\.json:1:8 {2}error {2}trailing comma/);
    const good = commit('{"a": 2}\n');
    expect(good.status, good.out).toBe(0);

    const h = await repo.cli(["health", "--format", "json", "--no-record"], LOCAL);
    const statuses = (JSON.parse(h.stdout) as { hooks: { hook: string; runs: boolean; via?: string }[] }).hooks;
    expect(statuses.map((s) => [s.hook, s.runs, s.via])).toEqual([
      ["pre-commit", true, "the pre-commit framework (.pre-commit-config.yaml)"],
      ["pre-merge-commit", true, "the pre-commit framework (.pre-commit-config.yaml)"],
      // Not installed by the framework (init installs it): a notice, not a stop.
      ["prepare-commit-msg", false, undefined],
    ]);
    expect(statuses.find((s) => s.hook === "prepare-commit-msg")).toMatchObject({ stopped: false });
  }, 600_000);

  it("`pre-commit install -f` over integrity-guard's own hook, with a config that does not list it: health and check warn", async () => {
    const home = makeTempDir("ig-pre-commit-home-");
    temp.push(home);
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write(
      ".pre-commit-config.yaml",
      "repos:\n  - repo: local\n    hooks:\n      - id: hello\n        name: hello\n        entry: echo hello\n        language: system\n",
    );
    repo.commitAll("initial");
    expect((await repo.cli(["init", "--hook-only"], LOCAL)).code).toBe(0);
    const install = spawnSync("pre-commit", ["install", "-f"], {
      cwd: repo.dir,
      env: { ...process.env, PRE_COMMIT_HOME: home },
      encoding: "utf8",
    });
    expect(install.status, install.stderr).toBe(0);
    const h = await repo.cli(["health", "--no-record"], LOCAL);
    expect(h.stdout).toMatch(
      /warning {2}the pre-commit hook does not run integrity-guard: \.git\/hooks\/pre-commit was written by the pre-commit framework/,
    );
    expect((await repo.cli(["check"], LOCAL)).stderr).toContain("the pre-commit hook no longer runs the check");
  }, 600_000);
});
