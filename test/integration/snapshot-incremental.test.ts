import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { statCachePath } from "../../src/io/snapshot/stat-cache.js";
import { snapshotConfig } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const FILES = 200; // above the pack threshold (64): the first snapshot packs every blob

/** A set of FILES files in 7 folders, dated a minute ago (outside the racy window of the stat cache). */
function setup(): TestRepo {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sign: "{ format: none }", sets: '    s: { paths: ["data/"] }' }));
  for (let i = 0; i < FILES; i++) repo.write(`data/d${i % 7}/f${i}.json`, JSON.stringify({ i }) + "\n");
  ageFiles(repo);
  return repo;
}

function ageFiles(repo: TestRepo): void {
  const past = new Date(Date.now() - 60_000);
  for (const f of fs.readdirSync(path.join(repo.dir, "data"), { recursive: true }) as string[]) {
    const abs = path.join(repo.dir, "data", f);
    if (fs.statSync(abs).isFile()) fs.utimesSync(abs, past, past);
  }
}

/** Every object in the repository, loose and packed. */
function objectCount(repo: TestRepo): number {
  const out = repo.git("count-objects", "-v");
  return Number(/^count: (\d+)$/m.exec(out)![1]) + Number(/^in-pack: (\d+)$/m.exec(out)![1]);
}

describe("incremental snapshot", () => {
  it("writes only the changed blobs and the trees above them, and names the same tree a full snapshot gives", async () => {
    const repo = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "s"])).code).toBe(0);
      const first = repo.git("rev-parse", "integrity-snapshots").trim();
      const before = objectCount(repo);
      repo.write("data/d1/f8.json", '{"changed":1}\n');
      repo.write("data/d1/f15.json", '{"changed":2}\n');
      repo.write("data/d2/f9.json", '{"changed":3}\n');
      const r = await repo.cli(["snapshot", "--set", "s"]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const second = repo.git("rev-parse", "integrity-snapshots").trim();
      expect(repo.git("rev-parse", `${second}^`).trim()).toBe(first);
      // 3 blobs, the manifest, the trees of data/d1, data/d2, data, .integrity-snapshot and the
      // root, and the commit: nothing of the 197 unchanged files or the 5 unchanged folders.
      expect(objectCount(repo) - before).toBe(3 + 1 + 5 + 1);
      expect(repo.git("diff-tree", "-r", "--name-only", first, second).trim().split("\n")).toEqual([
        ".integrity-snapshot/manifest.json",
        "data/d1/f15.json",
        "data/d1/f8.json",
        "data/d2/f9.json",
      ]);

      // The same files snapshotted from nothing (no previous snapshot, no cache): the same tree.
      const git = await Git.open(repo.dir);
      fs.rmSync(statCachePath(git.stateDir(), "s"));
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      // The set's policy recorded what it leaves out (git-ignored files by default): the same here.
      const stored = JSON.parse(repo.git("show", `${second}:.integrity-snapshot/manifest.json`)) as { excludes?: { ignored?: true } };
      const full = await captureStreaming(git, {
        set: "s",
        paths: ["data/"],
        files,
        ...(stored.excludes ? { excludes: stored.excludes } : {}),
      });
      await full.verified;
      expect(full.tree).toBe(repo.git("rev-parse", `${second}^{tree}`).trim());
      expect(repo.git("fsck", "--full", "--strict", "--no-dangling").trim()).toBe("");
    } finally {
      repo.cleanup();
    }
  });

  it("reads only the files whose stat changed, and again every file when the cache belongs to another tree", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const counters: { filesRead?: number; blobsWritten?: number } = {};
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files }, counters);
      await first.verified;
      expect(counters).toMatchObject({ filesRead: FILES, blobsWritten: FILES });
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();

      repo.write("data/d3/f3.json", '{"changed":true}\n');
      const again: { filesRead?: number; blobsWritten?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit } }, again);
      await second.verified;
      expect(again).toMatchObject({ filesRead: 1, blobsWritten: 1 });

      // A cache written for another tree (here: the second one) is not used for the first.
      const other: { filesRead?: number; blobsWritten?: number } = {};
      await (
        await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit } }, other)
      ).verified;
      expect(other).toMatchObject({ filesRead: FILES, blobsWritten: 0 });
    } finally {
      repo.cleanup();
    }
  });

  it("a change deep in the tree writes its blob and the trees above it only, and reads back only that blob", async () => {
    const repo = setup();
    try {
      repo.write("data/a/b/c/d/deep.json", '{"v":1}\n');
      ageFiles(repo);
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const counters: { blobsWritten?: number; blobsReadBack?: number; blobsIntactInPacks?: number } = {};
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files }, counters);
      await first.verified;
      // A first snapshot checks every blob it packed in its own pack (CRC-32 and size), none hashed again.
      expect(counters).toMatchObject({ blobsWritten: FILES + 1, blobsReadBack: 0, blobsIntactInPacks: FILES + 1 });
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();

      repo.write("data/a/b/c/d/deep.json", '{"v":2}\n');
      const before = objectCount(repo);
      const again: { filesRead?: number; blobsWritten?: number; treesWritten?: number; blobsReadBack?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit } }, again);
      await second.verified;
      // data/a/b/c/d, data/a/b/c, data/a/b, data/a, data and the root; the manifest folder;
      // the manifest and the one changed blob: nine objects, whatever the size of the set.
      expect(again).toMatchObject({ filesRead: 1, blobsWritten: 1, treesWritten: 7, blobsReadBack: 1 });
      expect(objectCount(repo) - before).toBe(9);
      expect(repo.git("show", `${second.tree}:data/a/b/c/d/deep.json`)).toBe('{"v":2}\n');
      expect(repo.git("diff-tree", "-r", "--name-only", first.tree!, second.tree!).trim().split("\n")).toEqual([
        ".integrity-snapshot/manifest.json",
        "data/a/b/c/d/deep.json",
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it("a damaged blob the incremental reuses (not read back by it) is still caught: refused, naming the file", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      // Blobs are packed with stored (uncompressed) deflate blocks: flip one byte of f42's bytes.
      const packDir = path.join(repo.dir, ".git/objects/pack");
      const needle = Buffer.from('{"i":42}\n');
      const pack = fs
        .readdirSync(packDir)
        .filter((f) => f.endsWith(".pack"))
        .find((f) => fs.readFileSync(path.join(packDir, f)).includes(needle));
      expect(pack).toBeDefined();
      const bytes = fs.readFileSync(path.join(packDir, pack!));
      const at = bytes.indexOf(needle) + 5;
      bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
      fs.chmodSync(path.join(packDir, pack!), 0o644);
      fs.writeFileSync(path.join(packDir, pack!), bytes);

      repo.write("data/d3/f3.json", '{"changed":true}\n');
      const counters: { filesRead?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit } }, counters);
      expect(counters.filesRead).toBe(1); // f42 came from the cache: only git read its blob
      const error = (await second.verified!.then(
        () => undefined,
        (e: unknown) => e,
      )) as { findings?: { file?: string }[] } | undefined;
      expect(error?.findings?.map((f) => f.file)).toContain("data/d0/f42.json");
    } finally {
      repo.cleanup();
    }
  });

  it("a damaged stat cache is not used: every file is read again and the snapshot holds what the files hold", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      // One digit of a recorded SHA-256 flipped (a bad sector, a stray write): the record still
      // parses, and taken as it is the manifest would name a digest no file has.
      const cacheFile = statCachePath(git.stateDir(), "s");
      const bytes = fs.readFileSync(cacheFile);
      // The block of data/d1 starts with its first path (f1.json); its SHA-256 column follows the
      // head line, the ident and the manifest text, and its first byte is f1.json's digest.
      const head = bytes.indexOf("data/d1/f1.json\0data/d1/");
      expect(head).toBeGreaterThan(0);
      const nl = bytes.indexOf(10, head);
      const [, identBytes, textBytes] = bytes
        .toString("latin1", bytes.lastIndexOf(0, nl) + 1, nl)
        .split(" ")
        .map(Number);
      const at = nl + 1 + identBytes! + textBytes!;
      expect(bytes.toString("utf8", at - textBytes!, at)).toMatch(/^ {2}"data\/d1\/f1\.json": \{/);
      bytes[at] = bytes[at]! ^ 1;
      fs.writeFileSync(cacheFile, bytes);

      repo.write("data/d3/f3.json", '{"changed":true}\n');
      const again: { filesRead?: number; blobsReadBack?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit } }, again);
      await second.verified;
      // Read without a cache, no file is vouched for by the previous snapshot: all are read back.
      expect(again).toMatchObject({ filesRead: FILES, blobsReadBack: FILES });
      const manifest = JSON.parse(repo.git("show", `${second.tree}:.integrity-snapshot/manifest.json`)) as {
        files: Record<string, { sha256: string }>;
      };
      expect(manifest.files["data/d1/f1.json"]!.sha256).toBe(
        JSON.parse(repo.git("show", `${first.tree}:.integrity-snapshot/manifest.json`)).files["data/d1/f1.json"].sha256,
      );
      expect(repo.git("show", `${second.tree}:data/d3/f3.json`)).toBe('{"changed":true}\n');
    } finally {
      repo.cleanup();
    }
  });

  it("reads a file again whose size and mtime were put back (its ctime tells)", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      repo.write("data/d0/f0.json", '{"i":"a"}\n');
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files });
      await first.verified;
      const commit = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      // Same size, mtime put back: only the ctime (and the racy rule) tell that it changed.
      const st = fs.statSync(path.join(repo.dir, "data/d0/f0.json"));
      repo.write("data/d0/f0.json", '{"i":"b"}\n');
      fs.utimesSync(path.join(repo.dir, "data/d0/f0.json"), st.atime, st.mtime);
      const counters: { filesRead?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: commit } }, counters);
      await second.verified;
      expect(counters.filesRead).toBe(1);
      expect(repo.git("show", `${second.tree}:data/d0/f0.json`)).toBe('{"i":"b"}\n');
    } finally {
      repo.cleanup();
    }
  });
});
