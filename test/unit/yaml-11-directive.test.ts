/**
 * The `%YAML 1.1` directive as the yaml package honours it (checks/yaml-11-directive.ts): at the
 * start of a line, a byte order mark before it included (YAML lets each document open with one).
 */
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { asYaml12, declaresYaml11 } from "../../src/checks/yaml-11-directive.js";

const versionOf = (text: string) => parseAllDocuments(text).map((d) => ("directives" in d ? d.directives.yaml.version : undefined));

describe("declaresYaml11", () => {
  it.each([
    ["%YAML 1.1\n---\na: off\n", true],
    ["\uFEFF%YAML 1.1\n---\na: off\n", true],
    ["a: 1\n...\n\uFEFF%YAML 1.1\n---\na: off\n", true],
    ["%YAML\t 1.1\n---\na: off\n", true],
    ["%YAML 1.2\n---\na: off\n", false],
    ["%YAML 1.10\n---\na: off\n", false],
    [" %YAML 1.1\n---\na: off\n", false],
    ["a: '%YAML 1.1'\n", false],
  ])("%j: %s, as the yaml package reads it", (text, declared) => {
    expect(declaresYaml11(text)).toBe(declared);
    expect(versionOf(text).includes("1.1")).toBe(declared);
  });
});

describe("asYaml12", () => {
  it("keeps the mark, the spacing and the length: every position holds", () => {
    for (const text of ["\uFEFF%YAML 1.1\n---\na: off\n", "%YAML   1.1\n---\na: off\n", "a: 1\n...\n\uFEFF%YAML 1.1\n---\nb: no\n"]) {
      const out = asYaml12(text);
      expect(out.length).toBe(text.length);
      expect(declaresYaml11(out)).toBe(false);
      expect(versionOf(out).every((v) => v === "1.2")).toBe(true);
    }
  });

  it("stays linear on a line of thousands of `%YAML` starts and blanks", () => {
    const text = `${"\uFEFF%YAML ".repeat(20_000)}${" \t".repeat(50_000)}1.0\n`;
    const t0 = performance.now();
    expect(declaresYaml11(text)).toBe(false);
    expect(asYaml12(text)).toBe(text);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
