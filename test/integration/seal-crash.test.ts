import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { readManifestText } from "../../src/core/manifest/validate.js";
import { parseReport, sealedRepoFixture } from "./manifest-helpers.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let repo: TestRepo;
afterEach(() => repo?.cleanup());

/** Run the CLI from source in a child process (so it can be killed). */
function spawnCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, MAIN, ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })));
}

describe("seal under a crash and under concurrency", () => {
  it("SIGKILL during a seal leaves the old manifest intact and valid; the next seal recovers", async () => {
    repo = sealedRepoFixture();
    expect((await repo.cli(["seal"])).code).toBe(0);
    const old = repo.read(MANIFEST_PATH);
    // A big tree so that hashing takes a while, and every file changed, so a new manifest would differ.
    const block = Buffer.alloc(4 << 20, 7);
    for (let i = 0; i < 40; i++) repo.write(`data/big/f${String(i).padStart(2, "0")}.bin`, block);
    repo.write("data/a.json", '{"a":"new"}\n');
    const lock = path.join(repo.dir, ".git/integrity-guard/manifest.lock");
    const child = spawnCli(["seal", "--no-cache"]);
    const done = exitOf(child);
    // Kill as soon as the seal holds the lock (it is hashing then).
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (fs.existsSync(lock)) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error("seal finished before it could be killed"));
        }
      }, 2);
    });
    const r = await done;
    expect(r.signal).toBe("SIGKILL");
    expect(repo.read(MANIFEST_PATH)).toBe(old);
    expect(readManifestText(old, MANIFEST_PATH).findings).toEqual([]);
    // The dead process's lock is taken over and leftovers are cleaned up (a kill between
    // creating the temporary file and the rename leaves one like this).
    repo.write(".integrity-guard/.manifest.json.999999999.deadbeef.tmp", "partial");
    const again = await repo.cli(["seal"]);
    expect(again.code, again.stderr).toBe(0);
    const m = readManifestText(repo.read(MANIFEST_PATH), MANIFEST_PATH);
    expect(m.findings).toEqual([]);
    expect(m.manifest!.entries.filter((e) => e.path.startsWith("data/big/"))).toHaveLength(40);
    expect(fs.readdirSync(path.join(repo.dir, ".integrity-guard")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it("two concurrent seals both finish and leave one valid manifest", async () => {
    repo = sealedRepoFixture();
    for (let i = 0; i < 20; i++) repo.write(`data/many/f${i}.json`, `{"i":${i}}\n`);
    const a = exitOf(spawnCli(["seal"]));
    const b = exitOf(spawnCli(["seal"]));
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const m = readManifestText(repo.read(MANIFEST_PATH), MANIFEST_PATH);
    expect(m.findings).toEqual([]);
    expect(m.manifest!.entries).toHaveLength(27);
    const v = await repo.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(0);
    expect(parseReport(v.stdout).findings).toEqual([]);
  });
});
