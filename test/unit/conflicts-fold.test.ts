/**
 * The fold (core/conflicts/flatten.ts) finds the children of the next file's map by position when
 * its member names match the last layout seen there, and by name otherwise. Checked here against
 * the obvious algorithm (every key path as a pointer in one map) on files that share, reorder,
 * drop and add keys, so neither way can report a conflict the other would not.
 */
import { describe, expect, it } from "vitest";
import { detectConflicts, type ConfigFile } from "../../src/core/conflicts/index.js";
import { foldInto, newRoot } from "../../src/core/conflicts/flatten.js";
import { summarize } from "../../src/core/conflicts/json-fast.js";
import { canon, isMap } from "../../src/core/conflicts/values.js";

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const KEYS = ["a", "b", "c", "d", "e", "1", "0", "x/y", "t~"];

/** A base layout, then per file: the same keys, reordered, fewer, more, or other values. */
function variant(r: ReturnType<typeof rng>, base: Record<string, unknown>, depth: number): Record<string, unknown> {
  let keys = Object.keys(base);
  const how = r.int(6);
  if (how === 1) keys = [...keys].reverse();
  if (how === 2) keys = keys.filter(() => r.int(3) > 0);
  if (how === 3) keys = [...keys, r.pick(KEYS)];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = base[k];
    if (isMap(v) && r.int(8) > 0) out[k] = variant(r, v, depth + 1);
    else if (r.int(5) === 0) out[k] = r.pick([1, "1", true, [1, { a: 2 }], { z: 1 }, null]);
    else out[k] = v === undefined ? r.int(3) : v;
  }
  return out;
}

function baseMap(r: ReturnType<typeof rng>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 1 + r.int(5); i > 0; i--) {
    out[r.pick(KEYS)] = depth < 3 && r.int(2) === 0 ? baseMap(r, depth + 1) : r.pick([0, 1, "s", false, [1, 2], { k: [3] }]);
  }
  return out;
}

/** Conflicting pointers and their files, the obvious way. */
function naive(values: Record<string, unknown>[]): Map<string, number[]> {
  const seen = new Map<string, { first: string; files: number[]; conflict: boolean }>();
  const walk = (map: Record<string, unknown>, base: string, file: number) => {
    for (const key of Object.keys(map)) {
      const p = `${base}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      const v = map[key];
      const form = isMap(v) ? "#map" : canon(v);
      const rec = seen.get(p);
      if (!rec) seen.set(p, { first: form, files: [file], conflict: false });
      else {
        rec.files.push(file);
        if (rec.first !== form) rec.conflict = true;
      }
      if (isMap(v)) walk(v, p, file);
    }
  };
  values.forEach((v, i) => walk(v, "", i));
  return new Map([...seen].filter(([, rec]) => rec.conflict).map(([p, rec]) => [p, rec.files]));
}

describe("the fold against the obvious algorithm", () => {
  it("reports the same conflicts, with the same files, whatever the layouts", () => {
    const r = rng(7);
    for (let n = 0; n < 400; n++) {
      const base = baseMap(r, 0);
      const values = Array.from({ length: 2 + r.int(6) }, () => variant(r, base, 0));
      const files: ConfigFile[] = values.map((value, i) => ({ path: `f${i}.json`, value }));
      const { conflicts } = detectConflicts(files, {});
      const got = new Map(conflicts.map((c) => [c.pointer, c.entries.map((e) => Number(e.file.slice(1, -5)))]));
      expect({ n, got }).toEqual({ n, got: naive(values) });
    }
  });

  it("sums up each file's member names (lists included) like a plain walk", () => {
    const r = rng(11);
    const root = newRoot();
    for (let n = 0; n < 100; n++) {
      const value = variant(r, baseMap(r, 0), 0);
      expect(foldInto(root, value, new Map(), n)).toEqual(summarize(value));
    }
    expect(foldInto(newRoot(), { a: [1, { b: -Infinity }] }, new Map(), 0)).toEqual({ keys: 2, nonFinite: true, shallow: true });
  });
});
