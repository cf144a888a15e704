/**
 * The most important finding first (issue 13, item 7): within a file, errors before warnings
 * before notices, and at each level parse before schema before other rules before manifest;
 * the worst file first. Also: no reseal advice for a file that does not parse, and the hook's
 * split of findings about files a commit does not touch.
 */
import { describe, expect, it } from "vitest";
import { CAPPED_RULE, sortFindings, type Finding, type Level } from "../../src/core/finding.js";
import { guardReseal } from "../../src/core/manifest/reseal-guard.js";
import { dropUntouched } from "../../src/core/untouched-files.js";

const f = (file: string | undefined, rule: string, level: Level, line?: number, column?: number): Finding => ({
  rule,
  level,
  message: "m",
  ...(file !== undefined ? { file } : {}),
  ...(line !== undefined ? { line } : {}),
  ...(column !== undefined ? { column } : {}),
});
const key = (x: Finding) => `${x.file ?? "-"} ${x.level} ${x.rule}${x.line ? `:${x.line}` : ""}${x.column ? `:${x.column}` : ""}`;

describe("sortFindings: the most important first", () => {
  it("within a file: parse errors, schema errors, other errors, manifest errors, then warnings and notices; each by line and column", () => {
    const list = [
      f("a.yaml", "manifest/unsealed-change", "error"),
      f("a.yaml", "report/capped", "notice"),
      f("a.yaml", "schema/violation", "error", 2, 5),
      f("a.yaml", "parse/unknown-tag", "warning", 1, 1),
      f("a.yaml", "config/conflict", "error", 1, 1),
      f("a.yaml", "schema/violation", "error", 2, 1),
      f("a.yaml", "parse/syntax", "error", 40, 1),
      f("a.yaml", "validate/skipped", "notice"),
      f("a.yaml", "parse/duplicate-key", "error", 7, 3),
      f("a.yaml", "sync/missing-target", "warning", 3),
    ];
    expect(sortFindings(list).map(key)).toEqual([
      "a.yaml error parse/duplicate-key:7:3",
      "a.yaml error parse/syntax:40:1",
      "a.yaml error schema/violation:2:1",
      "a.yaml error schema/violation:2:5",
      "a.yaml error config/conflict:1:1",
      "a.yaml error manifest/unsealed-change",
      "a.yaml warning parse/unknown-tag:1:1",
      "a.yaml warning sync/missing-target:3",
      "a.yaml notice validate/skipped",
      "a.yaml notice report/capped",
    ]);
  });

  it("the 'and K more' line ends its file's list whatever it stands for", () => {
    const capped: Finding = { ...f("a.yaml", CAPPED_RULE, "notice"), omitted: { rule: "parse/syntax", level: "error", count: 9 } };
    const out = sortFindings([capped, f("a.yaml", "parse/warning", "notice", 1)]);
    expect(out.at(-1)).toBe(capped);
  });

  it("findings without a file first, then files with an error, then only warnings, then only notices; by name within each", () => {
    const list = [
      f("a.json", "sync/missing-target", "warning", 1),
      f("b.json", "validate/skipped", "notice"),
      f("z.json", "parse/syntax", "error", 1),
      f(undefined, "check/failed", "error"),
      f("c.json", "parse/syntax", "error", 1),
      f("c.json", "parse/warning", "warning", 2),
      f("0.json", "config/missing-file", "notice"),
    ];
    expect(sortFindings(list).map(key)).toEqual([
      "- error check/failed",
      "c.json error parse/syntax:1",
      "c.json warning parse/warning:2",
      "z.json error parse/syntax:1",
      "a.json warning sync/missing-target:1",
      "0.json notice config/missing-file",
      "b.json notice validate/skipped",
    ]);
  });

  it("a file whose only error is capped away still sorts as a file with errors", () => {
    const capped: Finding = { ...f("z.yaml", CAPPED_RULE, "notice"), omitted: { rule: "parse/syntax", level: "error", count: 2 } };
    const out = sortFindings([f("a.json", "sync/missing-target", "warning", 1), capped]);
    expect(out[0]).toBe(capped);
  });
});

describe("guardReseal: never advise resealing a file that does not parse or breaks its schema", () => {
  it("rewrites the fix of the file's manifest findings, naming the parse error first", () => {
    const list: Finding[] = [
      {
        ...f("state.json", "manifest/unsealed-change", "error"),
        fix: "run `integrity-guard seal && git add .integrity-guard/manifest.json`",
      },
      { ...f("state.json", "schema/violation", "error", 3, 4) },
      { ...f("state.json", "parse/truncated", "error", 9, 1) },
      { ...f("other.json", "manifest/modified", "error"), fix: "seal" },
    ];
    expect(guardReseal(list)).toBe(1);
    expect(list[0]!.fix).toBe(
      "do not reseal yet: state.json does not parse (parse/truncated at 9:1), and sealing would record the corruption as intended. " +
        "Repair the file, or restore the last good version (`git restore --source=HEAD --staged --worktree -- state.json` or `integrity-guard restore`); " +
        "reseal only once `integrity-guard validate state.json` passes",
    );
    expect(list[0]!.fix).not.toMatch(/integrity-guard seal/);
    expect(list[3]!.fix).toBe("seal");
  });

  it("a schema error alone: 'breaks its JSON Schema'; a parse warning does not count", () => {
    const list: Finding[] = [
      { ...f("a.yaml", "manifest/modified", "error"), fix: "seal" },
      f("a.yaml", "schema/violation", "error", 2, 1),
      { ...f("b.yaml", "manifest/modified", "error"), fix: "seal" },
      f("b.yaml", "parse/unknown-tag", "warning", 1, 1),
    ];
    guardReseal(list);
    expect(list[0]!.fix).toMatch(/^do not reseal yet: a\.yaml breaks its JSON Schema \(schema\/violation at 2:1\)/);
    expect(list[2]!.fix).toBe("seal");
  });
});

describe("dropUntouched (the hook)", () => {
  it("keeps errors and findings without a file, counts warnings and notices about untouched files", () => {
    const capped: Finding = { ...f("old.yaml", CAPPED_RULE, "notice"), omitted: { rule: "parse/warning", level: "warning", count: 5 } };
    const cappedErrors: Finding = { ...f("old.yaml", CAPPED_RULE, "notice"), omitted: { rule: "parse/syntax", level: "error", count: 5 } };
    const list = [
      f("old.yaml", "sync/missing-target", "warning", 1),
      f("old.yaml", "parse/syntax", "error", 2),
      f("new.json", "sync/missing-target", "warning", 1),
      f("cfg.yaml", "config/missing-file", "notice"),
      f(undefined, "manifest/noncanonical", "warning"),
      capped,
      cappedErrors,
    ];
    const { findings, untouched } = dropUntouched(list, new Set(["new.json"]));
    expect(findings.map(key)).toEqual([
      "old.yaml error parse/syntax:2",
      "new.json warning sync/missing-target:1",
      "- warning manifest/noncanonical",
      "old.yaml notice report/capped",
    ]);
    expect(findings.at(-1)).toBe(cappedErrors);
    expect(untouched).toEqual({ warnings: 6, notices: 1 });
  });
});
