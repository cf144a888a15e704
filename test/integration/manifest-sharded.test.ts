/**
 * The sharded manifest layout (issue 20): a reseal of one file rewrites its shard and the root
 * only, every tampering case of a single-file manifest is caught per shard, the version-1 file is
 * still read, and `seal --format sha256sum` prints the same bytes in either layout. The limits
 * are lowered through the test seam so a handful of files makes a sharded manifest.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { MANIFEST_SHARD_DIR, SHARD_TARGET, SINGLE_FILE_MAX, layoutLimits } from "../../src/core/manifest/sharded.js";
import { buildManifest, renderManifest } from "../../src/core/manifest/serialize.js";
import type { TestRepo } from "../helpers/repo.js";
import { parseReport, rulesOf, sealedRepoFixture } from "./manifest-helpers.js";

let repo: TestRepo | undefined;
beforeEach(() => {
  layoutLimits.singleFileMax = 4;
  layoutLimits.shardTarget = 4;
});
afterEach(() => {
  layoutLimits.singleFileMax = SINGLE_FILE_MAX;
  layoutLimits.shardTarget = SHARD_TARGET;
  repo?.cleanup();
  repo = undefined;
});

/** The fixture (7 covered files) plus 12 more: 19 entries, 8 shards of about 2. */
function fixture(): TestRepo {
  const r = sealedRepoFixture();
  for (let i = 0; i < 12; i++) r.write(`data/many/f${i}.json`, `{"i":${i}}\n`);
  r.commitAll("more");
  repo = r;
  return r;
}

function shardFiles(r: TestRepo): Map<string, Buffer> {
  const dir = path.join(r.dir, MANIFEST_SHARD_DIR);
  return new Map(fs.readdirSync(dir).map((n) => [`${MANIFEST_SHARD_DIR}/${n}`, fs.readFileSync(path.join(dir, n))]));
}

async function sealed(): Promise<TestRepo> {
  const r = fixture();
  const s = await r.cli(["seal"]);
  expect(s.code, s.stderr).toBe(0);
  return r;
}

describe("the sharded layout", () => {
  it("seals above the limit as a root plus shard files, and verify passes", async () => {
    const r = await sealed();
    expect(r.read(MANIFEST_PATH)).toMatch(
      /^\{"algorithm":"sha256","format":"integrity-guard\/manifest","layout":"sharded","root":"[0-9a-f]{64}","shards":\[\n/,
    );
    const shards = shardFiles(r);
    expect(shards.size).toBeGreaterThan(2);
    const lines = [...shards.values()].reduce((n, b) => n + b.toString("utf8").split("\n").length - 1, 0);
    expect(lines).toBe(19);
    const v = await r.cli(["verify", "--format", "json"]);
    expect(v.code, v.stdout).toBe(0);
    expect(parseReport(v.stdout).summary.entries).toBe(19);
    // A second seal of unchanged content leaves every file byte-identical (and unwritten).
    const again = await r.cli(["seal", "--format", "json"]);
    expect(parseReport(again.stdout).summary.written).toBe(false);
  });

  it("a reseal of one file changes only its shard and the root", async () => {
    const r = await sealed();
    const before = shardFiles(r);
    const rootBefore = r.read(MANIFEST_PATH);
    r.write("data/many/f3.json", '{"i":"three"}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    const after = shardFiles(r);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after].filter(([p, b]) => !b.equals(before.get(p)!)).map(([p]) => p);
    expect(changed).toHaveLength(1);
    expect(after.get(changed[0]!)!.toString("utf8")).toContain('"path":"data/many/f3.json"');
    expect(r.read(MANIFEST_PATH)).not.toBe(rootBefore);
    expect((await r.cli(["verify"])).code).toBe(0);
  });

  it("seal --format sha256sum prints the same bytes as with the single-file layout", async () => {
    const r = fixture();
    const sharded = await r.cli(["seal", "--format", "sha256sum"]);
    expect(r.read(MANIFEST_PATH)).toContain('"layout":"sharded"');
    layoutLimits.singleFileMax = SINGLE_FILE_MAX;
    const single = await r.cli(["seal", "--format", "sha256sum"]);
    expect(r.read(MANIFEST_PATH)).toContain('"entries":[');
    expect(fs.existsSync(path.join(r.dir, MANIFEST_SHARD_DIR))).toBe(false); // stale shards removed
    expect(sharded.stdout).toBe(single.stdout);
    expect(sharded.stdout.split("\n")).toHaveLength(19 + 1); // 19 files (no symlink) and the final newline
  });
});

describe("tampering with any shard is caught", () => {
  type Case = [name: string, edit: (text: string) => string, expectCode: 1 | 2, pattern: RegExp];
  const cases: Case[] = [
    ["an edited digest", (t) => t.replace(/"sha256":"[0-9a-f]/, (m) => m.slice(0, -1) + (m.endsWith("0") ? "1" : "0")), 1, /digest/],
    ["an edited size", (t) => t.replace(/"size":(\d+)/, (_m, n: string) => `"size":${Number(n) + 1}`), 1, /digest/],
    ["truncation mid-line", (t) => t.slice(0, Math.floor(t.length / 2)), 1, /truncated|not valid JSON/],
    [
      "truncation at a line end",
      (t) =>
        t
          .split("\n")
          .slice(0, -2)
          .map((l) => l + "\n")
          .join(""),
      1,
      /holds \d+ entries but the root lists/,
    ],
    [
      "reordered entries",
      (t) => {
        const l = t.split("\n").slice(0, -1);
        return [...l].reverse().join("\n") + "\n";
      },
      1,
      /not sorted/,
    ],
    ["a '..' path", (t) => t.replace(/"path":"[^"]+"/, '"path":"../outside/secret.json"'), 2, /"\.\.\/outside\/secret\.json"/],
    ["an absolute path", (t) => t.replace(/"path":"[^"]+"/, '"path":"/etc/passwd"'), 2, /absolute path/],
    ["a deleted shard file", () => "\u0000delete", 1, /shard file is missing/],
  ];

  it.each(cases)("%s, in every shard: manifest/corrupt or refused", async (_name, edit, code, pattern) => {
    const r = await sealed();
    for (const [rel, bytes] of shardFiles(r)) {
      const text = bytes.toString("utf8");
      // Reordering needs two entries; the other cases apply to any shard.
      if (_name === "reordered entries" && text.split("\n").length < 3) continue;
      const edited = edit(text);
      expect(edited).not.toBe(text);
      if (edited === "\u0000delete") fs.rmSync(path.join(r.dir, rel));
      else r.write(rel, edited);
      const v = await r.cli(["verify", "--format", "json"]);
      expect(v.code, `${rel}: ${v.stdout}${v.stderr}`).toBe(code);
      if (code === 1) {
        const report = parseReport(v.stdout);
        expect(rulesOf(report)).toContain(`manifest/corrupt ${rel}`);
        expect(report.findings.map((f) => f.message).join("\n")).toMatch(pattern);
      } else {
        expect(v.stderr).toMatch(pattern);
        expect(v.stderr).toContain(rel);
      }
      r.write(rel, text); // restore for the next shard
      expect((await r.cli(["verify"])).code).toBe(0);
    }
  });

  it("an edited shard record or root digest in the root file is manifest/corrupt", async () => {
    const r = await sealed();
    const root = r.read(MANIFEST_PATH);
    r.write(
      MANIFEST_PATH,
      root.replace(/"sha256":"([0-9a-f])/, (_m, c: string) => `"sha256":"${c === "0" ? "1" : "0"}`),
    );
    const v = await r.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    expect(parseReport(v.stdout).findings[0]!.message).toMatch(/root digest/);
    // The root digest recomputed to match the edited record: the shard then disagrees with it.
    const { readShardedRoot, renderShardedRoot, shardedRootDigest } = await import("../../src/core/manifest/sharded.js");
    const parsed = JSON.parse(root) as Parameters<typeof renderShardedRoot>[0];
    const i = parsed.shards.findIndex((s) => s.count > 0);
    parsed.shards[i]!.sha256 = "f".repeat(64);
    parsed.root = shardedRootDigest(parsed.shards);
    r.write(MANIFEST_PATH, renderShardedRoot(parsed));
    expect(readShardedRoot(renderShardedRoot(parsed), MANIFEST_PATH).findings).toEqual([]);
    const v2 = await r.cli(["verify", "--format", "json"]);
    expect(v2.code).toBe(1);
    expect(rulesOf(parseReport(v2.stdout))).toEqual([`manifest/corrupt ${MANIFEST_SHARD_DIR}/${parsed.shards[i]!.id}.jsonl`]);
  });
});

describe("the version-1 (single-file) manifest", () => {
  it("is still read above the limit, and the next seal rewrites it sharded", async () => {
    const r = fixture();
    layoutLimits.singleFileMax = SINGLE_FILE_MAX;
    expect((await r.cli(["seal"])).code).toBe(0);
    const old = r.read(MANIFEST_PATH);
    expect(old).toContain('"version":1}');
    r.commitAll("sealed, old format");
    layoutLimits.singleFileMax = 4;
    const v = await r.cli(["verify", "--format", "json"]);
    expect(v.code, v.stdout).toBe(0);
    expect(parseReport(v.stdout).summary.entries).toBe(19);
    // The hook on a commit that changes a sealed file without reseal, old format: blocked.
    r.write("data/many/f1.json", '{"i":"one"}\n');
    r.git("add", "data/many/f1.json");
    expect(rulesOf(parseReport((await r.cli(["check", "--staged", "--format", "json"])).stdout))).toEqual([
      "manifest/unsealed-change data/many/f1.json",
    ]);
    // Resealed: the new layout, and the commit converting it passes the hook.
    expect((await r.cli(["seal"])).code).toBe(0);
    expect(r.read(MANIFEST_PATH)).toContain('"layout":"sharded"');
    r.git("add", "data/many/f1.json", ".integrity-guard/");
    const hook = await r.cli(["check", "--staged", "--format", "json"]);
    expect(parseReport(hook.stdout).findings).toEqual([]);
    expect(hook.code).toBe(0);
  });

  it("a small v1 manifest written by an older version is read as before", async () => {
    const r = fixture();
    const entries = (await import("node:crypto")).default;
    const files = ["data/a.json", "data/sub/b.json"];
    const m = buildManifest(
      files.map((p) => {
        const b = fs.readFileSync(path.join(r.dir, p));
        return { path: p, sha256: entries.createHash("sha256").update(b).digest("hex"), size: b.length };
      }),
    );
    r.write(MANIFEST_PATH, renderManifest(m));
    const v = await r.cli(["verify", "--format", "json"]);
    // Read fine; the files sealed since are reported as added, the manifest itself is not corrupt.
    expect(rulesOf(parseReport(v.stdout)).every((x) => x.startsWith("manifest/added "))).toBe(true);
  });
});

describe("the hook with a sharded manifest", () => {
  async function committed(): Promise<TestRepo> {
    const r = await sealed();
    r.commitAll("seal");
    return r;
  }
  const hook = async (r: TestRepo) => {
    const run = await r.cli(["check", "--staged", "--format", "json"]);
    return { code: run.code, rules: rulesOf(parseReport(run.stdout)) };
  };

  it("passes a reseal staged with its shard, blocks an unresealed change", async () => {
    const r = await committed();
    r.write("data/many/f5.json", '{"i":"five"}\n');
    r.git("add", "data/many/f5.json");
    expect(await hook(r)).toEqual({ code: 1, rules: ["manifest/unsealed-change data/many/f5.json"] });
    expect((await r.cli(["seal"])).code).toBe(0);
    r.git("add", ".integrity-guard/");
    expect(await hook(r)).toEqual({ code: 0, rules: [] });
  });

  it("a root staged without its changed shard is manifest/corrupt", async () => {
    const r = await committed();
    r.write("data/many/f5.json", '{"i":"five"}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.git("add", "data/many/f5.json", MANIFEST_PATH); // the shard file left unstaged
    const run = await hook(r);
    expect(run.code).toBe(1);
    expect(run.rules.some((x) => x.startsWith(`manifest/corrupt ${MANIFEST_SHARD_DIR}/`))).toBe(true);
  });

  it("a tampered shard staged alone is manifest/corrupt", async () => {
    const r = await committed();
    const [rel, bytes] = [...shardFiles(r)].find(([, b]) => b.length > 0)!;
    r.write(
      rel,
      bytes.toString("utf8").replace(/"size":(\d+)/, (_m, n: string) => `"size":${Number(n) + 1}`),
    );
    r.git("add", rel);
    expect(await hook(r)).toEqual({ code: 1, rules: [`manifest/corrupt ${rel}`] });
  });

  it("a reseal made with an unstaged edit is blocked: the entry changed, the staged file did not", async () => {
    const r = await committed();
    r.write("data/many/f5.json", '{"i":"five"}\n');
    r.write("data/many/f9.json", '{"i":"nine, not staged"}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.git("add", "data/many/f5.json", ".integrity-guard/");
    expect(await hook(r)).toEqual({ code: 1, rules: ["manifest/unsealed-change data/many/f9.json"] });
    r.git("add", "data/many/f9.json");
    expect(await hook(r)).toEqual({ code: 0, rules: [] });
  });

  it("a staged change that disagrees with a resealed shard is blocked", async () => {
    const r = await committed();
    r.write("data/many/f5.json", '{"i":"five"}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.write("data/many/f5.json", '{"i":"edited after the seal"}\n');
    r.git("add", "data/many/f5.json", ".integrity-guard/");
    expect(await hook(r)).toEqual({ code: 1, rules: ["manifest/unsealed-change data/many/f5.json"] });
  });
});
