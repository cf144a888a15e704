/** Deterministic sharding for `verify --shard K/N`: every path lands in exactly one shard. */
import { createHash } from "node:crypto";

export interface Shard {
  /** 1-based index. */
  k: number;
  n: number;
}

/** Parse "K/N" (1 <= K <= N <= 4096); undefined when malformed, so the caller can say so. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return undefined;
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 4096 || k < 1 || k > n) return undefined;
  return { k, n };
}

/**
 * The shard (1-based) a path belongs to: the first 32 bits of SHA-256(path) mod N. A hash rather
 * than position keeps a file in the same shard when others are added or removed.
 */
export function shardOf(path: string, n: number): number {
  const h = createHash("sha256").update(path).digest();
  return (h.readUInt32BE(0) % n) + 1;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return !shard || shard.n === 1 || shardOf(path, shard.n) === shard.k;
}
