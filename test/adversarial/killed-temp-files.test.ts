/**
 * kill -9 of `snapshot` (or of `restore` while it takes its pre-restore snapshot) leaves the
 * temporary index and fast-import marks it writes under .git/integrity-guard/: nothing runs on
 * SIGKILL. Each is as big as the set's index (tens of MB at 500,000 files), one more per kill,
 * never removed. The next snapshot or restore sweeps those whose process is gone.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CONFIG = 'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    h: { paths: ["data/"] }\n';

function setup(files = 5): TestRepo {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", CONFIG);
  for (let i = 0; i < files; i++) r.write(`data/f${i}.json`, `{"i":${i}}\n`);
  r.commitAll("initial");
  return r;
}

const TEMP = /^(?:snapshot|attr)-\d+-.*\.(?:index|marks)(?:\.lock)?$/;
const temps = (r: TestRepo) => fs.readdirSync(path.join(r.dir, ".git/integrity-guard")).filter((n) => TEMP.test(n));

/** A pid no process has: a child that has exited. */
async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ["-e", "0"]);
  await new Promise((r) => c.on("exit", r));
  return c.pid!;
}

describe("temporary files of a killed snapshot are swept", () => {
  it("the next snapshot removes a dead process's temp index and marks, keeps a live one's", async () => {
    const r = setup();
    expect((await r.cli(["snapshot", "--set", "h"])).code).toBe(0);
    const dir = path.join(r.dir, ".git/integrity-guard");
    const dead = await deadPid();
    const left = [
      `snapshot-${dead}-1796448361886-vkedfx10cy.index`,
      `snapshot-${dead}-1796448361886.marks`,
      `attr-${dead}-0e1f.index.lock`,
    ];
    for (const n of left) fs.writeFileSync(path.join(dir, n), "x".repeat(1000));
    const live = `snapshot-${process.pid}-1796448361886-abc.index`; // this process is alive: in use
    fs.writeFileSync(path.join(dir, live), "x");
    r.write("data/f0.json", '{"i":"changed"}\n');
    const s = await r.cli(["snapshot", "--set", "h"]);
    expect(s.code, s.stderr).toBe(0);
    expect(temps(r)).toEqual([live]);
    // restore sweeps too (its pre-restore snapshot writes the same files)
    for (const n of left) fs.writeFileSync(path.join(dir, n), "x");
    const rs = await r.cli(["restore", "h", "--no-fetch", "--allow-unsigned"]);
    expect(rs.code, rs.stderr).toBe(0);
    expect(temps(r)).toEqual([live]);
  });

  it("a real kill -9 during a snapshot leaves the branch where it was, and nothing after the next run", async () => {
    const r = setup(3000);
    const dir = path.join(r.dir, ".git/integrity-guard");
    const packs = path.join(r.dir, ".git/objects/pack");
    const cli = path.resolve(import.meta.dirname, "../../src/main.ts");
    const tsx = path.resolve(import.meta.dirname, "../../node_modules/tsx/dist/esm/index.mjs");
    // A first snapshot: the killed one is an incremental (stat cache, folders taken whole).
    expect((await r.cli(["snapshot", "--set", "h"])).code).toBe(0);
    const tip = r.git("rev-parse", "integrity-snapshots").trim();
    const packCount = () => (fs.existsSync(packs) ? fs.readdirSync(packs).filter((n) => n.endsWith(".pack")).length : 0);
    let seen = false;
    for (let attempt = 0; attempt < 10 && !seen; attempt++) {
      r.write("data/f0.json", `{"attempt":${attempt}}\n`);
      const before = packCount();
      const child = spawn(process.execPath, ["--import", tsx, cli, "snapshot", "--set", "h"], {
        cwd: r.dir,
        env: { ...process.env, ...GIT_ENV },
        stdio: "ignore",
      });
      const exited = new Promise((res) => child.on("exit", res));
      // Kill it mid-way: as soon as a temporary file or its first pack (the new blob) shows up.
      // Polled until the child exits, not a fixed number of times: on a loaded machine the child
      // (tsx compiling the sources) can take longer than 2000 polls to reach its first write,
      // and every attempt then ended unkilled.
      while (child.exitCode === null && child.signalCode === null) {
        if ((fs.existsSync(dir) && temps(r).length > 0) || packCount() > before) {
          child.kill("SIGKILL");
          seen = true;
          break;
        }
        await new Promise((res) => setTimeout(res, 5));
      }
      await exited;
      if (seen) expect(r.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
    }
    expect(seen).toBe(true);
    r.write("data/f1.json", '{"after":"kill"}\n');
    const s = await r.cli(["snapshot", "--set", "h"]);
    expect(s.code, s.stderr).toBe(0);
    expect(temps(r)).toEqual([]);
    expect(fs.readdirSync(path.join(dir, "snapshot-stat")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    // The snapshot after the kill holds what the files hold.
    expect(r.git("show", "integrity-snapshots:data/f0.json")).toBe(fs.readFileSync(path.join(r.dir, "data/f0.json"), "utf8"));
    expect(r.git("show", "integrity-snapshots:data/f1.json")).toBe('{"after":"kill"}\n');
    expect(r.git("rev-parse", "integrity-snapshots^").trim()).toBe(tip);
  }, 180_000);
});
