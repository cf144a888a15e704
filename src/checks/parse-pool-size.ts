/**
 * Whether a run uses parse workers, and how many: apart from src/checks/parse-pool.ts so that
 * deciding costs nothing. The pool itself is imported only when a run starts it: loading
 * node:worker_threads (and what it pulls in) is CPU every hook run would pay for nothing.
 */
import os from "node:os";

/** Threads for a pool: IG_PARSE_WORKERS when set (0 turns the pool off), else the available cores. */
export function poolSize(): number {
  const env = process.env.IG_PARSE_WORKERS;
  if (env !== undefined && env !== "" && /^\d+$/.test(env)) return Number(env);
  return Math.max(1, os.availableParallelism());
}

/** True when IG_PARSE_WORKERS asks for a pool whatever the size of the run (tests, benchmarks). */
export function poolForced(): boolean {
  const env = process.env.IG_PARSE_WORKERS;
  return env !== undefined && /^[1-9]\d*$/.test(env);
}
