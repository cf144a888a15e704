/** The per-file cap (issue 13, item 5): exact counts, the "and K more" lines, and the summary that still counts all. */
import { describe, expect, it } from "vitest";
import { CAPPED_RULE, hasErrors, summarize, type Finding, type Level } from "../../src/core/finding.js";
import { capFindings, DEFAULT_MAX_FINDINGS_PER_FILE } from "../../src/core/finding-cap.js";
import { appendAll, maxOf, minOf } from "../../src/core/append.js";
import { renderText } from "../../src/report/text.js";

const f = (file: string | undefined, rule: string, level: Level, line: number): Finding => ({
  rule,
  level,
  message: `${rule} at ${line}`,
  line,
  column: 1,
  ...(file !== undefined ? { file } : {}),
});

/** n findings of one rule in one file, lines 1..n. */
const many = (file: string, rule: string, level: Level, n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => f(file, rule, level, from + i));

describe("capFindings", () => {
  it("keeps a file at or under the cap as it is", () => {
    const list = many("a.yaml", "parse/syntax", "error", 50);
    const out = capFindings(list, 50);
    expect(out).toEqual(list);
    expect(out).not.toBe(list);
  });

  it("lists the first N of a file, then one 'and K more' line per rule, with exact counts", () => {
    const list = [
      ...many("t.yaml", "parse/syntax", "error", 120),
      ...many("t.yaml", "parse/warning", "warning", 7, 200),
      ...many("ok.json", "schema/violation", "error", 3),
    ];
    const out = capFindings(list, 50);
    const t = out.filter((x) => x.file === "t.yaml");
    expect(t.filter((x) => x.rule !== CAPPED_RULE)).toHaveLength(50);
    // The errors come first, so the 50 listed are the first 50 syntax errors by line.
    expect(t.slice(0, 50).map((x) => x.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const capped = t.filter((x) => x.rule === CAPPED_RULE);
    expect(capped.map((x) => x.message)).toEqual([
      "and 70 more errors of parse/syntax in this file (at most 50 findings are listed per file; all are counted)",
      "and 7 more warnings of parse/warning in this file (at most 50 findings are listed per file; all are counted)",
    ]);
    expect(capped.map((x) => x.omitted)).toEqual([
      { rule: "parse/syntax", level: "error", count: 70 },
      { rule: "parse/warning", level: "warning", count: 7 },
    ]);
    expect(capped[0]).toMatchObject({ level: "notice", file: "t.yaml", fix: expect.stringContaining("validate.max_findings_per_file") });
    // Another file is not buried: all three of its findings are listed.
    expect(out.filter((x) => x.file === "ok.json")).toHaveLength(3);
  });

  it("says 'and 1 more error' in the singular", () => {
    const out = capFindings(many("a.json", "parse/syntax", "error", 3), 2);
    expect(out.at(-1)!.message).toBe(
      "and 1 more error of parse/syntax in this file (at most 2 findings are listed per file; all are counted)",
    );
  });

  it("keeps the most important findings when it caps: parse errors before schema errors before manifest, errors before warnings", () => {
    const list = [
      f("s.yaml", "manifest/unsealed-change", "error", 1),
      ...many("s.yaml", "parse/unknown-tag", "warning", 3),
      ...many("s.yaml", "schema/violation", "error", 3, 10),
      f("s.yaml", "parse/syntax", "error", 99),
    ];
    const out = capFindings(list, 2);
    expect(out.slice(0, 2).map((x) => x.rule)).toEqual(["parse/syntax", "schema/violation"]);
    expect(out.slice(2).map((x) => x.omitted)).toEqual([
      { rule: "schema/violation", level: "error", count: 2 },
      { rule: "manifest/unsealed-change", level: "error", count: 1 },
      { rule: "parse/unknown-tag", level: "warning", count: 3 },
    ]);
  });

  it("merges a capped line a check already made (schema errors counted, not located) with what it drops", () => {
    const early: Finding = {
      rule: CAPPED_RULE,
      level: "notice",
      file: "a.json",
      message: "and 900 more",
      omitted: { rule: "schema/violation", level: "error", count: 900 },
    };
    const out = capFindings([...many("a.json", "schema/violation", "error", 60), early], 50);
    expect(out.filter((x) => x.rule === "schema/violation")).toHaveLength(50);
    const capped = out.filter((x) => x.rule === CAPPED_RULE);
    expect(capped).toHaveLength(1);
    expect(capped[0]!.omitted).toEqual({ rule: "schema/violation", level: "error", count: 910 });
    expect(capped[0]!.message).toContain("and 910 more errors of schema/violation");
  });

  it("never caps findings without a file", () => {
    const list = Array.from({ length: 80 }, (_, i) => f(undefined, "check/failed", "error", i + 1));
    expect(capFindings(list, 50)).toHaveLength(80);
  });

  it("handles a million findings in one file and a thousand files without overflowing the stack", () => {
    const huge = many("huge.yaml", "parse/syntax", "error", 1_000_000);
    for (let i = 0; i < 1000; i++) appendAll(huge, many(`t${i}.yaml`, "parse/syntax", "error", 60));
    const out = capFindings(huge, DEFAULT_MAX_FINDINGS_PER_FILE);
    expect(out).toHaveLength(1001 * 51);
    const s = summarize(out);
    expect(s).toMatchObject({ errors: 1_000_000 + 60_000, warnings: 0, notices: 0, files: 1001, omitted: 1_000_000 + 60_000 - 1001 * 50 });
  });
});

describe("summarize and hasErrors count what a capped line stands for", () => {
  const out = capFindings([...many("a.yaml", "parse/syntax", "error", 75), ...many("b.yaml", "sync/missing-target", "warning", 4)], 50);

  it("counts every capped error as an error, not the line as a notice", () => {
    expect(summarize(out, { checked: 2 })).toEqual({ checked: 2, errors: 75, warnings: 4, notices: 0, files: 2, omitted: 25 });
    expect(summarize(many("a.yaml", "parse/syntax", "error", 3))).not.toHaveProperty("omitted");
  });

  it("hasErrors sees an error that only a capped line stands for", () => {
    const onlyCapped: Finding[] = [
      { rule: CAPPED_RULE, level: "notice", file: "a", message: "m", omitted: { rule: "parse/syntax", level: "error", count: 3 } },
    ];
    expect(hasErrors(onlyCapped)).toBe(true);
  });

  it("the text report says how many are counted but not listed", () => {
    const text = renderText(out, summarize(out), { color: false });
    expect(text).toContain("  a.yaml  notice  and 25 more errors of parse/syntax in this file");
    expect(text).toContain("✖ 75 errors, 4 warnings in 2 files");
    expect(text).toContain("  25 of these are counted but not listed");
  });
});

describe("appendAll, maxOf, minOf", () => {
  it("work on arrays far beyond the argument limit of a spread call", () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    expect(appendAll([-1], big)).toHaveLength(500_001);
    expect(maxOf(big)).toBe(499_999);
    expect(minOf(big)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
  });
});
