/** JSON Lines (core/parse/json-lines.ts): one JSON value a line, findings at the file's line. */
import { describe, expect, it } from "vitest";
import { isJsonLinesName, parseJsonLines } from "../../src/core/parse/json-lines.js";

const parse = (text: string, keepValues = true) => parseJsonLines(text, { path: "d.jsonl", keepValues });
const brief = (text: string) => parse(text).findings.map((f) => [f.rule, f.level, f.line, f.column]);

describe("JSON Lines", () => {
  it.each([
    ["records with a final newline", '{"a":1}\n{"a":2}\n', 2],
    ["no final newline", '{"a":1}\n{"a":2}', 2],
    ["an empty line after the last", '{"a":1}\n\n', 1],
    ["CRLF (Elasticsearch bulk files)", '{"index":{}}\r\n{"a":1}\r\n', 2],
    ["blank lines between records", '{"a":1}\n\n  \n[1,2]\n"x"\n3\n', 4],
  ])("%s: valid", (_name, text, n) => {
    const doc = parse(text);
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(doc.documents).toHaveLength(n);
  });

  it("a truncated last line is parse/truncated at that line, named as the last line", () => {
    const doc = parse('{"a":1}\n{"a":2}\n{"a":3, "b": [1, ');
    expect(doc.ok).toBe(false);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ rule: "parse/truncated", level: "error", line: 3 });
    expect(doc.findings[0]!.message).toMatch(/^the last line \(3\) ends inside an array opened at 3:\d+ \(2 levels deep\)/);
    expect(doc.findings[0]!.related?.[0]?.line).toBe(3);
  });

  it("a record cut short in the middle, a second value on a line, a duplicate key, comments: each at its line", () => {
    expect(brief('{"a":1}\n{"a":\n{"a":1}{"b":2}\n{"a":1,"a":2}\n// no\n{"ok":true}\n')).toEqual([
      ["parse/truncated", "error", 2, 6],
      ["parse/syntax", "error", 3, 8],
      ["parse/duplicate-key", "error", 4, 8],
      ["parse/syntax", "error", 5, 1],
    ]);
    const dup = parse('{}\n{}\n{"a":1,"a":2}\n').findings[0]!;
    expect(dup.message).toContain("on line 3, first defined on line 3");
    expect(parse('{}\n{"a":\n{}\n').findings[0]!.message).toMatch(/^line 2 ends inside an object opened at 2:1: a record cut short/);
  });

  it("a BOM is an error (json.loads refuses it), as in JSON", () => {
    expect(brief('\uFEFF{"a":1}\n')).toEqual([["parse/encoding", "error", 1, 1]]);
  });

  it("conflict markers: one finding at the first marker", () => {
    expect(brief('{"a":1}\n<<<<<<< HEAD\n{"a":2}\n=======\n{"a":3}\n>>>>>>> other\n')).toEqual([["parse/merge-conflict", "error", 2, 1]]);
  });

  it("an empty or blank file is a warning (zero records is valid JSON Lines)", () => {
    expect(brief("")).toEqual([["parse/empty", "warning", 1, 1]]);
    expect(brief("\n \n")).toEqual([["parse/empty", "warning", 1, 1]]);
    expect(parse("").ok).toBe(true);
  });

  it("a file that is not JSON Lines at all: 100 lines reported, then one finding counts the rest", () => {
    const doc = parse("a,b,c\n".repeat(250));
    expect(doc.findings).toHaveLength(101);
    expect(doc.findings[100]).toMatchObject({ rule: "parse/syntax", line: 101 });
    expect(doc.findings[100]!.message).toMatch(/^150 more lines from line 101 on/);
  });

  it("values are kept only on request; locate() finds a record's value at its line", () => {
    expect(parse('{"a":1}\n', false).documents).toEqual([]);
    const doc = parse('{"a":1}\n\n{"a":2,\n "b":"x"}', true);
    expect(doc.ok).toBe(false); // a line break inside a record: the record is cut at the line
    const ok = parse('{"a":1}\n\n{"a":2, "b":"x"}\n');
    expect(ok.documents).toEqual([{ a: 1 }, { a: 2, b: "x" }]);
    expect(ok.locate("/b", 1)).toMatchObject({ line: 3, column: 13 });
    expect(ok.locateKey("/b", 1)).toMatchObject({ line: 3, column: 9 });
  });

  it("names: .jsonl, .ndjson, .jsonlines in any letter case", () => {
    for (const p of ["a.jsonl", "d/b.NDJSON", "c.JsonLines"]) expect(isJsonLinesName(p), p).toBe(true);
    for (const p of ["a.json", ".jsonl", "a.jsonl.gz", "jsonl"]) expect(isJsonLinesName(p), p).toBe(false);
  });
});

describe("parseDocument (the library) by a JSON Lines name", () => {
  it("reads a value per line when no format is forced", async () => {
    const { parseDocument } = await import("../../src/core/parse/index.js");
    const doc = parseDocument(Buffer.from('{"a":1}\n{"a":2}\n'), { path: "data/x.jsonl" });
    expect(doc.ok).toBe(true);
    expect(doc.documents).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseDocument(Buffer.from('{"a":1}\n{"a":2}\n'), { path: "data/x.jsonl", format: "json" }).ok).toBe(false);
  });
});
