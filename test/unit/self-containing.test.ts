/** selfContainingPath: where a parsed value contains itself (a YAML alias inside its own anchor). */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { selfContainingPath } from "../../src/core/schema/endless-ref.js";

const value = (text: string) => parseDocument(Buffer.from(text), { path: "c.yaml" }).value;

describe("selfContainingPath", () => {
  it.each([
    ["an alias in its own sequence", "a: &a [1, *a]\n", ["a", "1"]],
    ["an alias in its own mapping", "x: 1\nb: &b\n  c: *b\n", ["b", "c"]],
    ["through a nested anchor", "a: &a [&b [2, *a]]\n", ["a", "0", "1"]],
    ["the root itself", "&r {k: *r}\n", ["k"]],
  ])("%s", (_what, text, path) => {
    expect(selfContainingPath(value(text))).toEqual(path);
  });

  it("shared aliases are no cycle, and each shared object is explored once", () => {
    expect(selfContainingPath(value("x: &x [1]\ny: [*x, *x]\nz: {p: *x}\n"))).toBeUndefined();
    // 40 levels, each using the one below twice: 2^40 paths, 40 objects.
    let text = "l0: &l0 [0]\n";
    for (let i = 1; i <= 40; i++) text += `l${i}: &l${i} [*l${i - 1}, *l${i - 1}]\n`;
    expect(selfContainingPath(value(text))).toBeUndefined();
    expect(selfContainingPath(null)).toBeUndefined();
    expect(selfContainingPath("text")).toBeUndefined();
  });

  it("a 100,000-deep value does not overflow the stack", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(selfContainingPath(deep)).toBeUndefined();
  });
});
