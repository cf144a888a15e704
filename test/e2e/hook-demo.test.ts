/**
 * `npm run demo` end to end: scripts/demo.mjs with the built CLI must show the good commit
 * passing and both corrupt commits blocked, and exit 0 only then.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { DIST_DIR, PROJECT_ROOT } from "../helpers/repo.js";

it("npm run demo shows a good commit passing and corrupt ones blocked with file:line:column", () => {
  const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts/demo.mjs")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, IG_DIST: DIST_DIR },
    encoding: "utf8",
  });
  const repo = /temporary repository: (\S+)/.exec(r.stdout)?.[1];
  try {
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain("UNEXPECTED");
    expect(r.stdout).toContain("ok: git commit was blocked");
    expect(r.stdout).toMatch(/agent_workspaces\/meeting\/meeting\.json:\d+:\d+/);
    expect(r.stdout).toContain("ok: HEAD is unchanged");
    expect(repo && fs.existsSync(path.join(repo, ".git/hooks/pre-commit"))).toBe(true);
  } finally {
    if (repo?.includes("integrity-guard-demo-")) fs.rmSync(repo, { recursive: true, force: true });
  }
});
