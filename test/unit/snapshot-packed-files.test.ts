/**
 * Issue 20 (restore at 500,000 files): a restore packs the snapshot manifest, read from its bytes
 * without a JSON.parse of the whole text when `snapshot` wrote it. Whatever the text, the packed
 * manifest must hold what parseSnapshotManifest reads: the same header, the same entries in the
 * same order, and the same reason for a manifest that is not valid.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  parseSnapshotManifest,
  serializeSnapshotManifest,
  type SnapshotFileEntry,
  type SnapshotManifest,
} from "../../src/core/snapshot/manifest.js";
import { parsePackedManifest, type PackedSnapshotManifest } from "../../src/core/snapshot/packed-files.js";

const sha = (n: number) => n.toString(16).padStart(64, "0");
const entry = (n: number, mode: SnapshotFileEntry["mode"] = "100644"): SnapshotFileEntry => ({ sha256: sha(n), size: n * 3, mode });

/** The packed manifest as parseSnapshotManifest's shape (entries in the packed order). */
function unpack(m: PackedSnapshotManifest): SnapshotManifest {
  const files: Record<string, SnapshotFileEntry> = {};
  for (let i = 0; i < m.files.count; i++) files[m.files.path(i)] = m.files.entry(i);
  return { ...m, files };
}

function expectSame(text: string): void {
  const want = parseSnapshotManifest(text);
  const got = parsePackedManifest(Buffer.from(text));
  if (typeof want === "string") {
    expect(got).toBe(want);
    return;
  }
  expect(typeof got).toBe("object");
  const packed = got as PackedSnapshotManifest;
  const plain = unpack(packed);
  expect(plain).toEqual(want);
  expect(Object.keys(plain.files)).toEqual(Object.keys(want.files));
  // Lookups by path agree, and the sorted order is the order a sort of the paths gives.
  for (const p of Object.keys(want.files)) expect(packed.files.get(p)).toEqual(want.files[p]);
  expect(packed.files.get("not/there")).toBeUndefined();
  const sorted = Array.from({ length: packed.files.count }, (_, k) => packed.files.path(packed.files.sorted(k)));
  expect(sorted).toEqual(Object.keys(want.files).sort());
}

const base: SnapshotManifest = {
  version: 1,
  set: "s",
  paths: ["data/", "cfg.json"],
  files: {
    "data/a.json": entry(1),
    "data/b c.json": entry(2, "100755"),
    'data/q"uote\\back.json': entry(3),
    "data/tab\there.json": entry(4),
    "data/é/ünï.json": entry(5),
    "data/😀.json": entry(6),
    "data/\uE000.json": entry(7),
    "cfg.json": entry(8),
    "data/zero.json": { sha256: sha(9), size: 0, mode: "100644" },
    "data/big.bin": { sha256: sha(10), size: 2 ** 40, mode: "100644" },
  },
};

describe("packed snapshot manifest", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads what snapshot writes from its bytes: no JSON.parse of the whole text", () => {
    const text = serializeSnapshotManifest(base);
    const parse = vi.spyOn(JSON, "parse");
    const got = parsePackedManifest(Buffer.from(text));
    const sizes = parse.mock.calls.map(([s]) => String(s).length);
    parse.mockRestore();
    expect(typeof got).toBe("object");
    expect(Math.max(...sizes)).toBeLessThan(text.length / 2);
    expectSame(text);
  });

  it.each([
    ["an empty set", { ...base, files: {} }],
    [
      "excludes and encryption",
      {
        ...base,
        excludes: { ignored: true as const, secrets: ["*.key"] },
        encryption: { format: "age" as const, recipients: "sha256:" + sha(1) },
      },
    ],
    // JSON.parse lists array-index keys first: the general parser keeps that order.
    ["array-index names", { ...base, files: { ...base.files, "12": entry(11), "7": entry(12), "4294967295": entry(13) } }],
    ["a __proto__ name", { ...base, files: { ...base.files, "data/__proto__": entry(14) } }],
  ])("%s: the same manifest as the general parser", (_name, m) => {
    expectSame(serializeSnapshotManifest(m as SnapshotManifest));
  });

  it("any other layout of valid JSON: the same manifest as the general parser", () => {
    const text = serializeSnapshotManifest(base);
    expectSame(JSON.stringify(JSON.parse(text))); // no indentation
    expectSame(JSON.stringify(JSON.parse(text), null, 2));
    // Unsorted, a key repeated (the last one wins), keys of an entry in another order.
    expectSame(
      '{\n "version": 1,\n "set": "s",\n "paths": [\n  "d/"\n ],\n "files": {\n  "d/b": {\n   "sha256": "' +
        sha(1) +
        '",\n   "size": 1,\n   "mode": "100644"\n  },\n  "d/a": {\n   "size": 2,\n   "sha256": "' +
        sha(2) +
        '",\n   "mode": "100644"\n  },\n  "d/b": {\n   "sha256": "' +
        sha(3) +
        '",\n   "size": 3,\n   "mode": "100755"\n  }\n }\n}\n',
    );
    // A "files" key earlier in the text and the serializer's layout after it.
    const again = text.replace('"set": "s",', '"files": {"x": 1},\n "set": "s",');
    expectSame(again);
    // Trailing text after the serializer's end is not the serializer's layout.
    expectSame(text + " ");
    expectSame(text.replace(/\n$/, ""));
  });

  it("a manifest that is not valid: the general parser's reason, word for word", () => {
    const text = serializeSnapshotManifest(base);
    expectSame(text.replace(sha(1), sha(1).toUpperCase()));
    expectSame(text.replace(sha(2), sha(2).slice(1)));
    expectSame(text.replace('"size": 3,', '"size": -3,'));
    expectSame(text.replace('"size": 3,', '"size": 03,'));
    expectSame(text.replace('"size": 3,', '"size": 1e3,'));
    expectSame(text.replace('"size": 3,', '"size": 12345678901234567890,'));
    expectSame(text.replace('"mode": "100755"', '"mode": "100777"'));
    expectSame(text.replace('"mode": "100755"', '"mode": "120000"'));
    expectSame(text.replace('"version": 1', '"version": 2'));
    expectSame(text.slice(0, text.length - 10));
    expectSame(text.replace('"data/a.json"', '"data/a\u0001.json"'));
    expectSame(text.replace('"data/a.json"', '"data/a\\x.json"'));
  });
});
