/**
 * The library's updateJson and a writer killed half way (SIGKILL at varied moments): the state
 * file always parses and holds an old or a new value, the next update succeeds, and the
 * temporary file a killed writer leaves behind (cut short, where `git add -A` would commit it)
 * is removed by the next update, while a live writer's is kept.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { updateJson } from "../../src/index.js";
import { DIST_DIR, makeTempDir } from "../helpers/repo.js";

const LIB = path.join(DIST_DIR, "lib/index.js");

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const temporaries = (d: string) => fs.readdirSync(d).filter((n) => n.startsWith(".state.json.") && n.endsWith(".tmp"));

describe("updateJson after a killed writer", () => {
  it("removes a dead writer's temporary file and keeps a live one's", async () => {
    dir = makeTempDir("ig-lib-kill-");
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, '{"n": 1}\n');
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      fs.writeFileSync(path.join(dir, `.state.json.${dead}.0a1b2c3d.tmp`), '{"n": 2, "cut');
      fs.writeFileSync(path.join(dir, `.state.json.${live.pid!}.deadbeef.tmp`), "");
      await updateJson<{ n: number }>(file, (v) => {
        v.n++;
      });
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ n: 2 });
      expect(temporaries(dir)).toEqual([`.state.json.${live.pid!}.deadbeef.tmp`]);
    } finally {
      live.kill("SIGKILL");
    }
  });

  it("leaves a file that parses, old or new, whenever the writer is killed (built library)", async () => {
    dir = makeTempDir("ig-lib-kill-");
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, JSON.stringify({ n: 0 }) + "\n");
    const script = `import { updateJson } from ${JSON.stringify(LIB)};
for (;;) await updateJson(${JSON.stringify(file)}, (v) => { v.n++; v.pad = "x".repeat(2_000_000 + (v.n % 5)); });`;
    let last = 0;
    for (const delay of [150, 300, 450, 600, 750, 900]) {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const v = JSON.parse(fs.readFileSync(file, "utf8")) as { n: number };
      expect(v.n).toBeGreaterThanOrEqual(last);
      last = v.n;
    }
    await updateJson<{ n: number; pad?: string }>(file, (v) => {
      v.n++;
      delete v.pad;
    });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ n: last + 1 });
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);
});
