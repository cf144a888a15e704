/**
 * The file system work of a streamed snapshot (capture.ts) in worker threads, so the main
 * thread keeps only the bookkeeping (stat cache, manifest, trees, packs) and both cores work:
 * at 100,000 small files the open/fstat/read/close, SHA-256 and SHA-1 of a first snapshot, and
 * the lstat of every file of an incremental one, were most of the main thread's time.
 *
 * Two requests, each for a run of repo-relative paths:
 * - `stat`: the lstat of each (its stat-cache key, whether it is a regular file);
 * - `read`: each file opened, fstat'ed and read whole (as files.ts readWhole: to the end, even
 *   past the size fstat gave), its SHA-256 and git blob id computed from the very bytes sent
 *   back, which are the bytes the snapshot stores. A read stops once LIMIT bytes are held (the
 *   rest is asked again), and a file of more than BIG bytes is left to the main thread: memory
 *   stays bounded by LIMIT + BIG per request in flight.
 *
 * A path a worker cannot stat, open or read is marked and the main thread does it itself, so
 * errors (a file removed meanwhile, no permission) are raised exactly as without workers.
 *
 * The worker is a short CommonJS program started from a string (`eval`): it needs no bundle
 * entry of its own and runs the same from the sources (tests) as from dist.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { StatKey } from "./stat-cache.js";

/** Bytes a read request holds before it stops (the rest is asked again). */
const LIMIT = 8 << 20;
/** Files bigger than this are read by the main thread (readWhole), one at a time. */
const BIG = 4 << 20;
/**
 * The young generation of each thread, in MB (as the hash threads': io/hash/pool.ts). Unset, V8
 * grows a thread's semi-spaces to 16 MiB each when it allocates fast, as a stat or read of
 * 512 paths does (a key string per path), and keeps those pages to its end: issue 20.
 */
const WORKER_YOUNG_MB = 4;

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { root, limit, big } = workerData;
const Z64 = "0".repeat(64);
const Z40 = "0".repeat(40);
const hash = (alg, data) => (crypto.hash ? crypto.hash(alg, data, "hex") : crypto.createHash(alg).update(data).digest("hex"));
// One read buffer for the thread's life (kept while it is 4 MiB or less): each answer is a
// right-sized copy. A fresh 1 MiB buffer per request was garbage the thread's small heap
// collected only after tens of MiB of them (V8 counts outside memory loosely): at 500,000 files
// that was most of the threads' share of a first snapshot's peak (issue 20).
let buf = Buffer.from(new ArrayBuffer(1 << 20));
function stat(paths) {
  const n = paths.length;
  // The keys go back as one string (one copy, not one per path).
  const keys = new Array(n);
  const kind = new Uint8Array(n);
  const mtime = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    try {
      const st = fs.lstatSync(path.join(root, paths[i]), { bigint: true });
      keys[i] = st.size + " " + st.mtimeNs + " " + st.ctimeNs + " " + st.ino;
      mtime[i] = st.mtimeNs;
      kind[i] = st.isFile() ? 1 : 2;
    } catch {
      kind[i] = 0;
    }
  }
  return [{ keys: keys.join("\0"), kind, mtime }, [kind.buffer, mtime.buffer]];
}
function read(paths) {
  const n = paths.length;
  // status: 0 not done (main thread), 1 read
  const status = new Uint8Array(n);
  const exec = new Uint8Array(n);
  const offsets = new Float64Array(n + 1);
  const mtime = new BigInt64Array(n);
  const keys = new Array(n);
  const sha = new Array(n);
  const oid = new Array(n);
  let used = 0;
  let count = 0;
  for (let i = 0; i < n && used < limit; i++, count++) {
    offsets[i] = used;
    sha[i] = Z64;
    oid[i] = Z40;
    let fd;
    try {
      fd = fs.openSync(path.join(root, paths[i]), "r");
    } catch {
      continue;
    }
    try {
      const st = fs.fstatSync(fd, { bigint: true });
      const size = Number(st.size);
      if (size > big || !st.isFile()) continue;
      let end = used;
      for (;;) {
        if (buf.length - end < Math.max(size - (end - used), 0) + 1) {
          const bigger = Buffer.from(new ArrayBuffer(Math.max(buf.length * 2, end + size + 65536)));
          buf.copy(bigger, 0, 0, end);
          buf = bigger;
        }
        const got = fs.readSync(fd, buf, end, buf.length - end, end - used);
        if (got === 0) break;
        end += got;
      }
      const data = buf.subarray(used, end);
      keys[i] = st.size + " " + st.mtimeNs + " " + st.ctimeNs + " " + st.ino;
      mtime[i] = st.mtimeNs;
      exec[i] = (Number(st.mode) & 0o111) !== 0 ? 1 : 0;
      sha[i] = hash("sha256", data);
      oid[i] = crypto.createHash("sha1").update("blob " + data.length + "\0").update(data).digest("hex");
      status[i] = 1;
      used = end;
    } catch {
      status[i] = 0;
    } finally {
      fs.closeSync(fd);
    }
  }
  offsets[count] = used;
  // A right-sized copy (the read buffer is kept for the next request; a blob waiting for its
  // pack keeps the whole copy alive).
  const data = buf.buffer.slice(0, used);
  // A buffer grown for big files is not kept: a set of small files never grows it.
  if (buf.length > 4 << 20) buf = Buffer.from(new ArrayBuffer(1 << 20));
  return [{ count, status, exec, offsets, mtime, keys: keys.slice(0, count).join("\0"), sha: sha.slice(0, count).join(""), oid: oid.slice(0, count).join(""), data }, [status.buffer, exec.buffer, offsets.buffer, mtime.buffer, data]];
}
parentPort.on("message", (m) => {
  // The paths come as one string (one copy to clone, not one per path), joined by NUL.
  const paths = m.paths.split("\0");
  const [result, transfer] = m.op === "stat" ? stat(paths) : read(paths);
  result.id = m.id;
  parentPort.postMessage(result, transfer);
});
`;

/** The lstat of a run of paths; `kind` 0: not stat'ed here (the main thread does it), 1 a regular file, 2 anything else. */
export interface StatRun {
  keys: string[];
  kind: Uint8Array;
  mtime: BigInt64Array;
}

/** A file read by a worker: the bytes, their SHA-256 and blob id, and the stat of the open file. */
export interface ReadFile {
  data: Buffer;
  key: StatKey;
  exec: boolean;
  sha256: string;
  oid: string;
}

interface ReadRun {
  count: number;
  status: Uint8Array;
  exec: Uint8Array;
  offsets: Float64Array;
  mtime: BigInt64Array;
  keys: string;
  sha: string;
  oid: string;
  data: ArrayBuffer;
}

/** Worker threads doing the stat and read requests of one capture; `close` stops them. */
export class ReadPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly waiting = new Map<number, { resolve: (v: never) => void; reject: (e: unknown) => void }>();
  private nextId = 0;
  private failed: unknown;

  constructor(root: string, threads: number = defaultThreads()) {
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { root, limit: LIMIT, big: BIG },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
      const slot = { worker, busy: 0 };
      worker.on("message", (msg: { id: number }) => {
        slot.busy--;
        const w = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        w?.resolve(msg as never);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.waiting.size > 0) this.fail(new Error(`snapshot read worker exited early (code ${code})`));
      });
      this.workers.push(slot);
    }
  }

  /** The lstat of `paths` (repo-relative). */
  async stat(paths: readonly string[]): Promise<StatRun> {
    const run = await this.request<Omit<StatRun, "keys"> & { keys: string }>("stat", paths);
    return { ...run, keys: run.keys.split("\0") };
  }

  /**
   * Read the first of `paths` (repo-relative), up to the byte limit: one entry per path read
   * (at least one), undefined for a path the main thread is to read itself (too big, not a
   * regular file, or an error to raise there). Ask again for the rest.
   */
  async readSome(paths: readonly string[]): Promise<(ReadFile | undefined)[]> {
    const run = await this.request<ReadRun>("read", paths);
    const data = Buffer.from(run.data);
    const keys = run.keys.split("\0");
    const out: (ReadFile | undefined)[] = [];
    for (let i = 0; i < run.count; i++) {
      out.push(
        run.status[i]
          ? {
              data: data.subarray(run.offsets[i], run.offsets[i + 1]),
              key: { text: keys[i]!, mtimeNs: run.mtime[i]! },
              exec: run.exec[i] === 1,
              sha256: run.sha.slice(64 * i, 64 * i + 64),
              oid: run.oid.slice(40 * i, 40 * i + 40),
            }
          : undefined,
      );
    }
    return out;
  }

  /** The largest young generation (MB) V8 gives any of the threads (read while they run). */
  youngGenerationMb(): number {
    return Math.max(0, ...this.workers.map((w) => w.worker.resourceLimits?.maxYoungGenerationSizeMb ?? 0));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private request<T>(op: "stat" | "read", paths: readonly string[]): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    // The least busy thread; requests to one thread are answered in order.
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve, reject });
      slot.worker.postMessage({ id, op, paths: paths.join("\0") });
    });
  }

  private fail(error: unknown): void {
    this.failed ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}

/**
 * One thread per core but the main thread's (it keeps the stat cache, manifest, trees and packs
 * meanwhile), at least one, at most 3, as hash/pool.ts does for hashing. At 100,000 files on the
 * loaded 2-core machine one worker and two cost the same CPU (8.05 s and 8.19 s for a first
 * snapshot) and took the same time off the main thread (3.6 s and 3.4 s left on it).
 */
function defaultThreads(): number {
  return Math.max(1, Math.min(3, os.availableParallelism() - 1));
}
