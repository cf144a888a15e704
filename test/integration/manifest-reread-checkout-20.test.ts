/**
 * When the sharded manifest is read again under the manifest lock (io/manifest-store.ts,
 * readManifestSetSparse). seal writes the changed shards first and the root last, holding the
 * lock, so shards newer than the root may be a seal under way: the reader then reads again
 * holding the lock (verify-during-seal-14). A fresh clone's shards are often newer than its root
 * too (git writes the files in its own order), and every first `verify` read the manifest twice
 * and waited on the lock. Shards whose bytes are the ones the root records (their SHA-256) are
 * one seal's with it, whatever their times: no second reading. New shards under the old root
 * are still read again under the lock.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Git } from "../../src/io/git.js";
import { readManifestSetSparse } from "../../src/io/manifest-store.js";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const locks = vi.hoisted(() => ({ taken: [] as string[] }));
vi.mock("../../src/io/lock.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/io/lock.js")>();
  return {
    ...actual,
    acquireLock: (lockPath: string, options?: Parameters<typeof actual.acquireLock>[1]) => {
      locks.taken.push(path.basename(lockPath));
      return actual.acquireLock(lockPath, options);
    },
  };
});

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  locks.taken.length = 0;
});

const SHARDS = ".integrity-guard/manifest.d";

/** A sealed, committed repository with a sharded manifest, and a fresh clone of it. */
async function sealedAndClone(): Promise<{ a: TestRepo; b: TestRepo }> {
  const a = createRepo();
  repos.push(a);
  a.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  for (let i = 0; i < 4200; i++) a.write(`data/f${i}.json`, `{"i":${i}}\n`);
  expect((await a.cli(["seal"])).code).toBe(0);
  a.commitAll("sealed");
  const dir = path.join(makeTempDir("ig-reread-"), "b");
  a.git("clone", "-q", a.dir, dir);
  const b = createRepo({ dir });
  repos.push(b);
  return { a, b };
}

/** Give every shard file a ctime after the root's (a chmod changes it), as a checkout may leave them. */
async function shardsAfterRoot(r: TestRepo): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const dir = path.join(r.dir, SHARDS);
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
  const rootTime = fs.statSync(path.join(r.dir, ".integrity-guard/manifest.json"), { bigint: true }).ctimeNs;
  expect(fs.readdirSync(dir).every((f) => fs.statSync(path.join(dir, f), { bigint: true }).ctimeNs > rootTime)).toBe(true);
}

describe("the sharded manifest's second reading under the lock", () => {
  it("a fresh clone whose shards are newer than the root: read once, the lock not taken", async () => {
    const { a, b } = await sealedAndClone();
    await shardsAfterRoot(b);
    const set = await readManifestSetSparse(b.dir, await Git.open(b.dir));
    expect(set?.sharded).toBe(true);
    expect(locks.taken).toEqual([]);
    expect(set?.sha256).toBe((await readManifestSetSparse(a.dir, await Git.open(a.dir)))?.sha256);
    expect((await b.cli(["verify"])).code).toBe(0);
  }, 180_000);

  it("a seal's new shards under the old root: read again holding the lock", async () => {
    const { a, b } = await sealedAndClone();
    // b sealed after an edit: its changed shards are what a seal of `a` writes before its root.
    for (const r of [a, b]) r.write("data/f1.json", '{"i":"edited"}\n');
    expect((await b.cli(["seal"])).code).toBe(0);
    const changed = fs
      .readdirSync(path.join(b.dir, SHARDS))
      .map((f) => `${SHARDS}/${f}`)
      .filter((rel) => !fs.readFileSync(path.join(b.dir, rel)).equals(fs.readFileSync(path.join(a.dir, rel))));
    expect(changed.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const rel of changed) fs.copyFileSync(path.join(b.dir, rel), path.join(a.dir, rel));
    await readManifestSetSparse(a.dir, await Git.open(a.dir));
    expect(locks.taken).toEqual(["manifest.lock"]);
  }, 180_000);
});
