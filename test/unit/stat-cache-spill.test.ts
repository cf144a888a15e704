/**
 * A stat-cache half with nothing valid on disk is written out as its records are made (issue 20:
 * a first seal or cold verify held both halves, about 90 MB at 500,000 files): the records held
 * stay under the limit, the saved half has the bytes a held half gives, a question about a record
 * written out reads the half back and is answered exactly, prune still deletes what it must, and
 * a run killed while spilling leaves the half on disk as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StatCache, spillLimits } from "../../src/io/stat-cache.js";
import type { StatKey } from "../../src/io/hash/pool.js";
import { makeTempDir } from "../helpers/repo.js";

let dir: string;
const limit = spillLimits.records;
beforeEach(() => {
  dir = makeTempDir("ig-statcache-spill-");
});
afterEach(() => {
  spillLimits.records = limit;
  fs.rmSync(dir, { recursive: true, force: true });
});

const HOUR_AGO = BigInt(Date.now() - 3_600_000) * 1_000_000n;
const stat = (i: number, mtime = HOUR_AGO): StatKey => [
  String(100 + i),
  String(mtime + BigInt(i)),
  String(1000 + i),
  String(mtime + BigInt(i)),
];
const sha = (i: number) => i.toString(16).padStart(64, "0");
// Names above 0x7f, `-` beside `/`, case and dot files: written out and read back as they are.
const names = [
  "data/é-x.json",
  "data/É/x.json",
  "data/a-b.json",
  "data/a/b.json",
  "data/.hidden",
  "data/Caps.JSON",
  "data/ü\u{1f600}.json",
];
const name = (i: number) => (i < names.length ? names[i]! : `data/d${i % 17}/f${i}.json`);
const oid = (i: number) => (i * 7919).toString(16).padStart(40, "0");
const tmpFiles = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/** Record n files (and their blobs) into a fresh cache at `file`, saved. */
async function fill(file: string, n: number): Promise<StatCache> {
  const c = StatCache.load(file);
  for (let i = 0; i < n; i++) {
    c.record(name(i), stat(i), sha(i), i % 5 === 0);
    c.recordBlob(oid(i), sha(i), 100 + i);
  }
  return c;
}

describe("stat cache halves written out as they grow", () => {
  it("holds at most the limit, and saves the bytes a held half gives", async () => {
    spillLimits.records = 1 << 30;
    const held = await fill(path.join(dir, "a", "manifest-cache-x.json"), 1000);
    await held.save();
    spillLimits.records = 64;
    const spilled = await fill(path.join(dir, "b", "manifest-cache-x.json"), 1000);
    expect(spilled.heldFileRecords).toBeLessThan(64);
    await spilled.save();
    // (The files half carries the stamp of the run that wrote it: each cache opened at its own time.)
    const text = (d: string, f: string) => fs.readFileSync(path.join(dir, d, f), "utf8").replace(/^\{"version":2,"stamp":"\d+"/, "");
    for (const f of ["manifest-cache-x.json", "manifest-cache-x.blobs.json"]) expect(text("b", f)).toBe(text("a", f));
    expect(fs.readdirSync(path.join(dir, "b")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const again = StatCache.load(path.join(dir, "b", "manifest-cache-x.json"));
    for (const i of [0, 3, 6, 63, 64, 500, 999]) {
      expect(again.lookup(name(i), stat(i))).toEqual({ sha256: sha(i), size: 100 + i, executable: i % 5 === 0 });
      expect(again.blob(oid(i))).toEqual({ sha256: sha(i), size: 100 + i, executable: false });
    }
  });

  it("answers a question about a record written out exactly (read back), and keeps a re-record", async () => {
    spillLimits.records = 64;
    const file = path.join(dir, "manifest-cache-x.json");
    const c = await fill(file, 300);
    expect(c.heldFileRecords).toBeLessThan(64);
    // Written out: the answer is the record's (the half is read back whole).
    expect(c.lookup(name(5), stat(5))).toEqual({ sha256: sha(5), size: 105, executable: true });
    expect(c.isBitrot(name(6), stat(6), sha(1))).toBe(true);
    expect(c.heldFileRecords).toBe(300);
    c.record(name(7), stat(7, HOUR_AGO + 5n), sha(7000), false);
    c.forget(name(8));
    expect(c.blob(oid(9))).toEqual({ sha256: sha(9), size: 109, executable: false });
    c.recordBlob(oid(10), sha(10_000), 5);
    await c.save();
    const again = StatCache.load(file);
    expect(again.lookup(name(7), stat(7, HOUR_AGO + 5n))?.sha256).toBe(sha(7000));
    expect(again.lookup(name(8), stat(8))).toBeUndefined();
    expect(again.blob(oid(10))).toEqual({ sha256: sha(10_000), size: 5, executable: false });
    for (const i of [0, 100, 299]) expect(again.lookup(name(i), stat(i))?.sha256).toBe(sha(i));
  });

  it("a blob recorded again with the same record (the same content at another path) is not read back", async () => {
    spillLimits.records = 64;
    const file = path.join(dir, "manifest-cache-x.json");
    const c = await fill(file, 300);
    c.recordBlob(oid(3), sha(3), 103);
    expect(c.heldFileRecords).toBeLessThan(64); // nothing was read back
    await c.save();
    expect(StatCache.load(file).blob(oid(3))?.sha256).toBe(sha(3));
  });

  it("prune deletes written-out records of both halves, as over held ones", async () => {
    spillLimits.records = 64;
    const file = path.join(dir, "manifest-cache-x.json");
    const c = await fill(file, 300);
    const gonePaths = new Set([name(2), name(150)]);
    const goneBlobs = new Set([oid(4), oid(200)]);
    c.prune({ has: (p) => !gonePaths.has(p) }, { has: (o) => !goneBlobs.has(o) });
    await c.save();
    const again = StatCache.load(file);
    expect(again.lookup(name(2), stat(2))).toBeUndefined();
    expect(again.lookup(name(150), stat(150))).toBeUndefined();
    expect(again.blob(oid(4))).toBeUndefined();
    expect(again.blob(oid(200))).toBeUndefined();
    expect(again.lookup(name(151), stat(151))?.sha256).toBe(sha(151));
    expect(again.blob(oid(201))?.sha256).toBe(sha(201));
  });

  it("a run killed while spilling leaves the halves on disk as they were; its temporary file goes with the next spill", async () => {
    spillLimits.records = 64;
    const file = path.join(dir, "manifest-cache-x.json");
    // A damaged half (a crash of an older version while writing it): not valid, so rewritten whole.
    fs.writeFileSync(file, '{"version":2,"stamp":"1","files":{"data/a.json":["1","2"');
    const before = fs.readFileSync(file);
    const c = await fill(file, 300);
    expect(tmpFiles()).toHaveLength(2); // files and blobs, written out but not renamed
    // The process dies here: no save. The halves on disk are untouched.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file.replace(/\.json$/, ".blobs.json"))).toBe(false);
    expect(StatCache.load(file).lookup(name(1), stat(1))).toBeUndefined();
    // Its temporary files, as a dead process leaves them, are removed by the next run's spill.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    // (The name's writer is `<pid>s<start>` on Linux, the pid alone elsewhere: the pid is replaced.)
    for (const t of tmpFiles())
      fs.renameSync(path.join(dir, t), path.join(dir, t.replace(new RegExp(String.raw`\.${process.pid}(s\d+)?\.`), `.${dead}$1.`)));
    const next = await fill(file, 100);
    await next.save();
    expect(tmpFiles()).toEqual([]);
    expect(StatCache.load(file).lookup(name(99), stat(99))?.sha256).toBe(sha(99));
    void c;
  });
});
