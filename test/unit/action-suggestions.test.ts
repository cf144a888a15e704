/** Suggested changes only where the fix is mechanical and the line is the PR's (issue 17). */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import { parsePatch, type ChangedLines } from "../../src/action/changed-lines.js";
import { suggestionBody, suggestionFor } from "../../src/action/suggestions.js";

/** A file added by the PR: every line is an added line. */
const added = (file: string, text: string): ChangedLines => {
  const lines = text.replace(/\n$/, "").split("\n");
  return new Map([[file, parsePatch(`@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => "+" + l).join("\n"))]]);
};
const reader = (text: string) => (_file: string, line: number) => text.split("\n")[line - 1];
const dup = (file: string, line: number, first: number): Finding => ({
  rule: "parse/duplicate-key",
  level: "error",
  file,
  line,
  column: 3,
  message: "duplicate key",
  related: [{ file, line: first }],
});

describe("suggestionFor", () => {
  it("trailing comma: the comma is removed, the rest of the line kept", () => {
    const text = '{\n  "b": 3, // x\n}\n';
    const f: Finding = { rule: "parse/syntax", level: "error", file: "a.json", line: 2, column: 9, message: 'trailing comma before "}"' };
    expect(suggestionFor(f, added("a.json", text), reader(text))).toMatchObject({ line: 2, replacement: '  "b": 3 // x' });
  });

  it("duplicate keys: only with the same value, one-line entries, and (JSON) a comma after the duplicate", () => {
    const same = '{\n  "a": 1,\n  "a": 1,\n  "b": 2\n}\n';
    expect(suggestionFor(dup("d.json", 3, 2), added("d.json", same), reader(same))).toMatchObject({ replacement: undefined });
    const differ = '{\n  "a": 1,\n  "a": 2,\n  "b": 2\n}\n';
    expect(suggestionFor(dup("d.json", 3, 2), added("d.json", differ), reader(differ))).toBeUndefined();
    const last = '{\n  "a": 1,\n  "a": 1\n}\n';
    expect(suggestionFor(dup("d.json", 3, 2), added("d.json", last), reader(last))).toBeUndefined();
    // A key is file text: shown as code, so a mention or link in it does nothing.
    const mention = '{\n  "@admin `x`": 1,\n  "@admin `x`": 1,\n  "b": 2\n}\n';
    expect(suggestionFor(dup("m.json", 3, 2), added("m.json", mention), reader(mention))?.why).toContain('`` "@admin `x`" ``');
    const yaml = "port: 80\nport: 80\n";
    expect(suggestionFor(dup("d.yaml", 2, 1), added("d.yaml", yaml), reader(yaml))).toMatchObject({ replacement: undefined });
    // A plain scalar continued on the next line is not a one-line entry.
    const folded = "port: 80\nport: 80\n  more\n";
    expect(suggestionFor(dup("d.yaml", 2, 1), added("d.yaml", folded), reader(folded))).toBeUndefined();
    const nested = "a:\n  port: 80\nport: 80\n";
    expect(suggestionFor(dup("d.yaml", 3, 2), added("d.yaml", nested), reader(nested))).toBeUndefined();
    const block = "k: |\n  x\nk: |\n  x\n";
    expect(suggestionFor(dup("d.yaml", 3, 1), added("d.yaml", block), reader(block))).toBeUndefined();
  });

  it("config/conflict: the losing line the PR added takes the winning value; never for a secret or across formats", () => {
    const files: Record<string, string> = {
      "config/default.yaml": "server:\n  port: 80\n  host: a # the default\n",
      "config/prod.yaml": "server:\n  port: 8080\n",
      "config/default.json": '{\n  "port": 80,\n  "host": "a"\n}\n',
      "config/prod.json": '{\n  "port": 8080\n}\n',
    };
    const lineOf = (file: string, line: number) => files[file]?.split("\n")[line - 1];
    const changed: ChangedLines = new Map(Object.entries(files).map(([file, text]) => [file, added(file, text).get(file)!] as const));
    const conflict = (winner: string, loser: string, fix = "make the values equal"): Finding => ({
      rule: "config/conflict",
      level: "error",
      file: winner,
      line: 2,
      column: 9,
      pointer: "/server/port",
      message: "port is set to different values",
      related: [
        { file: loser, line: 2, column: 9 },
        { file: winner, line: 2, column: 9 },
      ],
      fix,
    });
    expect(suggestionFor(conflict("config/prod.yaml", "config/default.yaml"), changed, lineOf)).toMatchObject({
      file: "config/default.yaml",
      line: 2,
      replacement: "  port: 8080",
    });
    expect(suggestionFor(conflict("config/prod.json", "config/default.json"), changed, lineOf)).toMatchObject({
      file: "config/default.json",
      line: 2,
      replacement: '  "port": 8080,',
    });
    expect(suggestionFor(conflict("config/prod.json", "config/default.yaml"), changed, lineOf)).toBeUndefined();
    const secret = conflict(
      "config/prod.yaml",
      "config/default.yaml",
      "make the values equal by hand (a secret is never copied from one file into another automatically)",
    );
    expect(suggestionFor(secret, changed, lineOf)).toBeUndefined();
    // The losing line was not added by the PR: nothing to suggest on.
    const notAdded: ChangedLines = new Map([["config/prod.yaml", changed.get("config/prod.yaml")!]]);
    expect(suggestionFor(conflict("config/prod.yaml", "config/default.yaml"), notAdded, lineOf)).toBeUndefined();
  });

  it("never on a line the PR did not add, or when the checked-out line is not the PR's", () => {
    const text = "port: 80\nport: 80\n";
    const onlyFirst: ChangedLines = new Map([["d.yaml", parsePatch("@@ -0,0 +1 @@\n+port: 80")]]);
    expect(suggestionFor(dup("d.yaml", 2, 1), onlyFirst, reader(text))).toBeUndefined();
    // The workspace holds something else at that line (a merge commit that moved lines).
    expect(suggestionFor(dup("d.yaml", 2, 1), added("d.yaml", text), reader("x: 1\nport: 81\n"))).toBeUndefined();
  });

  it("the body fences the replacement so backticks in the line cannot close it, and carries a stable marker", () => {
    const body = suggestionBody({ file: "a.json", line: 2, replacement: '  "cmd": "```rm```"', why: "remove the trailing comma" }, "");
    expect(body).toContain('````suggestion\n  "cmd": "```rm```"\n````');
    expect(body).toMatch(/^<!-- integrity-guard:suggestion [0-9a-f]{16} -->/);
    expect(suggestionBody({ file: "a.json", line: 2, replacement: undefined, why: "x" }, "")).toContain("```suggestion\n```");
  });
});
