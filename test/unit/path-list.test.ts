/**
 * PathList (src/io/hash/path-list.ts): paths held as UTF-8 bytes give back exactly the strings
 * pushed, in push order, whatever the name: bytes above 0x7f, `-` beside `/`, case, dot files,
 * characters outside the BMP, and the lone surrogates a name that is not UTF-8 decodes to (kept
 * as strings, never turned into U+FFFD); across the growth of its buffers, and after clear().
 */
import { describe, expect, it } from "vitest";
import { PathList } from "../../src/io/hash/path-list.js";
import { decodeName } from "../../src/core/names.js";

const NAMES = [
  "data/a.json",
  "data/a-b.json",
  "data/a/b.json",
  "data/A.json",
  "data/.hidden.json",
  "data/caf\u00e9.json",
  "data/\u65e5\u672c.json",
  "data/\u{1F600}.json",
  decodeName(Buffer.from([0x64, 0x2f, 0xff, 0x66])), // "d/" + a raw 0xff byte + "f": a lone surrogate
  "data/\uD800x.json", // a lone high surrogate
  "",
  "x",
];

describe("PathList", () => {
  it("gives back every path exactly, in order", () => {
    const list = new PathList();
    for (const n of NAMES) list.push(n);
    expect(list.length).toBe(NAMES.length);
    expect(NAMES.map((_, i) => list.at(i))).toEqual(NAMES);
    expect([...list]).toEqual(NAMES);
  });

  it("keeps them exact across the growth of its buffers, and is empty after clear", () => {
    const list = new PathList();
    const all: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const p = `${NAMES[i % NAMES.length]}/${"\u00e9".repeat(i % 7)}f${i}`;
      all.push(p);
      list.push(p);
    }
    expect(list.length).toBe(all.length);
    for (let i = 0; i < all.length; i += 997) expect(list.at(i)).toBe(all[i]);
    expect([...list]).toEqual(all);
    list.clear();
    expect(list.length).toBe(0);
    expect([...list]).toEqual([]);
    list.push("data/again.json");
    expect([...list]).toEqual(["data/again.json"]);
  });

  it("keeps the number pushed with each path, -1 where none was, across growth and clear", () => {
    const list = new PathList();
    list.push("data/untagged.json");
    const tags: number[] = [-1];
    for (let i = 0; i < 5000; i++) {
      const tag = i % 3 === 0 ? -1 : i * 7;
      list.push(`${NAMES[i % NAMES.length]}/f${i}`, tag);
      tags.push(tag);
    }
    expect(tags.map((_, i) => list.tag(i))).toEqual(tags);
    expect(list.at(3)).toBe(`${NAMES[2]}/f2`);
    list.clear();
    list.push("x");
    expect(list.tag(0)).toBe(-1);
    const plain = new PathList();
    plain.push("a");
    expect(plain.tag(0)).toBe(-1);
  });
});
