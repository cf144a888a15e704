/**
 * The read-back of blobs an incremental snapshot reuses, checked in the packs (pack-check.ts):
 * an entry whose stored bytes have the CRC-32 its index recorded, a whole blob of the manifest's
 * size, is not asked of git; anything else (a damaged entry, a delta, another size, an object
 * directory git takes from elsewhere) is left to git's read-back, which names a damaged blob.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { blobsIntactInPacks, objectsDirOf } from "../../src/io/snapshot/pack-check.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const FILES = 120; // above the pack threshold (64): the first snapshot packs every blob

function setup(): TestRepo {
  const repo = createRepo();
  for (let i = 0; i < FILES; i++) repo.write(`data/d${i % 5}/f${i}.json`, JSON.stringify({ i, pad: "p".repeat(i) }) + "\n");
  const past = new Date(Date.now() - 60_000); // outside the stat cache's racy window
  for (let i = 0; i < FILES; i++) fs.utimesSync(path.join(repo.dir, `data/d${i % 5}/f${i}.json`), past, past);
  return repo;
}

/** The blob ids of `paths` (as written by hash-object) in one buffer, and their sizes. */
function blobIds(repo: TestRepo, paths: string[]): { oids: Buffer; size: number[] } {
  const ids = repo
    .git("hash-object", ...paths)
    .trim()
    .split("\n");
  return {
    oids: Buffer.from(ids.join(""), "hex"),
    size: paths.map((p) => fs.statSync(path.join(repo.dir, p)).size),
  };
}

/** Flip one byte of `content` where it lies in the repository's packs; returns how many packs held it. */
function damageInPacks(repo: TestRepo, content: string): number {
  const packDir = path.join(repo.dir, ".git/objects/pack");
  let damaged = 0;
  for (const p of fs.readdirSync(packDir).filter((f) => f.endsWith(".pack"))) {
    const file = path.join(packDir, p);
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from(content));
    if (at < 0) continue;
    bytes.writeUInt8(bytes.readUInt8(at + 2) ^ 0x01, at + 2);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, bytes);
    damaged++;
  }
  return damaged;
}

describe("reused blobs checked in the packs", () => {
  it("an incremental asks git for none of the intact reused blobs, and still names a damaged one", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files });
      await first.verified;
      const c1 = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();

      repo.write("data/d3/f3.json", '{"changed":3}\n');
      const counters: { filesRead?: number; blobsReadBack?: number; blobsIntactInPacks?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: c1 } }, counters);
      await second.verified;
      expect(counters.filesRead).toBe(1);
      expect(counters.blobsIntactInPacks).toBe(FILES - 1);
      expect(counters.blobsReadBack).toBe(1);
      const c2 = repo.git("commit-tree", second.tree!, "-m", "snapshot", "-p", c1).trim();

      // The bytes of a reused blob damaged in its pack: its CRC-32 no longer holds, git reads it and fails.
      expect(damageInPacks(repo, JSON.stringify({ i: 77, pad: "p".repeat(77) }))).toBe(1);
      repo.write("data/d4/f4.json", '{"changed":4}\n');
      const counters3: { filesRead?: number; blobsIntactInPacks?: number } = {};
      const third = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: c2 } }, counters3);
      const error = (await third.verified!.then(
        () => undefined,
        (e: unknown) => e,
      )) as { findings?: { file?: string }[] } | undefined;
      expect(error?.findings?.map((f) => f.file)).toEqual(["data/d2/f77.json"]);
      // Every reused blob but the damaged one (f3, written within the racy window, is read again).
      expect(counters3.blobsIntactInPacks).toBe(FILES - counters3.filesRead! - 1);
    } finally {
      repo.cleanup();
    }
  });

  it("a first snapshot asks git for none of the blobs it packed, and names one damaged on disk before the read-back", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const counters: { blobsWritten?: number; blobsReadBack?: number; blobsIntactInPacks?: number } = {};
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files }, counters);
      await first.verified;
      expect(counters).toMatchObject({ blobsWritten: FILES, blobsIntactInPacks: FILES, blobsReadBack: 0 });

      // Another repository, the same files: one blob's bytes damaged in the pack the snapshot
      // just wrote, before its read-back looks (it starts with a git listing, so the damage,
      // done in this same tick, comes first). Its CRC-32 no longer holds: git reads it and fails.
      const other = setup();
      try {
        const otherGit = await Git.open(other.dir);
        const again: { blobsIntactInPacks?: number } = {};
        const taken = await captureStreaming(otherGit, { set: "s", paths: ["data/"], files }, again);
        expect(damageInPacks(other, JSON.stringify({ i: 77, pad: "p".repeat(77) }))).toBe(1);
        const error = (await taken.verified!.then(
          () => undefined,
          (e: unknown) => e,
        )) as { findings?: { file?: string }[] } | undefined;
        expect(error?.findings?.map((f) => f.file)).toEqual(["data/d2/f77.json"]);
        expect(again.blobsIntactInPacks).toBe(FILES - 1);
      } finally {
        other.cleanup();
      }
    } finally {
      repo.cleanup();
    }
  });

  it("blobs stored as deltas (after a repack) are left to git, and the incremental still verifies", async () => {
    const repo = setup();
    try {
      const git = await Git.open(repo.dir);
      const { files } = await collectSetFiles(repo.dir, ["data/"]);
      const first = await captureStreaming(git, { set: "s", paths: ["data/"], files });
      await first.verified;
      const c1 = repo.git("commit-tree", first.tree!, "-m", "snapshot").trim();
      repo.git("update-ref", "refs/heads/snap", c1);
      // The files differ by a few bytes each: a repack stores most of them as deltas.
      repo.git("repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50");
      const deltas = repo
        .git(
          "verify-pack",
          "-v",
          ...fs
            .readdirSync(path.join(repo.dir, ".git/objects/pack"))
            .filter((f) => f.endsWith(".idx"))
            .map((f) => `.git/objects/pack/${f}`),
        )
        .split("\n")
        .filter((l) => / blob +\d+ \d+ \d+ \d+ [0-9a-f]{40}$/.test(l)).length;
      expect(deltas).toBeGreaterThan(10);

      repo.write("data/d3/f3.json", '{"changed":3}\n');
      const counters: { blobsIntactInPacks?: number } = {};
      const second = await captureStreaming(git, { set: "s", paths: ["data/"], files, previous: { id: c1 } }, counters);
      await second.verified;
      expect(counters.blobsIntactInPacks).toBe(FILES - 1 - deltas);
    } finally {
      repo.cleanup();
    }
  });

  it("proves only whole blobs of the size asked, intact on disk, in this object directory", () => {
    const repo = setup();
    try {
      const paths = ["data/d0/f0.json", "data/d1/f1.json", "data/d2/f2.json", "data/d3/f3.json"];
      const { oids, size } = blobIds(repo, paths);
      // One pack of the four, every object whole (no deltas), stored uncompressed (to be damaged below).
      execFileSync("git", ["-c", "pack.compression=0", "pack-objects", "-q", "--window=0", ".git/objects/pack/pack"], {
        cwd: repo.dir,
        input: repo.git("hash-object", "-w", ...paths),
      });
      const objects = objectsDirOf(path.join(repo.dir, ".git"), {});
      const rows = [0, 1, 2, 3];
      expect([...blobsIntactInPacks(objects, { oids, size, rows })].sort()).toEqual(rows);
      // Another size than the manifest's: not proven.
      expect([...blobsIntactInPacks(objects, { oids, size: [size[0]! + 1, ...size.slice(1)], rows })].sort()).toEqual([1, 2, 3]);
      // An id no pack holds: not proven.
      const absent = Buffer.from(oids);
      absent.writeUInt8(absent.readUInt8(20 * 2 + 19) ^ 0xff, 20 * 2 + 19);
      expect([...blobsIntactInPacks(objects, { oids: absent, size, rows })].sort()).toEqual([0, 1, 3]);
      // A damaged entry: not proven.
      expect(damageInPacks(repo, JSON.stringify({ i: 1, pad: "p" }))).toBe(1);
      expect([...blobsIntactInPacks(objects, { oids, size, rows })].sort()).toEqual([0, 2, 3]);
      // git told to read another object directory: nothing is looked at here.
      expect(objectsDirOf(path.join(repo.dir, ".git"), { GIT_OBJECT_DIRECTORY: "/elsewhere" })).toBeUndefined();
      expect(blobsIntactInPacks(undefined, { oids, size, rows }).size).toBe(0);
    } finally {
      repo.cleanup();
    }
  });
});
