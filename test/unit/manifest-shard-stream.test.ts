/**
 * Seal's packed entries (issue 20): ManifestIndexBuilder packs each digest as it comes, and
 * shardTexts builds the shards one at a time. Both must give exactly what the whole-array code
 * gives (buildManifest + buildSharded): the same order, texts, records and root, links and
 * executable bits included, whatever order the entries arrive in.
 */
import { describe, expect, it } from "vitest";
import { ManifestIndexBuilder } from "../../src/core/manifest/compact.js";
import type { ManifestEntry } from "../../src/core/manifest/model.js";
import { buildManifest } from "../../src/core/manifest/serialize.js";
import { buildSharded, shardTexts, shardedRootOf } from "../../src/core/manifest/sharded.js";

function entries(n: number): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  for (let i = 0; i < n; i++) {
    const e: ManifestEntry = {
      path: `d${i % 7}/f${(i * 7919) % n}-${i}.json`,
      sha256: ((i * 2654435761) >>> 0).toString(16).padStart(64, "0"),
      size: i,
    };
    if (i % 11 === 0) e.mode = "755";
    if (i % 13 === 0) e.link = `../target-${i}`;
    out.push(e);
  }
  out.push({ path: 'quote"é/\u{1F600}.json', sha256: "f".repeat(64), size: 3 });
  return out;
}

describe("packed entries, shard by shard", () => {
  for (const count of [2, 8, 64]) {
    it(`gives buildSharded's texts, records and root with ${count} shards, entries added out of order`, () => {
      const all = entries(500);
      const b = new ManifestIndexBuilder();
      for (const e of [...all].reverse()) b.add({ ...e });
      const index = b.finish();
      const sorted = buildManifest(all).entries;
      expect([...index.entries()]).toEqual(sorted);
      const expected = buildSharded(sorted, count);
      const records = [];
      const files = new Map<string, string>();
      for (const s of shardTexts(index, count)) {
        records.push(s.record);
        if (s.text !== "") files.set(s.rel, s.text);
        else expect(expected.files.has(s.rel)).toBe(false);
      }
      expect(files).toEqual(expected.files);
      const root = shardedRootOf(records);
      expect(root.rootText).toBe(expected.rootText);
      expect(root.root).toEqual(expected.root);
    });
  }

  it("gives empty shards a record and no text", () => {
    const b = new ManifestIndexBuilder();
    b.add({ path: "only.json", sha256: "a".repeat(64), size: 1 });
    const shards = [...shardTexts(b.finish(), 4)];
    expect(shards.filter((s) => s.text === "")).toHaveLength(3);
    expect(shards.every((s) => s.record.count === (s.text === "" ? 0 : 1))).toBe(true);
  });
});
