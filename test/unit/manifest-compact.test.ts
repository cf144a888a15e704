/**
 * The packed manifest entries (core/manifest/compact.ts ManifestIndex): every entry comes back
 * exactly as given (path, digest, size, link, mode), in manifest order, and is found by its path
 * and only by it, whatever the path holds (unicode, newlines, lone surrogates, long names).
 */
import { describe, expect, it } from "vitest";
import { ManifestIndex, ManifestIndexBuilder } from "../../src/core/manifest/compact.js";
import { comparePaths, type ManifestEntry } from "../../src/core/manifest/model.js";

const hex = (i: number) => i.toString(16).padStart(2, "0").repeat(32);

function entries(paths: string[]): ManifestEntry[] {
  return paths.map((p, i) => ({ path: p, sha256: hex(i % 256), size: i * 1000 + 7 }));
}

describe("ManifestIndex", () => {
  it("holds nothing when empty", () => {
    const ix = ManifestIndex.build([]);
    expect(ix.size).toBe(0);
    expect(ix.indexOf("a")).toBe(-1);
    expect(ix.indexOf("")).toBe(-1);
    expect([...ix.entries()]).toEqual([]);
    expect(ManifestIndex.build([[], []]).size).toBe(0);
  });

  it("finds a single entry and nothing else", () => {
    const e: ManifestEntry = { path: "data/only.json", sha256: hex(9), size: 0 };
    const ix = ManifestIndex.build([[e]]);
    expect(ix.size).toBe(1);
    expect(ix.indexOf("data/only.json")).toBe(0);
    expect(ix.indexOf("data/only.jso")).toBe(-1);
    expect(ix.indexOf("data/only.json ")).toBe(-1);
    expect(ix.entry(0)).toEqual(e);
  });

  it("gives back every field as given: links, modes, big sizes", () => {
    const given: ManifestEntry[] = [
      { path: "bin/run.sh", sha256: hex(1), size: 12, mode: "755" },
      { path: "link", sha256: hex(2), size: 6, link: "target/with/a/long/name.json" },
      { path: "z/huge.bin", sha256: hex(3), size: 2 ** 53 - 1 },
    ];
    const ix = ManifestIndex.build([given]);
    expect([...ix.entries()]).toEqual(given);
    expect(ix.link(1)).toBe("target/with/a/long/name.json");
    expect(ix.link(0)).toBeUndefined();
    expect(ix.sha256(2)).toBe(hex(3));
    expect(ix.fileSize(2)).toBe(2 ** 53 - 1);
  });

  it("keeps manifest order across groups given in any order", () => {
    const paths = ["b/2", "a/1", "é/x", "a/10", "A/0", "a/1/\n", "z", "日本/データ.json", "a/😀"];
    const all = entries(paths);
    // Split over three groups, as shards would be, each in its own order.
    const ix = ManifestIndex.build([all.slice(0, 3), all.slice(3, 7), all.slice(7)]);
    const sorted = [...all].sort((x, y) => comparePaths(x.path, y.path));
    expect([...ix.entries()]).toEqual(sorted);
    sorted.forEach((e, i) => expect(ix.indexOf(e.path)).toBe(i));
  });

  it("looks up hostile paths exactly: newlines, backslashes, unicode, lone surrogates", () => {
    const paths = [
      "data/line\nbreak.json",
      "data/line\rbreak.json",
      "data/back\\slash.json",
      "data/tab\there.json",
      "data/caf\u00e9.json",
      "data/cafe\u0301.json", // the same name decomposed: a different path
      "data/\ud800-lone-surrogate-long-name.json",
      "data/" + "x".repeat(5000),
      "a",
    ];
    const ix = ManifestIndex.build([entries(paths)]);
    for (const p of paths) {
      const i = ix.indexOf(p);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(ix.path(i)).toBe(p);
    }
    expect(ix.indexOf("data/line break.json")).toBe(-1);
    expect(ix.indexOf("data/line\\nbreak.json")).toBe(-1);
    expect(ix.indexOf("data/\ufffd-lone-surrogate-long-name.json")).toBe(-1);
    expect(ix.indexOf("data/" + "x".repeat(4999))).toBe(-1);
  });

  it("finds every path of a big index, and no near miss", () => {
    const paths = Array.from({ length: 20_000 }, (_, i) => `data/d${Math.floor(i / 100)}/f${i}.json`);
    const ix = ManifestIndex.build([entries(paths)]);
    expect(ix.size).toBe(20_000);
    for (let i = 0; i < paths.length; i += 7) {
      const k = ix.indexOf(paths[i]!);
      expect(ix.path(k)).toBe(paths[i]);
      expect(ix.sha256(k)).toBe(hex(i % 256));
      expect(ix.fileSize(k)).toBe(i * 1000 + 7);
    }
    expect(ix.indexOf("data/d0/f100.json")).toBe(-1); // f100 sits in d1
    expect(ix.indexOf("data/d199/f20000.json")).toBe(-1);
  });
});

describe("ManifestIndex.fromParts (a reseal's entries, out of order)", () => {
  /** n entries in manifest order, as a reseal adds them: the vouched ones in walk order, the hashed ones after. */
  function resealParts(n: number, late: number[]) {
    const all = Array.from({ length: n }, (_, i) => `data/d${Math.floor(i / 10)}/f${i}.json`).sort(comparePaths);
    const order = [...all.filter((_, i) => !late.includes(i)), ...late.map((i) => all[i]!)];
    const at = new Map(all.map((p, i) => [p, i]));
    const digests = Buffer.alloc(n * 32 + 64); // room to spare, as the builder's doubling leaves
    order.forEach((p, k) => digests.write(hex(at.get(p)! % 256), k * 32, 32, "hex"));
    const links = new Map<number, string>();
    order.forEach((p, k) => {
      if (at.get(p)! % 7 === 0) links.set(k, `target-${at.get(p)!}`);
    });
    return {
      all,
      paths: order,
      digests,
      sizes: order.map((p) => at.get(p)! * 3),
      flags: order.map((p) => (at.get(p)! % 5 === 0 ? 1 : 0) | (at.get(p)! % 7 === 0 ? 2 : 0)),
      links,
    };
  }

  it("sorts every field with its entry (cycles of any length, links by their new index)", () => {
    const parts = resealParts(200, [3, 77, 150, 199, 0]);
    const ix = ManifestIndex.fromParts(parts.paths, parts.digests, parts.sizes, parts.flags, parts.links);
    expect(ix.size).toBe(200);
    parts.all.forEach((p, i) => {
      expect(ix.path(i)).toBe(p);
      expect(ix.sha256(i)).toBe(hex(i % 256));
      expect(ix.fileSize(i)).toBe(i * 3);
      expect(ix.executable(i)).toBe(i % 5 === 0);
      expect(ix.link(i)).toBe(i % 7 === 0 ? `target-${i}` : undefined);
      expect(ix.indexOf(p)).toBe(i);
    });
  });

  it("sorts in place: the index holds the builder's own digest bytes, not a second copy (issue 20)", () => {
    // At 500,000 entries a sorted copy was 16 MB of digests and two arrays of 500,000 slots,
    // allocated at the peak of a reseal. The index views the buffer it was given: a byte
    // written there after the build shows through it.
    const parts = resealParts(50, [10, 20]);
    const ix = ManifestIndex.fromParts(parts.paths, parts.digests, parts.sizes, parts.flags, parts.links);
    expect(parts.paths).toEqual(parts.all); // the given list itself, sorted
    parts.digests.fill(0xab, 5 * 32, 6 * 32);
    expect(ix.sha256(5)).toBe("ab".repeat(32));
  });
});

describe("an index built unordered (verify's read of a sharded manifest, issue 20)", () => {
  // Shard by shard, as a sharded manifest is read: each group sorted, the whole not.
  const groups = [
    ["b/2.json", "d/1.json", "f"],
    ["a", "c/x.json", "e/é.json"],
    ["a.json", "b/10.json", "z"],
  ];
  const sorted = groups.flat().sort(comparePaths);
  const built = (ordered: boolean) => {
    const b = new ManifestIndexBuilder();
    groups.flat().forEach((p, i) => b.add({ path: p, sha256: hex(i), size: i, ...(i === 4 ? { mode: "755" as const } : {}) }));
    return b.finish({ ordered });
  };

  it("keeps entries where they were added, each found by its path with every field", () => {
    const ix = built(false);
    expect(ix.ordered).toBe(false);
    groups.flat().forEach((p, i) => {
      expect(ix.path(i)).toBe(p);
      expect(ix.indexOf(p)).toBe(i);
      expect(ix.entry(i)).toEqual({ path: p, sha256: hex(i), size: i, ...(i === 4 ? { mode: "755" } : {}) });
    });
    expect(ix.indexOf("b/1.json")).toBe(-1);
  });

  it("still gives manifest order: entries, inOrder (only the entries asked for) and each entry's position", () => {
    const ix = built(false);
    const ordered = built(true);
    expect(ordered.ordered).toBe(true);
    expect([...ix.entries()]).toEqual([...ordered.entries()]);
    expect([...ix.entries()].map((e) => e.path)).toEqual(sorted);
    const some = (i: number) => ix.path(i).includes("/");
    expect(ix.inOrder(some).map((i) => ix.path(i))).toEqual(sorted.filter((p) => p.includes("/")));
    expect(ix.inOrder(() => false)).toEqual([]);
    for (let i = 0; i < ix.size; i++) expect(ix.position(i)).toBe(sorted.indexOf(ix.path(i)));
    for (let i = 0; i < ordered.size; i++) expect(ordered.position(i)).toBe(i);
  });

  it("is ordered when what was added was sorted already", () => {
    const b = new ManifestIndexBuilder();
    sorted.forEach((p, i) => b.add({ path: p, sha256: hex(i), size: i }));
    const ix = b.finish({ ordered: false });
    expect(ix.ordered).toBe(true);
    expect(ix.inOrder()).toEqual(sorted.map((_, i) => i));
  });
});
