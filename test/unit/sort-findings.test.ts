import { describe, expect, it } from "vitest";
import { sortFindings, type Finding } from "../../src/core/finding.js";

const f = (file: string | undefined, line: number | undefined, column: number | undefined, rule: string): Finding => ({
  rule,
  level: "error",
  message: "m",
  ...(file !== undefined ? { file } : {}),
  ...(line !== undefined ? { line } : {}),
  ...(column !== undefined ? { column } : {}),
});

describe("sortFindings", () => {
  it("orders by file as localeCompare does, then line, column and rule", () => {
    const list = [
      f("b.json", 2, 1, "x"),
      f("B.json", 1, 1, "x"),
      f("a.json", 3, 5, "z"),
      f("a.json", 3, 5, "a"),
      f("a.json", 3, 2, "x"),
      f(undefined, undefined, undefined, "run"),
      f("a.json", 1, 9, "x"),
    ];
    const expected = [...list].sort(
      (p, q) =>
        (p.file ?? "").localeCompare(q.file ?? "") ||
        (p.line ?? 0) - (q.line ?? 0) ||
        (p.column ?? 0) - (q.column ?? 0) ||
        p.rule.localeCompare(q.rule),
    );
    expect(sortFindings([...list])).toEqual(expected);
    expect(sortFindings([...list]).map((x) => `${x.file ?? "-"}:${x.line ?? 0}:${x.column ?? 0}:${x.rule}`)).toEqual([
      "-:0:0:run",
      "a.json:1:9:x",
      "a.json:3:2:x",
      "a.json:3:5:a",
      "a.json:3:5:z",
      "b.json:2:1:x",
      "B.json:1:1:x",
    ]);
  });

  it("returns empty and single lists as they are", () => {
    const one = [f("a.json", 1, 1, "x")];
    expect(sortFindings(one)).toBe(one);
    expect(sortFindings([])).toEqual([]);
  });
});
