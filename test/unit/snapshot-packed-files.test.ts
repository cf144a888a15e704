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
import { CanonicalScan, parsePackedManifest, type PackedSnapshotManifest } from "../../src/core/snapshot/packed-files.js";

const sha = (n: number) => n.toString(16).padStart(64, "0");
const entry = (n: number, mode: SnapshotFileEntry["mode"] = "100644"): SnapshotFileEntry => ({ sha256: sha(n), size: n * 3, mode });

/** The packed manifest as parseSnapshotManifest's shape (entries in the packed order). */
function unpack(m: PackedSnapshotManifest): SnapshotManifest {
  const files: Record<string, SnapshotFileEntry> = {};
  for (let i = 0; i < m.files.count; i++) files[m.files.path(i)] = m.files.entry(i);
  return { ...m, files };
}

/** The scan fed `bytes` in pieces of `size` bytes (the last one shorter): what git's pipe gives. */
function scanInChunks(bytes: Buffer, size: number): PackedSnapshotManifest | undefined {
  const scan = new CanonicalScan();
  for (let at = 0; at < bytes.length; at += size) scan.push(bytes.subarray(at, at + size));
  return scan.finish();
}

function expectSame(text: string): void {
  const want = parseSnapshotManifest(text);
  const got = parsePackedManifest(Buffer.from(text));
  // Fed in chunks cut anywhere (in a path, a digest, a key, the end), the scan reads what it
  // reads in one piece: the same manifest, or nothing (then the general parser reads the text).
  const whole = (() => {
    const scan = new CanonicalScan(text.length);
    scan.push(Buffer.from(text));
    return scan.finish();
  })();
  for (const size of [1, 2, 3, 5, 7, 13, 64, 1000]) {
    const chunked = scanInChunks(Buffer.from(text), size);
    expect(chunked === undefined, `chunks of ${size}`).toBe(whole === undefined);
    if (chunked && whole) expect(unpack(chunked), `chunks of ${size}`).toEqual(unpack(whole));
  }
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

  it("what snapshot writes is read by the scan in any chunking; a comma or a byte past the end is not", () => {
    for (const m of [base, { ...base, files: {} }, { ...base, files: { "one.json": entry(1) } }]) {
      const text = serializeSnapshotManifest(m);
      for (const size of [1, 2, 3, 4, 6, 7, 64]) expect(scanInChunks(Buffer.from(text), size), `chunks of ${size}`).toBeDefined();
    }
    const text = serializeSnapshotManifest(base);
    for (const bad of [
      text.replace(/\n \}\n\}\n$/, ",\n }\n}\n"), // a comma after the last entry
      text.replace(/\n$/, "\n\n"),
      text + "{",
      serializeSnapshotManifest({ ...base, files: {} }).replace(/\n$/, " \n"),
    ]) {
      expectSame(bad);
      for (const size of [1, 3, 64]) expect(scanInChunks(Buffer.from(bad), size), `chunks of ${size}`).toBeUndefined();
    }
  });

  it("a larger manifest fed as a pipe gives it: one entry at most is carried between chunks", () => {
    const files: Record<string, SnapshotFileEntry> = {};
    for (let i = 0; i < 3000; i++) files[`data/d${Math.floor(i / 100)}/f${i}.json`] = entry(i + 1, i % 7 === 0 ? "100755" : "100644");
    const text = serializeSnapshotManifest({ ...base, files });
    expect(text.length).toBeGreaterThan(4 * 65536);
    const scan = new CanonicalScan(); // no size hint: the arrays grow
    let carried = 0;
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; at += 65536) {
      scan.push(bytes.subarray(at, at + 65536));
      carried = Math.max(carried, scan.carried);
    }
    expect(carried).toBeGreaterThan(0);
    expect(carried).toBeLessThan(200); // one entry here is about 130 bytes
    expect(unpack(scan.finish()!)).toEqual(parseSnapshotManifest(text));
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
