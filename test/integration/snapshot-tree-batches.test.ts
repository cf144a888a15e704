/**
 * A snapshot's trees are packed in batches as its folders are finished (capture.ts TREE_BATCH,
 * issue 20: at 500,000 files they were about 20 MB held until the end): the tree must be the
 * very one a capture holding every tree gives, and the one git's write-tree names for the same
 * files, first and incremental, with nested folders, empty folders, symlinks and unicode names.
 * The batch bound is asked of the capture through its counters (tree bytes held before a pack).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { statCachePath } from "../../src/io/snapshot/stat-cache.js";
import { snapshotConfig } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

type Counters = { treesWritten?: number; treePacks?: number; treeBytesHeld?: number };

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function setup(): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
  for (let d = 0; d < 30; d++) for (let i = 0; i < 7; i++) repo.write(`data/d${d}/f${i}.json`, JSON.stringify({ d, i }) + "\n");
  repo.write("data/a/b/c/deep.json", "{}\n");
  repo.write("data/a/b/mid.json", "[]\n");
  repo.write("data/a/top.json", "1\n");
  repo.write("data/é/ü/ö.json", '"u"\n');
  repo.write("data/日本/語.json", '"j"\n');
  repo.write("data/x.y/f", "1\n");
  repo.write("data/x-y/f", "2\n");
  repo.write("data/x/f", "3\n");
  repo.write("data/x0/f", "4\n");
  repo.write("data/run.sh", "#!/bin/sh\n");
  fs.chmodSync(path.join(repo.dir, "data/run.sh"), 0o755);
  fs.mkdirSync(path.join(repo.dir, "data/empty"));
  fs.symlinkSync("../data/a/top.json", path.join(repo.dir, "data/link.json"));
  return repo;
}

/** A capture of the set as the work tree holds it now, on `previous` when given. */
async function capture(repo: TestRepo, treeBatch: number | undefined, previous?: string): Promise<{ tree: string; counters: Counters }> {
  const git = await Git.open(repo.dir);
  const { files } = await collectSetFiles(repo.dir, ["data/"]);
  const counters: Counters = {};
  const c = await captureStreaming(
    git,
    {
      set: "s",
      paths: ["data/"],
      files,
      ...(treeBatch !== undefined ? { treeBatch } : {}),
      ...(previous ? { previous: { id: previous } } : {}),
    },
    counters,
  );
  await c.verified;
  return { tree: c.tree!, counters };
}

/** The tree git's write-tree names for the snapshot's files and its manifest (from a temporary index). */
function writeTreeOf(repo: TestRepo, tree: string): string {
  const listing = repo.git("ls-tree", "-r", "-z", "--full-tree", tree);
  const index = path.join(repo.dir, ".git", "batches-test.index");
  fs.rmSync(index, { force: true });
  const env = { ...process.env, GIT_INDEX_FILE: index };
  // --index-info reads ls-tree's lines as they are.
  execFileSync("git", ["update-index", "-z", "--index-info"], { cwd: repo.dir, env, input: listing });
  const out = execFileSync("git", ["write-tree"], { cwd: repo.dir, env, encoding: "utf8" }).trim();
  fs.rmSync(index, { force: true });
  return out;
}

describe("snapshot trees packed in batches", () => {
  it("gives the tree a capture holding every tree gives, and git's write-tree, first and incremental", async () => {
    const repo = setup();
    const git = await Git.open(repo.dir);
    const cache = statCachePath(git.stateDir(), "s");

    const whole = await capture(repo, undefined);
    expect(whole.counters.treePacks).toBe(0); // a small set: every tree waits for the end
    fs.rmSync(cache, { force: true });
    // A batch of one byte: the trees of each finished chunk of folders are packed before the next.
    const batched = await capture(repo, 1);
    expect(batched.tree).toBe(whole.tree);
    expect(batched.counters.treePacks).toBeGreaterThan(0);
    expect(batched.counters.treesWritten).toBeGreaterThan(30);
    expect(writeTreeOf(repo, batched.tree)).toBe(batched.tree);
    expect(repo.tryGit("fsck", "--full", "--strict", "--no-dangling").status).toBe(0);

    // Incremental on that snapshot: a changed folder, a new one, a removed one.
    const commit = repo.git("commit-tree", batched.tree, "-m", "snapshot").trim();
    repo.write("data/d3/f1.json", '{"changed":true}\n');
    repo.write("data/new/n.json", "{}\n");
    fs.rmSync(path.join(repo.dir, "data/d7"), { recursive: true });
    const next = await capture(repo, 1, commit);
    fs.rmSync(cache, { force: true });
    const rebuilt = await capture(repo, undefined);
    expect(next.tree).toBe(rebuilt.tree);
    expect(writeTreeOf(repo, next.tree)).toBe(next.tree);
  });

  it("holds at most one batch of trees (plus the folders of one chunk) before packing them", async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
    // 40 folders of 40 files: each folder's tree is 40 entries of about 32 bytes.
    for (let d = 0; d < 40; d++) for (let i = 0; i < 40; i++) repo.write(`data/d${d}/f${i}.json`, `${d * 40 + i}\n`);
    const batch = 4096;
    const { tree, counters } = await capture(repo, batch);
    expect(counters.treePacks).toBeGreaterThan(1);
    // A chunk (capture.ts RUN: about 512 files) finishes at most 13 folders of 40 before the check.
    expect(counters.treeBytesHeld).toBeLessThan(batch + 13 * 40 * 40);
    expect(writeTreeOf(repo, tree)).toBe(tree);
  });
});
