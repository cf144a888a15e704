/**
 * The yaml package's alias-count guard (toJS with maxAliasCount) counts the aliases inside an
 * anchored node with Alias.resolve(doc) called without its context, which visits the whole
 * document once per alias. A Home Assistant blueprint of 737 KB with ~600 aliases
 * (Blackymas/NSPanel_HA_Blueprint, found by scripts/replay-history.mjs) spent ~2 s of its 2.9 s
 * hook there. The parser now answers those calls from one visit of the document; the answers, the
 * values and the "billion laughs" refusal are the same.
 */
import { Alias } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const yaml = (text: string) => parseDocument(Buffer.from(text), { path: "blueprint.yaml" });

afterEach(() => {
  vi.restoreAllMocks();
});

/** A blueprint's shape: anchored selectors and descriptions, reused by aliases inside anchored inputs. */
function blueprint(inputs: number): string {
  const rows = [
    "blueprint:",
    "  name: panel",
    "  input:",
    "    base:",
    "      description: &desc Entity shown",
    "      selector: &entity",
    "        entity:",
    "          domain: sensor",
  ];
  for (let i = 0; i < inputs; i++) {
    rows.push(`    group_${i}: &group_${i}`, `      description: *desc`, `      selector: *entity`, `      items: [*desc, *entity]`);
  }
  rows.push("    last: *group_0", "");
  return rows.join("\n");
}

describe("aliases inside anchored nodes", () => {
  it("are not resolved by visiting the whole document again (the yaml package's search without context)", () => {
    const resolve = vi.spyOn(Alias.prototype, "resolve");
    const doc = yaml(blueprint(40));
    expect(doc.ok, JSON.stringify(doc.findings)).toBe(true);
    const withoutContext = resolve.mock.calls.filter((c) => c[1] === undefined).length;
    expect(withoutContext).toBe(0);
  });

  it("read to the same value as the yaml package reads them", async () => {
    const text = blueprint(12);
    const { parse } = await import("yaml");
    const doc = yaml(text);
    expect(doc.ok).toBe(true);
    expect(doc.value).toEqual(parse(text, { maxAliasCount: 10000 }));
    const value = doc.value as { blueprint: { input: Record<string, { items?: unknown[]; selector?: unknown }> } };
    expect(value.blueprint.input.group_3!.items![1]).toEqual(value.blueprint.input.base!.selector);
    expect(value.blueprint.input.last).toEqual(value.blueprint.input.group_0);
  });

  it("a billion-laughs alias bomb inside anchored lists is still refused", () => {
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
