/**
 * A cold observeTree (no stat-cache record) does not lstat the tracked files it is going to hash
 * anyway (issue 20: 500,000 lstat calls for no answer in a cold verify or first seal), while
 * every file not tracked is still lstat'ed (a verdict re-checks it by that stat), every
 * observation is the file's real content, and a warm run still finds the dirty tracked file in
 * the cache by its stat. The calls are counted through a spy that passes each one to node:fs.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Git } from "../../src/io/git.js";
import { observeTree } from "../../src/io/hash/observe.js";
import { StatCache } from "../../src/io/stat-cache.js";
import { ageTree, settleCtimes } from "./manifest-helpers.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const r of repos.splice(0)) r.cleanup();
});

/** Clean tracked files, then files git does not vouch for (a dirty tracked one among them). */
const TRACKED = ["data/a.json", "data/a-b.json", "data/a/b.json", "data/A.json", "data/.hidden.json", "data/caf\u00e9.json"];
const UNTRACKED = ["data/untracked.json", "data/ignored.json", "data/d1/f4.json"];

function fixture(): TestRepo {
  const r = createRepo();
  repos.push(r);
  for (const n of [...TRACKED, "data/d1/f4.json"]) r.write(n, `{"n":${JSON.stringify(n)}}\n`);
  r.write(".gitignore", "data/ignored.json\n");
  r.commitAll("init");
  r.write("data/ignored.json", "{}\n");
  r.write("data/untracked.json", '{"u":1}\n');
  ageTree(r.dir);
  r.git("update-index", "-q", "--refresh");
  r.write("data/d1/f4.json", '{"dirty":true}\n'); // tracked, changed after the refresh
  // Aged alone (not racy in the warm run); ageTree again would leave the clean files stat-dirty
  // for git when a second passed between the two calls.
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(path.join(r.dir, "data/d1/f4.json"), hourAgo, hourAgo);
  settleCtimes(); // its ctime is now: racy for the stat cache until the window passes
  return r;
}

async function observeCounting(r: TestRepo, cacheFile: string) {
  const lstat = vi.spyOn(fs, "lstatSync");
  const cache = StatCache.load(cacheFile);
  const out = await observeTree({ git: await Git.open(r.dir), root: r.dir, roots: ["data"], accept: () => true, cache, useCache: true });
  await cache.save();
  // The stat the cache is asked with (bigint: exact nanoseconds); not the size probe of a small
  // run deciding whether threads are worth starting (pool.ts).
  const stats = lstat.mock.calls.filter((c) => (c[1] as { bigint?: boolean } | undefined)?.bigint === true);
  const seen = new Set(stats.map((c) => path.relative(r.dir, String(c[0])).split(path.sep).join("/")));
  lstat.mockRestore();
  return { out, seen };
}

const sha = (r: TestRepo, p: string) =>
  crypto
    .createHash("sha256")
    .update(fs.readFileSync(path.join(r.dir, p)))
    .digest("hex");

describe("observeTree on a cold cache", () => {
  it("hashes tracked files without an lstat first, and keeps the lstat of the others", async () => {
    const r = fixture();
    const cacheFile = path.join(r.dir, ".git/integrity-guard/cold.json");
    const cold = await observeCounting(r, cacheFile);
    for (const p of TRACKED) expect(cold.seen.has(p), p).toBe(false);
    for (const p of UNTRACKED) expect(cold.seen.has(p), p).toBe(true);
    expect(cold.out.stats.hashed).toBe(TRACKED.length + UNTRACKED.length);
    for (const p of [...TRACKED, ...UNTRACKED]) expect(cold.out.observed.get(p), p).toMatchObject({ kind: "file", sha256: sha(r, p) });
    for (const p of UNTRACKED) expect(cold.out.others.get(p), p).toEqual(expect.any(Array));

    // Warm: the dirty tracked file (git does not vouch for it) is answered from its cached stat.
    const warm = await observeCounting(r, cacheFile);
    expect(warm.seen.has("data/d1/f4.json")).toBe(true);
    expect(warm.out.stats.hashed).toBe(0);
    expect([...warm.out.observed].sort()).toEqual([...cold.out.observed].sort());
  });
});
