/**
 * Shard lines read without JSON.parse (core/manifest/sharded.ts canonicalEntry): a line exactly
 * as seal writes it gives the same entry as JSON.parse, anything else takes the full checks and
 * gets the same findings as before (noncanonical, corrupt, unsafe path).
 */
import { describe, expect, it } from "vitest";
import { UnsafePathError } from "../../src/errors.js";
import type { ManifestEntry } from "../../src/core/manifest/model.js";
import { rootDigestOfLines, stringifyEntry } from "../../src/core/manifest/root.js";
import { canonicalEntry, readShard, type ShardRecord } from "../../src/core/manifest/sharded.js";

const H = "ab".repeat(32);
const FILE = ".integrity-guard/manifest.d/0.jsonl";

/** A shard of one shard (count 1: every path belongs), its record digest over the canonical lines. */
function shardOf(entries: ManifestEntry[], text?: string): { text: string; record: ShardRecord } {
  const lines = entries.map(stringifyEntry);
  return { text: text ?? lines.join("\n") + "\n", record: { count: entries.length, id: "0", sha256: rootDigestOfLines(lines) } };
}

describe("canonical shard lines", () => {
  it("reads a line as seal writes it like JSON.parse does, executable or not", () => {
    for (const e of [
      { path: "data/a-b_c.1.json", sha256: H, size: 0 },
      { path: "x", sha256: H, size: 999_999_999_999_999 },
      { path: "bin/run.sh", sha256: H, size: 12, mode: "755" },
    ] as ManifestEntry[]) {
      const line = stringifyEntry(e);
      expect(canonicalEntry(line)).toEqual(JSON.parse(line));
    }
  });

  it("leaves every other line to JSON.parse and the full checks", () => {
    const other = [
      stringifyEntry({ path: "l", sha256: H, size: 1, link: "target" }), // a symlink
      stringifyEntry({ path: "data/é.json", sha256: H, size: 1 }), // a name JSON may escape
      stringifyEntry({ path: 'a"b', sha256: H, size: 1 }),
      `{"path":"a","sha256":"${H}","size":01}`, // leading zero: not JSON
      `{"path":"a","sha256":"${H}","size":1234567890123456}`, // 16 digits: may not round-trip
      `{"path": "a","sha256":"${H}","size":1}`, // reformatted
      `{"path":"a","sha256":"${H.toUpperCase()}","size":1}`,
      `{"path":"a","sha256":"${H}","size":1,"extra":1}`,
      `{"mode":"644","path":"a","sha256":"${H}","size":1}`,
    ];
    for (const line of other) expect(canonicalEntry(line), line).toBeUndefined();
  });

  it("a shard of canonical lines reads clean; one flipped digest character is corrupt", () => {
    const entries: ManifestEntry[] = [
      { path: "data/a.json", sha256: H, size: 3 },
      { path: "data/b.json", sha256: H, size: 4, mode: "755" },
      { path: "data/c", sha256: H, size: 6, link: "a.json" },
    ];
    const { text, record } = shardOf(entries);
    const ok = readShard(text, FILE, record, 0, 1);
    expect(ok.findings).toEqual([]);
    expect(ok.entries).toEqual(
      text
        .slice(0, -1)
        .split("\n")
        .map((l) => JSON.parse(l) as ManifestEntry),
    );
    const bad = readShard(text, FILE, { ...record, sha256: record.sha256.replace(/^./, (c) => (c === "0" ? "1" : "0")) }, 0, 1);
    expect(bad.findings.map((f) => f.rule)).toEqual(["manifest/corrupt"]);
    expect(bad.findings[0]!.message).toMatch(/digest does not match/);
  });

  it("a reformatted line is read, its digest taken over the canonical form, and reported noncanonical", () => {
    const e: ManifestEntry = { path: "data/a.json", sha256: H, size: 3 };
    const { record } = shardOf([e]);
    const r = readShard(`{"path": "data/a.json", "sha256": "${H}", "size": 3}\n`, FILE, record, 0, 1);
    expect(r.entries).toEqual([e]);
    expect(r.findings.map((f) => f.rule)).toEqual(["manifest/noncanonical"]);
  });

  it("a canonical-looking line with `..` is still refused as an unsafe path", () => {
    const { text, record } = shardOf([{ path: "data/../../etc/passwd", sha256: H, size: 3 }]);
    expect(() => readShard(text, FILE, record, 0, 1)).toThrow(UnsafePathError);
  });

  it("canonical lines out of order or duplicated are corrupt, as before", () => {
    const a: ManifestEntry = { path: "data/a", sha256: H, size: 1 };
    const b: ManifestEntry = { path: "data/b", sha256: H, size: 1 };
    const swapped = shardOf([b, a]);
    expect(readShard(swapped.text, FILE, swapped.record, 0, 1).findings[0]!.message).toMatch(/not sorted/);
    const twice = shardOf([a, a]);
    expect(readShard(twice.text, FILE, twice.record, 0, 1).findings[0]!.message).toMatch(/appears twice/);
  });
});
