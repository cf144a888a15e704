/**
 * The packed clean tracked files (io/hash/tracked.ts TrackedIndex): exactly the "H" entries at
 * stage 0 of regular files that diff-files did not name, found by their path and only by it
 * (unicode, names that are not UTF-8, long names, SHA-256 ids), with their blob id and
 * executable bit; and only the blob ids of files looked up count as seen.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeName } from "../../src/core/names.js";
import { TrackedIndex } from "../../src/io/hash/tracked.js";

const oid = (i: number, len = 40) => i.toString(16).padStart(len, "0");
const rec = (tag: string, mode: string, id: string, stage: number, path: Buffer | string) =>
  Buffer.concat([Buffer.from(`${tag} ${mode} ${id} ${stage}\t`), Buffer.isBuffer(path) ? path : Buffer.from(path), Buffer.from([0])]);

describe("TrackedIndex", () => {
  it("keeps only clean normal stage-0 regular files", () => {
    const listing = Buffer.concat([
      rec("H", "100644", oid(1), 0, "data/a.json"),
      rec("H", "100755", oid(2), 0, "data/run.sh"),
      rec("h", "100644", oid(3), 0, "data/assumed.json"), // assume-unchanged: git does not look
      rec("S", "100644", oid(4), 0, "data/skip.json"), // skip-worktree
      rec("H", "120000", oid(5), 0, "data/link"),
      rec("H", "160000", oid(6), 0, "vendor/sub"),
      rec("M", "100644", oid(7), 1, "data/conflict.json"),
      rec("M", "100644", oid(8), 2, "data/conflict.json"),
      rec("H", "100644", oid(9), 0, "data/dirty.json"),
      rec("H", "100644", oid(10), 0, "data/é.json"),
    ]);
    const t = TrackedIndex.fromListing(listing, ["data/dirty.json", "data/not-listed.json"]);
    expect(t.size).toBe(3);
    expect(t.oidLength).toBe(40);
    expect(t.get("data/a.json")).toEqual({ oid: oid(1), executable: false });
    expect(t.get("data/run.sh")).toEqual({ oid: oid(2), executable: true });
    expect(t.get("data/é.json")).toEqual({ oid: oid(10), executable: false });
    for (const p of ["data/assumed.json", "data/skip.json", "data/link", "vendor/sub", "data/conflict.json", "data/dirty.json"])
      expect(t.get(p), p).toBeUndefined();
    for (const p of ["", "data", "data/a.jso", "data/a.json/", "data/a.jsonx", "Data/a.json", "data/e\u0301.json"])
      expect(t.has(p), p).toBe(false);
  });

  it("finds names that are not UTF-8 by their decoded form, and SHA-256 ids", () => {
    const raw = Buffer.from([0x64, 0x2f, 0xff, 0xfe, 0x2e, 0x6a]); // "d/\xff\xfe.j"
    const long = "x/".repeat(300) + "deep.json";
    const listing = Buffer.concat([rec("H", "100644", oid(1, 64), 0, raw), rec("H", "100755", oid(2, 64), 0, long)]);
    const t = TrackedIndex.fromListing(listing, []);
    expect(t.oidLength).toBe(64);
    expect(t.get(decodeName(raw))).toEqual({ oid: oid(1, 64), executable: false });
    expect(t.get(long)).toEqual({ oid: oid(2, 64), executable: true });
    expect(t.has(raw.toString("utf8"))).toBe(false); // the lossy decoding names another file
    // A dirty name that is not UTF-8 is left out like any other.
    expect(TrackedIndex.fromListing(listing, [decodeName(raw)]).has(decodeName(raw))).toBe(false);
  });

  it("finds each of many paths, and counts as seen only the blob ids of files looked up", () => {
    const n = 5000;
    const listing = Buffer.concat(Array.from({ length: n }, (_, i) => rec("H", "100644", oid(i % 1000), 0, `d${i % 37}/f${i}.json`)));
    const t = TrackedIndex.fromListing(listing, []);
    expect(t.size).toBe(n);
    for (let i = 0; i < n; i += 7) expect(t.get(`d${i % 37}/f${i}.json`)?.oid).toBe(oid(i % 1000));
    expect(t.has(`d0/f${n}.json`)).toBe(false);
    for (let k = 0; k < 1000; k++) {
      // Blob k is held by files k, k+1000, ...: seen when one of those with i % 7 == 0 was looked up.
      const seen = Array.from({ length: n / 1000 }, (_, j) => k + j * 1000).some((i) => i % 7 === 0);
      expect(t.seenOid(oid(k)), String(k)).toBe(seen);
    }
    expect(t.seenOid(oid(1000))).toBe(false);
    expect(t.seenOid("zz")).toBe(false);
  });

  it("holds nothing for an empty listing", () => {
    const t = TrackedIndex.fromListing(Buffer.alloc(0), ["a"]);
    expect(t.size).toBe(0);
    expect(t.get("a")).toBeUndefined();
    expect(t.seenOid(oid(1))).toBe(false);
  });

  it("gives the same ids by record number once the paths are dropped (ids), and the same seen blobs", () => {
    const n = 3000;
    for (const len of [40, 64]) {
      // Ids with every hex digit, executable every fifth file, blob ids shared by several files.
      const id = (i: number) =>
        crypto
          .createHash(len === 40 ? "sha1" : "sha256")
          .update(String(i % 700))
          .digest("hex");
      const listing = Buffer.concat(
        Array.from({ length: n }, (_, i) => rec("H", i % 5 === 0 ? "100755" : "100644", id(i), 0, `d${i % 13}/f${i}-é.json`)),
      );
      const t = TrackedIndex.fromListing(listing, []);
      const records: number[] = [];
      for (let i = 0; i < n; i += 3) records.push(t.recordOf(`d${i % 13}/f${i}-é.json`));
      expect(t.recordOf("d0/none.json")).toBe(-1);
      const ids = t.ids();
      expect(ids.size).toBe(t.size);
      expect(ids.oidLength).toBe(len);
      records.forEach((k, j) => {
        const i = j * 3;
        expect(ids.at(k), String(i)).toEqual({ oid: id(i), executable: i % 5 === 0 });
        expect(ids.at(k)).toEqual(t.file(k));
      });
      for (let b = 0; b < 700; b++) expect(ids.seenOid(id(b)), String(b)).toBe(t.seenOid(id(b)));
      expect(ids.seenOid(id(1).toUpperCase())).toBe(false);
      expect(ids.seenOid("zz".repeat(len / 2))).toBe(false);
      expect(ids.seenOid(id(1).slice(1))).toBe(false);
    }
    const none = TrackedIndex.fromListing(Buffer.alloc(0), []).ids();
    expect(none.size).toBe(0);
    expect(none.seenOid(oid(1))).toBe(false);
  });
});
