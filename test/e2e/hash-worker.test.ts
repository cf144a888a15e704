/**
 * The hash worker is a TypeScript module (src/io/hash/hash-worker.ts) built as its own entry
 * beside every bundle: each dist/<bundle>/hash-worker.cjs starts as a worker thread and answers
 * the pool's protocol, and the built CLI, which finds it next to itself, hashes through it.
 * (From the sources, test/unit/manifest-hash*.test.ts run the same worker compiled from src.)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { DIST_DIR, withRepo } from "../helpers/repo.js";
import type { FromWorker } from "../../src/io/hash/hash-worker.js";
import { batchViews } from "../../src/io/hash/result-batch.js";

const sha = (b: Buffer | string) => crypto.createHash("sha256").update(b).digest("hex");

/** One result as the worker sent it: a file read (its digest decoded to hex) or an error. */
interface Decoded {
  i: number;
  sha?: string;
  size?: number;
  code?: string;
}

/** Speak the pool's protocol to one worker file: hash `paths`, return every result batch merged. */
function runWorker(file: string, paths: string[]): Promise<Decoded[]> {
  const worker = new Worker(file);
  const results: Decoded[] = [];
  let done = false;
  return new Promise((resolve, reject) => {
    worker.on("message", (msg: FromWorker) => {
      // The files read come as one binary batch (result-batch.ts), the errors as objects.
      const v = batchViews(msg.ok, msg.cap);
      for (let k = 0; k < msg.n; k++)
        results.push({ i: v.idx[k]!, sha: Buffer.from(v.digests.subarray(32 * k, 32 * k + 32)).toString("hex"), size: v.sizes[k]! });
      for (const r of msg.errors) results.push({ i: r.i!, ...(r.code ? { code: r.code } : {}) });
      if (!msg.done) return;
      done = true;
      resolve(results);
      void worker.terminate();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (!done) reject(new Error(`worker exited (code ${code}) before its last batch`));
    });
    worker.postMessage({ counter: new SharedArrayBuffer(4), bufSize: 64 * 1024 });
    // Two chunks, then the end: the same order of messages the pool sends.
    worker.postMessage({ paths: paths.slice(0, 2) });
    worker.postMessage({ paths: paths.slice(2), end: paths.length });
  });
}

describe("the hash worker built into dist/", () => {
  for (const bundle of ["cli", "action", "lib"]) {
    it(`dist/${bundle}/hash-worker.cjs starts as a worker and hashes, errors as results`, async () => {
      const file = path.join(DIST_DIR, bundle, "hash-worker.cjs");
      expect(fs.existsSync(file), file).toBe(true);
      await withRepo(async (repo) => {
        const small = repo.write("a.json", '{"a":1}\n');
        const big = repo.write("big.bin", crypto.randomBytes(200 * 1024)); // more than one 64 KiB read
        const link = path.join(repo.dir, "link");
        fs.symlinkSync(small, link);
        const results = await runWorker(file, [small, big, path.join(repo.dir, "missing"), link]);
        const byIndex = new Map(results.map((r) => [r.i, r]));
        expect(byIndex.size).toBe(4);
        expect(byIndex.get(0)).toMatchObject({ sha: sha('{"a":1}\n'), size: 8 });
        expect(byIndex.get(1)).toMatchObject({ sha: sha(fs.readFileSync(big)), size: 200 * 1024 });
        expect(byIndex.get(2)).toMatchObject({ code: "ENOENT" });
        expect(byIndex.get(3)).toMatchObject({ code: "ELOOP" }); // never followed
      });
    });
  }

  it("the built CLI hashes many files through it (seal, then verify --no-cache finds one edit)", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
      // 300 files: above the pool's inline threshold (64), so worker threads hash them.
      const expected = new Map<string, string>();
      for (let i = 0; i < 300; i++) {
        const text = `{"i":${i},"pad":"${"x".repeat(i)}"}\n`;
        repo.write(`data/f${i}.json`, text);
        expected.set(`data/f${i}.json`, sha(text));
      }
      repo.commitAll();
      const seal = repo.cliBundle(["seal", "--no-cache", "--format", "sha256sum"]);
      expect(seal.code, seal.stderr).toBe(0);
      const lines = seal.stdout.trim().split("\n");
      expect(lines).toHaveLength(300);
      for (const line of lines) expect(line.slice(0, 64)).toBe(expected.get(line.slice(66)));
      repo.write("data/f7.json", '{"i":7,"edited":true}\n');
      const verify = repo.cliBundle(["verify", "--no-cache", "--format", "json"]);
      expect(verify.code).toBe(1);
      const report = JSON.parse(verify.stdout) as { findings: { rule: string; file: string }[] };
      expect(report.findings.map((f) => `${f.rule} ${f.file}`)).toEqual(["manifest/modified data/f7.json"]);
    });
  });
});
