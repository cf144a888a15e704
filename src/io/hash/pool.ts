/**
 * Hash many files fast: worker threads (one per available core) pull paths from a shared
 * counter, read each file through a fixed buffer (bounded memory whatever the file size) and
 * send SHA-256 results back in batches. Small runs hash on the main thread: starting workers
 * costs more than hashing a few files.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { hashPath, type RawResult, type StatKey } from "./hash-file.js";
import type { FromWorker, ToWorker } from "./hash-worker.js";
import { EXEC, NO_STAT, batchViews } from "./result-batch.js";

export type { StatKey } from "./hash-file.js";

export type HashResult =
  | {
      ok: true;
      sha256: string;
      size: number;
      executable: boolean;
      stat: StatKey | null;
      /** The stream was started with `withStat: false`: `stat` is null because it was not taken. */
      noStat?: true;
    }
  | { ok: false; error: string; code: string };

interface HashOptions {
  /**
   * Threads that hash (default os.availableParallelism()), the main thread included: with 2 or
   * more, one fewer worker starts and the main thread takes a share once every path is pushed.
   */
  threads?: number;
  /** Read buffer per thread (default DEFAULT_BUFFER): the memory bound for big files. */
  bufferSize?: number;
  /** Below this many files hash on the main thread (default 64). */
  inlineBelow?: number;
  /** Called with the number of files done so far (for a progress bar). */
  onProgress?: (done: number, bytes: number) => void;
}

/**
 * 128 KiB: read and hashed while still in the core's L2 cache. With 1 MiB reads the copy out of
 * the page cache and the hash each went to memory, and a big file took 30-45% longer (measured
 * on 50 MiB files: 232 ms vs 335 ms for 300 MiB on one core).
 */
const DEFAULT_BUFFER = 128 * 1024;
/** Files (or bytes) the main thread hashes between two looks at the workers' messages. */
const SHARE_SLICE = 64;
const SHARE_SLICE_BYTES = 8 * 1024 * 1024;

/**
 * A worker's young generation, in MB (issue 20: peak RSS). Its garbage is per file (a stat, a
 * few strings) and dies at once; what survives is a batch of results until it is posted. V8's
 * default lets the young generation grow to tens of MB, all of it resident, for no speed gain
 * here: a scavenge of a space that is almost all garbage costs about the same whatever its size.
 */
const WORKER_YOUNG_MB = 4;
/** The worker's file name, beside this module's bundle (joined at run time: see startWorker). */
const WORKER_FILE = "hash-worker";
/** The worker compiled from the sources, once per process (only when running from src/). */
let fromSources: URL | undefined;

/**
 * Start one hashing thread running hash-worker.ts. Built, this module sits in a bundle of
 * dist/cli, dist/action or dist/lib, and the build puts hash-worker.cjs beside each (so the
 * Action, the npm package and a checkout all find it). The name is joined at run time, not
 * written as `new URL("./x.js", import.meta.url)`, which the bundler would take over.
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const options = { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } };
  if (!here.endsWith(".ts")) return new Worker(path.join(dir, `${WORKER_FILE}.cjs`), options);
  return new Worker((fromSources ??= compileFromSources(path.join(dir, `${WORKER_FILE}.ts`))), options);
}

/**
 * Running from the sources (vitest, tsx): bundle the worker's .ts entry with esbuild, the same
 * compiler the build uses for it, into a data: URL (an ES module node can start as a worker).
 * Always the current sources, never a stale copy. esbuild is a dev dependency, present wherever
 * the sources run; the module name is not a literal, so the bundler never pulls it in.
 */
function compileFromSources(entry: string): URL {
  const name = "esbuild";
  const esbuild = createRequire(import.meta.url)(name) as typeof import("esbuild");
  const out = esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", write: false, logLevel: "silent" });
  return new URL(`data:text/javascript,${encodeURIComponent(out.outputFiles[0]!.text)}`);
}

function toResult(r: RawResult): HashResult {
  if (r.err !== undefined || r.dig === undefined) return { ok: false, error: r.err ?? "not read", code: r.code ?? "EIO" };
  const res: HashResult = {
    ok: true,
    sha256: Buffer.from(r.dig, "latin1").toString("hex"),
    size: r.size!,
    executable: r.exec === true,
    stat: r.st ?? null,
  };
  if (r.noStat) res.noStat = true;
  return res;
}

/** The main thread's read buffer for hashOne (allocated on first use). */
let oneBuffer: Buffer | undefined;

/** Hash one absolute path on this thread, with its stat key (the same code as the threads run). */
export function hashOne(p: string): HashResult {
  return toResult(hashPath(p, (oneBuffer ??= Buffer.allocUnsafe(DEFAULT_BUFFER))));
}

/** Hash absolute paths; results in the same order. Never throws for a file: errors are results. */
export async function hashFiles(paths: readonly string[], options: HashOptions = {}): Promise<HashResult[]> {
  const bufSize = options.bufferSize ?? DEFAULT_BUFFER;
  const results: HashResult[] = new Array(paths.length);
  if (paths.length === 0) return results;
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), paths.length));
  if (paths.length < (options.inlineBelow ?? 64) && !worthThreads(paths, threads)) {
    // The same code as the workers run (hash-file.ts).
    const buf = Buffer.allocUnsafe(bufSize);
    let bytes = 0;
    paths.forEach((p, i) => {
      const r = toResult(hashPath(p, buf));
      results[i] = r;
      if (r.ok) bytes += r.size;
      options.onProgress?.(i + 1, bytes);
    });
    return results;
  }
  const stream = new HashStream({ ...options, threads, chunkSize: paths.length });
  for (const p of paths) stream.push(p);
  return stream.finish();
}

/**
 * A result held as bytes (see HashStream.held): valid until the next call of `held`. The digest
 * is `bytes[at, at + 32)`.
 */
export interface HeldDigest {
  size: number;
  executable: boolean;
  bytes: Uint8Array;
  at: number;
}

/** Results per page of a stream's store (a page is dropped once every result in it is taken). */
const PAGE_BITS = 10;
const PAGE = 1 << PAGE_BITS;
/** A page's slot: 0 before its result arrives, then a file read (bytes) or an error (object), then handed over. */
const [BYTES, OBJECT, TAKEN] = [1, 2, 3];

/**
 * PAGE results as the threads sent them (result-batch.ts): digests, sizes and flags in flat
 * arrays, so a result that is only compared (hashed and matched) never becomes an object.
 */
interface Page {
  digests: Buffer;
  sizes: Float64Array;
  flags: Uint8Array;
  state: Uint8Array;
  /** Stat keys (streams that take them) and errors, by slot. */
  st: (StatKey | null)[] | undefined;
  errors: (HashResult | undefined)[] | undefined;
  /** Slots not handed over yet. */
  left: number;
}

/**
 * Worker threads that hash paths as they are pushed (the walk feeds them while it runs), so
 * thread start-up and hashing overlap the main thread's work. Results come back in push order.
 * Call `finish` once every path is pushed, or `cancel` to stop the threads on an error path.
 */
export class HashStream {
  private readonly workers: Worker[] = [];
  /** Results by index, PAGE at a time (binary, see Page); undefined before the first arrives and once all are taken. */
  private readonly pages: (Page | undefined)[] = [];
  private readonly cursor: HeldDigest = { size: 0, executable: false, bytes: new Uint8Array(0), at: 0 };
  private chunk: string[] = [];
  /**
   * Every path pushed, for the main thread's share (`finish`); a path is dropped once its result
   * is in (at 500,000 files the absolute paths alone are about 30 MB).
   */
  private readonly paths: (string | undefined)[] = [];
  private readonly counter: Int32Array;
  private readonly helps: boolean;
  private pushed = 0;
  private done = 0;
  private onMain = 0;
  private bytes = 0;
  private ended = false;
  private readonly settled: Promise<void>;
  /** Called after each batch of results arrives (see `resultAt`). */
  onResults: (() => void) | undefined;
  /** Called with the files done, their bytes, and the files pushed so far (for a progress bar). */
  onProgress: ((done: number, bytes: number, pushed: number) => void) | undefined;

  constructor(
    private readonly options: HashOptions & {
      /** Paths per message to the threads (default 256): small enough to start them early. */
      chunkSize?: number;
      /**
       * False: no stat key is taken (results have `noStat`, `stat` null); for a caller that reads
       * again the few files it needs a stat for (see hash-file.ts hashPath). Default true.
       */
      withStat?: boolean;
    } = {},
  ) {
    this.onProgress = options.onProgress;
    // The main thread hashes too, once it has pushed every path (finish): until then it walks and
    // parses, so one worker per remaining core keeps the cores busy without oversubscribing them
    // (measured on 2 cores, 20,000 small files: one worker plus the main thread beat two workers,
    // whose second start-up and copies of every path cost more than they hashed).
    const threads = Math.max(1, options.threads ?? os.availableParallelism());
    this.helps = threads >= 2;
    const workers = Math.max(1, threads - 1);
    const counter = new SharedArrayBuffer(4);
    this.counter = new Int32Array(counter);
    const bufSize = options.bufferSize ?? DEFAULT_BUFFER;
    const all: Promise<void>[] = [];
    for (let t = 0; t < workers; t++) {
      const worker = startWorker();
      this.workers.push(worker);
      all.push(
        new Promise<void>((resolve, reject) => {
          let finished = false;
          worker.on("message", (msg: FromWorker) => {
            const v = batchViews(msg.ok, msg.cap);
            for (let k = 0; k < msg.n; k++) {
              const size = v.sizes[k]!;
              this.putBytes(v.idx[k]!, v.digests, 32 * k, size, v.flags[k]!, msg.st ? (msg.st[k] ?? null) : undefined);
              this.bytes += size;
            }
            for (const r of msg.errors) this.putObject(r.i!, toResult(r));
            this.done += msg.n + msg.errors.length;
            this.onProgress?.(this.done, this.bytes, this.pushed);
            this.onResults?.();
            if (msg.done) {
              finished = true;
              void worker.terminate().then(() => resolve(), resolve);
            }
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (!finished) reject(new Error(`hash worker exited early (code ${code})`));
          });
        }),
      );
      worker.postMessage({ counter, bufSize, withStat: options.withStat !== false } satisfies ToWorker);
    }
    this.settled = Promise.all(all).then(() => undefined);
    this.settled.catch(() => undefined); // reported by finish(); never an unhandled rejection
  }

  /** Queue one absolute path; its result is at index (number of paths pushed before it). */
  push(p: string): void {
    this.paths.push(p);
    this.chunk.push(p);
    this.pushed++;
    if (this.chunk.length >= (this.options.chunkSize ?? 256)) this.flush();
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    for (const w of this.workers) w.postMessage({ paths: this.chunk } satisfies ToWorker);
    this.chunk = [];
  }

  /** Files the main thread hashed itself (its share in `finish`). */
  get hashedOnMain(): number {
    return this.onMain;
  }

  private pageFor(i: number): Page {
    let page = this.pages[i >> PAGE_BITS];
    if (!page) {
      page = {
        digests: Buffer.alloc(32 * PAGE),
        sizes: new Float64Array(PAGE),
        flags: new Uint8Array(PAGE),
        state: new Uint8Array(PAGE),
        st: this.options.withStat !== false ? [] : undefined,
        errors: undefined,
        left: PAGE,
      };
      this.pages[i >> PAGE_BITS] = page;
    }
    this.paths[i] = undefined; // its result is in: the path is no longer needed
    return page;
  }

  /** File i read: its digest is `from[at, at + 32)`, or the latin1 string `from` (the main thread's share). */
  private putBytes(i: number, from: Uint8Array | string, at: number, size: number, flags: number, st: StatKey | null | undefined): void {
    const page = this.pageFor(i);
    const k = i & (PAGE - 1);
    // (Byte by byte: a subarray and set() per file cost more than 32 bytes.)
    if (typeof from === "string") for (let b = 0, to = 32 * k; b < 32; b++) page.digests[to + b] = from.charCodeAt(b);
    else for (let b = 0, to = 32 * k; b < 32; b++) page.digests[to + b] = from[at + b]!;
    page.sizes[k] = size;
    page.flags[k] = flags;
    page.state[k] = BYTES;
    if (page.st && st !== undefined) page.st[k] = st;
  }

  private putObject(i: number, r: HashResult): void {
    const page = this.pageFor(i);
    const k = i & (PAGE - 1);
    (page.errors ??= [])[k] = r;
    page.state[k] = OBJECT;
  }

  /** The result in slot k of `page` as an object (a new one for a file read). */
  private materialise(page: Page, k: number): HashResult | undefined {
    const state = page.state[k];
    if (state === OBJECT) return page.errors![k];
    if (state !== BYTES) return undefined;
    const flags = page.flags[k]!;
    const res: HashResult = {
      ok: true,
      sha256: page.digests.toString("hex", 32 * k, 32 * k + 32),
      size: page.sizes[k]!,
      executable: (flags & EXEC) !== 0,
      stat: page.st?.[k] ?? null,
    };
    if (flags & NO_STAT) res.noStat = true;
    return res;
  }

  /** Hand slot k of page p over: the page goes once every slot of it has. */
  private release(p: number, page: Page, k: number): void {
    page.state[k] = TAKEN;
    if (page.errors) page.errors[k] = undefined;
    if (page.st) page.st[k] = null;
    if (--page.left === 0) this.pages[p] = undefined;
  }

  /** The result for the i-th path pushed, once it has arrived (undefined once handed over). */
  resultAt(i: number): HashResult | undefined {
    const page = this.pages[i >> PAGE_BITS];
    return page && this.materialise(page, i & (PAGE - 1));
  }

  /**
   * The result for the i-th path pushed, once it has arrived, handed over: the stream keeps no
   * reference to it. For a caller that consumes results as they come (then waits with `end`, not
   * `finish`), so they are never all held at once.
   */
  takeResult(i: number): HashResult | undefined {
    const p = i >> PAGE_BITS;
    const page = this.pages[p];
    if (!page) return undefined;
    const k = i & (PAGE - 1);
    const r = this.materialise(page, k);
    if (r !== undefined) this.release(p, page, k);
    return r;
  }

  /**
   * The i-th path's result when it arrived as a file read, as bytes, without making an object
   * (a caller that only compares the digest, then hands it over with `drop`): undefined for an
   * error, a result not yet arrived or one handed over. The same object every call.
   */
  held(i: number): HeldDigest | undefined {
    const page = this.pages[i >> PAGE_BITS];
    const k = i & (PAGE - 1);
    if (!page || page.state[k] !== BYTES) return undefined;
    const c = this.cursor;
    c.size = page.sizes[k]!;
    c.executable = (page.flags[k]! & EXEC) !== 0;
    c.bytes = page.digests;
    c.at = 32 * k;
    return c;
  }

  /** Hand the i-th result over unread (after `held`). */
  drop(i: number): void {
    const p = i >> PAGE_BITS;
    const page = this.pages[p];
    const k = i & (PAGE - 1);
    if (page && (page.state[k] === BYTES || page.state[k] === OBJECT)) this.release(p, page, k);
  }

  /** All paths are pushed: wait for every result (in push order). For a caller that took none. */
  async finish(): Promise<HashResult[]> {
    await this.end();
    const results = new Array<HashResult>(this.pushed);
    for (let i = 0; i < this.pushed; i++) results[i] = this.takeResult(i)!;
    return results;
  }

  /**
   * All paths are pushed: wait until every file is hashed, without gathering the results (for a
   * caller that takes them as they come, with takeResult). Resolves to the number of paths.
   */
  async end(): Promise<number> {
    if (!this.ended) {
      this.ended = true;
      this.flush();
      for (const w of this.workers) w.postMessage({ end: this.pushed } satisfies ToWorker);
      if (this.helps) await this.hashShare();
    }
    await this.settled;
    return this.pushed;
  }

  /**
   * The main thread's share: it takes indexes from the same shared counter as the workers (so no
   * file is hashed twice or skipped) and hashes them with the same code, until none is left. It
   * yields to the event loop after every few files (or every large one), so the workers'
   * batches are taken as they come instead of all at the end.
   */
  private async hashShare(): Promise<void> {
    const buf = Buffer.allocUnsafe(this.options.bufferSize ?? DEFAULT_BUFFER);
    for (let left = true; left;) {
      let bytes = 0;
      for (let n = 0; n < SHARE_SLICE && bytes < SHARE_SLICE_BYTES; n++) {
        const i = Atomics.add(this.counter, 0, 1);
        if (i >= this.pushed) {
          left = false;
          break;
        }
        const r = hashPath(this.paths[i]!, buf, this.options.withStat !== false);
        this.done++;
        this.onMain++;
        if (r.dig !== undefined) {
          this.putBytes(i, r.dig, 0, r.size!, (r.exec ? EXEC : 0) | (r.noStat ? NO_STAT : 0), r.st ?? null);
          this.bytes += r.size!;
          bytes += r.size!;
        } else this.putObject(i, toResult(r));
      }
      this.onProgress?.(this.done, this.bytes, this.pushed);
      this.onResults?.();
      if (left) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Stop the threads (a failed run); safe after finish. */
  cancel(): void {
    this.ended = true;
    for (const w of this.workers) void w.terminate();
  }
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
