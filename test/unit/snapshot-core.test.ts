import { describe, expect, it } from "vitest";
import { checkChainDates } from "../../src/core/snapshot/chain.js";
import { inScope, parseSnapshotManifest, serializeSnapshotManifest, unsafeSnapshotPath } from "../../src/core/snapshot/manifest.js";
import { formatSnapshotMessage, parseSnapshotMessage } from "../../src/core/snapshot/message.js";
import { epochsToDrop, selectRetention } from "../../src/core/snapshot/retention.js";

const digest = "sha256:" + "a".repeat(64);

describe("snapshot message trailers", () => {
  it("round-trips every trailer", () => {
    const info = {
      set: "hourly",
      time: "2026-01-02T03:04:05.000Z",
      sourceCommit: "b".repeat(40),
      manifestDigest: digest,
      files: 3,
      size: 42,
    };
    const msg = formatSnapshotMessage(info);
    expect(msg).toContain("Snapshot-Set: hourly\n");
    expect(msg).toContain(`Source-Commit: ${"b".repeat(40)}\n`);
    expect(parseSnapshotMessage(msg)).toEqual(info);
  });
  it("says none for an unborn source branch and reads it back as absent", () => {
    const msg = formatSnapshotMessage({ set: "d", time: "2026-01-02T03:04:05.000Z", manifestDigest: digest, files: 0, size: 0 });
    expect(msg).toContain("Source-Commit: none");
    expect(parseSnapshotMessage(msg)?.sourceCommit).toBeUndefined();
  });
  it.each([
    ["no trailers", "just a commit"],
    ["bad digest", "Snapshot-Set: a\nSnapshot-Time: 2026-01-01T00:00:00Z\nManifest-Digest: md5:x\nSnapshot-Files: 1\nSnapshot-Size: 1"],
    ["bad time", `Snapshot-Set: a\nSnapshot-Time: yesterday\nManifest-Digest: ${digest}\nSnapshot-Files: 1\nSnapshot-Size: 1`],
    [
      "negative size",
      `Snapshot-Set: a\nSnapshot-Time: 2026-01-01T00:00:00Z\nManifest-Digest: ${digest}\nSnapshot-Files: 1\nSnapshot-Size: -1`,
    ],
    [
      "hostile set name",
      `Snapshot-Set: ../x\nSnapshot-Time: 2026-01-01T00:00:00Z\nManifest-Digest: ${digest}\nSnapshot-Files: 1\nSnapshot-Size: 1`,
    ],
  ])("rejects a message with %s", (_name, msg) => {
    expect(parseSnapshotMessage(msg)).toBeUndefined();
  });
  it("keeps the first of duplicated trailers", () => {
    const msg =
      formatSnapshotMessage({ set: "a", time: "2026-01-02T03:04:05.000Z", manifestDigest: digest, files: 1, size: 1 }) +
      "Snapshot-Set: evil\n";
    expect(parseSnapshotMessage(msg)?.set).toBe("a");
  });
});

describe("snapshot manifest", () => {
  const entry = { sha256: "c".repeat(64), size: 1, mode: "100644" as const };
  it("serialises deterministically whatever the insertion order", () => {
    const a = serializeSnapshotManifest({ version: 1, set: "s", paths: ["d/"], files: { "d/b": entry, "d/a": entry } });
    const b = serializeSnapshotManifest({ version: 1, set: "s", paths: ["d/"], files: { "d/a": entry, "d/b": entry } });
    expect(a).toBe(b);
    expect(a.indexOf('"d/a"')).toBeLessThan(a.indexOf('"d/b"'));
    expect(parseSnapshotManifest(a)).toEqual({ version: 1, set: "s", paths: ["d/"], files: { "d/a": entry, "d/b": entry } });
  });
  it.each([
    ["truncated", '{"version":1,"set":"s"'],
    ["bad sha", '{"version":1,"set":"s","paths":[],"files":{"a":{"sha256":"xyz","size":1,"mode":"100644"}}}'],
    ["symlink mode", `{"version":1,"set":"s","paths":[],"files":{"a":{"sha256":"${"c".repeat(64)}","size":1,"mode":"120000"}}}`],
  ])("rejects a %s manifest with a reason", (_n, text) => {
    expect(typeof parseSnapshotManifest(text)).toBe("string");
  });
  it.each([
    "../etc/passwd",
    "/etc/passwd",
    "a/../../b",
    "C:/x",
    "a\\..\\b",
    ".git/config",
    "sub/.GIT/hooks/x",
    ".integrity-snapshot/x",
    "a//b",
    "",
  ])("refuses the hostile path %j", (p) => {
    expect(unsafeSnapshotPath(p)).toBeDefined();
  });
  it.each(["a", "dir/file.json", "we ird/na*me[1].json", "..hidden", "data\\state.json", "new\nline.json"])("accepts %j", (p) => {
    expect(unsafeSnapshotPath(p)).toBeUndefined();
  });
  it("scopes by folder boundaries, not prefixes", () => {
    expect(inScope("data/a", "data/")).toBe(true);
    expect(inScope("data/a", "data")).toBe(true);
    expect(inScope("database/a", "data/")).toBe(false);
    expect(inScope("state.json", "state.json")).toBe(true);
  });
});

describe("retention (keep N newest per set)", () => {
  const items = [
    { id: "h1", set: "hourly", time: 1 },
    { id: "h2", set: "hourly", time: 2 },
    { id: "h3", set: "hourly", time: 3 },
    { id: "d1", set: "daily", time: 1 },
    { id: "p1", set: "pre-restore", time: 1 },
  ];
  it("keeps exactly the N newest of each set and everything of sets without a policy", () => {
    const r = selectRetention(items, { hourly: 2, daily: 1 });
    expect([...r.keep].sort()).toEqual(["d1", "h2", "h3", "p1"]);
    expect([...r.drop]).toEqual(["h1"]);
  });
  it("does not depend on input order", () => {
    const r = selectRetention([...items].reverse(), { hourly: 1 });
    expect([...r.keep].sort()).toEqual(["d1", "h3", "p1"]);
  });
  it("drops an epoch only when none of its snapshots is kept", () => {
    const keep = new Set(["h3"]);
    expect(
      epochsToDrop(
        [
          { ref: "e1", snapshotIds: ["h1", "h2"] },
          { ref: "e2", snapshotIds: ["h2", "h3"] },
        ],
        keep,
      ),
    ).toEqual(["e1"]);
  });
});

describe("chain dates", () => {
  it("accepts a chain in order", () => {
    expect(
      checkChainDates(
        [
          { id: "c", time: 300 },
          { id: "b", time: 200 },
          { id: "a", time: 200 },
        ],
        1000,
        "r",
      ),
    ).toEqual([]);
  });
  it("rejects a child older than its parent", () => {
    const f = checkChainDates(
      [
        { id: "c", time: 100 },
        { id: "b", time: 200 },
      ],
      1000,
      "r",
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe("snapshot/chain");
    expect(f[0]!.message).toContain("older than its parent");
  });
  it("rejects a date in the future beyond the allowed skew", () => {
    expect(checkChainDates([{ id: "c", time: 1000 + 301 }], 1000, "r")[0]!.message).toContain("future");
    expect(checkChainDates([{ id: "c", time: 1000 + 299 }], 1000, "r")).toEqual([]);
  });
});
