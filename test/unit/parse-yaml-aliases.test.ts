/**
 * YAML aliases are resolved once per document, not once per alias: the yaml package's
 * Alias.resolve(doc) visits the whole document on every call, so a pull request's file of 9,000
 * aliases to a 10,000-item list took minutes (aliases x nodes). Counted, not timed: the walk must
 * not call the per-alias document visit at all; the answers (which anchor an alias means) stay
 * those of the yaml package.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Alias } from "yaml";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const yaml = (text: string) => parseDocument(Buffer.from(text), { path: "a.yaml" });

const original = Alias.prototype.resolve;
let uncached = 0;

afterEach(() => {
  Alias.prototype.resolve = original;
});

/** Counts the calls of Alias.resolve that visit the whole document (no resolve cache given). */
function countVisits(): void {
  uncached = 0;
  Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias["resolve"]>) {
    if (!args[1]?.aliasResolveCache) uncached++;
    return original.apply(this, args);
  };
}

describe("YAML aliases", () => {
  it("many aliases to one big anchor: the document is visited a fixed number of times, not once per alias", () => {
    const items = Array.from({ length: 2_000 }, (_, i) => `  - ${i}`).join("\n");
    const aliases = Array.from({ length: 1_500 }, (_, i) => `k${i}: *big`).join("\n");
    const merges = Array.from({ length: 500 }, (_, i) => `m${i}:\n  <<: *base\n  n: ${i}`).join("\n");
    countVisits();
    const doc = yaml(`base: &base {a: 1}\nbig: &big\n${items}\n${aliases}\n${merges}\n`);
    expect(doc.ok).toBe(true);
    const value = doc.documents[0] as Record<string, unknown>;
    expect((value.k1499 as number[]).length).toBe(2_000);
    expect(value.m499).toEqual({ a: 1, n: 499 });
    // The yaml package itself counts each anchor's own aliases once (getAliasCount): at most one per anchor.
    expect(uncached).toBeLessThanOrEqual(2);
  });

  it("an alias means the anchor of its name written last before it; one written after it is an error at the alias", () => {
    const redefined = yaml("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
    expect(redefined.documents[0]).toEqual({ a: 1, b: 1, c: 2, d: 2 });
    const early = yaml("a: *nope\nb: &nope 1\n");
    expect(early.ok).toBe(false);
    expect(early.findings[0]).toMatchObject({ rule: "parse/syntax", line: 1, column: 4 });
    expect(early.findings[0]!.message).toContain("alias *nope has no anchor &nope defined before it");
  });

  it("an alias of a tagged node (a CloudFormation short form, an !include merge source) still resolves", () => {
    const cfn = yaml("A: &x !Ref Foo\nB: *x\n");
    expect(cfn.ok).toBe(true);
    expect(cfn.documents[0]).toEqual({ A: "Foo", B: "Foo" });
    const include = yaml("base: &b !include common.yaml\nc:\n  <<: *b\n  k: 1\n");
    expect(include.ok).toBe(true);
    expect((include.documents[0] as Record<string, unknown>).c).toEqual({ k: 1 });
    const scalar = yaml("s: &s 5\nm:\n  <<: *s\n");
    expect(scalar.ok).toBe(false);
    expect(scalar.findings[0]).toMatchObject({ rule: "parse/syntax", line: 3, column: 7 });
  });
});
