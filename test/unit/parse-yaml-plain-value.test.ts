import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseYaml } from "../../src/core/parse/yaml.js";
import { NOT_PLAIN, plainValue } from "../../src/core/parse/yaml-plain-value.js";

const docsOf = (text: string, merge = true) =>
  parseAllDocuments(text, {
    uniqueKeys: false,
    merge,
    resolveKnownTags: false,
    prettyErrors: false,
    strict: true,
    logLevel: "silent",
  }) as ReturnType<typeof parseAllDocuments> & unknown[];

/** plainValue's value, or NOT_PLAIN; and what toJS gives. */
function both(text: string, merge = true): { plain: unknown; toJS: unknown } {
  const [doc] = docsOf(text, merge) as unknown as { contents: unknown; toJS: (o: object) => unknown }[];
  return { plain: plainValue(doc!.contents), toJS: doc!.toJS({ maxAliasCount: 10000 }) };
}

describe("plainValue (the JS value of a plain YAML document without toJS)", () => {
  it.each([
    ["mapping of scalars", "a: 1\nb: true\nc: null\nd: 1.5e3\ne: text\nf: '0x1F'\ng: 0x1F\nh: .nan\n"],
    ["nested lists and flow collections", "a:\n  - [1, 2, {x: y}]\n  - {}\n  - []\nb: {c: [d]}\n"],
    ["inherited property names as keys", "constructor: 1\n__proto__: {polluted: true}\ntoString: x\nhasOwnProperty: 2\n"],
    ["non-string keys", "1: a\n1.0: b\ntrue: c\nnull: d\n~: e\n-0: f\n"],
    ["an empty key and an empty value", ": a\nb:\n"],
    ["a root scalar", "just text\n"],
    ["an empty document", "---\n"],
    ["block scalars", "a: |\n  line\n  two\nb: >-\n  folded\n  text\n"],
    ["an anchor without an alias", "a: &x {b: 1}\n"],
    ["a pair in a flow sequence (a one-pair mapping)", "[a: 1, b]\n"],
    ["unknown tags", "a: !include common.yaml\nb: !!binary aGVsbG8=\n"],
  ])("%s: the value toJS gives", (_name, text) => {
    const { plain, toJS } = both(text);
    expect(plain).not.toBe(NOT_PLAIN);
    expect(isDeepStrictEqual(plain, toJS)).toBe(true);
    expect(JSON.stringify(plain)).toBe(JSON.stringify(toJS));
    if (plain && typeof plain === "object") expect(Object.keys(plain)).toEqual(Object.keys(toJS as object));
  });

  it("`__proto__` becomes an own key, as with toJS, and never the prototype", () => {
    const { plain } = both("__proto__: {polluted: true}\n");
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["an alias", "a: &x 1\nb: *x\n"],
    ["a merge key", "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n"],
    ["a quoted << key", '"<<": 1\n'],
    ["a collection as a key", "? [a, b]\n: c\n"],
  ])("%s: NOT_PLAIN (toJS is used)", (_name, text) => {
    expect(both(text).plain).toBe(NOT_PLAIN);
  });

  it("parseYaml gives the same documents for plain and non-plain files", () => {
    const plain = parseYaml("a:\n  - 1\n  - {b: c}\n", { path: "x.yaml" });
    expect(plain.documents).toEqual([{ a: [1, { b: "c" }] }]);
    const merged = parseYaml("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n", { path: "x.yaml" });
    expect(merged.documents).toEqual([{ base: { x: 1 }, c: { x: 1, y: 2 } }]);
  });
});

describe("parsing a big YAML text", () => {
  it("leaves process.env as it was (the same object, the same variables)", () => {
    const env = process.env;
    const before = { ...env };
    const text = Array.from({ length: 8000 }, (_, i) => `key${i}: value ${i}`).join("\n") + "\n";
    expect(text.length).toBeGreaterThan(64 * 1024);
    const doc = parseYaml(text, { path: "big.yaml" });
    expect(doc.ok).toBe(true);
    expect(process.env).toBe(env);
    expect({ ...process.env }).toEqual(before);
  });

  it("reports a duplicate key deep in a big file with its pointer (the walk's parent-linked paths)", () => {
    const body = Array.from({ length: 3000 }, (_, i) => `  pkg${i}@1.0.0:\n    dependencies:\n      a: 1\n      b: 2`).join("\n");
    const text = `packages:\n${body}\n  pkg-last@1.0.0:\n    dependencies:\n      a/b: 1\n      a/b: 2\n`;
    const doc = parseYaml(text, { path: "pnpm-lock.yaml" });
    const dup = doc.findings.find((f) => f.rule === "parse/duplicate-key");
    expect(dup?.pointer).toBe("/packages/pkg-last@1.0.0/dependencies/a~1b");
    expect(dup?.line).toBe(3000 * 4 + 5);
  });
});
