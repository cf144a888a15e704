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

/** Heap growth after a full collection, in percent of what it left live. */
const HEAP_GROWING_PERCENT = 50;

let bounded = false;

/** Hold V8's heap growth to HEAP_GROWING_PERCENT (once per process; the whole-tree commands call it). */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
