/**
 * A FIFO (named pipe) where the tool reads a file of its own: the config, the manifest, a
 * document given to the library. A plain read of a FIFO waits for a writer forever, so
 * `check`, the pre-commit hook, `verify`, `readJson` and `updateJson` hung. Now each refuses it
 * at once, naming the path and what it is (exit 2 for the CLI: it could not run).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_BUNDLE, DIST_DIR, GIT_ENV, createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const LIB = path.join(DIST_DIR, "lib/index.js");
const repos: TestRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The built CLI, killed after 20 s (a hang is a failed run, not a stuck test). */
function cli(dir: string, args: string[]): { code: number | null; out: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, timedOut: r.error !== undefined || r.signal !== null };
}

function mkfifo(file: string): void {
  fs.rmSync(file, { force: true });
  const r = spawnSync("mkfifo", [file]);
  expect(r.status).toBe(0);
}

function repo(config: string): TestRepo {
  const r = createRepo();
  repos.push(r);
  r.write(".integrity-guard/config.yml", config);
  r.write("data/a.json", '{"n":1}\n');
  r.commitAll("initial");
  return r;
}

describe.skipIf(process.platform === "win32")("a FIFO where the tool reads its own files", () => {
  it("the config: check and the hook (check --staged) stop with exit 2 naming it, no hang", () => {
    const r = repo("version: 1\n");
    mkfifo(path.join(r.dir, ".integrity-guard/config.yml"));
    for (const args of [["check"], ["check", "--staged"]]) {
      const run = cli(r.dir, args);
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(2);
      expect(run.out).toContain("config .integrity-guard/config.yml: is a FIFO (named pipe), not a regular file");
    }
  });

  it("the manifest: verify stops with exit 2 naming it, no hang", () => {
    const r = repo('version: 1\nmanifest:\n  include: ["data/**"]\n');
    mkfifo(path.join(r.dir, ".integrity-guard/manifest.json"));
    const run = cli(r.dir, ["verify"]);
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.out).toContain(".integrity-guard/manifest.json: is a FIFO (named pipe), not a regular file");
  });

  it("the library: readJson and updateJson reject a FIFO, and updateJson leaves no lock behind", () => {
    const dir = makeTempDir();
    dirs.push(dir);
    mkfifo(path.join(dir, "state.json"));
    const script = `
      const { readJson, updateJson } = await import(${JSON.stringify(LIB)});
      const out = [];
      for (const f of [() => readJson("state.json"), () => updateJson("state.json", (c) => c, { initial: {} })]) {
        try { await f(); out.push("resolved"); } catch (e) { out.push(e.message); }
      }
      console.log(JSON.stringify(out));
      process.exit(0);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8", timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.stdout) as string[]).toEqual([
      "cannot read state.json: is a FIFO (named pipe), not a regular file",
      "cannot read state.json: is a FIFO (named pipe), not a regular file",
    ]);
    expect(fs.readdirSync(dir)).toEqual(["state.json"]);
  });
});
