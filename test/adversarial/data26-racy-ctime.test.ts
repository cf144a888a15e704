/**
 * Red team round 26, racy stat cache: a file rewritten with its old mtime put back (`touch -d`,
 * `cp -p`, `tar x`) keeps an mtime far from the cache's stamp, but its ctime is now. A second
 * same-size rewrite put back the same way within the ctime's tick (a jiffy on Linux, a whole
 * second on some file systems) leaves size, mtime, inode and ctime all equal to the record, and
 * the cache vouched for bytes it never hashed. The record must be racy by its ctime too: not
 * trusted in the run that wrote it, nor after a save (whole or journal) and a later run.
 * Real files, stat'ed as the hash pool does; the second rewrite's stat is the first's (what a
 * write in the same ctime tick gives, which a test cannot time reliably).
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { StatCache } from "../../src/io/stat-cache.js";
import type { StatKey } from "../../src/io/hash/pool.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const DAY_AGO = new Date(Date.now() - 86_400_000);

function statKey(file: string): StatKey {
  const st = fs.lstatSync(file, { bigint: true });
  return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
}

const sha = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** A data file written now with yesterday's mtime put back, as `cp -p` or `touch -d` leave it. */
function writeBackdated(file: string, text: string): StatKey {
  fs.writeFileSync(file, text);
  fs.utimesSync(file, DAY_AGO, DAY_AGO);
  return statKey(file);
}

describe("stat cache: a backdated mtime with a fresh ctime is racy", () => {
  it("is not trusted in the run that hashed it", () => {
    dir = makeTempDir("ig-racy-ctime-");
    const file = path.join(dir, "state.json");
    const key = writeBackdated(file, '{"n":1}\n');
    const c = StatCache.load(path.join(dir, "manifest-cache-x.json"));
    c.record("state.json", key, sha('{"n":1}\n'), false);
    expect(BigInt(key[1])).toBeLessThan(BigInt(Date.now() - 3_600_000) * 1_000_000n); // the mtime is old
    expect(c.lookup("state.json", key)).toBeUndefined();
    // Nor taken for bit rot: the content may have changed within the ctime's tick.
    expect(c.isBitrot("state.json", key, sha('{"n":2}\n'))).toBe(false);
  });

  it("is not trusted after a whole save and a later run", async () => {
    dir = makeTempDir("ig-racy-ctime-");
    const file = path.join(dir, "state.json");
    const cacheFile = path.join(dir, "manifest-cache-x.json");
    const key = writeBackdated(file, '{"n":1}\n');
    const c = StatCache.load(cacheFile);
    c.record("state.json", key, sha('{"n":1}\n'), false);
    await c.save();
    // The same-size corrupt rewrite, backdated again within the ctime's tick: the same stat.
    fs.writeFileSync(file, '{"n":9}\n');
    fs.utimesSync(file, DAY_AGO, DAY_AGO);
    const again = StatCache.load(cacheFile);
    expect(again.lookup("state.json", key)).toBeUndefined();
  });

  it("is not trusted through a journal line replayed after another run's later stamp", async () => {
    dir = makeTempDir("ig-racy-ctime-");
    const cacheFile = path.join(dir, "manifest-cache-x.json");
    // A valid half on disk with an old, settled record, so the next run appends a journal line.
    const old = path.join(dir, "old.json");
    fs.writeFileSync(old, "{}\n");
    const first = StatCache.load(cacheFile);
    const oldKey = statKey(old);
    const settled: StatKey = [oldKey[0], "1000000000", oldKey[2], "1000000000"];
    first.record("old.json", settled, sha("{}\n"), false);
    await first.save();
    const file = path.join(dir, "state.json");
    const key = writeBackdated(file, '{"n":1}\n');
    const second = StatCache.load(cacheFile);
    second.record("state.json", key, sha('{"n":1}\n'), false);
    await second.save();
    expect(fs.existsSync(cacheFile + ".journal")).toBe(true);
    const third = StatCache.load(cacheFile);
    expect(third.lookup("state.json", key)).toBeUndefined();
    expect(third.lookup("old.json", settled)?.sha256).toBe(sha("{}\n"));
  });
});
