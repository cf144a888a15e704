/**
 * packShard (core/manifest/sharded.ts): a shard read straight from its bytes into the packed
 * index. It must take exactly the shards readShard reads clean from canonical lines, give the
 * same entries, and leave every other shard (tampered, reordered, misplaced, non-canonical,
 * unsafe paths) to readShard with the builder untouched, so the findings stay readShard's.
 */
import { describe, expect, it } from "vitest";
import { ManifestIndexBuilder } from "../../src/core/manifest/compact.js";
import type { ManifestEntry } from "../../src/core/manifest/model.js";
import { rootDigestOfLines, stringifyEntry } from "../../src/core/manifest/root.js";
import { bucketOf, packShard, readShard, type ShardRecord } from "../../src/core/manifest/sharded.js";

const H = "0123456789abcdef".repeat(4);
const G = "fedcba9876543210".repeat(4);
const FILE = ".integrity-guard/manifest.d/0.jsonl";

/** The shard text of these lines and a record for it (digest over exactly the text). */
function shard(lines: string[], count = lines.length): { bytes: Buffer; record: ShardRecord } {
  const text = lines.map((l) => l + "\n").join("");
  return { bytes: Buffer.from(text, "utf8"), record: { count, id: "0", sha256: rootDigestOfLines(lines) } };
}

/** What packShard leaves in a builder that already held one entry, and whether it took the shard. */
function packed(bytes: Buffer, record: ShardRecord, index = 0, count = 1): { ok: boolean; entries: ManifestEntry[] } {
  const b = new ManifestIndexBuilder();
  b.add({ path: "zzz-before", sha256: G, size: 1 });
  const ok = packShard(bytes, record, index, count, b);
  const entries = [...b.finish().entries()].filter((e) => e.path !== "zzz-before");
  return { ok, entries };
}

const canonical: ManifestEntry[] = [
  { path: "a.json", sha256: H, size: 0 },
  { path: "data/b-c_d.1.json", sha256: G, size: 999_999_999_999_999 },
  { path: "data/run.sh", sha256: H, size: 12, mode: "755" },
  { path: "data/x/y/zz.yaml", sha256: G, size: 7 },
];

describe("packShard", () => {
  it("takes a shard as seal writes it, with readShard's entries", () => {
    const { bytes, record } = shard(canonical.map(stringifyEntry));
    const slow = readShard(bytes, FILE, record, 0, 1);
    expect(slow.findings).toEqual([]);
    const fast = packed(bytes, record);
    expect(fast.ok).toBe(true);
    expect(fast.entries).toEqual(slow.entries);
  });

  it("checks the shard index by the same hash as bucketOf", () => {
    const e = canonical.filter((x) => bucketOf(x.path, 4) === bucketOf(canonical[0]!.path, 4));
    const { bytes, record } = shard(e.map(stringifyEntry));
    const right = bucketOf(canonical[0]!.path, 4);
    expect(packed(bytes, record, right, 4).ok).toBe(true);
    expect(packed(bytes, record, (right + 1) % 4, 4)).toEqual({ ok: false, entries: [] });
    expect(readShard(bytes, FILE, record, (right + 1) % 4, 4).findings.map((f) => f.rule)).toContain("manifest/corrupt");
  });

  it("leaves every other shard to readShard, adding nothing", () => {
    const lines = canonical.map(stringifyEntry);
    const cases: { name: string; bytes: Buffer; record: ShardRecord }[] = [];
    const add = (name: string, s: { bytes: Buffer; record: ShardRecord }) => cases.push({ name, ...s });
    add("reordered", shard([lines[1]!, lines[0]!, ...lines.slice(2)]));
    add("duplicated", shard([lines[0]!, lines[0]!, ...lines.slice(1)]));
    add("count off", shard(lines, lines.length + 1));
    const good = shard(lines);
    add("digest edited", { bytes: good.bytes, record: { ...good.record, sha256: G } });
    add("truncated", { bytes: good.bytes.subarray(0, good.bytes.length - 5), record: good.record });
    add("no final newline", { bytes: good.bytes.subarray(0, good.bytes.length - 1), record: good.record });
    add("a blank line", shard([...lines.slice(0, 2), "", ...lines.slice(2)]));
    add("CRLF", shard(lines.map((l) => l + "\r")));
    add("a symlink entry", shard([...lines, stringifyEntry({ path: "link", sha256: H, size: 6, link: "target" })]));
    add("an escaped name", shard([stringifyEntry({ path: "data/é.json", sha256: H, size: 1 }), ...lines.slice(1)]));
    add("upper-case hex", shard([lines[0]!.replace(H, H.toUpperCase()), ...lines.slice(1)]));
    add("short digest", shard([`{"path":"a.json","sha256":"${H.slice(2)}","size":0}`, ...lines.slice(1)]));
    add("leading zero size", shard([`{"path":"a.json","sha256":"${H}","size":01}`, ...lines.slice(1)]));
    add("16-digit size", shard([`{"path":"a.json","sha256":"${H}","size":1234567890123456}`, ...lines.slice(1)]));
    add("extra key", shard([`{"path":"a.json","sha256":"${H}","size":0,"x":1}`, ...lines.slice(1)]));
    add("mode 644", shard([`{"mode":"644","path":"a.json","sha256":"${H}","size":0}`, ...lines.slice(1)]));
    add("spaces", shard([`{"path": "a.json","sha256":"${H}","size":0}`, ...lines.slice(1)]));
    for (const bad of ["../etc/passwd", "/etc/passwd", "a//b", "./a", "a/./b", "a/../b", ".git/config", "a/"])
      add(`unsafe path ${bad}`, shard([stringifyEntry({ path: bad, sha256: H, size: 1 })]));
    add("empty", { bytes: Buffer.alloc(0), record: { count: 0, id: "0", sha256: rootDigestOfLines([]) } });
    for (const c of cases) expect(packed(c.bytes, c.record), c.name).toEqual({ ok: false, entries: [] });
  });

  it("an unsafe path is still refused by readShard after packShard declined it", () => {
    const { bytes, record } = shard([stringifyEntry({ path: "a/../../etc/passwd", sha256: H, size: 1 })]);
    expect(packed(bytes, record).ok).toBe(false);
    expect(() => readShard(bytes, FILE, record, 0, 1)).toThrow(/leaves the repository/);
  });
});
