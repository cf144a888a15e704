/**
 * `seal` of a sharded manifest killed (SIGKILL) after each file-system change under
 * .integrity-guard/ in turn. Before, each shard was replaced in turn and the root last: a kill
 * after the first shard left new shards under the old root, and `verify` called the manifest
 * corrupt ("edited by hand or damaged") until the next seal. Now the shards and the root are
 * written beside their targets first and renamed in one journalled step, which the next run of
 * any command finishes, saying so. Runs src through tsx, with the shard limits lowered (the
 * layoutLimits test seam) so that 20 files make a sharded manifest.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const KILL = path.join(PROJECT_ROOT, "test/helpers/kill-after-step.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");

let repo: TestRepo | undefined;
let preloadDir: string | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  if (preloadDir) fs.rmSync(preloadDir, { recursive: true, force: true });
});

function run(r: TestRepo, shards: string, args: string[], at = 0): { status: number | null; signal: NodeJS.Signals | null; out: string } {
  const p = spawnSync(process.execPath, ["--import", TSX, "--import", shards, "--import", KILL, MAIN, ...args], {
    cwd: r.dir,
    env: { ...process.env, ...GIT_ENV, IG_TEST_KILL_DIR: path.join(r.dir, ".integrity-guard"), IG_TEST_KILL_AT: String(at) },
    encoding: "utf8",
  });
  return { status: p.status, signal: p.signal, out: `${p.stdout}${p.stderr}` };
}

function manifestFiles(r: TestRepo): Record<string, string> {
  const out: Record<string, string> = { "manifest.json": fs.readFileSync(path.join(r.dir, ".integrity-guard/manifest.json"), "utf8") };
  const d = path.join(r.dir, ".integrity-guard/manifest.d");
  for (const n of fs.existsSync(d) ? fs.readdirSync(d).sort() : []) {
    if (n.endsWith(".tmp")) continue; // a killed writer's temporary: swept by the next seal (checked below)
    out[`manifest.d/${n}`] = fs.readFileSync(path.join(d, n), "utf8");
  }
  return out;
}

it("killed at every step: the manifest is the old one or the new one, never new shards under an old root", () => {
  preloadDir = makeTempDir("ig-shards-");
  const shards = path.join(preloadDir, "shards.mjs");
  const sharded = path.join(PROJECT_ROOT, "src/core/manifest/sharded.ts");
  fs.writeFileSync(
    shards,
    `import { layoutLimits } from ${JSON.stringify(sharded)};\nlayoutLimits.singleFileMax = 4;\nlayoutLimits.shardTarget = 4;\n`,
  );
  const r = (repo = createRepo());
  r.write(".integrity-guard/config.yml", 'version: 1\nmanifest: { include: ["data/**"] }\n');
  const fill = (base: number) => {
    for (let i = 0; i < 20; i++) r.write(`data/f${i}.json`, `{"v": ${base + i}}\n`);
  };
  fill(0);
  r.commitAll("data");
  const first = run(r, shards, ["seal"]);
  expect(first.status, first.out).toBe(0);
  const OLD = manifestFiles(r);
  expect(Object.keys(OLD).length, "not a sharded manifest").toBeGreaterThan(2);
  fill(100);
  const sealed = run(r, shards, ["seal"]);
  expect(sealed.status, sealed.out).toBe(0);
  const NEW = manifestFiles(r);
  let killed = 0;
  let settled = 0;
  for (let at = 1; at < 40; at++) {
    for (const [f, c] of Object.entries(OLD)) fs.writeFileSync(path.join(r.dir, ".integrity-guard", f), c);
    const s = run(r, shards, ["seal"], at);
    if (s.signal !== "SIGKILL") {
      expect(s.status, s.out).toBe(0);
      expect(manifestFiles(r)).toEqual(NEW);
      break;
    }
    killed++;
    // Any command settles a seal killed between two renames: here the read-only verify.
    const v = run(r, shards, ["verify"]);
    if (/interrupted seal/.test(v.out)) settled++;
    expect(v.out, `a kill at step ${at} left a half-written manifest`).not.toMatch(/manifest\/corrupt/);
    expect([OLD, NEW], `a kill at step ${at} left a mix`).toContainEqual(manifestFiles(r));
    expect(fs.existsSync(path.join(r.dir, ".git/integrity-guard/config-write-journal.json"))).toBe(false);
    const again = run(r, shards, ["seal"]);
    expect(again.status, again.out).toBe(0);
    expect(manifestFiles(r)).toEqual(NEW);
    const left = fs.readdirSync(path.join(r.dir, ".integrity-guard"), { recursive: true }).filter((n) => String(n).endsWith(".tmp"));
    expect(left, `temporaries left after step ${at}`).toEqual([]);
  }
  expect(killed).toBeGreaterThan(3);
  expect(settled, "no kill landed between two renames").toBeGreaterThan(0);
}, 900_000);
