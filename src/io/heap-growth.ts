/**
 * How far V8 lets the heap grow past what a full collection left live (issue 20: peak RSS at
 * 500,000 files). V8's own factor follows how fast the program allocates, up to 4x: the
 * whole-tree commands allocate fast (a path string, a manifest entry and a stat key per file,
 * mostly short-lived), so their old generation grew to 3-4x its live bytes before a full
 * collection, and the resident set followed. A first snapshot of 500,000 small files kept about
 * 130 MB live and peaked near 500 MB; with the heap held to 1.5x what is live it peaked at
 * 364 MB at the same CPU on the shared 2-core machine. The flag is read at each collection,
 * so setting it once a command starts takes effect at its next full collection, for the
 * worker threads too. Small runs never reach V8's minimum limit, so they do not see it.
 */
import v8 from "node:v8";
import vm from "node:vm";

/** Heap growth after a full collection, in percent of what it left live. */
const HEAP_GROWING_PERCENT = 50;

let bounded = false;

/** Hold V8's heap growth to HEAP_GROWING_PERCENT (once per process; the whole-tree commands call it). */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Heap in use from which a collection between two phases is worth it: a full collection costs
 * about 1 ms of CPU per MB live, and below this a small run has little garbage to give back.
 */
const COLLECT_FROM_BYTES = 32 * 1024 * 1024;
/** @internal Test seam: tests lower `fromBytes` to see a collection in a small process. */
export const collectLimits = { fromBytes: COLLECT_FROM_BYTES };

let collect: (() => void) | undefined;
let collections = 0;

/** Collections collectBetweenPhases ran in this process (the tests count them). */
export function phaseCollections(): number {
  return collections;
}

/**
 * Between two phases of a whole-tree command (check: after validate, before the manifest
 * comparison): collect what the phase left and let V8 give its pages back, so the next phase
 * starts from what is live. Why: the heap limit V8 set while the first phase ran is a multiple of
 * that phase's live bytes (validate at 500,000 files holds every path it lists), so the next
 * phase's garbage filled the pages the first one left before any collection, and the manifest
 * comparison's packed tables (outside the heap) came on top of them: a cold whole-tree check
 * peaked 30-50 MB above a cold verify of the same tree. A collection now costs a few tens of ms
 * of CPU at 500,000 files. No-op under COLLECT_FROM_BYTES of heap in use.
 */
export function collectBetweenPhases(): void {
  if (process.memoryUsage().heapUsed < collectLimits.fromBytes) return;
  if (!collect) {
    // V8's own collector, exposed to a fresh context only (the program's globals are left as
    // they are); the flag is read when a context is made.
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
  collections++;
}
