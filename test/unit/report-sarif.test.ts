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
