/**
 * Entry of a hashing worker thread (built to dist/<bundle>/hash-worker.cjs by scripts/build.mjs;
 * pool.ts starts it). Protocol: {counter (SharedArrayBuffer), bufSize} first, then the paths in
 * chunks as the main thread finds them ({paths}), then {end: total}. Every worker gets every
 * chunk, in the same order, and takes the next index with Atomics.add on the shared counter, so
 * big and small files balance across threads without any sizes known up front, and hashing
 * starts while the walk is still running. An index claimed before its chunk arrived is held until
 * it does. Results go back in batches ({ok, cap, n, st?, errors, done?}): the files read, as one
 * transferred ArrayBuffer (result-batch.ts), and the errors as objects.
 */
import { parentPort } from "node:worker_threads";
import { hashPath, type RawResult, type StatKey } from "./hash-file.js";
import { BatchWriter, EXEC, NO_STAT } from "./result-batch.js";

/** A message from pool.ts. */
export type ToWorker = { counter: SharedArrayBuffer; bufSize: number; withStat?: boolean } | { paths?: string[]; end?: number };
/** A batch of results for pool.ts; `done` on the last. */
export interface FromWorker {
  /** The first `n` files read, laid out by result-batch.ts for capacity `cap` (transferred). */
  ok: ArrayBuffer;
  cap: number;
  n: number;
  /** Their stat keys, slot by slot, when the stream takes them (`withStat`). */
  st?: (StatKey | null)[];
  /** The files that could not be read, each with its index `i`. */
  errors: RawResult[];
  done?: boolean;
}

/** Results per message, and bytes hashed per message: small enough for steady progress. */
const BATCH_FILES = 512;
const BATCH_BYTES = 64 * 1024 * 1024;

const port = parentPort;
if (!port) throw new Error("hash-worker.cjs runs only as a worker thread (started by the hash pool)");

let counter: Int32Array | undefined;
let buf: Buffer | undefined;
let withStat = true;
const paths: (string | undefined)[] = [];
let total = -1;
let held = -1;
let finished = false;
const batch = new BatchWriter(BATCH_FILES);
let st: (StatKey | null)[] = [];
let errors: RawResult[] = [];
let bytes = 0;

function send(done: boolean): void {
  const n = batch.length;
  const ok = batch.take();
  const msg: FromWorker = { ok, cap: BATCH_FILES, n, errors };
  if (withStat) msg.st = st;
  if (done) msg.done = true;
  port!.postMessage(msg, [ok]);
  st = [];
  errors = [];
  bytes = 0;
}

function pump(): void {
  if (!counter || !buf) return;
  for (;;) {
    const i = held >= 0 ? held : Atomics.add(counter, 0, 1);
    held = -1;
    if (total >= 0 && i >= total) {
      finished = true;
      send(true);
      return;
    }
    if (i >= paths.length) {
      held = i; // not sent yet: wait for the next chunk
      if (batch.length + errors.length > 0) send(false);
      return;
    }
    const r = hashPath(paths[i]!, buf, withStat);
    paths[i] = undefined; // hashed: not held for the rest of the run
    if (r.dig === undefined) {
      r.i = i;
      errors.push(r);
    } else {
      batch.add(i, r.dig, r.size!, (r.exec ? EXEC : 0) | (r.noStat ? NO_STAT : 0));
      if (withStat) st.push(r.st ?? null);
      bytes += r.size!;
    }
    if (batch.full || errors.length >= BATCH_FILES || bytes >= BATCH_BYTES) send(false);
  }
}

port.on("message", (msg: ToWorker) => {
  if (finished) return;
  if ("counter" in msg) {
    counter = new Int32Array(msg.counter);
    buf = Buffer.allocUnsafe(msg.bufSize);
    withStat = msg.withStat !== false;
    return;
  }
  if (msg.paths) for (const p of msg.paths) paths.push(p);
  if (msg.end !== undefined) total = msg.end;
  pump();
});
