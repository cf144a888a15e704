/**
 * A batch of hash results as one transferable ArrayBuffer (issue 20): what a hash worker sends
 * the main thread. Per file its index, size, flags and 32-byte digest sit in flat typed arrays,
 * so a batch crosses threads without cloning an object and a 64-character hex string per file,
 * and the main thread compares a digest as bytes (a cold verify of files that match the
 * manifest makes no string or object per file at all). Errors (rare) travel as objects beside
 * it, and so do the stat keys when the stream takes them. Only typed arrays: the worker bundle
 * stays small.
 */

/** Result flags: the file is executable; it was read without its stat (hash-file.ts `withStat`). */
export const EXEC = 1;
export const NO_STAT = 2;

/**
 * Layout of a batch of capacity n: sizes (float64) at 0, indexes (int32) at 8n, digests at
 * 12n, flags at 44n; 45 bytes a file.
 */
interface BatchViews {
  sizes: Float64Array;
  idx: Int32Array;
  digests: Uint8Array;
  flags: Uint8Array;
}

export function batchViews(buffer: ArrayBuffer, capacity: number): BatchViews {
  return {
    sizes: new Float64Array(buffer, 0, capacity),
    idx: new Int32Array(buffer, 8 * capacity, capacity),
    digests: new Uint8Array(buffer, 12 * capacity, 32 * capacity),
    flags: new Uint8Array(buffer, 44 * capacity, capacity),
  };
}

/** Fills one batch; `take` hands its buffer over (to be transferred) and starts the next. */
export class BatchWriter {
  private buffer!: ArrayBuffer;
  private views!: BatchViews;
  length = 0;

  constructor(readonly capacity: number) {
    this.fresh();
  }

  private fresh(): void {
    this.buffer = new ArrayBuffer(45 * this.capacity);
    this.views = batchViews(this.buffer, this.capacity);
    this.length = 0;
  }

  get full(): boolean {
    return this.length >= this.capacity;
  }

  /** File i: `digest` is its 32 bytes as a latin1 string (hash-file.ts RawResult.dig). */
  add(i: number, digest: string, size: number, flags: number): void {
    const k = this.length++;
    const v = this.views;
    v.sizes[k] = size;
    v.idx[k] = i;
    v.flags[k] = flags;
    for (let b = 0, to = 32 * k; b < 32; b++) v.digests[to + b] = digest.charCodeAt(b);
  }

  take(): ArrayBuffer {
    const b = this.buffer;
    this.fresh();
    return b;
  }
}
