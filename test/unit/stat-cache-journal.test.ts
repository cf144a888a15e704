/**
 * The stat cache saves incrementally (issue 20): a run that changes a few records appends them to
 * a journal instead of rewriting the whole cache file, replays to the same state, is folded back
 * once the journal grows, survives a torn last line, and never lets a racy record become trusted
 * through another run's later stamp.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RACY_WINDOW_NS, StatCache } from "../../src/io/stat-cache.js";
import type { StatKey } from "../../src/io/hash/pool.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const HOUR_AGO = BigInt(Date.now() - 3_600_000) * 1_000_000n;
const stat = (i: number, mtime = HOUR_AGO): StatKey => [
  String(100 + i),
  String(mtime + BigInt(i)),
  String(1000 + i),
  String(mtime + BigInt(i)),
];
const sha = (i: number) => i.toString(16).padStart(64, "0");

async function filled(n: number): Promise<string> {
  dir = makeTempDir("ig-statcache-");
  const file = path.join(dir, "manifest-cache-x.json");
  const c = StatCache.load(file);
  for (let i = 0; i < n; i++) {
    c.record(`data/f${i}.json`, stat(i), sha(i), false);
    c.recordBlob(sha(i + 1).slice(24), sha(i), 100 + i);
  }
  await c.save();
  return file;
}

describe("incremental stat cache saves", () => {
  it("a one-record change appends to the journal, leaves the cache file untouched, and replays", async () => {
    const file = await filled(2000);
    const before = fs.readFileSync(file);
    const blobsBefore = fs.readFileSync(file.replace(/\.json$/, ".blobs.json"));
    const c = StatCache.load(file);
    expect(c.lookup("data/f7.json", stat(7))?.sha256).toBe(sha(7));
    c.record("data/f7.json", stat(7, HOUR_AGO + 5n), sha(99_999), true);
    c.recordBlob("b".repeat(40), sha(5), 5);
    c.forget("data/f8.json");
    await c.save();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readFileSync(file.replace(/\.json$/, ".blobs.json")).equals(blobsBefore)).toBe(true);
    const journal = fs.readFileSync(file + ".journal", "utf8");
    expect(journal.length).toBeLessThan(before.length / 20);
    const again = StatCache.load(file);
    expect(again.lookup("data/f7.json", stat(7, HOUR_AGO + 5n))).toEqual({ sha256: sha(99_999), size: 107, executable: true });
    expect(again.lookup("data/f7.json", stat(7))).toBeUndefined();
    expect(again.lookup("data/f8.json", stat(8))).toBeUndefined();
    expect(again.lookup("data/f9.json", stat(9))?.sha256).toBe(sha(9));
    expect(again.blob("b".repeat(40))).toEqual({ sha256: sha(5), size: 5, executable: false });
    // The hook's lookup of a few ids in the file's bytes gives the same answers as the parsed cache.
    const ids = ["b".repeat(40), sha(8).slice(24), sha(2000).slice(24), "c".repeat(40)];
    const peeked = StatCache.load(file).peekBlobs(ids);
    expect(peeked).toEqual(new Map(ids.flatMap((o) => (again.blob(o) ? [[o, again.blob(o)]] : []))));
    expect(peeked.size).toBe(3);
  });

  it("folds the journal into the cache file once it passes half of it", async () => {
    const file = await filled(50);
    let journaled = 0;
    let folded = false;
    for (let round = 1; round <= 40 && !folded; round++) {
      const c = StatCache.load(file);
      for (let i = 0; i < 50; i++) c.record(`data/f${i}.json`, stat(i, HOUR_AGO + BigInt(round) * 1000n), sha(round * 100 + i), false);
      await c.save();
      if (fs.existsSync(file + ".journal")) journaled++;
      else folded = true;
      // Whichever way it was saved, the state read back is the latest.
      expect(StatCache.load(file).lookup("data/f3.json", stat(3, HOUR_AGO + BigInt(round) * 1000n))?.sha256).toBe(sha(round * 100 + 3));
    }
    expect(journaled).toBeGreaterThan(0);
    expect(folded).toBe(true);
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as { files: Record<string, string[]> };
    expect(Object.keys(data.files)).toHaveLength(50);
  });

  it("ignores a torn last line (a crash while appending): only re-hashing is lost", async () => {
    const file = await filled(100);
    const c = StatCache.load(file);
    c.record("data/f1.json", stat(1, HOUR_AGO + 9n), sha(1234), false);
    await c.save();
    fs.appendFileSync(file + ".journal", '{"stamp":"1","files":{"data/f2.json":["1","2"');
    const again = StatCache.load(file);
    expect(again.lookup("data/f1.json", stat(1, HOUR_AGO + 9n))?.sha256).toBe(sha(1234));
    expect(again.lookup("data/f2.json", stat(2))?.sha256).toBe(sha(2));
  });

  it("a record racy against its own run's stamp stays untrusted after a later run's stamp", async () => {
    const file = await filled(100);
    // Run A (opened now) records a file modified just now: racy against A's stamp.
    const a = StatCache.load(file);
    const nowNs = BigInt(Date.now()) * 1_000_000n;
    a.record("data/fresh.json", stat(500, nowNs), sha(500), false);
    await a.save();
    // Run B, opened well after the racy window, saves another change: its later stamp is last.
    const b = StatCache.load(file);
    b.record("data/f3.json", stat(3, HOUR_AGO + 7n), sha(3333), false);
    const line = JSON.parse(fs.readFileSync(file + ".journal", "utf8").trim()) as { stamp: string };
    fs.appendFileSync(
      file + ".journal",
      JSON.stringify({
        stamp: String(BigInt(line.stamp) + 10n * RACY_WINDOW_NS),
        files: { "data/f3.json": [...stat(3, HOUR_AGO + 7n), sha(3333), 0] },
      }) + "\n",
    );
    const c = StatCache.load(file);
    expect(c.lookup("data/f3.json", stat(3, HOUR_AGO + 7n))?.sha256).toBe(sha(3333));
    expect(c.lookup("data/fresh.json", stat(500, nowNs))).toBeUndefined();
  });
});
