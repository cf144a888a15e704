/**
 * The streamed read-back sends git the ids of the blobs it reads in bounded batches, made from
 * the rows as they are sent (blob-stream.ts IDS_PER_WRITE, issue 20): an incremental snapshot
 * whose stat cache vouches for nothing and whose blobs no pack proves reads every blob back, and
 * at 500,000 files one id string per blob, joined whole, was its peak (360 MB). The bound is
 * asked of the capture through its counter (the most ids held as text at once), with the same
 * verdicts: every blob read back, and a damaged one still named.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { IDS_PER_WRITE } from "../../src/io/snapshot/blob-stream.js";
import { captureStreaming } from "../../src/io/snapshot/capture.js";
import { collectSetFiles } from "../../src/io/snapshot/files.js";
import { statCachePath } from "../../src/io/snapshot/stat-cache.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const FILES = 300;
type Counters = {
  filesRead?: number;
  blobsWritten?: number;
  blobsReadBack?: number;
  blobsIntactInPacks?: number;
  readBackIdsHeld?: number;
};

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function setup(): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  for (let i = 0; i < FILES; i++) repo.write(`data/d${i % 7}/f${i}.json`, JSON.stringify({ i, pad: "q".repeat(i % 50) }) + "\n");
  const past = new Date(Date.now() - 60_000); // outside the stat cache's racy window
  for (let i = 0; i < FILES; i++) fs.utimesSync(path.join(repo.dir, `data/d${i % 7}/f${i}.json`), past, past);
  return repo;
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

async function capture(repo: TestRepo, previous: string | undefined, readBackIdBatch?: number) {
  const git = await Git.open(repo.dir);
  const { files } = await collectSetFiles(repo.dir, ["data/"]);
  const counters: Counters = {};
  const c = await captureStreaming(
    git,
    {
      set: "s",
      paths: ["data/"],
      files,
      ...(previous ? { previous: { id: previous } } : {}),
      ...(readBackIdBatch !== undefined ? { readBackIdBatch } : {}),
    },
    counters,
  );
  return { c, counters, git };
}

describe("streamed read-back ids in bounded batches", () => {
  it("reads every blob back holding at most one batch of ids, and gives the tree an unbatched read-back gives", async () => {
    const repo = setup();
    const first = await capture(repo, undefined);
    await first.c.verified;
    const c1 = repo.git("commit-tree", first.c.tree!, "-m", "snapshot").trim();
    // No stat cache: every file is read again, its blob is already stored (not written, so not
    // proven by this run's pack) and nothing vouches for it: all of them are read back by git.
    const cache = statCachePath(first.git.stateDir(), "s");
    fs.rmSync(cache, { force: true });
    const batched = await capture(repo, c1, 16);
    await batched.c.verified;
    expect(batched.counters.filesRead).toBe(FILES);
    // The previous snapshot's blob ids (blob-id-set.ts, packed) tell that every blob is stored: none written again.
    expect(batched.counters.blobsWritten).toBe(0);
    expect(batched.counters.blobsReadBack).toBe(FILES);
    expect(batched.counters.readBackIdsHeld).toBe(16);
    expect(batched.c.tree).toBe(first.c.tree);

    // The default batch: at most IDS_PER_WRITE ids (the set plus its manifest is fewer here).
    fs.rmSync(cache, { force: true });
    const plain = await capture(repo, c1);
    await plain.c.verified;
    expect(plain.counters.blobsReadBack).toBe(FILES);
    expect(plain.counters.readBackIdsHeld).toBe(Math.min(IDS_PER_WRITE, FILES + 1));
    expect(plain.c.tree).toBe(first.c.tree);
  });

  it("still names a blob git cannot read when the ids go in batches of one", async () => {
    const repo = setup();
    const first = await capture(repo, undefined);
    await first.c.verified;
    const c1 = repo.git("commit-tree", first.c.tree!, "-m", "snapshot").trim();
    // One blob's bytes damaged in the pack the first snapshot wrote: git dies when it reaches it,
    // with ids still to be sent, and the read-back names the file whatever the batch.
    expect(damageInPacks(repo, JSON.stringify({ i: 123, pad: "q".repeat(123 % 50) }))).toBe(1);
    fs.rmSync(statCachePath(first.git.stateDir(), "s"), { force: true });
    const again = await capture(repo, c1, 1);
    const error = await again.c.verified!.then(
      () => undefined,
      (e: unknown) => e as { findings?: { file?: string }[] },
    );
    expect(error?.findings?.map((f) => f.file)).toContain("data/d4/f123.json");
  });
});
