/** scripts/gen-readme-usage.mjs: the README's Action block is generated from action.yml and checked fresh. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, PROJECT_ROOT } from "../helpers/repo.js";

const script = path.join(PROJECT_ROOT, "scripts/gen-readme-usage.mjs");
const dir = makeTempDir("ig-readme-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const gen = (...args: string[]) =>
  spawnSync(process.execPath, [script, "--action", path.join(dir, "action.yml"), "--readme", path.join(dir, "README.md"), ...args], {
    encoding: "utf8",
    cwd: dir,
  });

describe("gen-readme-usage", () => {
  it("fills the marked block, then --check passes; a changed action.yml makes --check fail", () => {
    fs.copyFileSync(path.join(PROJECT_ROOT, "action.yml"), path.join(dir, "action.yml"));
    fs.writeFileSync(path.join(dir, "README.md"), "# x\n\n<!-- action-usage:start -->\nold\n<!-- action-usage:end -->\n\nafter\n");
    expect(gen("--check").status).toBe(1);
    expect(gen().status).toBe(0);
    const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    expect(readme).toMatch(/^# x\n\n<!-- action-usage:start -->\n```yaml\n- uses: integrity-guard\/integrity-guard@v1\n {2}with:\n/);
    expect(readme).toContain("    # Default: check\n    command: check\n");
    expect(readme).toContain("| `fail-on` | `error` |");
    expect(readme).toContain("| `health-score` |");
    expect(readme.endsWith("<!-- action-usage:end -->\n\nafter\n")).toBe(true);
    const check = gen("--check");
    expect(check.status, check.stderr).toBe(0);
    fs.appendFileSync(path.join(dir, "action.yml"), "\n# changed\n");
    expect(gen("--check").status).toBe(0); // a comment does not change the block
    fs.writeFileSync(
      path.join(dir, "action.yml"),
      fs.readFileSync(path.join(dir, "action.yml"), "utf8").replace("default: check", "default: verify"),
    );
    const stale = gen("--check");
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("is stale (action.yml changed): run node scripts/gen-readme-usage.mjs");
  });

  it("says how to add the markers when they are missing", () => {
    fs.copyFileSync(path.join(PROJECT_ROOT, "action.yml"), path.join(dir, "action.yml"));
    fs.writeFileSync(path.join(dir, "README.md"), "# no markers\n");
    const r = gen("--check");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("has no <!-- action-usage:start --> ... <!-- action-usage:end --> block");
  });
});
