/**
 * Bounded memory (issue 20): seal packs its entries and writes the shards one at a time, and
 * files are hashed in batches of paths (observeLimits.batch), with the stat cache held packed.
 * The limits are lowered through the test seams so a few dozen files cross every edge: hash
 * batches that end in the middle of a shard, files that move to another shard when the shard
 * count changes, a stat cache older or newer than the manifest, and a missing or extra file at
 * the edge of a batch. Each must give the bytes and findings the unbatched path gives.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { observeLimits } from "../../src/io/hash/observe.js";
import {
  MANIFEST_SHARD_DIR,
  SHARD_TARGET,
  SINGLE_FILE_MAX,
  buildSharded,
  layoutLimits,
  shardCountFor,
} from "../../src/core/manifest/sharded.js";
import { readManifestFile } from "../../src/io/manifest-store.js";
import type { TestRepo } from "../helpers/repo.js";
import { ageTree, parseReport, sealedRepoFixture } from "./manifest-helpers.js";

const DEFAULTS = { ...observeLimits };
const repos: TestRepo[] = [];
afterEach(() => {
  Object.assign(observeLimits, DEFAULTS);
  layoutLimits.singleFileMax = SINGLE_FILE_MAX;
  layoutLimits.shardTarget = SHARD_TARGET;
  for (const r of repos.splice(0)) r.cleanup();
});

/** The fixture plus `n` files under data/many (names sorted as numbered), aged and committed. */
function fixture(n: number): TestRepo {
  const r = sealedRepoFixture();
  for (let i = 0; i < n; i++) r.write(`data/many/f${String(i).padStart(3, "0")}.json`, `{"i":${i}}\n`);
  r.commitAll("many");
  ageTree(r.dir);
  r.git("update-index", "-q", "--refresh");
  repos.push(r);
  return r;
}

function dropCaches(r: TestRepo): void {
  const state = path.join(r.dir, ".git/integrity-guard");
  for (const f of fs.existsSync(state) ? fs.readdirSync(state) : [])
    if (f.startsWith("manifest-cache")) fs.rmSync(path.join(state, f), { force: true });
}

/** The manifest's files: root and shards, by repo-relative path. */
function manifestFiles(r: TestRepo): Map<string, string> {
  const out = new Map([[MANIFEST_PATH, r.read(MANIFEST_PATH)]]);
  const dir = path.join(r.dir, MANIFEST_SHARD_DIR);
  for (const n of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])
    out.set(`${MANIFEST_SHARD_DIR}/${n}`, r.read(`${MANIFEST_SHARD_DIR}/${n}`));
  return out;
}

/** What buildSharded (every shard's text at once) makes of the entries sealed now. */
function builtAtOnce(r: TestRepo): Map<string, string> {
  const stored = readManifestFile(r.dir);
  expect(stored.findings).toEqual([]);
  const entries = stored.manifest!.entries;
  const layout = buildSharded(entries, shardCountFor(entries.length));
  return new Map([[MANIFEST_PATH, layout.rootText], ...[...layout.files].sort(([a], [b]) => (a < b ? -1 : 1))]);
}

/** Small shards: 47 entries (40 files and the fixture's 7 covered ones) make 16 shards of about 3. */
function smallShards(): void {
  layoutLimits.singleFileMax = 8;
  layoutLimits.shardTarget = 4;
}

async function seal(r: TestRepo): Promise<void> {
  const s = await r.cli(["seal"]);
  expect(s.code, s.stderr).toBe(0);
}

/** verify's findings as "rule file", in the report's order (worst first). */
async function verifyFindings(r: TestRepo): Promise<string[]> {
  const v = await r.cli(["verify", "--format", "json"]);
  expect([0, 1]).toContain(v.code);
  return parseReport(v.stdout).findings.map((f) => `${f.rule} ${f.file ?? ""}`);
}

describe("seal and verify in batches", () => {
  it("writes, shard by shard, the bytes buildSharded gives, when hash batches end in the middle of shards", async () => {
    smallShards();
    const unbatched = fixture(40);
    await seal(unbatched);
    const expected = manifestFiles(unbatched);
    expect([...expected.keys()].filter((k) => k.startsWith(MANIFEST_SHARD_DIR)).length).toBeGreaterThan(8);
    expect(builtAtOnce(unbatched)).toEqual(expected);

    observeLimits.streamFrom = 1;
    observeLimits.batch = 5; // 47 files: 10 batches, none aligned with a shard
    const batched = fixture(40);
    await seal(batched);
    expect(manifestFiles(batched)).toEqual(expected);
    expect(await verifyFindings(batched)).toEqual([]);
    dropCaches(batched);
    expect(await verifyFindings(batched)).toEqual([]);
  });

  it("moves files between shards when the shard count changes, and leaves no stale shard", async () => {
    smallShards();
    observeLimits.streamFrom = 1;
    observeLimits.batch = 7;
    const r = fixture(20);
    await seal(r);
    const before = manifestFiles(r);
    for (let i = 20; i < 60; i++) r.write(`data/many/f${String(i).padStart(3, "0")}.json`, `{"i":${i}}\n`);
    await seal(r); // 67 entries: 32 shards instead of 8, every path bucketed anew
    const grown = manifestFiles(r);
    expect(grown.size).toBeGreaterThan(before.size);
    expect(grown).toEqual(builtAtOnce(r));
    expect(await verifyFindings(r)).toEqual([]);
    for (let i = 5; i < 60; i++) fs.rmSync(path.join(r.dir, `data/many/f${String(i).padStart(3, "0")}.json`));
    await seal(r); // 12 entries: 4 shards; the others' files are removed
    const shrunk = manifestFiles(r);
    expect(shrunk.size).toBeLessThan(before.size);
    expect(shrunk).toEqual(builtAtOnce(r));
    expect(await verifyFindings(r)).toEqual([]);
  });

  it("trusts neither a stat cache older nor one newer than the manifest for what changed", async () => {
    observeLimits.streamFrom = 1;
    observeLimits.batch = 3;
    const r = fixture(12);
    await seal(r);
    const state = path.join(r.dir, ".git/integrity-guard");
    const saved = path.join(r.dir, "..", `cache-${path.basename(r.dir)}`);
    const copyCaches = (from: string, to: string) => {
      fs.mkdirSync(to, { recursive: true });
      for (const f of fs.readdirSync(from)) if (f.startsWith("manifest-cache")) fs.copyFileSync(path.join(from, f), path.join(to, f));
    };
    copyCaches(state, saved); // the cache as of the first seal
    const firstManifest = manifestFiles(r);
    r.write("data/many/f004.json", '{"i":"four, changed"}\n'); // another size: a new stat
    r.write("data/many/f005.json", '{"i":"5"}\n'); // the same size
    ageTree(r.dir, 1800);
    await seal(r);
    // An older cache: its records of f004 and f005 have the old stats, so both are read again.
    dropCaches(r);
    copyCaches(saved, state);
    expect(await verifyFindings(r)).toEqual([]);
    // A newer cache than the manifest: the files' records say what they hold now, which the
    // (restored) first manifest did not seal.
    await seal(r);
    for (const [rel, text] of firstManifest) fs.writeFileSync(path.join(r.dir, rel), text);
    expect(await verifyFindings(r)).toEqual(["manifest/modified data/many/f004.json", "manifest/modified data/many/f005.json"]);
    fs.rmSync(saved, { recursive: true, force: true });
  });

  it("finds a missing and an extra file at the edge of a batch, in the order the unbatched run gives", async () => {
    const runs: string[][] = [];
    for (const batch of [DEFAULTS.batch, 4]) {
      observeLimits.streamFrom = batch === 4 ? 1 : DEFAULTS.streamFrom;
      observeLimits.batch = batch;
      const r = fixture(16);
      await seal(r);
      // Sorted walk: data/a.json, data/many/f000..f015, ...: f003 ends the first batch of 4 files
      // and f004 starts the second (1-based: files 4 and 5 of the walk).
      fs.rmSync(path.join(r.dir, "data/many/f003.json"));
      r.write("data/many/f003a.json", "{}\n");
      r.write("data/many/f007.json", '{"i":"seven"}\n');
      dropCaches(r);
      runs.push(await verifyFindings(r));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect([...runs[1]!].sort()).toEqual([
      "manifest/added data/many/f003a.json",
      "manifest/missing data/many/f003.json",
      "manifest/modified data/many/f007.json",
    ]);
  });
});

describe("verify reads a sharded manifest without sorting it (issue 20)", () => {
  // verify keeps a sharded manifest's entries in shard order and sorts only the ones it reports:
  // what it reports, and in which order, must be what the sorted manifest gives.
  it("reports drift in several shards as the sorted manifest orders it, cached and --no-cache", async () => {
    smallShards();
    const r = fixture(40);
    await seal(r);
    const sealed = readManifestFile(r.dir).manifest!.entries.map((e) => e.path);
    const changed = ["data/many/f031.json", "data/many/f002.json", "data/many/f017.json", "data/sub/b.json"];
    const gone = ["data/many/f025.json", "data/many/f008.json"];
    for (const p of changed) r.write(p, '{"changed":true}\n');
    for (const p of gone) fs.rmSync(path.join(r.dir, p));
    // Every path in a different shard than its neighbours in manifest order: the order is not the shards'.
    const expected = sealed
      .filter((p) => changed.includes(p) || gone.includes(p))
      .map((p) => `${gone.includes(p) ? "manifest/missing" : "manifest/modified"} ${p}`);
    for (const args of [
      ["verify", "--format", "json"],
      ["verify", "--no-cache", "--format", "json"],
    ]) {
      const v = await r.cli(args);
      expect(v.code, v.stderr).toBe(1);
      expect(parseReport(v.stdout).findings.map((f) => `${f.rule} ${f.file ?? ""}`)).toEqual(expected);
    }
  });

  it("names a sealed file beyond a symlinked folder by its place in the sorted manifest", async () => {
    smallShards();
    const r = fixture(40);
    await seal(r);
    const sealed = readManifestFile(r.dir).manifest!.entries.map((e) => e.path);
    // data/many becomes a link: its 40 sealed files now lie beyond it; the first in manifest order is named.
    fs.renameSync(path.join(r.dir, "data/many"), path.join(r.dir, "moved"));
    fs.symlinkSync("../moved", path.join(r.dir, "data/many"));
    const v = await r.cli(["verify", "--no-cache"]);
    expect(v.code).toBe(2);
    const first = "data/many/f000.json";
    expect(sealed.indexOf(first)).toBeGreaterThan(0);
    expect(v.stderr).toContain(`manifest entry ${sealed.indexOf(first)} (${JSON.stringify(first)}) lies beyond the symlink "data/many"`);
  });
});
