/**
 * A pool of parse worker threads for big `check`/`validate` runs (issue 20: every core parses).
 * Files go out in tasks of a few hundred KiB packed in one buffer (copied, never shared); the
 * outcomes come back in job order, whichever worker finished first. A worker that dies (a crash,
 * out of memory) never passes a file: the jobs of its task are retried one per task on a fresh
 * worker, and a job that kills its worker alone is a failure for that file.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { releaseBytes } from "../io/file-source.js";
import type { ParseJob, ParseOutcome, ParseResultMessage, ParseTaskMessage } from "./parse-task.js";

/** A job of the pool: the file's bytes and what to do with them. */
export interface PoolJob {
  bytes: Uint8Array;
  job: Omit<ParseJob, "start" | "end">;
}

/** What became of a job: the worker's outcome, or the reason its worker died. */
export type PoolOutcome = ParseOutcome | { failed: string };

const EMPTY = new Uint8Array(0);

/** Bytes (or files) per task: small enough to share work out evenly, big enough to amortise a message. */
const TASK_BYTES = 512 * 1024;
const TASK_FILES = 64;
/**
 * A file this big is heavy: its parse takes several times its size in memory, so heavy files
 * parse together only while their bytes fit HEAVY_BUDGET (the small files still share out).
 */
const HEAVY_BYTES = 8 * 1024 * 1024;
/**
 * Bytes of heavy JSON files parsed at once (issue 20). One at a time left every core but one
 * idle on a tree of a few 10 MB files (the bench's 4 x 11 MB: workers lost to one thread). Two
 * such parses hold less than one file at the default max_file_size (256 MiB) does on one
 * thread, and the reads are bounded the same way (validate.ts BATCH_BYTES). A heavy YAML file
 * still parses alone: its parser needs 100-200 bytes of memory per byte (max-file-size.ts).
 */
const HEAVY_BUDGET = 32 * 1024 * 1024;
/** Worker deaths a run tolerates before it stops starting new ones (each failed job is still reported). */
const MAX_RESTARTS = 16;

let started = 0;
/** Parse workers started by this process so far (the tests count them: the hook must start none). */
export function parseWorkersStarted(): number {
  return started;
}

let heavyPeak = 0;
/** The most bytes of heavy JSON files this process has had in parse at once (the tests bound it by HEAVY_BUDGET). */
export function heavyBytesAtOnce(): number {
  return heavyPeak;
}

interface Task {
  id: number;
  run: RunState;
  indices: number[];
  /** Retried alone after a worker died with it in a bigger task. */
  single: boolean;
  /**
   * 0, or the share of HEAVY_BUDGET the task holds while it parses: its bytes when it holds a
   * JSON file of HEAVY_BYTES or more, Infinity for any other heavy file (it parses alone).
   */
  heavy: number;
}

interface Slot {
  worker: Worker;
  /** Schema keys whose code this worker has been sent. */
  codes: Set<string>;
  task: Task | undefined;
  dead: boolean;
}

/** The state of one run (runs overlap). */
interface RunState {
  jobs: readonly PoolJob[];
  codes: ReadonlyMap<string, string>;
  outcomes: PoolOutcome[];
  pending: number;
  resolve: (outcomes: PoolOutcome[]) => void;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private restarts = 0;
  private nextId = 1;
  private readonly script = workerScript();
  /** Tasks of every run not yet sent, oldest run first (runs overlap: no idle worker between two). */
  private readonly queue: Task[] = [];

  constructor(private readonly size: number) {}

  /**
   * Parse `jobs`; outcomes in the same order. `codes` holds the standalone code of every schema
   * key the jobs' steps name. Never rejects for a file: a worker's death is that file's outcome.
   * Runs may overlap: the caller bounds how many are in flight (the memory of their bytes).
   */
  run(jobs: readonly PoolJob[], codes: ReadonlyMap<string, string>): Promise<PoolOutcome[]> {
    const outcomes: PoolOutcome[] = new Array(jobs.length);
    if (jobs.length === 0) return Promise.resolve(outcomes);
    let resolve!: (outcomes: PoolOutcome[]) => void;
    const done = new Promise<PoolOutcome[]>((r) => (resolve = r));
    const run: RunState = { jobs, codes, outcomes, pending: jobs.length, resolve };
    let tasks = 0;
    for (let i = 0; i < jobs.length;) {
      const indices: number[] = [];
      let bytes = 0;
      while (i < jobs.length && indices.length < TASK_FILES && (indices.length === 0 || bytes + jobs[i]!.bytes.length <= TASK_BYTES)) {
        bytes += jobs[i]!.bytes.length;
        indices.push(i++);
      }
      this.queue.push({ id: this.nextId++, run, indices, single: indices.length === 1, heavy: heaviness(indices.map((k) => jobs[k]!)) });
      tasks++;
    }
    while (this.slots.length < Math.min(this.size, tasks)) this.slots.push(this.start());
    for (const slot of [...this.slots]) if (!slot.task && !slot.dead) this.feed(slot);
    return done;
  }

  /** Stop every worker (the run is over). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private settle(run: RunState, i: number, o: PoolOutcome): void {
    if (run.outcomes[i] !== undefined) return;
    run.outcomes[i] = o;
    if (--run.pending === 0) run.resolve(run.outcomes);
  }

  private feed(slot: Slot): void {
    // The first task in the queue, passing over heavy ones while the heavy ones being parsed
    // leave no room for them in HEAVY_BUDGET (one heavy task always goes: never a stall).
    let held = 0;
    for (const s of this.slots) held += s.task?.heavy ?? 0;
    const at = this.queue.findIndex((t) => t.heavy === 0 || held === 0 || held + t.heavy <= HEAVY_BUDGET);
    const task = at < 0 ? undefined : this.queue.splice(at, 1)[0];
    slot.task = task;
    if (!task) return;
    if (task.heavy > 0 && held + task.heavy < Infinity) heavyPeak = Math.max(heavyPeak, held + task.heavy);
    const st = task.run;
    const { buffer, placed } = pack(task.indices.map((i) => st.jobs[i]!));
    const send: [string, string][] = [];
    for (const k of new Set(placed.flatMap((p) => p.steps.map((s) => s.key)))) {
      if (slot.codes.has(k)) continue;
      const c = st.codes.get(k);
      if (c === undefined) throw new Error(`internal error: no compiled code for schema ${k}`);
      send.push([k, c]);
      slot.codes.add(k);
    }
    const msg: ParseTaskMessage = { id: task.id, buffer, jobs: placed, codes: send };
    slot.worker.postMessage(msg, [buffer]);
  }

  private onMessage(slot: Slot, m: ParseResultMessage): void {
    const task = slot.task;
    if (!task || m.id !== task.id) return;
    slot.task = undefined;
    task.indices.forEach((i, k) => this.settle(task.run, i, m.outcomes[k]!));
    // Done with: the worker sent back the bytes of a file the main thread must finish. (Kept
    // until now, not dropped when sent: a worker that dies leaves its files to be sent again.)
    for (const i of task.indices) {
      const job = task.run.jobs[i]!;
      if (Buffer.isBuffer(job.bytes)) releaseBytes(job.bytes);
      job.bytes = EMPTY;
    }
    this.feed(slot);
    // A heavy task is done: an idle worker may take the next one.
    if (task.heavy > 0) for (const other of this.slots) if (!other.task && !other.dead) this.feed(other);
  }

  private onDeath(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    const task = slot.task;
    slot.task = undefined;
    if (task) {
      if (task.single) this.settle(task.run, task.indices[0]!, { failed: reason });
      // Which file killed it is unknown: each gets a task of its own, first in the queue.
      else
        this.queue.unshift(
          ...task.indices.map((i) => ({
            id: this.nextId++,
            run: task.run,
            indices: [i],
            single: true,
            heavy: heaviness([task.run.jobs[i]!]),
          })),
        );
    }
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (this.queue.length === 0) return;
    if (this.restarts < MAX_RESTARTS) {
      this.restarts++;
      const fresh = this.start();
      this.slots.push(fresh);
      this.feed(fresh);
    } else if (this.slots.length === 0) {
      // No worker left to take the rest: every job still queued is a failure, never a pass.
      for (const t of this.queue.splice(0)) for (const i of t.indices) this.settle(t.run, i, { failed: reason });
    }
    // The dead worker may have held the heavy task the idle ones were waiting for.
    for (const other of this.slots) if (!other.task && !other.dead) this.feed(other);
  }

  private start(): Slot {
    started++;
    // IG_PARSE_WORKER_HEAP_MB: a heap limit per worker (tests: a file too big for it fails alone).
    const heap = Number(process.env.IG_PARSE_WORKER_HEAP_MB);
    const options = heap > 0 ? { resourceLimits: { maxOldGenerationSizeMb: heap } } : {};
    const worker = this.script.dev ? new Worker(this.script.code, { eval: true, ...options }) : new Worker(this.script.file, options);
    const slot: Slot = { worker, codes: new Set(), task: undefined, dead: false };
    worker.on("message", (m: ParseResultMessage) => this.onMessage(slot, m));
    worker.on("error", (e: Error) => this.onDeath(slot, describe(e)));
    worker.on("exit", (code) => this.onDeath(slot, `it exited with code ${code}`));
    return slot;
  }
}

/** A task's share of HEAVY_BUDGET (see Task.heavy). */
function heaviness(jobs: readonly PoolJob[]): number {
  let bytes = 0;
  for (const j of jobs) bytes += j.bytes.length;
  if (bytes < HEAVY_BYTES) return 0;
  return jobs.every((j) => j.job.format === "json" || j.job.format === "jsonc") ? bytes : Infinity;
}

/** The jobs' bytes in one new buffer (a Buffer may view a bigger one, which a message would copy whole). */
function pack(jobs: readonly PoolJob[]): { buffer: ArrayBuffer; placed: ParseJob[] } {
  let total = 0;
  for (const j of jobs) total += j.bytes.length;
  // Not zero-filled (allocUnsafeSlow: an ArrayBuffer of its own, exactly `total` long): every
  // byte is written below, and the zero fill was a second pass over tens of MB per round.
  const owned = Buffer.allocUnsafeSlow(total);
  const buffer = owned.byteOffset === 0 && owned.buffer.byteLength === total ? owned.buffer : new ArrayBuffer(total);
  const view = new Uint8Array(buffer);
  const placed: ParseJob[] = [];
  let at = 0;
  for (const j of jobs) {
    view.set(j.bytes, at);
    placed.push({ ...j.job, start: at, end: at + j.bytes.length });
    at += j.bytes.length;
  }
  return { buffer, placed };
}

function describe(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return "it ran out of memory";
  return `it failed: ${e.message}`;
}

/**
 * The worker's code: parse-worker.js beside the bundle (dist/<target>/), or, running from the
 * TypeScript sources (the tests), parse-worker.ts through tsx. The name is joined at run time
 * so the bundler does not try to bundle the file.
 */
function workerScript(): { dev: false; file: string } | { dev: true; code: string } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const name = ["parse-worker", "js"].join(".");
  const built = path.join(here, name);
  if (fs.existsSync(built)) return { dev: false, file: built };
  const source = path.join(here, ["parse-worker", "ts"].join("."));
  const api = pathToFileURL(path.join(here, "../../node_modules/tsx/dist/esm/api/index.mjs")).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); })`;
  return { dev: true, code };
}
