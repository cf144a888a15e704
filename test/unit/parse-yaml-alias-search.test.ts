/**
 * Session 28 (rt-pr23): the yaml package's toJS resolves each alias with its context by searching
 * a list of every anchor and alias of the document from its start. A pull request's file of
 * 20,000 anchors and 20,000 aliases (550 KB, well under max_yaml_size) held a check for minutes:
 * quadratic. The parser now hands that search the one node its own visit found (the anchor of the
 * name written last before the alias, what the package's search returns); values, the refusal of
 * an alias with no anchor before it and the "billion laughs" count are unchanged.
 */
import { Alias } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const yaml = (text: string) => parseDocument(Buffer.from(text), { path: "state.yaml" });

afterEach(() => {
  vi.restoreAllMocks();
});

/** `n` anchored scalars, then a list of an alias to each. */
function anchorsThenAliases(n: number): string {
  let text = "";
  for (let i = 0; i < n; i++) text += `k${i}: &a${i} ${i}\n`;
  return text + `all: [${Array.from({ length: n }, (_, i) => `*a${i}`).join(", ")}]\n`;
}

describe("aliases resolved with the package's context", () => {
  it("search no list of the whole document's anchors (one node at most per alias)", () => {
    const searched: number[] = [];
    const original = Alias.prototype.resolve;
    vi.spyOn(Alias.prototype, "resolve").mockImplementation(function (this: Alias, doc, ctx) {
      if (ctx) searched.push(((ctx as { aliasResolveCache?: unknown[] }).aliasResolveCache ?? ["whole document"]).length);
      return original.call(this, doc, ctx);
    });
    const doc = yaml(anchorsThenAliases(300));
    expect(doc.ok, JSON.stringify(doc.findings)).toBe(true);
    expect(searched.length).toBe(300);
    expect(Math.max(...searched)).toBeLessThanOrEqual(1);
  });

  it("read to the same values as the yaml package, an anchor name used twice included", async () => {
    const text = "a: &x 1\nb: *x\nc: &x [2, 3]\nd: *x\ne: {m: &y {k: v}, n: *y}\n" + anchorsThenAliases(50);
    const { parse } = await import("yaml");
    const doc = yaml(text);
    expect(doc.ok, JSON.stringify(doc.findings)).toBe(true);
    expect(doc.value).toEqual(parse(text, { maxAliasCount: 10000 }));
    expect((doc.value as { d: unknown }).d).toEqual([2, 3]);
  });

  it("20,000 anchors and aliases read in seconds, not minutes", () => {
    const started = Date.now();
    const doc = yaml(anchorsThenAliases(20000));
    expect(doc.ok).toBe(true);
    expect((doc.value as { all: number[] }).all[19999]).toBe(19999);
    expect(Date.now() - started).toBeLessThan(60_000); // minutes before, under a second when quiet
  });

  it("a billion-laughs alias bomb is still refused", () => {
    const rows = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
    ])
      rows.push(`${name}: &${name} [${new Array(9).fill("*" + prev).join(",")}]`);
    rows.push(`f: [${new Array(9).fill("*e").join(",")}]`);
    const doc = yaml(rows.join("\n") + "\n");
    expect(doc.ok).toBe(false);
    expect(doc.findings[0]!.message).toContain("billion laughs");
  });
});
