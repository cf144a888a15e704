/** rankForDisplay: the order of every bounded surface (summary, comment, first annotations). */
import { describe, expect, it } from "vitest";
import { sortFindings, type Finding } from "../../src/core/finding.js";
import { rankForDisplay } from "../../src/report/rank.js";

const f = (rule: string, file: string | undefined, line: number, level: Finding["level"] = "error"): Finding => ({
  rule,
  level,
  ...(file !== undefined ? { file } : {}),
  line,
  message: `${rule} at ${file}:${line}`,
});
const ids = (list: Finding[]) => list.map((x) => `${x.level[0]} ${x.rule} ${x.file ?? "-"}:${x.line}`);

describe("rankForDisplay", () => {
  it("errors first; every rule once (by area, the rarer first), then every file once, then round-robin; capped lines last; input untouched", () => {
    const input = sortFindings([
      f("parse/duplicate-key", "a.json", 1),
      f("parse/duplicate-key", "a.json", 2),
      f("parse/duplicate-key", "a.json", 3),
      f("parse/duplicate-key", "b.json", 1),
      f("parse/duplicate-key", "b.json", 2),
      f("manifest/modified", "m.json", 1),
      f("schema/violation", "z.json", 4),
      f("schema/violation", "z.json", 5),
      f("style/x", "a.json", 9, "warning"),
      f("parse/syntax", "y.json", 7),
      { ...f("report/capped", "a.json", 0, "notice"), omitted: { rule: "parse/duplicate-key", level: "error", count: 40 } },
    ]);
    const before = ids(input);
    expect(ids(rankForDisplay(input))).toEqual([
      "e parse/syntax y.json:7",
      "e parse/duplicate-key a.json:1",
      "e schema/violation z.json:4",
      "e manifest/modified m.json:1",
      "e parse/duplicate-key b.json:1",
      "e parse/duplicate-key a.json:2",
      "e parse/duplicate-key b.json:2",
      "e schema/violation z.json:5",
      "e parse/duplicate-key a.json:3",
      "n report/capped a.json:0",
      "w style/x a.json:9",
    ]);
    expect(ids(input)).toEqual(before);
  });

  it("a rule with thousands of findings cannot push another rule or file out of the first rows", () => {
    const noisy = Array.from({ length: 3_000 }, (_, i) => f("parse/duplicate-key", `f${i % 60}.json`, i));
    const ranked = rankForDisplay(sortFindings([...noisy, f("parse/syntax", "zz.json", 1), f("schema/violation", "zy.json", 1)]));
    expect(ids(ranked.slice(0, 3))).toEqual([
      "e parse/syntax zz.json:1",
      "e parse/duplicate-key f0.json:0",
      "e schema/violation zy.json:1",
    ]);
    expect(new Set(ranked.slice(0, 62).map((x) => x.file)).size).toBe(62);
  });
});
