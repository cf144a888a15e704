/**
 * Issue 14, item 5: the pre-commit hook must never run a node_modules/.bin/integrity-guard that
 * the repository itself supplies. Threat: an attacker commits that file with `git add -f`;
 * everyone who pulls and has integrity-guard installed globally (simulated here by PATH) would
 * run the attacker's program on their next `git commit`, and corrupt commits would pass.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, type TestRepo } from "../helpers/repo.js";
import { binScript, head, hookRepo, TRAILING_COMMA, VALID } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
const extra: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const d of extra.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A "global" integrity-guard on PATH that runs the built bundle; returns the commit environment. */
function globalInstall(r: TestRepo): NodeJS.ProcessEnv {
  const binDir = makeTempDir("ig-global-");
  extra.push(binDir);
  fs.writeFileSync(path.join(binDir, "integrity-guard"), binScript(), { mode: 0o755 });
  return { ...process.env, HOME: r.dir, PATH: `${binDir}${path.delimiter}${process.env.PATH}` };
}

/** The planted program: lets every commit through and leaves a marker, so the test sees it ran. */
function planted(marker: string): string {
  return `#!/bin/sh\necho planted > '${marker}'\nexit 0\n`;
}

function commitWith(r: TestRepo, env: NodeJS.ProcessEnv): { status: number | null; out: string } {
  const c = spawnSync("git", ["commit", "-m", "x"], { cwd: r.dir, env, encoding: "utf8" });
  return { status: c.status, out: c.stdout + c.stderr };
}

describe("the hook refuses a node_modules/.bin/integrity-guard the repository supplies", () => {
  it("a tracked node_modules/.bin/integrity-guard is refused: commit blocked, the file never runs", () => {
    repo = hookRepo({ localBinary: false });
    const env = globalInstall(repo);
    const marker = path.join(extra[0]!, "ran");
    // The attacker's commit (node_modules/ is ignored, so it takes git add -f).
    fs.mkdirSync(path.join(repo.dir, "node_modules/.bin"), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, "node_modules/.bin/integrity-guard"), planted(marker), { mode: 0o755 });
    repo.git("add", "-f", "node_modules/.bin/integrity-guard");
    repo.git("commit", "-q", "--no-verify", "-m", "tooling");
    // The victim's next commit: a corrupt file.
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const before = head(repo);
    const r = commitWith(repo, env);
    expect(r.status, r.out).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(fs.existsSync(marker), "the planted program must not run").toBe(false);
    expect(r.out).toContain("will not run node_modules/.bin/integrity-guard");
    expect(r.out).toContain("git tracks it");
    expect(r.out).toContain("fix:");
  });

  it("a tracked node_modules/integrity-guard/ package with an untracked .bin link is refused too", () => {
    repo = hookRepo({ localBinary: false });
    const env = globalInstall(repo);
    const marker = path.join(extra[0]!, "ran");
    repo.write("node_modules/integrity-guard/bin/integrity-guard.js", planted(marker));
    fs.chmodSync(path.join(repo.dir, "node_modules/integrity-guard/bin/integrity-guard.js"), 0o755);
    repo.git("add", "-f", "node_modules/integrity-guard");
    repo.git("commit", "-q", "--no-verify", "-m", "vendored");
    fs.mkdirSync(path.join(repo.dir, "node_modules/.bin"), { recursive: true });
    fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", path.join(repo.dir, "node_modules/.bin/integrity-guard"));
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const before = head(repo);
    const r = commitWith(repo, env);
    expect(r.status, r.out).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.out).toContain("git tracks it");
  });

  it("node_modules as a tracked symlink into the repository is refused", () => {
    repo = hookRepo({ localBinary: false });
    const env = globalInstall(repo);
    const marker = path.join(extra[0]!, "ran");
    repo.write("vendor/nm/.bin/integrity-guard", planted(marker));
    fs.chmodSync(path.join(repo.dir, "vendor/nm/.bin/integrity-guard"), 0o755);
    fs.symlinkSync("vendor/nm", path.join(repo.dir, "node_modules"));
    repo.git("add", "-f", "vendor", "node_modules");
    repo.git("commit", "-q", "--no-verify", "-m", "vendor");
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const before = head(repo);
    const r = commitWith(repo, env);
    expect(r.status, r.out).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.out).toContain("will not run node_modules/.bin/integrity-guard");
  });

  it("an untracked .bin symlink that leads anywhere but node_modules/integrity-guard/ is refused", () => {
    repo = hookRepo({ localBinary: false });
    const env = globalInstall(repo);
    const marker = path.join(extra[0]!, "ran");
    repo.write("tools/ig.sh", planted(marker));
    fs.chmodSync(path.join(repo.dir, "tools/ig.sh"), 0o755);
    repo.commitAll("tools");
    fs.mkdirSync(path.join(repo.dir, "node_modules/.bin"), { recursive: true });
    fs.symlinkSync("../../tools/ig.sh", path.join(repo.dir, "node_modules/.bin/integrity-guard"));
    repo.write("data/b.json", VALID);
    repo.git("add", "data/b.json");
    const before = head(repo);
    const r = commitWith(repo, env);
    expect(r.status, r.out).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.out).toContain("does not resolve into node_modules/integrity-guard/");
  });
});

describe("what the package manager installs still runs", () => {
  it("npm's symlink into node_modules/integrity-guard/ runs and blocks a corrupt commit", () => {
    repo = hookRepo(); // installLocalBinary: the npm layout
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const before = head(repo);
    const env = { ...process.env, HOME: repo.dir, PATH: [path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter) };
    const r = commitWith(repo, env);
    expect(r.status, r.out).toBe(1);
    expect(head(repo)).toBe(before);
    expect(r.out).toMatch(/data\/b\.json:3:/);
    expect(r.out).not.toContain("will not run");
  });

  it("a pnpm-style shell shim that runs ../integrity-guard/ is accepted", () => {
    repo = hookRepo({ localBinary: false });
    repo.write("node_modules/integrity-guard/bin/integrity-guard.js", binScript());
    fs.chmodSync(path.join(repo.dir, "node_modules/integrity-guard/bin/integrity-guard.js"), 0o755);
    // Shape of the shims pnpm (and npm on Windows) write into node_modules/.bin.
    const shim = `#!/bin/sh\nbasedir=$(dirname "$(echo "$0" | sed -e 's,\\\\,/,g')")\nexec "$basedir/../integrity-guard/bin/integrity-guard.js" "$@"\n`;
    repo.write("node_modules/.bin/integrity-guard", shim);
    fs.chmodSync(path.join(repo.dir, "node_modules/.bin/integrity-guard"), 0o755);
    const env = { ...process.env, HOME: repo.dir, PATH: [path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter) };
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const before = head(repo);
    const blocked = commitWith(repo, env);
    expect(blocked.status, blocked.out).toBe(1);
    expect(blocked.out).toMatch(/data\/b\.json:3:/);
    repo.write("data/b.json", VALID);
    repo.git("add", "data/b.json");
    const ok = commitWith(repo, env);
    expect(ok.status, ok.out).toBe(0);
    expect(head(repo)).not.toBe(before);
  });
});
