/**
 * The stat cache's files half loaded only for the paths asked about (issue 20: a reseal with one
 * dirty file among 500,000 held the whole half for one record): the same answers as a whole
 * load for every path (a path not preloaded loads the rest first), saves that append only the
 * changes, prune over records never loaded, a whole rewrite that keeps every record, and bit rot
 * still seen.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StatCache } from "../../src/io/stat-cache.js";
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
const name = (i: number) => `data/f${i}.json`;

async function filled(n: number): Promise<string> {
  dir = makeTempDir("ig-statcache-");
  const file = path.join(dir, "manifest-cache-x.json");
  const c = StatCache.load(file);
  for (let i = 0; i < n; i++) c.record(name(i), stat(i), sha(i), i % 5 === 0);
  await c.save();
  return file;
}

describe("stat cache files half loaded in part", () => {
  it("holds only the preloaded records, and answers every path as a whole load does", async () => {
    const file = await filled(3000);
    const c = StatCache.load(file);
    c.preloadFiles([name(7), name(2999), "data/absent.json"]);
    expect(c.heldFileRecords).toBe(2);
    expect(c.lookup(name(7), stat(7))).toEqual({ sha256: sha(7), size: 107, executable: false });
    expect(c.lookup(name(2999), stat(2999, HOUR_AGO + 1n))).toBeUndefined(); // another stat
    expect(c.lookup("data/absent.json", stat(1))).toBeUndefined();
    expect(c.heldFileRecords).toBe(2);
    // A path not preloaded: the rest is loaded, and the answer is a whole load's.
    expect(c.lookup(name(10), stat(10))).toEqual({ sha256: sha(10), size: 110, executable: true });
    expect(c.heldFileRecords).toBe(3000);
  });

  it("a change over a partial load is appended to the journal, and every other record survives", async () => {
    const file = await filled(3000);
    const before = fs.readFileSync(file);
    const c = StatCache.load(file);
    c.preloadFiles([name(7), name(8)]);
    c.record(name(7), stat(7, HOUR_AGO + 9n), sha(70_000), true);
    c.forget(name(8));
    await c.save();
    expect(c.heldFileRecords).toBe(1); // never loaded whole
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const again = StatCache.load(file);
    expect(again.lookup(name(7), stat(7, HOUR_AGO + 9n))?.sha256).toBe(sha(70_000));
    expect(again.lookup(name(8), stat(8))).toBeUndefined();
    for (const i of [0, 9, 1500, 2999]) expect(again.lookup(name(i), stat(i))?.sha256).toBe(sha(i));
  });

  it("prune deletes records that were never loaded, as over a whole load", async () => {
    const file = await filled(3000);
    const c = StatCache.load(file);
    c.preloadFiles([name(1)]);
    const gone = new Set([name(5), name(2500)]);
    c.prune({ has: (p) => !gone.has(p) }, { has: () => true });
    await c.save();
    expect(c.heldFileRecords).toBe(1);
    const again = StatCache.load(file);
    expect(again.lookup(name(5), stat(5))).toBeUndefined();
    expect(again.lookup(name(2500), stat(2500))).toBeUndefined();
    expect(again.lookup(name(4), stat(4))?.sha256).toBe(sha(4));
    expect(again.heldFileRecords).toBe(2998);
  });

  it("a save that must rewrite the half whole first reads the records it did not load", async () => {
    const file = await filled(3000);
    // A journal already past the half's share: the next save folds it into a rewritten half.
    const stamp = (JSON.parse(fs.readFileSync(file, "utf8")) as { stamp: string }).stamp;
    fs.writeFileSync(file + ".journal", `{"stamp":"${stamp}","files":{}${" ".repeat(400_000)}}\n`);
    const c = StatCache.load(file);
    c.preloadFiles([name(3)]);
    c.record(name(3), stat(3, HOUR_AGO + 4n), sha(30_000), false);
    await c.save();
    expect(fs.existsSync(file + ".journal")).toBe(false);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    const again = StatCache.load(file);
    expect(again.heldFileRecords).toBe(0);
    expect(again.lookup(name(3), stat(3, HOUR_AGO + 4n))?.sha256).toBe(sha(30_000));
    expect(again.lookup(name(2000), stat(2000))?.sha256).toBe(sha(2000));
    expect(again.heldFileRecords).toBe(3000);
  });

  it("bit rot of a path not preloaded is still seen (its record is loaded before judging)", async () => {
    const file = await filled(100);
    const c = StatCache.load(file);
    c.preloadFiles([name(1)]);
    expect(c.recordHashed(name(50), stat(50), sha(1234), false)).toBe(true);
    expect(c.recordHashed(name(1), stat(1), sha(4321), false)).toBe(true);
  });
});
