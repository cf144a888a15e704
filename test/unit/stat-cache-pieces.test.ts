/**
 * A stat cache half rewritten whole is written in pieces (issue 20: never one 77 MB string at
 * 500,000 files): the bytes are exactly JSON.stringify's, across piece boundaries, with keys
 * JSON orders first (integer-like paths), unicode and escapes, and a new run reads every record.
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

describe("stat cache written in pieces", () => {
  it("writes JSON.stringify's bytes for 10,000 records and reads them all back", async () => {
    dir = makeTempDir("ig-statcache-");
    const file = path.join(dir, "manifest-cache-x.json");
    const c = StatCache.load(file);
    const paths = Array.from({ length: 10_000 }, (_, i) => `data/d${i % 97}/f${i}.json`);
    paths.push("123", "7", 'quote"and\\back', "line\nbreak", "日本/データ.json");
    paths.forEach((p, i) => {
      c.record(p, stat(i), sha(i), i % 3 === 0);
      c.recordBlob(sha(i + 1).slice(24), sha(i), 100 + i);
    });
    await c.save();
    for (const f of [file, file.replace(/\.json$/, ".blobs.json")]) {
      const text = fs.readFileSync(f, "utf8");
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
    }
    const files = JSON.parse(fs.readFileSync(file, "utf8")) as { files: Record<string, unknown> };
    expect(Object.keys(files.files)).toHaveLength(paths.length);
    expect(Object.keys(files.files).slice(0, 2)).toEqual(["7", "123"]); // JSON's own key order
    const again = StatCache.load(file);
    paths.forEach((p, i) => expect(again.lookup(p, stat(i))).toEqual({ sha256: sha(i), size: 100 + i, executable: i % 3 === 0 }));
    expect(again.blob(sha(5).slice(24))).toEqual({ sha256: sha(4), size: 104, executable: false });
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
