/**
 * A linked worktree (`git worktree add`) has no node_modules of its own; a common set-up links it
 * to the main checkout's (`ln -s ../main/node_modules`), as Nix dev shells link a store path.
 * The hook refused every commit there ("a symlink leading out of this repository's node_modules")
 * though the link is the user's own (untracked) and leads to what the package manager installed.
 * It must run that copy, and still refuse a node_modules link that git tracks or that leads to
 * another folder of the same work tree (content that can come with a commit). Real repositories,
 * the hook written by init (src), the built CLI as the installed package.
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

function commitIn(dir: string, env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const c = spawnSync("git", ["commit", "-m", "x"], { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: c.status, out: c.stdout + c.stderr };
}

async function withHook(): Promise<TestRepo> {
  const r = hookRepo({ install: false });
  const init = await r.cli(["init", "--hook-only"]);
  expect(init.code, init.stderr).toBe(0);
  return r;
}

describe("node_modules linked by the user", () => {
  it("a linked worktree whose node_modules links to the main checkout's: the installed copy runs (blocks corrupt, passes valid)", async () => {
    repo = await withHook();
    const wt = makeTempDir("ig-wt-");
    extra.push(wt);
    fs.rmSync(wt, { recursive: true });
    repo.git("worktree", "add", "-q", "-b", "side", wt);
    fs.symlinkSync(path.join(repo.dir, "node_modules"), path.join(wt, "node_modules"));
    fs.writeFileSync(path.join(wt, "data/a.json"), TRAILING_COMMA);
    spawnSync("git", ["add", "data/a.json"], { cwd: wt });
    const blocked = commitIn(wt);
    expect(blocked.status, blocked.out).not.toBe(0);
    expect(blocked.out).toMatch(/data\/a\.json:\d+:\d+/);
    expect(blocked.out).not.toContain("will not run");
    fs.writeFileSync(path.join(wt, "data/a.json"), VALID.replace("1", "2"));
    spawnSync("git", ["add", "data/a.json"], { cwd: wt });
    const passed = commitIn(wt);
    expect(passed.status, passed.out).toBe(0);
  });

  it("node_modules linked to another folder of the same work tree is still refused, and the program there never runs", async () => {
    repo = await withHook();
    const marker = path.join(repo.dir, ".git", "planted-ran");
    // A tracked folder laid out like node_modules, with a planted program.
    repo.write("vendor/node_modules/integrity-guard/bin/integrity-guard.js", `#!/bin/sh\necho ran > '${marker}'\nexit 0\n`);
    fs.chmodSync(path.join(repo.dir, "vendor/node_modules/integrity-guard/bin/integrity-guard.js"), 0o755);
    fs.mkdirSync(path.join(repo.dir, "vendor/node_modules/.bin"));
    fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", path.join(repo.dir, "vendor/node_modules/.bin/integrity-guard"));
    repo.git("add", "-f", "vendor");
    repo.git("commit", "-q", "--no-verify", "-m", "vendor");
    fs.rmSync(path.join(repo.dir, "node_modules"), { recursive: true });
    fs.symlinkSync("vendor/node_modules", path.join(repo.dir, "node_modules"));
    repo.write("data/a.json", TRAILING_COMMA);
    repo.git("add", "data/a.json");
    const before = head(repo);
    const r = commitIn(repo.dir);
    expect(r.status, r.out).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.out).toContain("another folder of this work tree");
  });

  it("node_modules linked to a folder not named node_modules is refused", async () => {
    repo = await withHook();
    const elsewhere = makeTempDir("ig-elsewhere-");
    extra.push(elsewhere);
    fs.rmSync(path.join(repo.dir, "node_modules"), { recursive: true });
    const fake = createFakeInstall(elsewhere);
    fs.symlinkSync(fake, path.join(repo.dir, "node_modules"));
    repo.write("data/a.json", VALID.replace("1", "3"));
    repo.git("add", "data/a.json");
    const r = commitIn(repo.dir);
    expect(r.status, r.out).not.toBe(0);
    expect(r.out).toContain("leading out of a node_modules folder");
  });

  it("a tracked node_modules symlink is refused", async () => {
    repo = await withHook();
    const elsewhere = makeTempDir("ig-elsewhere-");
    extra.push(elsewhere);
    fs.rmSync(path.join(repo.dir, "node_modules"), { recursive: true });
    fs.mkdirSync(path.join(elsewhere, "node_modules"));
    const nm = path.join(elsewhere, "node_modules");
    const bin = path.join(nm, "integrity-guard/bin/integrity-guard.js");
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.writeFileSync(bin, binScript(), { mode: 0o755 });
    fs.mkdirSync(path.join(nm, ".bin"));
    fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", path.join(nm, ".bin/integrity-guard"));
    fs.symlinkSync(nm, path.join(repo.dir, "node_modules"));
    repo.git("add", "-f", "node_modules");
    repo.write("data/a.json", VALID.replace("1", "4"));
    repo.git("add", "data/a.json");
    const r = commitIn(repo.dir);
    expect(r.status, r.out).not.toBe(0);
    expect(r.out).toContain("will not run node_modules/.bin/integrity-guard");
  });
});

/** An npm-shaped install inside `dir/deps` (a folder not named node_modules). */
function createFakeInstall(dir: string): string {
  const root = path.join(dir, "deps");
  const bin = path.join(root, "integrity-guard/bin/integrity-guard.js");
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  fs.writeFileSync(bin, binScript(), { mode: 0o755 });
  fs.mkdirSync(path.join(root, ".bin"));
  fs.symlinkSync("../integrity-guard/bin/integrity-guard.js", path.join(root, ".bin/integrity-guard"));
  return root;
}
