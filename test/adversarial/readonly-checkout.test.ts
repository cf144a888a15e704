/**
 * A checkout on a read-only file system (a read-only bind mount, a CI cache volume, a container
 * layer): verify still works, and those that must write say why they cannot. Node's
 * recursive mkdir reports ENOENT for EROFS, so seal and init said "could not take the lock
 * .../manifest.lock: ENOENT: no such file or directory, mkdir '.../.git/integrity-guard'" (a
 * missing folder, fix "check that folder"); now "the file system is read-only (EROFS)" with the
 * fix for it. Needs root (mount --bind); skipped elsewhere.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** A read-only view of `dir` (bind mount), or undefined when this machine cannot make one. */
function readOnlyView(dir: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const view = makeTempDir("ig-ro-");
  const mount = (...args: string[]) => spawnSync("mount", args, { encoding: "utf8" }).status === 0;
  if (!mount("--bind", dir, view)) {
    fs.rmSync(view, { recursive: true, force: true });
    return undefined;
  }
  cleanup.push(() => {
    execFileSync("umount", [view]);
    fs.rmSync(view, { recursive: true, force: true });
  });
  return mount("-o", "remount,ro,bind", view) ? view : undefined;
}

describe("a read-only checkout", () => {
  it("verify runs; seal and init say the file system is read-only", async (ctx) => {
    const repo: TestRepo = createRepo();
    cleanup.push(() => repo.cleanup());
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/a.json", '{"a": 1}\n');
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.commitAll("sealed");
    fs.rmSync(path.join(repo.dir, ".git/integrity-guard"), { recursive: true, force: true });
    const view = readOnlyView(repo.dir);
    if (!view) return ctx.skip();
    expect(fs.existsSync(path.join(view, ".git/integrity-guard"))).toBe(false);

    const verify = await repo.cli(["-C", view, "verify"]);
    expect(verify.code, verify.stderr).toBe(0);
    for (const args of [["seal"], ["init", "--no-hook"]]) {
      const r = await repo.cli(["-C", view, ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/the file system is read-only \(EROFS\)/);
      expect(r.stderr).not.toMatch(/ENOENT/);
    }
  });
});
