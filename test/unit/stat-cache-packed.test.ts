/**
 * The stat cache's files half is read from its bytes and held packed (issue 20: one string a
 * record): every record of a file written by this or an earlier version (JSON.stringify's bytes)
 * or laid out otherwise (other whitespace: parsed as JSON instead) reads back exactly, whatever
 * the path holds (escapes, unicode, lone surrogates, index-like names, `":[` inside a name); a
 * damaged record is dropped (re-hashed, never trusted), and a file of another shape is ignored.
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
const stat = (i: number): StatKey => [String(100 + i), String(HOUR_AGO + BigInt(i)), String(1000 + i), String(HOUR_AGO + BigInt(i))];
const sha = (i: number) => i.toString(16).padStart(64, "0");
const PATHS = [
  "data/a.json",
  "7",
  "0",
  "4294967295", // not an array index: keeps its place
  'quote"and\\back\\',
  "line\nbreak\ttab",
  "日本/データ.json",
  "lone\ud800surrogate",
  'x":["1","2"]',
  "a".repeat(500),
  "data/z.json",
];

/** The cache file as an earlier version wrote it: JSON.stringify of the whole object. */
function writeOld(file: string, files: Record<string, unknown>, space?: number): void {
  fs.writeFileSync(file, JSON.stringify({ version: 2, stamp: String(HOUR_AGO + 10_000_000_000n), files }, null, space));
}

function records(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  PATHS.forEach((p, i) => (out[p] = [...stat(i), sha(i), i % 2]));
  return out;
}

describe("stat cache files half, packed", () => {
  for (const space of [undefined, 2]) {
    it(`reads every record of an earlier version's file (${space ? "indented: parsed as JSON" : "its exact bytes: scanned"})`, () => {
      dir = makeTempDir("ig-statcache-");
      const file = path.join(dir, "manifest-cache-x.json");
      writeOld(file, records(), space);
      const c = StatCache.load(file);
      PATHS.forEach((p, i) => {
        expect(c.lookup(p, stat(i)), JSON.stringify(p)).toEqual({ sha256: sha(i), size: 100 + i, executable: i % 2 === 1 });
        expect(c.lookup(p, stat(i + 1)), JSON.stringify(p)).toBeUndefined(); // another stat: not trusted
        expect(c.isBitrot(p, stat(i), sha(i + 1))).toBe(true);
        expect(c.isBitrot(p, stat(i), sha(i))).toBe(false);
      });
      expect(c.lookup("data/b.json", stat(0))).toBeUndefined();
      expect(c.lookup('x"', stat(8))).toBeUndefined();
    });
  }

  it("writes back JSON.stringify's bytes of the same object, and a second read finds every record", async () => {
    dir = makeTempDir("ig-statcache-");
    const file = path.join(dir, "manifest-cache-x.json");
    writeOld(file, records());
    const c = StatCache.load(file);
    c.record("new/one.json", stat(50), sha(50), true);
    c.forget("data/a.json");
    // Enough changes that the file is rewritten whole rather than journalled.
    for (let i = 0; i < 1000; i++) c.record(`more/${i}`, stat(i), sha(i), false);
    await c.save();
    const text = fs.readFileSync(file, "utf8");
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    const files = (JSON.parse(text) as { files: Record<string, unknown> }).files;
    const expected = records();
    delete expected["data/a.json"];
    expected["new/one.json"] = [...stat(50), sha(50), 1];
    for (let i = 0; i < 1000; i++) expected[`more/${i}`] = [...stat(i), sha(i), 0];
    expect(fs.existsSync(`${file}.journal`)).toBe(false);
    expect(files).toEqual(expected);
    // The journal may hold the change; a fresh read sees the same either way.
    const again = StatCache.load(file);
    PATHS.slice(1).forEach((p, i) => expect(again.lookup(p, stat(i + 1))?.sha256, JSON.stringify(p)).toBe(sha(i + 1)));
    expect(again.lookup("data/a.json", stat(0))).toBeUndefined();
    expect(again.lookup("new/one.json", stat(50))).toEqual({ sha256: sha(50), size: 150, executable: true });
  });

  it("drops damaged records and ignores a file of another shape", () => {
    dir = makeTempDir("ig-statcache-");
    const file = path.join(dir, "manifest-cache-x.json");
    const r = records();
    r["data/a.json"] = [...stat(0), "not-a-digest", 0];
    r["7"] = [...stat(1), sha(1)]; // five fields
    r["0"] = ["x", ...stat(2).slice(1), sha(2), 0];
    writeOld(file, r);
    const c = StatCache.load(file);
    expect(c.lookup("data/a.json", stat(0))).toBeUndefined();
    expect(c.lookup("7", stat(1))).toBeUndefined();
    expect(c.lookup("0", stat(2))).toBeUndefined();
    expect(c.lookup("data/z.json", stat(10))?.sha256).toBe(sha(10));
    for (const bad of [
      '{"version":2,"stamp":"1","files":{"a":["1","2","3","4","' + sha(1) + '",0]', // truncated
      '{"version":1,"stamp":"1","files":{}}',
      '{"version":2,"stamp":"x1","files":{}}',
      "",
      "\u0000\u0001binary",
    ]) {
      fs.writeFileSync(file, bad);
      expect(StatCache.load(file).lookup("a", ["1", "2", "3", "4"]), bad).toBeUndefined();
    }
  });
});
