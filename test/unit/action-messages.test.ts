/** The summary's note on GitHub's per-step annotation cap (issue 17). */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import { annotationCapNote } from "../../src/action/messages.js";

const n = (count: number, level: Finding["level"]): Finding[] =>
  Array.from({ length: count }, (_, i) => ({ rule: "parse/syntax", level, file: `f${i}.json`, message: "m" }));

describe("annotationCapNote", () => {
  it("is silent while GitHub shows every annotation (10 errors and 10 warnings per step)", () => {
    expect(annotationCapNote([...n(10, "error"), ...n(10, "warning"), ...n(40, "notice")])).toBeUndefined();
  });

  it("says how many are hidden and where they are", () => {
    expect(annotationCapNote([...n(11, "error"), ...n(13, "warning")])).toBe(
      "> **Annotations:** GitHub shows 10 error and 10 warning annotations per step; this run wrote 11 error and 13 warning annotations, so 4 are not shown on the diff. The first ones shown are the worst and most varied; every finding is counted below, worst first.",
    );
  });
});
