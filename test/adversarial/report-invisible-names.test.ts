/**
 * Red team round 10: invisible characters in the names a pull request chooses. Bidi controls are
 * shown escaped (core/names.ts), but a zero-width space, joiner or non-joiner, a word joiner, a
 * soft hyphen or a Hangul filler is shown as nothing: a pull request that adds a broken (or
 * newly sealed) `data/state<U+200B>.json` beside `data/state.json` had its finding rendered as
 * `data/state.json` in the job summary and the sticky comment, the name of a file it did not
 * touch. In the Markdown report (cells and code spans) they are now written out as `\u200b`.
 */
import { describe, expect, it } from "vitest";
import { codeSpan, escapeCell, renderMarkdown } from "../../src/report/markdown.js";
import { summarize, type Finding } from "../../src/core/finding.js";

const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u180e", "\u3164", "\uffa0", "\u115f", "\u034f"];

describe("invisible characters in names are visible in the Markdown report", () => {
  it("a finding on data/state<U+200B>.json is not shown as data/state.json", () => {
    const f: Finding = { rule: "parse/syntax", level: "error", file: "data/state\u200b.json", line: 1, message: "unexpected end" };
    const md = renderMarkdown([f], { title: "integrity-guard check", summary: summarize([f]) });
    const row = md.split("\n").find((l) => l.startsWith("| ❌"))!;
    expect(row).toContain("state&#92;u200b.json"); // `\u200b`, its backslash as a character reference
    expect(row).not.toContain("state\u200b.json");
  });

  it("each invisible character is written out in a cell and in a code span", () => {
    for (const c of INVISIBLE) {
      const hex = c.codePointAt(0)!.toString(16).padStart(4, "0");
      expect(escapeCell(`a${c}b`), hex).toBe(`a&#92;u${hex}b`);
      expect(codeSpan(`a${c}b`), hex).toBe(`\`a\\u${hex}b\``);
    }
  });

  it("a backslash beside an invisible character is doubled, so `\\u200b` typed in a name stays distinct", () => {
    expect(codeSpan("a\\u200b\u200b")).toBe("`a\\\\u200b\\u200b`");
  });

  it("visible text is unchanged, and the report's own zero-width breaks of mentions stay (guard)", () => {
    expect(escapeCell("données/état.json")).toBe("données/état.json");
    expect(escapeCell("@octocat")).toBe("&#64;\u200boctocat");
  });
});
