/**
 * The stat cache's packed keys (issue 20): the same answers and the same order as a Map of
 * key -> slot under any sequence of sets and deletes, for any string (one byte a character
 * or two, lone surrogates, keys longer than a chunk).
 */
import { describe, expect, it } from "vitest";
import { PackedKeys } from "../../src/io/stat-cache-keys.js";

/** A small deterministic generator (the failing case is the same on every run). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe("PackedKeys", () => {
  it("matches a Map's answers and order over 20,000 random sets and deletes, with every kind of key", () => {
    const rand = rng(20);
    const pool = [
      "",
      "a",
      "data/a.json",
      "data/a-b.json",
      "data/a/b.json",
      "Data/A.json",
      ".hidden",
      "caf\u00e9.json", // one byte a character (latin1)
      "\u00ff\u00fe",
      "\u65e5\u672c.json", // two bytes a character
      "bad\ud800.json", // a lone surrogate: kept exactly
      "\udfff",
      "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
      ...Array.from({ length: 3000 }, (_, i) => `data/d${i % 37}/f${i}.json`),
    ];
    const grown: number[] = [];
    const keys = new PackedKeys((n) => grown.push(n));
    const map = new Map<string, number>();
    let next = 0;
    const slotOf = new Map<string, number>();
    for (let step = 0; step < 20_000; step++) {
      const k = pool[Math.floor(rand() * pool.length)]!;
      if (rand() < 0.3) {
        expect(keys.delete(k)).toBe(map.delete(k));
      } else {
        const s = keys.claim(k);
        if (!map.has(k)) {
          map.set(k, next);
          slotOf.set(k, s);
          expect(s).toBe(next++); // slots in insertion order, never reused
        } else expect(s).toBe(slotOf.get(k));
      }
      expect(keys.size).toBe(map.size);
    }
    expect([...keys.keys()]).toEqual([...map.keys()]);
    for (const k of pool) {
      expect(keys.has(k)).toBe(map.has(k));
      expect(keys.get(k)).toBe(map.has(k) ? slotOf.get(k) : undefined);
    }
    // The owner was asked for room before every slot it was handed.
    expect(Math.max(...grown)).toBeGreaterThanOrEqual(next);
  });

  it("keeps a key longer than a chunk, and the keys before and after it", () => {
    const keys = new PackedKeys(() => undefined);
    const long = "x".repeat((1 << 20) + 5);
    const wideLong = "\u65e5".repeat((1 << 19) + 3);
    keys.claim("before");
    keys.claim(long);
    keys.claim(wideLong);
    keys.claim("after");
    expect([...keys.keys()]).toEqual(["before", long, wideLong, "after"]);
    expect(keys.get(long)).toBe(1);
    expect(keys.get(wideLong)).toBe(2);
    expect(keys.has("x".repeat(1 << 20))).toBe(false);
  });

  it("iterates as a Map does while keys are deleted and re-set", () => {
    const keys = new PackedKeys(() => undefined);
    const map = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      keys.claim(`k${i}`);
      map.set(`k${i}`, i);
    }
    const seen: string[] = [];
    for (const k of keys.keys()) {
      seen.push(k);
      if (k.endsWith("7")) keys.delete(k);
    }
    const expected: string[] = [];
    for (const k of map.keys()) {
      expected.push(k);
      if (k.endsWith("7")) map.delete(k);
    }
    expect(seen).toEqual(expected);
    expect([...keys.keys()]).toEqual([...map.keys()]);
    keys.claim("k7");
    expect([...keys.keys()].at(-1)).toBe("k7");
  });
});
