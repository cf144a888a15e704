/** core/parse/snbt.ts: Minecraft's SNBT as JsonToNBT reads a root compound. */
import { describe, expect, it } from "vitest";
import { readSnbt } from "../../src/core/parse/snbt.js";

describe("readSnbt", () => {
  it("reads what JsonToNBT reads: bare and quoted keys, typed numbers, typed arrays, single quotes, a trailing separator", () => {
    const r = readSnbt(`{a: 0b, "b c": [1.5f, 2d,], 'd': 'it\\'s', e: [I; 1, 2, 3], f: {g: "x\\"y", h: "minecraft:stone"},}`);
    expect(r).toEqual({
      ok: true,
      value: { a: "0b", "b c": ["1.5f", "2d"], d: "it's", e: ["1", "2", "3"], f: { g: 'x"y', h: "minecraft:stone" } },
    });
    // A bare token holds letters, digits, `_-.+` only: a namespaced id must be quoted.
    expect(readSnbt("{h: minecraft:stone}").ok).toBe(false);
    expect(readSnbt("  {}\n").ok).toBe(true);
  });

  it("refuses what it refuses, at the place, and says when the text ends too soon", () => {
    const cases: [string, number, boolean][] = [
      ["{a: 1", 5, true],
      ['{a: "x', 6, true],
      ["{a: 1 b: 2}", 6, false],
      ["{a: 1}{}", 6, false],
      ["[1, 2]", 0, false],
      ["{a: 1, <<<<<<< HEAD}", 7, false],
      ["{a: \u0000}", 4, false],
      ['{a: "x\\n"}', 6, false],
      ["{a: 1,\n\uFEFFb: 2}", 7, false],
      ["", 0, true],
    ];
    for (const [text, offset, truncated] of cases) {
      const r = readSnbt(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect([r.offset, r.truncated], text).toEqual([offset, truncated]);
    }
  });

  it("stops at its depth limit instead of overflowing the stack", () => {
    const deep = "{a:".repeat(100_000) + "1" + "}".repeat(100_000);
    const r = readSnbt(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/deeper than 512/);
    expect(readSnbt("{a:".repeat(100) + "1" + "}".repeat(100)).ok).toBe(true);
  });
});
