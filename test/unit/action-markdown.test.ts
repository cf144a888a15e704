/** Findings -> Markdown (job summary and sticky comment): tables, escaping, size budget. */
import { describe, expect, it } from "vitest";
import { summarize, type Finding } from "../../src/core/finding.js";
import { escapeCell, renderMarkdown, renderScoreHistory, verdict } from "../../src/report/markdown.js";

const f = (over: Partial<Finding> = {}): Finding => ({
  rule: "parse/syntax",
  level: "error",
  file: "data/a.json",
  line: 3,
  column: 7,
  message: "unexpected ','",
  ...over,
});

describe("renderMarkdown", () => {
  it("renders the verdict, a per-rule count table and one row per finding", () => {
    const findings = [
      f({ pointer: "/a/b", fix: "remove the comma" }),
      f({
        rule: "config/conflict",
        level: "warning",
        file: "config/a.yaml",
        line: 1,
        column: 1,
        message: "differs",
        expected: "1",
        found: "2",
        related: [{ file: "config/b.yaml", line: 4, column: 2 }],
      }),
      f({ rule: "manifest/missing", file: undefined, line: undefined, column: undefined, message: "no manifest" }),
    ];
    const md = renderMarkdown(findings, { title: "integrity-guard check", summary: summarize(findings) });
    expect(md).toBe(
      [
        "## integrity-guard check: ❌ 2 errors, 1 warning in 2 files",
        "",
        "| rule | findings |",
        "| --- | ---: |",
        "| config/conflict | 1 |",
        "| manifest/missing | 1 |",
        "| parse/syntax | 1 |",
        "",
        "| level | location | rule | message | pointer | fix |",
        "| --- | --- | --- | --- | --- | --- |",
        "| ❌ error | data/a.json:3:7 | parse/syntax | unexpected ',' | /a/b | remove the comma |",
        "| ⚠️ warning | config/a.yaml:1:1 | config/conflict | differs<br>expected: 1<br>found: 2<br>see config/b.yaml:4:2 |  |  |",
        "| ❌ error | (repository) | manifest/missing | no manifest |  |  |",
        "",
      ].join("\n"),
    );
  });

  it("links locations when given a link function", () => {
    const md = renderMarkdown([f()], { title: "t", summary: summarize([f()]), link: (file, line) => `https://x/${file}#L${line}` });
    expect(md).toContain("| [data/a.json:3:7](https://x/data/a.json#L3) |");
  });

  it("escapes pipes, newlines and HTML so file content cannot break the table or forge the sticky marker", () => {
    expect(escapeCell("a|b\nc<!-- integrity-guard:sticky -->")).toBe("a&#124;b<br>c&lt;!-- integrity-guard:sticky --&gt;");
    const md = renderMarkdown([f({ file: "x|<y>.json", message: "line1\r\nline2 | `code` *bold*" })], {
      title: "t",
      summary: summarize([f()]),
    });
    const row = md.split("\n").find((l) => l.startsWith("| ❌"))!;
    expect(row).toBe("| ❌ error | x&#124;&lt;y&gt;.json:3:7 | parse/syntax | line1<br>line2 &#124; &#96;code&#96; &#42;bold&#42; |  |  |");
    expect(md).not.toContain("<!--");
  });

  it("keeps every finding when within budget, and says how many were left out when not", () => {
    const many = Array.from({ length: 500 }, (_, i) => f({ file: `f${i}.json` }));
    const full = renderMarkdown(many, { title: "t", summary: summarize(many) });
    expect(full.split("\n").filter((l) => l.startsWith("| ❌"))).toHaveLength(500);
    const cut = renderMarkdown(many, { title: "t", summary: summarize(many), maxChars: 5000, moreAt: "see the findings file" });
    expect(cut.length).toBeLessThanOrEqual(5000);
    const shown = cut.split("\n").filter((l) => l.startsWith("| ❌")).length;
    expect(shown).toBeGreaterThan(10);
    expect(cut).toContain(`**${500 - shown} more findings not shown here** (size limit): see the findings file.`);
  });

  it("says clean plainly", () => {
    expect(verdict(summarize([]))).toBe("✅ no findings");
    expect(renderMarkdown([], { title: "integrity-guard check", summary: summarize([]), details: "Pull request #1" })).toBe(
      "## integrity-guard check: ✅ no findings\n\nPull request #1\n",
    );
  });

  it("health history: a Mermaid line chart and the latest points, newest first; nothing without points", () => {
    const md = renderScoreHistory([
      { time: "2026-11-26T12:00:00Z", score: 90, status: "HEALTHY" },
      { time: "not a time", score: 1, status: "CRITICAL" },
      { time: "2026-11-26T10:00:00Z", score: 72.25, status: "DEGRADED" },
    ]);
    expect(md).toBe(
      [
        "### Health score over time",
        "",
        "```mermaid",
        "xychart-beta",
        '  title "overall score"',
        '  x-axis ["11-26 10:00", "11-26 12:00"]',
        '  y-axis "score" 0 --> 100',
        "  line [72.3, 90]",
        "```",
        "",
        "| time | score | status |",
        "| --- | ---: | --- |",
        "| 2026-11-26T12:00:00Z | 90 | HEALTHY |",
        "| 2026-11-26T10:00:00Z | 72.25 | DEGRADED |",
        "",
      ].join("\n"),
    );
    expect(renderScoreHistory([])).toBe("");
  });
});
