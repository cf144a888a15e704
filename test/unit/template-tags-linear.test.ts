/**
 * Template-tag evidence is looked for only in files that failed to parse, which a pull request
 * controls: each opener asked afresh for its closer and its line's end (slice, indexOf) made a
 * line of many unclosed openers quadratic (100,000 `{{ x` took 0.6 s in JSON, a 5 MB file about a
 * minute). The scanners keep the last answer while it lies ahead (template-syntax.ts,
 * nextIndexer): each case below is a few hundred thousand openers and must finish in well under
 * the seconds a quadratic scan needs, and give the verdict it gave before.
 */
import { describe, expect, it } from "vitest";
import { hasTemplateStructure, yamlStructuralTags } from "../../src/core/select/template-syntax.js";

const N = 300_000;
const timed = <T>(run: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
};

describe("template tag scanning stays linear", () => {
  it("JSON: a line of unclosed `{{ x`, `<% x` and `{% x` openers is no evidence", () => {
    for (const opener of ["{{ x", "<% x", "{% x", "{{{ x"]) {
      const { value, ms } = timed(() => hasTemplateStructure(`[${opener.repeat(N)}]`, "json"));
      expect(value, opener).toBe(false);
      expect(ms, opener).toBeLessThan(3000);
    }
  });

  it("JSON: openers inside a string with a closer far away (no quote between) are no evidence", () => {
    const { value, ms } = timed(() => hasTemplateStructure(`["${"{{ a ".repeat(N)}}}"]`, "json"));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(3000);
  });

  it("YAML: `a: {{ x: ` repeated on one line (each opener at a value's start) is no evidence", () => {
    const text = `key: ${"{{ x: ".repeat(N)}\n`;
    const { value, ms } = timed(() => hasTemplateStructure(text, "yaml"));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(3000);
    expect(yamlStructuralTags(text)).toEqual([]);
  });

  it("a closed tag after many openers is still found (the verdict is unchanged)", () => {
    expect(hasTemplateStructure(`[${"{{ x".repeat(1000)} {{ y }}]`, "json")).toBe(true);
    expect(hasTemplateStructure(`key: ${"{{ x: ".repeat(1000)}{{ y }}\n`, "yaml")).toBe(true);
    expect(hasTemplateStructure('{"a": {{ x }}}\n{"b": {{ y }}', "json")).toBe(true);
    expect(hasTemplateStructure('{"a": "{{ x\n}}"}', "json")).toBe(false); // closed on the next line only
  });
});
