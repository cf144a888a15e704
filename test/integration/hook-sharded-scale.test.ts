/**
 * The hook on a repository whose manifest has 50,000 entries (issue 20) reads the staged root
 * and the shards of what is staged, never the rest: counted as the bytes git hands back for
 * every object the hook asks for (readBlobs and catFileBatch), not as time; nor does it ask git
 * for the index (`git ls-files` loads all of it: O(repository) per commit) or read the blob
 * cache (its lookup reads the whole file), whose cost grows with the repository. The entries are
 * synthetic (only the files a commit stages need to exist: the hook never looks at the others),
 * with the real files' entries hashed from their bytes, and the layout is the production one.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { stagedRunStats } from "../../src/checks/manifest.js";
import type { ManifestEntry } from "../../src/core/manifest/model.js";
import { buildManifest } from "../../src/core/manifest/serialize.js";
import { MANIFEST_SHARD_DIR, bucketOf, shardCountFor, shardFilePath, shardId } from "../../src/core/manifest/sharded.js";
import { Git } from "../../src/io/git.js";
import { StatCache } from "../../src/io/stat-cache.js";
import { writeManifestFile } from "../../src/io/manifest-store.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { parseReport, rulesOf } from "./manifest-helpers.js";

const N = 50_000;
const REAL = ["data/real/a.json", "data/real/b.json", "data/real/c.json"];

let repo: TestRepo | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  repo?.cleanup();
  repo = undefined;
});

function entryOf(r: TestRepo, p: string): ManifestEntry {
  const b = fs.readFileSync(path.join(r.dir, p));
  return { path: p, sha256: crypto.createHash("sha256").update(b).digest("hex"), size: b.length };
}

const synthetic: ManifestEntry[] = Array.from({ length: N - REAL.length }, (_, i) => ({
  path: `data/d${Math.floor(i / 100)}/f${i}.json`,
  sha256: crypto.createHash("sha256").update(String(i)).digest("hex"),
  size: 40 + (i % 7),
}));

/** Write the manifest of the synthetic entries plus the real files as they are now. */
async function reseal(r: TestRepo): Promise<void> {
  await writeManifestFile(r.dir, buildManifest([...synthetic, ...REAL.map((p) => entryOf(r, p))]));
}

/**
 * `check --staged`, with the bytes of every object the hook got from git summed, the git
 * commands that read the whole index (ls-files) and the blob-cache lookups counted.
 */
async function hook(
  r: TestRepo,
): Promise<{ code: number; rules: string[]; bytesFromGit: number; indexListings: string[][]; blobCachePeeks: number }> {
  let bytesFromGit = 0;
  const indexListings: string[][] = [];
  let blobCachePeeks = 0;
  const exec = Git.prototype.exec;
  vi.spyOn(Git.prototype, "exec").mockImplementation(function (this: Git, args, options) {
    if (args.includes("ls-files")) indexListings.push([...args]);
    return exec.call(this, args, options);
  });
  const peekBlobs = StatCache.prototype.peekBlobs;
  vi.spyOn(StatCache.prototype, "peekBlobs").mockImplementation(function (this: StatCache, oids) {
    blobCachePeeks++;
    return peekBlobs.call(this, oids);
  });
  const readBlobs = Git.prototype.readBlobs;
  const catFileBatch = Git.prototype.catFileBatch;
  vi.spyOn(Git.prototype, "readBlobs").mockImplementation(async function (this: Git, oids) {
    const out = await readBlobs.call(this, oids);
    for (const b of out.values()) bytesFromGit += b.length;
    return out;
  });
  vi.spyOn(Git.prototype, "catFileBatch").mockImplementation(async function (this: Git, names) {
    const out = await catFileBatch.call(this, names);
    for (const b of out) bytesFromGit += b?.length ?? 0;
    return out;
  });
  try {
    const run = await r.cli(["check", "--staged", "--format", "json"]);
    return { code: run.code, rules: rulesOf(parseReport(run.stdout)), bytesFromGit, indexListings, blobCachePeeks };
  } finally {
    vi.restoreAllMocks();
  }
}

/**
 * The git processes `fn` starts, as a `git` first on PATH records them (argv per line) before it
 * runs the real one: every process counts, whichever code path starts it.
 */
async function gitProcesses<T>(r: TestRepo, fn: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const bin = path.join(r.dir, ".git", "shim-bin");
  const log = path.join(r.dir, ".git", "shim.log");
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, "git"), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  fs.writeFileSync(log, "");
  const before = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${before ?? ""}`;
  try {
    const result = await fn();
    return { result, calls: fs.readFileSync(log, "utf8").split("\n").filter(Boolean) };
  } finally {
    process.env.PATH = before;
  }
}

describe("the hook with a 50,000-entry sharded manifest", () => {
  it("reads the root and the staged paths' shards only", async () => {
    const r = createRepo();
    repo = r;
    // A config set too: the hook's conflicts gate asks whether the config is tracked.
    r.write(
      ".integrity-guard/config.yml",
      'version: 1\nmanifest:\n  include: ["data/**"]\nconfig:\n  files: ["conf/*.json"]\n  precedence: ["conf/base.json"]\n',
    );
    r.write("conf/base.json", '{"a":1}\n');
    for (const p of REAL) r.write(p, `{"file":${JSON.stringify(p)}}\n`);
    r.write("notes/free.json", '{"n":0}\n');
    await reseal(r);
    r.commitAll("sealed");
    const n = shardCountFor(N);
    expect(n).toBeGreaterThanOrEqual(32);
    const rootSize = fs.statSync(path.join(r.dir, MANIFEST_PATH)).size;
    const shardSize = (p: string) => fs.statSync(path.join(r.dir, shardFilePath(shardId(bucketOf(p, n), n)))).size;
    const total = fs
      .readdirSync(path.join(r.dir, MANIFEST_SHARD_DIR))
      .reduce((s, f) => s + fs.statSync(path.join(r.dir, MANIFEST_SHARD_DIR, f)).size, rootSize);
    expect(total).toBeGreaterThan(5_000_000);

    // 1. A file outside the manifest: at most the root and that path's shard.
    r.write("notes/free.json", '{"n":1}\n');
    r.git("add", "notes/free.json");
    const outside = await hook(r);
    expect(outside).toMatchObject({ code: 0, rules: [], indexListings: [], blobCachePeeks: 0 });
    // (+ 64: the staged files' own blobs, which the validate check and the hook read.)
    expect(outside.bytesFromGit).toBeLessThanOrEqual(rootSize + shardSize("notes/free.json") + 64);
    r.git("commit", "-q", "--no-verify", "-m", "free");

    // 2. One sealed file resealed: the staged root and shard, HEAD's root and shard (to know which
    // entries changed), and the file's blob.
    const rel = REAL[0]!;
    r.write(rel, '{"changed":true}\n');
    await reseal(r);
    r.git("add", rel, ".integrity-guard/");
    const staged = r.git("diff", "--cached", "--name-only").trim().split("\n").sort();
    expect(staged).toEqual([MANIFEST_PATH, shardFilePath(shardId(bucketOf(rel, n), n)), rel].sort());
    const { result: resealed, calls } = await gitProcesses(r, () => hook(r));
    expect(resealed).toMatchObject({ code: 0, rules: [], indexListings: [], blobCachePeeks: 0 });
    // Its dependent reads (staged root, HEAD's root, both shards, the file's blob) share one
    // `git cat-file` process; each was a process of its own, started in sequence.
    expect(calls.filter((c) => /\bcat-file\b/.test(c))).toEqual(["-c safe.bareRepository=explicit cat-file --batch-command"]);
    // The changed file's blob, hashed from git's bytes.
    expect(stagedRunStats).toMatchObject({ blobsHashed: 1, blobsFromCache: 0 });
    // The root three times: the hook's staged and HEAD's, and the validate check parsing the
    // staged root as the JSON file it is (the .jsonl shards are not among its globs).
    const bound = 3 * rootSize + 2 * shardSize(rel) + 64;
    expect(resealed.bytesFromGit).toBeLessThanOrEqual(bound);
    expect(stagedRunStats.manifestFilesRead).toBe(4);
    expect(resealed.bytesFromGit * 20).toBeLessThan(total);

    // 3. The same change without the reseal is still blocked, at the same cost.
    r.git("reset", "-q", "--", ".integrity-guard/");
    r.git("checkout", "--", ".integrity-guard/");
    const blocked = await hook(r);
    expect(blocked.rules).toEqual([`manifest/unsealed-change ${rel}`]);
    expect(blocked.code).toBe(1);
    expect(blocked.indexListings).toEqual([]);
    expect(blocked.bytesFromGit).toBeLessThanOrEqual(rootSize + shardSize(rel) + 64);
  }, 120_000);
});
