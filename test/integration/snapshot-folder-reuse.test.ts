/**
 * Per-folder reuse of an incremental snapshot (issue 20): a folder whose files' names and stats
 * are all those the stat cache recorded is taken whole (its manifest text, rows and tree id),
 * without a look at each file. The snapshot must be exactly the one a full rebuild gives, and
 * no stale or damaged cache may change it: a reused tree is checked against the previous
 * snapshot's tree, and the cache is bound to that tree and to the SHA-256 of its blocks.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { statCachePath } from "../../src/io/snapshot/stat-cache.js";
import { snapshotConfig } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

type Counters = { filesRead?: number; blobsWritten?: number; treesReused?: number; treesWritten?: number };

/** 8 folders of files only (data/d0..d7), one deeper (data/n/x/y) and files beside folders (data/n), dated a minute ago. */
function setup(): TestRepo {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
  for (let i = 0; i < 160; i++) repo.write(`data/d${i % 8}/f${i}.json`, JSON.stringify({ i }) + "\n");
  for (let i = 0; i < 6; i++) repo.write(`data/n/x/y/g${i}.json`, JSON.stringify({ g: i }) + "\n");
  repo.write("data/n/a.json", '{"a":1}\n');
  repo.write("data/n/z.json", '{"z":1}\n');
  age(repo);
  return repo;
}

function age(repo: TestRepo, files?: string[]): void {
  const past = new Date(Date.now() - 60_000);
  for (const f of files ?? (fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[]).map((f) => `data/${f}`)) {
    const abs = path.join(repo.dir, f);
    if (fs.statSync(abs).isFile()) fs.utimesSync(abs, past, past);
  }
}

/** Write files dated a minute ago: outside the racy window, so the next snapshot may take their folder whole. */
function writeOld(repo: TestRepo, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) repo.write(f, text);
  age(repo, Object.keys(files));
}

/** A snapshot of the set as it is now, with no previous snapshot and no cache: the rebuild to compare with. */
async function fresh(repo: TestRepo, git: Git): Promise<string> {
  const cache = statCachePath(git.stateDir(), "s");
  const kept = fs.existsSync(cache) ? fs.readFileSync(cache) : undefined;
  fs.rmSync(cache, { force: true });
  const { files } = await collectSetFiles(repo.dir, ["data/"]);
  const full = await captureStreaming(git, { set: "s", paths: ["data/"], files });
  await full.verified;
  if (kept) fs.writeFileSync(cache, kept);
  return full.tree!;
}

/** A capture on `previous` (a commit of the last tree), its counters, and a commit of its tree. */
async function incremental(repo: TestRepo, git: Git, previous: string): Promise<{ tree: string; commit: string; counters: Counters }> {
  const { files } = await collectSetFiles(repo.dir, ["data/"]);
  const counters: Counters = {};
  const c = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: previous } }, counters);
  await c.verified;
  const tree = c.tree ?? repo.git("rev-parse", `${previous}^{tree}`).trim();
  return { tree, commit: repo.git("commit-tree", tree, "-m", "snapshot").trim(), counters };
}

async function first(repo: TestRepo, git: Git): Promise<string> {
  const { files } = await collectSetFiles(repo.dir, ["data/"]);
  const c = await captureStreaming(git, { set: "s", paths: ["data/"], files });
  await c.verified;
  return repo.git("commit-tree", c.tree!, "-m", "snapshot").trim();
}

/** Rewrite the cache's header digest after an edit of its blocks (a consistent but stale cache). */
function rehash(file: string, bytes: Buffer): void {
  const nl = bytes.indexOf(10);
  const head = bytes.toString("latin1", 0, nl).split(" ");
  head[head.length - 1] = crypto
    .createHash("sha256")
    .update(bytes.subarray(nl + 1))
    .digest("hex");
  fs.writeFileSync(file, Buffer.concat([Buffer.from(head.join(" "), "latin1"), bytes.subarray(nl)]));
}

describe("incremental snapshot: unchanged folders taken whole", () => {
  it("reads only changed files, reuses the trees of unchanged folders, and names the tree a full rebuild names", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const c1 = await first(repo, git);
      // A changed file (d1), a new file (d2), a removed file (d3), a file made executable (d4:
      // same size and mtime, new ctime), a change beside a folder (data/n) and deep below it.
      writeOld(repo, {
        "data/d1/f1.json": '{"changed":1}\n',
        "data/d2/new.json": '{"new":1}\n',
        "data/n/z.json": '{"z":2}\n',
        "data/n/x/y/g0.json": '{"g":"changed"}\n',
      });
      fs.rmSync(path.join(repo.dir, "data/d3/f3.json"));
      fs.chmodSync(path.join(repo.dir, "data/d4/f4.json"), 0o755);
      const second = await incremental(repo, git, c1);
      // d0, d5, d6, d7 unchanged: taken whole. Read: the changed, new and chmod'ed files, and
      // the two changed files of data/n (the rest of data/n and data/n/x/y is in runs that
      // changed, whose other files the cache still vouches for one by one).
      expect(second.counters).toMatchObject({ treesReused: 4, filesRead: 5 });
      expect(second.tree).toBe(await fresh(repo, git));
      expect(repo.git("show", `${second.tree}:data/d1/f1.json`)).toBe('{"changed":1}\n');
      expect(repo.git("ls-tree", second.tree, "data/d4/f4.json")).toMatch(/^100755 /);
      expect(repo.git("ls-tree", "-r", "--name-only", second.tree, "data/d3/")).not.toContain("f3.json");

      // Nothing changed since: every folder is taken whole (data/n is beside its folder x, so
      // its runs are compared file by file), nothing is read, and the tree is the same.
      const third = await incremental(repo, git, second.commit);
      expect(third.counters).toMatchObject({ filesRead: 0, treesReused: 9 });
      expect(third.tree).toBe(second.tree);
      expect(repo.git("fsck", "--full", "--strict", "--no-dangling").trim()).toBe("");
    } finally {
      repo.cleanup();
    }
  });

  it("a file rewritten with its size and mtime put back makes its folder be compared file by file (the ctime tells)", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const c1 = await first(repo, git);
      const file = path.join(repo.dir, "data/d5/f5.json");
      const st = fs.statSync(file);
      fs.writeFileSync(file, '{"i":9}\n'); // same size as {"i":5}
      fs.utimesSync(file, st.atime, st.mtime);
      const second = await incremental(repo, git, c1);
      // d5 is compared file by file; the 7 other folders of files and data/n/x/y are taken whole.
      expect(second.counters).toMatchObject({ filesRead: 1, treesReused: 8 });
      expect(repo.git("show", `${second.tree}:data/d5/f5.json`)).toBe('{"i":9}\n');
      expect(second.tree).toBe(await fresh(repo, git));
    } finally {
      repo.cleanup();
    }
  });

  it("a folder tree in the cache that the previous snapshot does not hold there is not used (a stale cache, digest redone)", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const c1 = await first(repo, git);
      const oldD6 = repo.git("rev-parse", `${c1}:data/d6`).trim();
      writeOld(repo, { "data/d6/f6.json": '{"changed":6}\n' });
      const second = await incremental(repo, git, c1);
      const newD6 = repo.git("rev-parse", `${second.commit}:data/d6`).trim();
      expect(newD6).not.toBe(oldD6);
      // The cache now names d6's new tree; put the old one there (as a cache of another
      // snapshot of the same files would) and make the digest agree: the stats still match.
      const cacheFile = statCachePath(git.stateDir(), "s");
      const bytes = fs.readFileSync(cacheFile);
      const at = bytes.indexOf(newD6);
      expect(at).toBeGreaterThan(0);
      bytes.write(oldD6, at, "latin1");
      rehash(cacheFile, bytes);
      repo.write("data/d0/f0.json", '{"changed":0}\n'); // something else changed: a new snapshot is written
      const third = await incremental(repo, git, second.commit);
      expect(repo.git("rev-parse", `${third.tree}:data/d6`).trim()).toBe(newD6);
      expect(repo.git("show", `${third.tree}:data/d6/f6.json`)).toBe('{"changed":6}\n');
      expect(third.tree).toBe(await fresh(repo, git));
      // The cache was set aside: every file was read again.
      expect(third.counters).toMatchObject({ treesReused: 0, filesRead: 168 });
    } finally {
      repo.cleanup();
    }
  });

  it("a truncated cache is not used: the snapshot is the full rebuild's", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const c1 = await first(repo, git);
      const cacheFile = statCachePath(git.stateDir(), "s");
      for (const keep of [0.5, 0.97]) {
        const bytes = fs.readFileSync(cacheFile);
        fs.writeFileSync(cacheFile, bytes.subarray(0, Math.floor(bytes.length * keep)));
        repo.write("data/d7/f7.json", JSON.stringify({ keep }) + "\n");
        const next = await incremental(repo, git, c1);
        expect(next.counters).toMatchObject({ treesReused: 0, filesRead: 168 });
        expect(next.tree).toBe(await fresh(repo, git));
        // Back to the first snapshot's cache for the next round.
        fs.writeFileSync(cacheFile, bytes);
      }
    } finally {
      repo.cleanup();
    }
  });

  it("a cache from another repository with the same snapshot tree is not taken (other inodes): every file is read", async () => {
    const a = setup();
    const b = createRepo();
    try {
      // b holds copies of a's files (same names and bytes, so the same snapshot tree).
      fs.cpSync(path.join(a.dir, "data"), path.join(b.dir, "data"), { recursive: true });
      fs.cpSync(path.join(a.dir, ".integrity-guard"), path.join(b.dir, ".integrity-guard"), { recursive: true });
      age(b);
      const ga = await Git.open(a.dir);
      const gb = await Git.open(b.dir);
      await first(a, ga);
      const cb = await first(b, gb);
      fs.copyFileSync(statCachePath(ga.stateDir(), "s"), statCachePath(gb.stateDir(), "s"));
      b.write("data/d2/f2.json", '{"changed":2}\n');
      const next = await incremental(b, gb, cb);
      expect(next.counters).toMatchObject({ treesReused: 0, filesRead: 168 });
      expect(next.tree).toBe(await fresh(b, gb));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
