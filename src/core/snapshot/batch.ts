/**
 * Bounded batches for streaming a snapshot or a restore: items are grouped in their order into
 * batches of at most `maxBytes` (summed sizes) and `maxItems`. An item bigger than `maxBytes`
 * forms a batch of its own, so memory is bounded by max(maxBytes, the biggest item), whatever
 * the number of files.
 */

export interface BatchLimits {
  maxBytes: number;
  maxItems: number;
}

/** Start and end (exclusive) indexes of consecutive batches over `sizes`. */
export function* batchRanges(sizes: ArrayLike<number>, limits: BatchLimits): Generator<[start: number, end: number]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    if (i > start && (bytes + size > limits.maxBytes || i - start >= limits.maxItems)) {
      yield [start, i];
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < sizes.length) yield [start, sizes.length];
}
