/**
 * observeTree with `keepWalk: false` (seal) sorts each walk entry out as the walk finds it, with
 * no array of every file (issue 20): the same observations, in the same order, the same counts
 * and the same blob ids as a run that keeps the walk, on a real repository with clean, dirty,
 * untracked, ignored, executable and linked files, names with bytes above 0x7f, `-` beside `/`,
 * case and dot files; cold (every file read) and warm (git's index and the stat cache).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { observeTree } from "../../src/io/hash/observe.js";
import { walkTree } from "../../src/io/hash/walk.js";
import { StatCache } from "../../src/io/stat-cache.js";
import { ageTree } from "./manifest-helpers.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const NAMES = [
  "data/a.json",
  "data/a-b.json",
  "data/a/b.json",
  "data/A.json",
  "data/.hidden.json",
  "data/caf\u00e9.json",
  "data/\u65e5.json",
];

function fixture(): TestRepo {
  const r = createRepo();
  repos.push(r);
  for (const n of NAMES) r.write(n, `{"n":${JSON.stringify(n)}}\n`);
  for (let i = 0; i < 20; i++) r.write(`data/d${i % 3}/f${i}.json`, `{"i":${i}}\n`);
  fs.chmodSync(path.join(r.dir, "data/d0/f0.json"), 0o755);
  r.write(".gitignore", "data/ignored.json\n");
  r.commitAll("init");
  r.write("data/ignored.json", "{}\n");
  r.write("data/untracked.json", "{}\n");
  fs.symlinkSync("a.json", path.join(r.dir, "data/link.json"));
  ageTree(r.dir);
  r.git("update-index", "-q", "--refresh");
  r.write("data/d1/f4.json", '{"dirty":true}\n'); // tracked, changed after the refresh
  // Ten minutes old (not the hour of the rest): out of the stat cache's racy window whenever
  // each run starts. Fresh, it was racy against the first run's stamp and, on a loaded machine
  // (2 s between the runs), not against the second's: the second took it from its cache while
  // the first re-read it, and the counts differed (both right: a racy file is re-read).
  const t = new Date(Date.now() - 600_000);
  fs.utimesSync(path.join(r.dir, "data/d1/f4.json"), t, t);
  return r;
}

async function run(r: TestRepo, keepWalk: boolean, cacheFile: string) {
  const cache = StatCache.load(cacheFile);
  const out = await observeTree({
    git: await Git.open(r.dir),
    root: r.dir,
    roots: ["data"],
    accept: () => true,
    cache,
    useCache: true,
    keepWalk,
  });
  await cache.save();
  return out;
}

describe("observeTree, entries sorted out as found", () => {
  it("gives what a run keeping the walk gives, cold and warm", async () => {
    const r = fixture();
    const state = path.join(r.dir, ".git/integrity-guard");
    for (const round of ["cold", "warm"]) {
      // Each mode with its own cache file, in the same state for the round.
      const kept = await run(r, true, path.join(state, "kept.json"));
      const found = await run(r, false, path.join(state, "found.json"));
      expect(found.walked, round).toEqual([]);
      expect(kept.walked.length, round).toBe(kept.stats.files);
      expect([...found.observed], round).toEqual([...kept.observed]);
      expect(found.stats, round).toEqual(kept.stats);
      expect([...found.others], round).toEqual([...kept.others]);
      expect(found.oidLength, round).toBe(kept.oidLength);
      for (const n of NAMES.slice(0, 3)) {
        const oid = r.git("rev-parse", `:${n}`).trim();
        expect(found.blobIds.has(oid), `${round} ${n}`).toBe(kept.blobIds.has(oid));
      }
      if (round === "warm") expect(found.stats.fromGit, round).toBeGreaterThan(0);
      expect(found.observed.get("data/link.json")?.kind).toBe("link");
      // The entries were sorted out: every covered name was observed or counted.
      expect(found.stats.files, round).toBe(NAMES.length + 20 + 3);
    }
  });

  it("walkTree with keep false hands every entry to onEntry and returns none", () => {
    const r = fixture();
    const seen: string[] = [];
    expect(
      walkTree(
        r.dir,
        ["data"],
        () => true,
        undefined,
        (e) => seen.push(e.path),
        false,
      ),
    ).toEqual([]);
    expect(seen).toEqual(walkTree(r.dir, ["data"], () => true).map((e) => e.path));
  });
});
