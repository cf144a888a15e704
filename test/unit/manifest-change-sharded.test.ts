/**
 * The Action's note on a pull request that changes the manifest lists the files, for a sharded
 * manifest too (manifest.d/): only the shards whose root record differs are read on each side.
 */
import { describe, expect, it } from "vitest";
import { describeManifestChange, type ShardLoader } from "../../src/action/trusted-config.js";
import type { ManifestEntry } from "../../src/core/manifest/model.js";
import { buildSharded } from "../../src/core/manifest/sharded.js";

const entry = (i: number, v = 0): ManifestEntry => ({
  path: `data/f${String(i).padStart(3, "0")}.json`,
  sha256: (i * 1000 + v).toString(16).padStart(64, "0"),
  size: 10 + v,
});

function side(entries: ManifestEntry[], count: number): { root: Buffer; load: ShardLoader; asked: string[] } {
  const layout = buildSharded(
    [...entries].sort((a, b) => (a.path < b.path ? -1 : 1)),
    count,
  );
  const asked: string[] = [];
  const load: ShardLoader = async (paths) => {
    asked.push(...paths);
    return new Map(paths.map((p) => [p, layout.files.has(p) ? Buffer.from(layout.files.get(p)!) : undefined] as const));
  };
  return { root: Buffer.from(layout.rootText), load, asked };
}

describe("describeManifestChange with sharded manifests", () => {
  const files = Array.from({ length: 64 }, (_, i) => entry(i));

  it("names the resealed, sealed and unsealed files, reading only the shards that changed", async () => {
    const base = side(files, 8);
    const changed = files.filter((e) => e.path !== "data/f010.json").map((e) => (e.path === "data/f005.json" ? entry(5, 1) : e));
    changed.push(entry(200));
    const head = side(changed, 8);
    const what = await describeManifestChange(base.root, head.root, { base: base.load, head: head.load });
    expect(what).toBe("reseals data/f005.json; seals data/f200.json; unseals data/f010.json");
    expect(base.asked.length).toBeLessThanOrEqual(3);
    expect(base.asked.length).toBeGreaterThan(0);
    expect(head.asked).toEqual(base.asked);
  });

  it("compares every entry when the shard count changed, and says when only the layout did", async () => {
    const base = side(files, 8);
    const head = side(files, 16);
    expect(await describeManifestChange(base.root, head.root, { base: base.load, head: head.load })).toBe(
      "no sealed file changes (only its layout)",
    );
    expect(base.asked.length).toBe(8);
  });

  it("a shard missing on one side makes it unreadable, not silently unchanged", async () => {
    const base = side(files, 8);
    const head = side(
      files.map((e) => (e.path === "data/f005.json" ? entry(5, 1) : e)),
      8,
    );
    const missing: ShardLoader = async (paths) => new Map(paths.map((p) => [p, undefined] as const));
    expect(await describeManifestChange(base.root, head.root, { base: base.load, head: missing })).toBe(
      "files sealed or resealed (one version is not a readable manifest)",
    );
  });
});
