import { describe, expect, it } from "vitest";
import { batchRanges } from "../../src/core/snapshot/batch.js";
import { serializeSnapshotManifest, type SnapshotFileEntry } from "../../src/core/snapshot/manifest.js";
import { ManifestWriter, manifestEntryText, manifestOrder } from "../../src/core/snapshot/manifest-stream.js";
import { buildTrees, TreeStream } from "../../src/io/snapshot/trees.js";

const entry = (i: number): SnapshotFileEntry => ({
  sha256: i.toString(16).padStart(64, "0"),
  size: i * 7,
  mode: i % 3 ? "100644" : "100755",
});

describe("batchRanges", () => {
  it("covers every item once, in order, each batch within the byte and count limits", () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 500);
    const ranges = [...batchRanges(sizes, { maxBytes: 2000, maxItems: 9 })];
    let next = 0;
    for (const [start, end] of ranges) {
      expect(start).toBe(next);
      expect(end).toBeGreaterThan(start);
      expect(end - start).toBeLessThanOrEqual(9);
      const bytes = sizes.slice(start, end).reduce((a, b) => a + b, 0);
      expect(bytes).toBeLessThanOrEqual(2000);
      // A batch is closed only when the next item would break a limit.
      if (end < sizes.length) expect(bytes + sizes[end]! > 2000 || end - start === 9).toBe(true);
      next = end;
    }
    expect(next).toBe(sizes.length);
  });

  it("puts an item bigger than the byte limit in a batch of its own, and gives nothing for nothing", () => {
    expect([...batchRanges([10, 5000, 10, 10], { maxBytes: 100, maxItems: 100 })]).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
    expect([...batchRanges([], { maxBytes: 100, maxItems: 100 })]).toEqual([]);
  });
});

describe("ManifestWriter", () => {
  const cases: [string, string[], string[]][] = [
    ["empty", [], []],
    ["plain", ["data/"], ["data/b.json", "data/a.json", "data/sub/c.json", "data/a-b.json"]],
    ["index-like names first, by number", ["10", "2", "x"], ["x/y", "10", "2", "0", "01", "4294967295", "4294967294", "-1"]],
    ["quotes, unicode, control characters", ['q"/'], ['q"/a\\b', 'q"/é', 'q"/\u{1F600}', 'q"/\uE000', 'q"/line\nbreak', 'q"/tab\t']],
  ];
  it.each(cases)("writes the bytes serializeSnapshotManifest writes (%s)", (_name, paths, files) => {
    const all = Object.fromEntries(files.map((f, i) => [f, entry(i + 1)]));
    const expected = serializeSnapshotManifest({ version: 1, set: "s", paths, files: all });
    for (const chunkBytes of [1, 64, 1 << 20]) {
      const chunks: string[] = [];
      const w = new ManifestWriter("s", paths, (c) => chunks.push(String(c)), chunkBytes);
      for (const f of manifestOrder(files)) w.add(f, all[f]!);
      w.end();
      expect(chunks.join("")).toBe(expected);
      if (chunkBytes === 1) expect(chunks.length).toBeGreaterThan(files.length);
    }
  });

  it.each(cases)("writes the same bytes when runs of files are given as the bytes of their text (%s)", (_name, paths, files) => {
    const all = Object.fromEntries(files.map((f, i) => [f, entry(i + 1)]));
    const expected = serializeSnapshotManifest({ version: 1, set: "s", paths, files: all });
    const ordered = manifestOrder(files);
    // Runs of 2 as bytes (a run taken whole from the stat cache), the others one by one.
    const chunks: Buffer[] = [];
    const w = new ManifestWriter("s", paths, (c) => chunks.push(typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c)), 16);
    for (let i = 0; i < ordered.length; i += 3) {
      const run = ordered.slice(i, i + 2);
      w.addBytes(Buffer.from(run.map((f) => manifestEntryText(f, all[f]!)).join(",\n"), "utf8"), run.length);
      if (ordered[i + 2] !== undefined) w.add(ordered[i + 2]!, all[ordered[i + 2]!]!);
    }
    w.end();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
  });

  const excluded: [string, { ignored?: true; secrets?: string[] }][] = [
    ["ignored files left out", { ignored: true }],
    ["secret names left out", { secrets: ["config/.env", 'q"/id_rsa'] }],
    ["both", { ignored: true, secrets: ["a.pem"] }],
  ];
  it.each(excluded)("writes the `excludes` key as serializeSnapshotManifest does (%s)", (_name, excludes) => {
    const files = ["data/b.json", "data/a.json"];
    const all = Object.fromEntries(files.map((f, i) => [f, entry(i + 1)]));
    const expected = serializeSnapshotManifest({ version: 1, set: "s", paths: ["data/"], excludes, files: all });
    const chunks: string[] = [];
    const w = new ManifestWriter("s", ["data/"], (c) => chunks.push(String(c)), 64, excludes);
    for (const f of manifestOrder(files)) w.add(f, all[f]!);
    w.end();
    expect(chunks.join("")).toBe(expected);
    expect(expected).toContain('"excludes"');
  });
});

describe("TreeStream", () => {
  it("gives the root tree buildTrees gives, tree by tree, whatever the names", () => {
    const names = ["a", "a-b", "a.b", "a/b", "a/b/c", "a0", "b", "é", "\u{1F600}", "\uE000", "sp ace", "z/y/x/w"];
    const files = new Set<string>();
    for (const n of names) for (const m of ["f", "g.json", "\uE001"]) files.add(`${n}/${m}`);
    files.add("top.json");
    files.add("7");
    const order = manifestOrder([...files]);
    const entries = order.map((p, i) => ({ path: p, mode: i % 2 ? "100644" : "100755", oid: (i + 1).toString(16).padStart(40, "0") }));
    const expected = buildTrees(entries);
    const trees = new Map<string, Buffer>();
    const stream = new TreeStream((oid, data) => trees.set(oid, data));
    for (const e of entries) stream.add(e.path, e.mode, e.oid);
    expect(stream.end()).toBe(expected.root);
    expect(new Set([...trees.values()].map((b) => b.toString("hex")))).toEqual(new Set(expected.trees.map((b) => b.toString("hex"))));
  });
});
