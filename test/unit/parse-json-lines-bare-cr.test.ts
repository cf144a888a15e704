/**
 * JSON Lines whose records end in a bare `\r` (old Mac line ends). The format separates records
 * with `\n` (jsonlines.org, the NDJSON spec), and so do the readers that split bytes:
 * pandas.read_json(lines=True) opens the file with newline="" and splits on "\n" (the records end
 * up in one `[..]` without commas), Elasticsearch's _bulk and Python iterating a binary file see one
 * line. Python's text-mode iteration, Node's readline and jq would read the records, so the file is
 * not garbage, but it is not JSON Lines: an error that says what is wrong (bare CR line ends) and
 * how to fix it, instead of "a JSON file holds exactly one value: wrap several values in an array".
 * Each CR-separated record is still parsed, so a broken or cut record is reported where it is.
 */
import { describe, expect, it } from "vitest";
import { parseJsonLines } from "../../src/core/parse/json-lines.js";

const parse = (text: string) => parseJsonLines(text, { path: "d.jsonl", keepValues: true });

describe("JSON Lines with bare CR line ends", () => {
  it("valid records separated by bare CRs: one error naming the line ends, with the fix", () => {
    const doc = parse('{"a":1}\r{"a":2}\r{"a":3}\r');
    expect(doc.ok).toBe(false);
    expect(doc.findings).toHaveLength(1);
    const f = doc.findings[0]!;
    expect(f).toMatchObject({ rule: "parse/syntax", level: "error", line: 1, column: 8 });
    expect(f.message).toMatch(/bare CR/);
    expect(f.message).toContain("3 records");
    expect(f.message).not.toMatch(/wrap several values in an array/);
    expect(f.fix).toMatch(/\\n/);
  });

  it("a broken record among CR-separated ones is reported at its own column, besides the line ends", () => {
    const doc = parse('{"a":1}\r{"a" 2}\r{"a":3}\r');
    expect(doc.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["parse/syntax", 1, 8],
      ["parse/syntax", 1, 14],
    ]);
  });

  it("a cut last record is still parse/truncated", () => {
    const doc = parse('{"a":1}\r{"a":2}\r{"a":');
    expect(doc.findings.map((f) => f.rule)).toEqual(["parse/syntax", "parse/truncated"]);
  });

  it("CRLF stays fine, and a CR inside a string is not a line end", () => {
    expect(parse('{"a":1}\r\n{"a":2}\r\n').findings).toEqual([]);
    expect(parse('{"a":"x\ry"}\n').findings.map((f) => f.rule)).toEqual(["parse/syntax"]);
  });
});
