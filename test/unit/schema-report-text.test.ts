/** The text report: grouped by file, file:line:column first, colour only when asked, one summary line. */
import { describe, expect, it } from "vitest";
import { summarize, type Finding } from "../../src/core/finding.js";
import { renderText } from "../../src/report/text.js";

const findings: Finding[] = [
  {
    rule: "schema/violation",
    level: "error",
    file: "a.json",
    line: 2,
    column: 9,
    pointer: "/id",
    message: "id: must be an integer",
    expected: "integer",
    found: 'string "x"',
    fix: "change it",
  },
  { rule: "parse/syntax", level: "error", file: "b.yaml", line: 1, column: 3, message: "bad" },
  { rule: "schema/truncated", level: "notice", file: "a.json", line: 1, column: 1, message: "3 more" },
];

describe("renderText", () => {
  it("groups by file and ends with one summary line; no colour codes unless asked", () => {
    const out = renderText(findings, summarize(findings, { checked: 4 }), { color: false });
    expect(out).not.toContain("\u001b[");
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe("a.json");
    expect(lines[1]).toMatch(/^ {2}a\.json:2:9 {2}error {2}id: must be an integer {2}\[schema\/violation\]$/);
    expect(lines).toContain("      at /id");
    expect(lines).toContain("      expected: integer");
    expect(lines).toContain('      found:    string "x"');
    expect(lines.indexOf("b.yaml")).toBeGreaterThan(lines.indexOf("a.json"));
    expect(lines.at(-1)).toBe("✖ 2 errors, 0 warnings, 1 notice in 2 files (4 files checked)");
  });

  it("colours on request, and the staged summary says how to bypass once", () => {
    const out = renderText(findings, summarize(findings, { source: "index" }), { color: true });
    expect(out).toContain("\u001b[31merror\u001b[0m");
    expect(out).toContain("git commit --no-verify");
    const clean = renderText([], summarize([], { checked: 3 }), { color: false });
    expect(clean).toBe("✔ no findings (3 files checked)\n");
  });
});
