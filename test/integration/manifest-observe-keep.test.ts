/**
 * observeTree keeps no observation for a file its caller records itself (issue 20: bounded
 * memory at 500,000 files): one the manifest seals as it is (`sealedMatch`, cached runs too, from
 * git's index, the stat cache or a read), or one seal takes as its entry (`claim`). Everything
 * else (links, unreadable files, a bit-rotted file) stays in `observed`. Counted, not timed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { observeTree } from "../../src/io/hash/observe.js";
import { StatCache } from "../../src/io/stat-cache.js";
import type { Observation } from "../../src/core/manifest/model.js";
import { ageTree } from "./manifest-helpers.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function fixture(): TestRepo {
  const r = createRepo();
  repos.push(r);
  for (let i = 0; i < 30; i++) r.write(`data/f${i}.json`, `{"i":${i}}\n`);
  r.commitAll("init");
  r.write("data/untracked.json", "{}\n");
  fs.symlinkSync("f1.json", path.join(r.dir, "data/link.json"));
  ageTree(r.dir);
  r.git("update-index", "-q", "--refresh");
  return r;
}

async function observe(
  r: TestRepo,
  cache: StatCache,
  useCache: boolean,
  keepOut: (p: string, o: Observation) => boolean,
  as: "sealedMatch" | "claim",
) {
  const taken: string[] = [];
  const fn = (p: string, o: Observation) => {
    if (!keepOut(p, o)) return false;
    taken.push(p);
    return true;
  };
  const out = await observeTree({
    git: await Git.open(r.dir),
    root: r.dir,
    roots: ["data"],
    accept: () => true,
    cache,
    useCache,
    [as]: fn,
  });
  return { ...out, taken };
}

describe("observations the caller records itself", () => {
  for (const as of ["sealedMatch", "claim"] as const) {
    it(`${as}: a cached run keeps only what the caller did not take, cold and warm`, async () => {
      const r = fixture();
      const file = StatCache.pathFor(path.join(r.dir, ".git/integrity-guard"), r.dir);
      const takeEven = (p: string, o: Observation) => o.kind === "file" && /f\d*[02468]\.json$/.test(p);
      // Cold: every file is read; then warm: from git's index (tracked) and the stat cache (untracked).
      for (const round of ["cold", "warm"]) {
        const cache = StatCache.load(file);
        const out = await observe(r, cache, true, takeEven, as);
        await cache.save();
        expect(out.taken.sort(), round).toEqual(Array.from({ length: 15 }, (_, k) => `data/f${2 * k}.json`).sort());
        const kept = [...out.observed.keys()].sort();
        expect(kept, round).toEqual(
          [...Array.from({ length: 15 }, (_, k) => `data/f${2 * k + 1}.json`), "data/link.json", "data/untracked.json"].sort(),
        );
        expect(out.observed.get("data/link.json")?.kind).toBe("link");
        if (round === "warm") expect(out.stats.hashed, round).toBe(0);
      }
    });
  }

  it("claim is never asked for a bit-rotted file: it stays observed (seal refuses it)", async () => {
    const r = fixture();
    const file = StatCache.pathFor(path.join(r.dir, ".git/integrity-guard"), r.dir);
    const first = StatCache.load(file);
    await observe(r, first, false, () => false, "claim");
    await first.save(); // its stamp: the files (an hour old) are not racy against it
    const cache = StatCache.load(file);
    // The cache holds other content for f3 under its exact stat: what bit rot looks like (a disk
    // error changes no metadata at all).
    const st = fs.lstatSync(path.join(r.dir, "data/f3.json"), { bigint: true });
    cache.record("data/f3.json", [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)], "0".repeat(64), false);
    const out = await observe(r, cache, false, () => true, "claim");
    const o = out.observed.get("data/f3.json");
    expect(o?.kind === "file" && o.bitrot).toBe(true);
    expect(out.taken).not.toContain("data/f3.json");
    expect(out.taken.length).toBe(30); // the 31 other files
  });
});
