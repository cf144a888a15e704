/** SARIF rules carry the text GitHub's code-scanning alert page shows (issue 17). */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import { renderSarif, ruleHelpUri } from "../../src/report/sarif.js";

interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
}

const rulesOf = (findings: Finding[]) =>
  (JSON.parse(renderSarif(findings, "1.2.3")) as { runs: { tool: { driver: { rules: Rule[] } } }[] }).runs[0]!.tool.driver.rules;

describe("SARIF rule descriptors", () => {
  it("short and full description, help text and Markdown, and a help URI per rule area", () => {
    const rules = rulesOf([
      { rule: "parse/syntax", level: "error", file: "a.json", line: 1, message: "unexpected ','", fix: "remove the comma" },
      { rule: "parse/syntax", level: "error", file: "b.json", line: 2, message: "second example, not used" },
      { rule: "manifest/modified", level: "error", file: "c.json", message: "sealed content changed" },
    ]);
    expect(rules.map((r) => r.id)).toEqual(["manifest/modified", "parse/syntax"]);
    const parse = rules[1]!;
    expect(parse.shortDescription.text).toBe("integrity-guard parse/syntax");
    expect(parse.fullDescription.text).toBe("unexpected ',' Fix: remove the comma");
    expect(parse.helpUri).toBe("https://github.com/integrity-guard/integrity-guard/blob/main/docs/parsing.md");
    expect(parse.help.text).toBe(
      "Example: unexpected ','\nFix: remove the comma\nMore: https://github.com/integrity-guard/integrity-guard/blob/main/docs/parsing.md",
    );
    expect(parse.help.markdown).toContain("Fix: remove the comma");
    expect(parse.help.markdown).toContain(`[Documentation](${parse.helpUri})`);
    expect(rules[0]!.fullDescription.text).toBe("sealed content changed");
    expect(rules[0]!.helpUri).toMatch(/docs\/manifest\.md$/);
    expect(ruleHelpUri("unknown/rule")).toBe("https://github.com/integrity-guard/integrity-guard#readme");
  });

  it("text from files is escaped in the Markdown help (no links, HTML or mentions)", () => {
    const [rule] = rulesOf([
      { rule: "parse/duplicate-key", level: "error", file: "a.yaml", message: 'duplicate key "[x](https://evil.example) <img> @admin"' },
    ]);
    expect(rule!.help.markdown).not.toContain("](https://evil");
    expect(rule!.help.markdown).not.toContain("<img>");
    expect(rule!.help.markdown).not.toMatch(/(^|\s)@admin/);
  });
});

describe("SARIF partialFingerprints", () => {
  const fingerprints = (findings: Finding[]) =>
    (
      JSON.parse(renderSarif(findings, "1.2.3")) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }
    ).runs[0]!.results.map((r) => r.partialFingerprints["integrityGuardFinding/v1"]);

  it("stay the same when the finding moves down the file, and differ between problems", () => {
    const [before, moved, otherKey, otherFile, otherRule] = fingerprints([
      { rule: "schema/type", level: "error", file: "a.json", line: 3, column: 5, pointer: "/count", message: "must be integer" },
      { rule: "schema/type", level: "error", file: "a.json", line: 9, column: 5, pointer: "/count", message: "must be integer" },
      { rule: "schema/type", level: "error", file: "a.json", line: 3, column: 5, pointer: "/id", message: "must be integer" },
      { rule: "schema/type", level: "error", file: "b.json", line: 3, column: 5, pointer: "/count", message: "must be integer" },
      { rule: "schema/required", level: "error", file: "a.json", line: 3, column: 5, pointer: "/count", message: "must be integer" },
    ]);
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    expect(moved).toBe(before);
    expect(new Set([before, otherKey, otherFile, otherRule]).size).toBe(4);
  });

  it("without a pointer, a line number quoted in the message does not change it", () => {
    const [a, b, c] = fingerprints([
      { rule: "parse/syntax", level: "error", file: "a.json", line: 3, message: "unexpected ',' after line 3" },
      { rule: "parse/syntax", level: "error", file: "a.json", line: 7, message: "unexpected ',' after line 7" },
      { rule: "parse/syntax", level: "error", file: "a.json", line: 7, message: "unexpected '}'" },
    ]);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
