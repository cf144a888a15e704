/**
 * `verify` while a `seal` rewrites a sharded manifest. seal writes the changed shards first and
 * the root last, holding the manifest lock; a verify that read the files in between saw new
 * shards under the old root and reported `manifest/corrupt` ("edited by hand or damaged", exit
 * 1) for a manifest that is fine (seen with a seal loop beside a verify loop: 1 run in 12). A
 * shard newer than its root now makes the reader read again holding the lock, so it reads one
 * seal's files. A manifest really left so (a killed seal) is still reported corrupt.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock } from "../../src/io/lock.js";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function verify(r: TestRepo): Promise<{ code: number; rules: string[] }> {
  const out = await r.cli(["verify", "--format", "json"]);
  const report = JSON.parse(out.stdout || '{"findings":[]}') as { findings: { rule: string }[] };
  return { code: out.code, rules: [...new Set(report.findings.map((f) => f.rule))] };
}

/**
 * A sealed sharded repository `a` with data/f1.json edited, and `b`, a clone with the same edit
 * sealed: b's manifest files are the ones a seal of `a` would write. Returns the shard files that
 * differ.
 */
async function pair(): Promise<{ a: TestRepo; b: TestRepo; changed: string[] }> {
  const a = createRepo();
  repos.push(a);
  a.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  for (let i = 0; i < 4200; i++) a.write(`data/f${i}.json`, `{"i":${i}}\n`);
  expect((await a.cli(["seal"])).code).toBe(0);
  a.commitAll("sealed");
  const dir = path.join(makeTempDir("ig-seal-pair-"), "b");
  a.git("clone", "-q", a.dir, dir);
  const b = createRepo({ dir });
  repos.push(b);
  for (const r of [a, b]) r.write("data/f1.json", '{"i":"edited"}\n');
  expect((await b.cli(["seal"])).code).toBe(0);
  const shards = ".integrity-guard/manifest.d";
  const changed = fs
    .readdirSync(path.join(b.dir, shards))
    .map((f) => `${shards}/${f}`)
    .filter((rel) => !fs.readFileSync(path.join(b.dir, rel)).equals(fs.readFileSync(path.join(a.dir, rel))));
  expect(changed.length).toBeGreaterThan(0);
  return { a, b, changed };
}

function copy(from: TestRepo, to: TestRepo, rel: string): void {
  fs.copyFileSync(path.join(from.dir, rel), path.join(to.dir, rel));
}

describe("verify while a seal is writing the shards", () => {
  it("reads the finished seal, not a root and shards of two seals", async () => {
    const { a, b, changed } = await pair();
    // A seal of `a`, paused after its shards: the lock held, the new shards in place, the old root.
    const release = await acquireLock(path.join(a.dir, ".git/integrity-guard/manifest.lock"));
    let settled = false;
    let result: Promise<{ code: number; rules: string[] }>;
    try {
      for (const rel of changed) copy(b, a, rel);
      result = verify(a);
      void result.then(() => (settled = true));
      // Given time to finish, a verify that does not wait for the seal reads the mixed files.
      for (let i = 0; i < 100 && !settled; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled ? await result : undefined).toBeUndefined();
      copy(b, a, ".integrity-guard/manifest.json"); // the seal finishes
    } finally {
      await release();
    }
    expect(await result).toEqual({ code: 0, rules: [] });
  }, 120_000);

  it("a seal killed after its shards (no lock held) is still reported corrupt", async () => {
    const { a, b, changed } = await pair();
    for (const rel of changed) copy(b, a, rel);
    const out = await verify(a);
    expect(out.code).toBe(1);
    expect(out.rules).toContain("manifest/corrupt");
  }, 120_000);
});
