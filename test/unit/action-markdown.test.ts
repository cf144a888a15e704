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
        "| parse/syntax | 1 |",
        "| manifest/missing | 1 |",
        "| config/conflict | 1 |",
        "",
        "| level | location | rule | message | pointer | fix |",
        "| --- | --- | --- | --- | --- | --- |",
        "| ❌ error | data/a.json:3:7 | parse/syntax | unexpected ',' | /a/b | remove the comma |",
        "| ❌ error | (repository) | manifest/missing | no manifest |  |  |",
        "| ⚠️ warning | config/a.yaml:1:1 | config/conflict | differs<br>expected: 1<br>found: 2<br>see config/b.yaml:4:2 |  |  |",
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

  it("with 5,000 findings of one rule, the one truncated file and the schema error are in the first rows and the overview", () => {
    const dup = Array.from({ length: 5_000 }, (_, i) =>
      f({
        rule: "parse/duplicate-key",
        file: `a/f${String(Math.floor(i / 50)).padStart(3, "0")}.json`,
        line: 2 + (i % 50),
        message: "duplicate key",
      }),
    );
    const truncated = f({ file: "zz/state.json", line: 9, column: 1, message: "unexpected end of input (the file is truncated)" });
    const schema = f({ rule: "schema/violation", file: "zz/config.json", line: 1, column: 1, message: "must be number" });
    const all = [...dup, schema, truncated];
    const md = renderMarkdown(all, { title: "t", summary: summarize(all), maxChars: 60_000, moreAt: "see the job summary" });
    const rows = md.split("\n").filter((l) => l.startsWith("| ❌"));
    expect(rows[0]).toContain("zz/state.json:9:1");
    expect(rows[1]).toContain("parse/duplicate-key");
    expect(rows[2]).toContain("zz/config.json:1:1");
    // Every failing file once before any file a second time.
    expect(new Set(rows.slice(0, 102).map((r) => r.split(" | ")[1]!.replace(/:.*/, ""))).size).toBe(102);
    // Counts per rule and per file come before the rows; the rare rules and files lead the overview.
    const overview = md.slice(0, md.indexOf("| level |"));
    expect(overview).toContain("| parse/duplicate-key | 5000 |");
    expect(overview).toContain("| schema/violation | 1 |");
    expect(overview).toMatch(
      /\| file \| errors \| warnings \| rules \|\n.*\n\| zz\/state\.json \| 1 \| 0 \| parse\/syntax \|\n\| a\/f000\.json \| 50 \| 0 \| parse\/duplicate-key \|\n\| zz\/config\.json \| 1 \| 0 \| schema\/violation \|/,
    );
    expect(overview).toContain("| … 77 more files |");
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(60_000);
    expect(md).toMatch(/\*\*\d+ more findings not shown here\*\* \(size limit\): see the job summary\./);
  });

  it("keeps to the budget in UTF-8 bytes, not characters", () => {
    const wide = Array.from({ length: 300 }, (_, i) => f({ file: `données/é${i}.json`, message: "数据".repeat(40) }));
    const md = renderMarkdown(wide, { title: "t", summary: summarize(wide), maxChars: 20_000 });
    expect(Buffer.byteLength(md, "utf8")).toBeLessThanOrEqual(20_000);
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
