/**
 * `verify --no-cache` on a manifest big enough to start the hash threads before the walk
 * (checks/manifest.ts EARLY_THREADS_BYTES): the threads hash paths as the walk finds them, and
 * the results must be exactly those of the ordinary path, bit rot included.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { CLI_BUNDLE, type TestRepo } from "../helpers/repo.js";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { CONFIG, ageTree, parseReport, rulesOf, sealedRepoFixture, settleCtimes, statCacheFile } from "./manifest-helpers.js";

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe("verify --no-cache with early hash threads", () => {
  it("reports every drift kind and bit rot exactly as the cached run does", async () => {
    repo = sealedRepoFixture();
    for (let i = 0; i < 700; i++) repo.write(`data/many/d${i % 13}/f${i}.json`, `{"i":${i}}\n`);
    fs.symlinkSync("/etc/hostname", path.join(repo.dir, "data/many/host-link"));
    ageTree(repo.dir); // older than the racy window: the cache may vouch for their stats
    expect((await repo.cli(["seal"])).code).toBe(0);
    expect(fs.statSync(path.join(repo.dir, MANIFEST_PATH)).size).toBeGreaterThan(64 * 1024);
    const clean = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    expect(clean.code).toBe(0);
    expect(parseReport(clean.stdout).summary.hashed).toBe(707); // every file read (links are not hashed)

    // Bit rot in one file: content flipped, size/mtime kept, the cache agreeing with the new ctime.
    const rot = "data/many/d3/f3.json";
    const abs = path.join(repo.dir, rot);
    const old = fs.statSync(abs);
    const buf = fs.readFileSync(abs);
    buf[2] = buf[2]! ^ 0x01;
    fs.writeFileSync(abs, buf);
    fs.utimesSync(abs, old.atime, old.mtime);
    const st = fs.statSync(abs, { bigint: true });
    const cacheFile = statCacheFile(repo)!;
    const cache = JSON.parse(fs.readFileSync(cacheFile, "utf8"));
    cache.files[rot][3] = String(st.ctimeNs);
    // Bit rot changes no metadata: the record was hashed well after its ctime. A ctime within the
    // racy window of the cache's stamp is racy, and the file would just be re-hashed as modified.
    settleCtimes();
    cache.stamp = String(BigInt(Date.now()) * 1_000_000n);
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    // Ordinary drift.
    repo.write("data/many/d1/f1.json", '{"i":"edited"}\n');
    fs.rmSync(path.join(repo.dir, "data/many/d2/f2.json"));
    repo.write("data/many/d4/new.json", "{}\n");
    fs.rmSync(path.join(repo.dir, "data/many/host-link"));
    fs.symlinkSync("/etc/passwd", path.join(repo.dir, "data/many/host-link"));

    const full = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    expect(full.code).toBe(1);
    expect(rulesOf(parseReport(full.stdout))).toEqual([
      "manifest/added data/many/d4/new.json",
      "manifest/bitrot data/many/d3/f3.json",
      "manifest/missing data/many/d2/f2.json",
      "manifest/modified data/many/d1/f1.json",
      "manifest/modified data/many/host-link",
    ]);
    // The cached run sees the same drift except the bit rot (a stat-only check cannot).
    const warm = await repo.cli(["verify", "--format", "json"]);
    expect(rulesOf(parseReport(warm.stdout))).toEqual([
      "manifest/added data/many/d4/new.json",
      "manifest/missing data/many/d2/f2.json",
      "manifest/modified data/many/d1/f1.json",
      "manifest/modified data/many/host-link",
    ]);
  });

  it("still checks sealed paths the globs no longer cover (excluded since, or outside every root)", async () => {
    repo = sealedRepoFixture();
    for (let i = 0; i < 700; i++) repo.write(`data/many/d${i % 7}/f${i}.json`, `{"i":${i}}\n`);
    ageTree(repo.dir);
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.write(
      ".integrity-guard/config.yml",
      CONFIG.replace('"agent_workspaces/**", ', "").replace('exclude: ["**/*.tmp"]', 'exclude: ["**/*.tmp", "data/many/d5/**"]'),
    );
    repo.write("data/many/d5/f5.json", '{"i":"edited"}\n'); // sealed, now excluded
    repo.write("agent_workspaces/meeting/meeting.json", '{"m":false}\n'); // sealed, now outside every root
    fs.rmSync(path.join(repo.dir, "data/many/d5/f12.json")); // sealed, excluded, gone
    repo.write("data/many/d5/new.json", "{}\n"); // excluded and not sealed: not ours
    const full = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    const expected = [
      "manifest/missing data/many/d5/f12.json",
      "manifest/modified agent_workspaces/meeting/meeting.json",
      "manifest/modified data/many/d5/f5.json",
    ];
    expect(rulesOf(parseReport(full.stdout))).toEqual(expected);
    expect(parseReport(full.stdout).summary.hashed).toBe(706); // 7 fixture files (one excluded) + 700 - 1 gone
    const warm = await repo.cli(["verify", "--format", "json"]);
    expect(rulesOf(parseReport(warm.stdout))).toEqual(expected);
  });

  it("files that match their seal keep no observation, yet pair renames and keep their stat cache records", async () => {
    repo = sealedRepoFixture();
    for (let i = 0; i < 700; i++) repo.write(`data/many/d${i % 11}/f${i}.json`, i < 3 ? "{}\n" : `{"i":${i}}\n`);
    ageTree(repo.dir);
    expect((await repo.cli(["seal"])).code).toBe(0);
    // f0 moves (same content as the sealed, unchanged f1 and f2); f5 changes, so the cache is rewritten.
    fs.renameSync(path.join(repo.dir, "data/many/d0/f0.json"), path.join(repo.dir, "data/many/d0/moved.json"));
    repo.write("data/many/d5/f5.json", '{"i":"edited"}\n');
    const full = await repo.cli(["verify", "--no-cache", "--format", "json"]);
    expect(rulesOf(parseReport(full.stdout))).toEqual([
      "manifest/modified data/many/d5/f5.json",
      "manifest/renamed data/many/d0/moved.json",
    ]);
    // The matching files' records survived the cache's pruning: the next cached run reads only
    // what changed (the moved and the edited file).
    const warm = await repo.cli(["verify", "--format", "json"]);
    expect(rulesOf(parseReport(warm.stdout))).toEqual([
      "manifest/modified data/many/d5/f5.json",
      "manifest/renamed data/many/d0/moved.json",
    ]);
    expect(parseReport(warm.stdout).summary.hashed).toBeLessThanOrEqual(2);
  });

  it("a run that fails before hashing (a tampered manifest) stops the early threads and exits 2", async () => {
    repo = sealedRepoFixture();
    for (let i = 0; i < 700; i++) repo.write(`data/many/f${i}.json`, `{"i":${i}}\n`);
    expect((await repo.cli(["seal"])).code).toBe(0);
    const m = JSON.parse(repo.read(MANIFEST_PATH)) as { entries: { path: string }[] };
    repo.write(MANIFEST_PATH, repo.read(MANIFEST_PATH).replace(`"path":"${m.entries[0]!.path}"`, '"path":"../outside.json"'));
    const v = await repo.cli(["verify", "--no-cache"]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/outside\.json/);
    // The built CLI exits (threads left running would keep the process alive until the timeout).
    const b = spawnSync(process.execPath, [CLI_BUNDLE, "verify", "--no-cache"], { cwd: repo.dir, encoding: "utf8", timeout: 20_000 });
    expect(b.signal).toBeNull();
    expect(b.status).toBe(2);
  });
});
