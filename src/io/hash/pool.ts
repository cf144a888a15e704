/**
 * Hash many files fast: worker threads (one per available core) pull paths from a shared
 * counter, read each file through a fixed buffer (bounded memory whatever the file size) and
 * send SHA-256 results back in batches. Small runs hash on the main thread: starting workers
 * costs more than hashing a few files.
 */
import fs from "node:fs";
import crypto from "node:crypto";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { HASH_FUNCTION_SOURCE, WORKER_SOURCE } from "./worker-code.js";

/** Stat of the file as it was when read: [size, mtimeNs, ino, ctimeNs] (decimal strings). */
export type StatKey = [string, string, string, string];

export type HashResult =
  { ok: true; sha256: string; size: number; executable: boolean; stat: StatKey | null } | { ok: false; error: string; code: string };

export interface HashOptions {
  /** Threads to use (default os.availableParallelism()). */
  threads?: number;
  /** Read buffer per thread (default 1 MiB): the memory bound for big files. */
  bufferSize?: number;
  /** Below this many files hash on the main thread (default 64). */
  inlineBelow?: number;
  /** Called with the number of files done so far (for a progress bar). */
  onProgress?: (done: number, bytes: number) => void;
}

interface RawResult {
  i?: number;
  sha?: string;
  size?: number;
  exec?: boolean;
  st?: StatKey | null;
  err?: string;
  code?: string;
}

type HashFn = (fsMod: typeof fs, cryptoMod: typeof crypto, p: string, buf: Buffer) => RawResult;
let inlineFn: HashFn | undefined;

function toResult(r: RawResult): HashResult {
  if (r.err !== undefined) return { ok: false, error: r.err, code: r.code ?? "EIO" };
  return { ok: true, sha256: r.sha!, size: r.size!, executable: r.exec === true, stat: r.st ?? null };
}

/** Hash absolute paths; results in the same order. Never throws for a file: errors are results. */
export async function hashFiles(paths: readonly string[], options: HashOptions = {}): Promise<HashResult[]> {
  const bufSize = options.bufferSize ?? 1 << 20;
  const results: HashResult[] = new Array(paths.length);
  if (paths.length === 0) return results;
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), paths.length));
  if (paths.length < (options.inlineBelow ?? 64) && !worthThreads(paths, threads)) {
    // Same code as the workers run (one implementation), compiled here.
    inlineFn ??= new Function(`${HASH_FUNCTION_SOURCE}; return hashPath;`)() as HashFn;
    const buf = Buffer.allocUnsafe(bufSize);
    let bytes = 0;
    paths.forEach((p, i) => {
      const r = toResult(inlineFn!(fs, crypto, p, buf));
      results[i] = r;
      if (r.ok) bytes += r.size;
      options.onProgress?.(i + 1, bytes);
    });
    return results;
  }
  const counter = new SharedArrayBuffer(4);
  let done = 0;
  let bytes = 0;
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, { eval: true });
          let finished = false;
          worker.on("message", (msg: { results: RawResult[]; done?: boolean }) => {
            for (const r of msg.results) {
              const res = toResult(r);
              results[r.i!] = res;
              if (res.ok) bytes += res.size;
            }
            done += msg.results.length;
            options.onProgress?.(done, bytes);
            if (msg.done) {
              finished = true;
              void worker.terminate().then(() => resolve(), resolve);
            }
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (!finished) reject(new Error(`hash worker exited early (code ${code})`));
          });
          worker.postMessage({ paths, counter, bufSize });
        }),
    ),
  );
  return results;
}

/**
 * Few files can still be a lot of bytes (20 files of 50 MiB): then threads pay for their start-up
 * (~30 ms each) many times over. Under the inline count the lstat calls cost well under 1 ms.
 */
function worthThreads(paths: readonly string[], threads: number): boolean {
  if (threads < 2 || paths.length < 2) return false;
  let total = 0;
  for (const p of paths) {
    try {
      total += fs.lstatSync(p).size;
    } catch {
      /* unreadable: hashFile reports it */
    }
    if (total >= 32 * 1024 * 1024) return true;
  }
  return false;
}
