/**
 * observeTree loads only the stat-cache records of the files git does not vouch for (issue 20:
 * StatCache.preloadFiles): the same observations, counts, others and saved cache as a run whose
 * files half is loaded whole, on a real repository with clean, dirty, untracked, ignored,
 * executable, added, deleted and linked files, names with bytes above 0x7f, `-` beside `/`, case
 * and dot files (the map's insertion order aside); and a warm run holds the records of those files only.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { observeTree } from "../../src/io/hash/observe.js";
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
  for (let i = 0; i < 30; i++) r.write(`data/d${i % 3}/f${i}.json`, `{"i":${i}}\n`);
  fs.chmodSync(path.join(r.dir, "data/d0/f0.json"), 0o755);
  r.write(".gitignore", "data/ignored*.json\n");
  r.commitAll("init");
  r.write("data/ignored.json", "{}\n");
  r.write("data/ignored-\u00e9.json", "{}\n");
  r.write("data/untracked.json", "{}\n");
  r.write("data/.untracked-dot.json", "{}\n");
  fs.symlinkSync("a.json", path.join(r.dir, "data/link.json"));
  ageTree(r.dir);
  r.git("update-index", "-q", "--refresh");
  return r;
}

/** One observeTree; `whole`: the files half is loaded (a lookup) before the walk, so nothing is deferred. */
async function run(r: TestRepo, cacheFile: string, whole: boolean) {
  const cache = StatCache.load(cacheFile);
  if (whole) cache.lookup("data/none.json", ["0", "0", "0", "0"]);
  const out = await observeTree({
    git: await Git.open(r.dir),
    root: r.dir,
    roots: ["data"],
    accept: () => true,
    cache,
    useCache: true,
    keepWalk: false,
  });
  const held = cache.heldFileRecords;
  await cache.save();
  return { ...out, held };
}

describe("observeTree with the stat cache's files half loaded in part", () => {
  it("observes what a whole load observes, cold, warm and after changes, and holds only what it asked for", async () => {
    const r = fixture();
    const state = path.join(r.dir, ".git/integrity-guard");
    const files = { whole: path.join(state, "whole.json"), part: path.join(state, "part.json") };
    const changes: (() => void)[] = [
      () => undefined, // cold: every file read
      () => undefined, // warm: git's index and the stat cache
      () => {
        r.write("data/d1/f4.json", '{"dirty":true}\n'); // tracked, changed
        r.write("data/caf\u00e9.json", '{"dirty":"\u00e9"}\n'); // tracked, name above 0x7f, changed
        r.write("data/untracked.json", '{"u":2}\n'); // untracked, changed
        r.write("data/new-\u65e5.json", "{}\n"); // added
        fs.rmSync(path.join(r.dir, "data/ignored.json")); // deleted
        // Ten minutes old: out of the stat cache's racy window whenever each run starts. Fresh,
        // they were racy against the whole run's stamp and, on a loaded machine (2 s between
        // the runs), not against the part run's, so the two caches then vouched differently for
        // them (both right: a racy record is never trusted).
        const t = new Date(Date.now() - 600_000);
        for (const n of ["data/d1/f4.json", "data/caf\u00e9.json", "data/untracked.json", "data/new-\u65e5.json"])
          fs.utimesSync(path.join(r.dir, n), t, t);
      },
    ];
    for (const [round, change] of changes.entries()) {
      change();
      const whole = await run(r, files.whole, true);
      const part = await run(r, files.part, false);
      // (Cache hits are observed after the walk rather than during it: the same map, in another
      // insertion order, which no caller depends on; seal sorts, verify's findings are sorted.)
      const byPath = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
      expect([...part.observed].sort(byPath), `round ${round}`).toEqual([...whole.observed].sort(byPath));
      expect(part.stats, `round ${round}`).toEqual(whole.stats);
      expect([...part.others].sort(byPath), `round ${round}`).toEqual([...whole.others].sort(byPath));
      // Both caches hold the same records afterwards.
      const a = StatCache.load(files.whole);
      const b = StatCache.load(files.part);
      for (const n of [...NAMES, "data/untracked.json", "data/ignored.json", "data/new-\u65e5.json", "data/d1/f4.json"]) {
        const st = fs.existsSync(path.join(r.dir, n)) ? fs.lstatSync(path.join(r.dir, n), { bigint: true }) : undefined;
        const key = st
          ? ([String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)] as const)
          : (["0", "0", "0", "0"] as const);
        expect(b.lookup(n, [...key]), `round ${round} ${n}`).toEqual(a.lookup(n, [...key]));
      }
      if (round === 1) {
        // Warm: the untracked and ignored files only (git vouches for the tracked ones).
        expect(part.stats.fromCache).toBe(4);
        expect(part.held).toBe(4);
        expect(whole.held).toBeGreaterThan(part.held);
      }
    }
  });
});
