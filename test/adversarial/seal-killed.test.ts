/**
 * `seal` killed (SIGKILL) while it writes a sharded manifest (more than 4,096 files: shards, then
 * the root). Whenever the kill lands, the manifest on disk is the old one (verify: the edited
 * files are manifest/modified) or, killed between two renames, the new one once the next command
 * has finished the journalled write (session 27; before, a mixture every reader reported as
 * manifest/corrupt): never a manifest that passes while it seals nothing consistent. The hook blocks the commit a user
 * makes right then (`git add -A`), the index is not touched by seal, and the next seal finishes
 * cleanly and removes the killed run's temporary file.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const SHARDS = ".integrity-guard/manifest.d";

let repo: TestRepo | undefined;
afterAll(() => repo?.cleanup());

/** `seal` in a child, SIGKILLed `delayMs` after its first change under manifest.d/. */
async function sealKilled(dir: string, delayMs: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, "seal"], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const watcher = fs.watch(path.join(dir, SHARDS), () => {
    watcher.close();
    setTimeout(() => child.kill("SIGKILL"), delayMs);
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_c, s) => resolve(s)));
  watcher.close();
  return signal;
}

function temporaries(dir: string): string[] {
  return fs.readdirSync(path.join(dir, SHARDS)).filter((n) => n.endsWith(".tmp"));
}

function rules(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule))].sort();
}

describe("seal killed while it writes a sharded manifest", () => {
  it("leaves the old manifest (blocking the commit) or, settled by the next command, the new one; the next seal finishes", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    for (let d = 0; d < 9; d++) for (let i = 0; i < 500; i++) r.write(`data/d${d}/f${i}.json`, `{"d":${d},"i":${i}}\n`);
    expect((await r.cli(["seal"])).code).toBe(0);
    expect(fs.readdirSync(path.join(r.dir, SHARDS)).length).toBeGreaterThan(1);
    r.commitAll("sealed");

    let killed = 0;
    for (const [n, delay] of [0, 2, 6, 15].entries()) {
      // Edits spread over every shard, staged (seal must leave the index as it is).
      for (let d = 0; d < 9; d++) for (let i = 0; i < 40; i++) r.write(`data/d${d}/f${i}.json`, `{"d":${d},"i":${i},"round":${n}}\n`);
      r.git("add", "-A", "data");
      const index = fs.readFileSync(path.join(r.dir, ".git/index"));
      const signal = await sealKilled(r.dir, delay);
      expect(fs.readFileSync(path.join(r.dir, ".git/index")).equals(index)).toBe(true);
      const verify = await r.cli(["verify", "--format", "json"]);
      if (signal === "SIGKILL" && verify.code === 0) {
        // Killed between two renames: the next command (this verify) finished the seal (session 27).
        killed++;
      } else if (signal === "SIGKILL") {
        killed++;
        expect(verify.code, verify.stdout).toBe(1);
        const found = rules(verify.stdout);
        // The old manifest whole: never new shards under the old root (manifest/corrupt) any more.
        expect(found.filter((x) => x !== "manifest/added")).toEqual(["manifest/modified"]);
        // The commit the user would make now is blocked by the hook's check.
        r.git("add", "-A");
        const hook = await r.cli(["check", "--staged"]);
        expect(hook.code, hook.stdout).toBe(1);
      } else expect(verify.code, verify.stdout).toBe(0); // finished before the kill
      const again = await r.cli(["seal"]);
      expect(again.code, again.stderr).toBe(0);
      expect((await r.cli(["verify"])).code).toBe(0);
      expect(temporaries(r.dir)).toEqual([]);
      r.commitAll(`round ${n}`);
    }
    expect(r.tryGit("fsck", "--no-progress").status).toBe(0);
    expect(killed).toBeGreaterThan(0);
  }, 600_000); // 9 seals of 4,500 files and 4 killed children: ~200 s at load 30
});
