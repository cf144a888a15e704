/** Strict JSON / JSONC parsing: exact positions, messages, fixes, locate(), and hostile input. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const json = (text: string, extra: { maxDepth?: number } = {}) => parseDocument(text, { path: "f.json", ...extra });
const jsonc = (text: string) => parseDocument(text, { path: "f.json", format: "jsonc" });

interface Bad {
  name: string;
  text: string;
  rule: string;
  line: number;
  column: number;
  /** Substring the message must contain. */
  message: string;
  /** Substring the fix must contain. */
  fix?: string;
  pointer?: string;
}

const BAD: Bad[] = [
  {
    name: "trailing comma in object",
    text: '{\n  "a": 1,\n}',
    rule: "parse/syntax",
    line: 2,
    column: 9,
    message: 'trailing comma before "}"',
    fix: "remove the trailing comma",
  },
  { name: "trailing comma in array", text: "[1, 2, ]", rule: "parse/syntax", line: 1, column: 6, message: 'trailing comma before "]"' },
  {
    name: "wrong closing bracket",
    text: '{"a": 1]',
    rule: "parse/syntax",
    line: 1,
    column: 8,
    message: 'expected "," or "}" after an object member, found "]"',
    pointer: "/a",
  },
  {
    name: "missing comma",
    text: '{\n "a": 1\n "b": 2\n}',
    rule: "parse/syntax",
    line: 3,
    column: 2,
    message: 'expected "," or "}" after an object member, found "\\""',
    fix: 'add the missing ","',
  },
  {
    name: "missing comma in array",
    text: "[1 2]",
    rule: "parse/syntax",
    line: 1,
    column: 4,
    message: 'expected "," or "]" after an array element, found 2',
  },
  {
    name: "NaN",
    text: '{"x": NaN}',
    rule: "parse/syntax",
    line: 1,
    column: 7,
    message: "found NaN",
    fix: "NaN is not JSON (Python's json.dump writes it unless allow_nan=False",
    pointer: "/x",
  },
  {
    name: "Infinity",
    text: "[Infinity]",
    rule: "parse/syntax",
    line: 1,
    column: 2,
    message: "found Infinity",
    fix: "Infinity is not JSON (Python's json.dump writes it unless allow_nan=False",
  },
  {
    // A Markdown page with YAML front matter saved under a JSON name (Quarto's glob-test `d.ipynb`).
    name: "front matter where JSON should be",
    text: '---\ntitle: "Plain Test"\n---\n\nHello, World\n',
    rule: "parse/syntax",
    line: 1,
    column: 1,
    message: 'the file starts with "---", a YAML document start or Markdown front matter',
    fix: "give it the extension of what it holds",
  },
  {
    name: "a lone minus sign later in the file is still a missing digit",
    text: "[1,\n---]",
    rule: "parse/syntax",
    line: 2,
    column: 2,
    message: 'expected a digit after "-", found --',
  },
  {
    name: "-Infinity",
    text: "[-Infinity]",
    rule: "parse/syntax",
    line: 1,
    column: 3,
    message: 'expected a digit after "-", found Infinity',
    fix: "-Infinity is not JSON (Python's json.dump writes it unless allow_nan=False",
  },
  {
    name: "line comment",
    text: '{\n  // note\n  "a": 1\n}',
    rule: "parse/syntax",
    line: 2,
    column: 3,
    message: 'found "/"',
    fix: "JSON has no comments",
  },
  {
    name: "block comment after value",
    text: "[1 /* x */]",
    rule: "parse/syntax",
    line: 1,
    column: 4,
    message: 'found "/"',
    fix: "validate.jsonc",
  },
  {
    name: "single-quoted key",
    text: "{'a': 1}",
    rule: "parse/syntax",
    line: 1,
    column: 2,
    message: 'expected a member name in double quotes, found "\'"',
    fix: "double quotes",
  },
  {
    name: "single-quoted value",
    text: "{\"a\": 'x'}",
    rule: "parse/syntax",
    line: 1,
    column: 7,
    message: 'found "\'"',
    fix: "double quotes",
  },
  {
    name: "unquoted key",
    text: "{a: 1}",
    rule: "parse/syntax",
    line: 1,
    column: 2,
    message: "expected a member name in double quotes, found a",
    fix: "quote the member name",
  },
  {
    // JSON Lines saved as .json (aws-samples/aws-cdk-examples' Athena log samples), or a writer
    // that appended: the same bytes, so an error either way, and the fix names both.
    name: "two documents, one per line",
    text: '{"a":1}\n{"b":2}\n',
    rule: "parse/syntax",
    line: 2,
    column: 1,
    message: "a second document?",
    fix: "name it .jsonl or .ndjson",
  },
  {
    name: "two documents, the first on several lines",
    text: '{\n  "a": 1\n}\n{"b":2}\n',
    rule: "parse/syntax",
    line: 4,
    column: 1,
    message: "a second document?",
    fix: "exactly one value",
  },
  {
    name: "two empty objects",
    text: "{}{}",
    rule: "parse/syntax",
    line: 1,
    column: 3,
    message: 'unexpected "{" after the end of the JSON value that began at 1:1',
  },
  {
    name: "leading zero",
    text: '{"n": 007}',
    rule: "parse/syntax",
    line: 1,
    column: 7,
    message: "number with a leading zero",
    fix: "remove the leading zero",
  },
  {
    name: "decimal point without digits",
    text: "[1.]",
    rule: "parse/syntax",
    line: 1,
    column: 4,
    message: 'expected a digit after the decimal point, found "]"',
  },
  { name: "empty exponent", text: "[1e]", rule: "parse/syntax", line: 1, column: 4, message: "expected a digit in the exponent" },
  { name: "leading dot", text: "[.5]", rule: "parse/syntax", line: 1, column: 2, message: "expected a value, found .5", fix: "0.5" },
  {
    name: "plus sign",
    text: "[+1]",
    rule: "parse/syntax",
    line: 1,
    column: 2,
    message: "expected a value, found +1",
    fix: "remove the + sign",
  },
  {
    name: "raw tab in string",
    text: '["a\tb"]',
    rule: "parse/syntax",
    line: 1,
    column: 4,
    message: "unescaped control character U+0009 in string",
    fix: "\\t",
  },
  {
    name: "raw newline in string",
    text: '{"a": "x\ny"}',
    rule: "parse/syntax",
    line: 1,
    column: 9,
    message: "unterminated string (opened at 1:7)",
    fix: "\\n",
  },
  {
    name: "bad escape",
    text: '["\\x41"]',
    rule: "parse/syntax",
    line: 1,
    column: 3,
    message: "invalid escape \\x in string",
    fix: "escape a backslash",
  },
  { name: "short unicode escape", text: '["\\u12"]', rule: "parse/syntax", line: 1, column: 3, message: "invalid \\u escape" },
  {
    name: "lone surrogate in raw text",
    text: '["a\ud800b"]',
    rule: "parse/syntax",
    line: 1,
    column: 4,
    message: "lone UTF-16 surrogate U+D800",
  },
  { name: "undefined", text: '{"a": undefined}', rule: "parse/syntax", line: 1, column: 7, message: "found undefined", fix: "use null" },
  { name: "Python literals", text: "[True]", rule: "parse/syntax", line: 1, column: 2, message: "found True", fix: "lowercase" },
  { name: "empty file", text: "", rule: "parse/empty", line: 1, column: 1, message: "file is empty", fix: "restore" },
  { name: "whitespace-only file", text: " \n\t\r\n", rule: "parse/empty", line: 1, column: 1, message: "file is empty" },
  {
    name: "truncated object",
    text: '{\n  "a": {\n    "b": [1, 2',
    rule: "parse/truncated",
    line: 3,
    column: 15,
    message: "file ends inside an array opened at 3:10 (3 levels deep): truncated write?",
    pointer: "/a/b/1",
  },
  {
    name: "truncated after key",
    text: '{"a":',
    rule: "parse/truncated",
    line: 1,
    column: 6,
    message: "file ends inside an object opened at 1:1",
  },
  {
    name: "truncated string",
    text: '{"a": "abc',
    rule: "parse/truncated",
    line: 1,
    column: 11,
    message: "file ends inside a string opened at 1:7",
  },
  {
    name: "truncated literal",
    text: "[tru",
    rule: "parse/truncated",
    line: 1,
    column: 5,
    message: "file ends inside a literal opened at 1:2",
  },
  { name: "truncated number", text: "[-", rule: "parse/truncated", line: 1, column: 3, message: "file ends inside a number opened at 1:2" },
  {
    name: "merge conflict",
    text: '{\n<<<<<<< HEAD\n  "a": 1\n=======\n  "a": 2\n>>>>>>> feature\n}\n',
    rule: "parse/merge-conflict",
    line: 2,
    column: 1,
    message: 'unresolved merge conflict markers (3 marker lines, first "<<<<<<< HEAD" here)',
    fix: "resolve the conflict",
  },
  {
    name: "merge conflict, CRLF",
    text: '{\r\n"a": 1,\r\n=======\r\n}',
    rule: "parse/merge-conflict",
    line: 3,
    column: 1,
    message: "unresolved merge conflict markers",
  },
  {
    name: "duplicate key",
    text: '{\n  "id": 1,\n  "name": "x",\n  "id": 2\n}',
    rule: "parse/duplicate-key",
    line: 4,
    column: 3,
    message: 'duplicate key "id" on line 4, first defined on line 2',
    pointer: "/id",
  },
  {
    name: "duplicate key through an escape",
    text: '{"a": 1, "\\u0061": 2}',
    rule: "parse/duplicate-key",
    line: 1,
    column: 10,
    message: 'duplicate key "a"',
  },
  {
    name: "nested duplicate key",
    text: '[{}, {"x": {"k": 1, "k": 2}}]',
    rule: "parse/duplicate-key",
    line: 1,
    column: 21,
    message: 'duplicate key "k"',
    pointer: "/1/x/k",
  },
  {
    name: "UTF-8 byte order mark",
    text: '\ufeff{"a": 1}',
    rule: "parse/encoding",
    line: 1,
    column: 1,
    message: "byte order mark",
    fix: "without BOM",
  },
  {
    name: "number overflow",
    text: '{"big": 1e400}',
    rule: "parse/number-range",
    line: 1,
    column: 9,
    message: "too large for a 64-bit float",
    pointer: "/big",
  },
  { name: "NUL outside strings (text input)", text: "[1,\u0000]", rule: "parse/syntax", line: 1, column: 4, message: "found U+0000" },
  { name: "emoji counts as one column", text: '{"😀": 1,}', rule: "parse/syntax", line: 1, column: 8, message: "trailing comma" },
  { name: "CRLF line endings", text: '{\r\n  "a": 1,\r\n  "b": x\r\n}', rule: "parse/syntax", line: 3, column: 8, message: "found x" },
  // OfficeDev/Office-Add-in-samples outlook-encrypt-attachments/.vscode/launch.json: `"name":\u202F"Direct\u202FDebugging"`.
  {
    name: "a Unicode space between tokens is named, not shown as a blank",
    text: '{"name":\u202F"Direct"}',
    rule: "parse/syntax",
    line: 1,
    column: 9,
    message: 'expected a value after ":", found U+202F (narrow no-break space)',
    fix: "replace the U+202F with an ordinary space",
  },
  {
    name: "a no-break space after a comma",
    text: "[1,\u00a02]",
    rule: "parse/syntax",
    line: 1,
    column: 4,
    message: "found U+00A0 (no-break space)",
    fix: "replace the U+00A0 with an ordinary space",
  },
];

describe("strict JSON: each kind of corruption at its exact position", () => {
  it.each(BAD)("$name", (c) => {
    const doc = json(c.text);
    expect(doc.ok).toBe(false);
    expect(doc.value).toBeUndefined();
    const f = doc.findings[0]!;
    expect({ rule: f.rule, line: f.line, column: f.column, file: f.file, level: f.level }).toEqual({
      rule: c.rule,
      line: c.line,
      column: c.column,
      file: "f.json",
      level: "error",
    });
    expect(f.message).toContain(c.message);
    expect(f.fix).toBeTruthy();
    if (c.fix) expect(f.fix).toContain(c.fix);
    if (c.pointer !== undefined) expect(f.pointer).toBe(c.pointer);
  });

  it("a syntax error names what was expected and what was found", () => {
    const f = json('{"a": 1]').findings[0]!;
    expect(f.expected).toBe('"," or "}"');
    expect(f.found).toBe('"]"');
  });

  it("a duplicate key names both lines and points at the first definition", () => {
    const doc = json('{\n  "id": 1,\n  "id": 2\n}');
    const f = doc.findings[0]!;
    expect(f.key).toBe("id");
    expect(f.related).toEqual([{ file: "f.json", line: 2, column: 3, message: 'first definition of "id"' }]);
    expect(doc.findings).toHaveLength(1);
    // Still well-formed: positions are available for other findings.
    expect(doc.locate("/id")).toMatchObject({ line: 3, column: 9 });
  });

  it("reports every duplicate key, not only the first", () => {
    const doc = json('{"a":1,"a":2,"b":{"c":1,"c":1}}');
    expect(doc.findings.map((f) => f.pointer)).toEqual(["/a", "/b/c"]);
  });

  it("positions stay exact on one long (minified) line, in any order", () => {
    const members = Array.from({ length: 200 }, (_, i) => `"k${i % 100}":"😀${i}"`);
    const text = "{" + members.join(",") + "}";
    const doc = json(text);
    expect(doc.findings).toHaveLength(100);
    // Expected columns: count code points before each duplicate's opening quote.
    const column = (offset: number) => [...text.slice(0, offset)].length + 1;
    const second = text.indexOf('"k0":', 2);
    expect(doc.findings[0]).toMatchObject({ line: 1, column: column(second), related: [{ line: 1, column: 2 }] });
    const last = text.lastIndexOf('"k99":');
    expect(doc.findings[99]).toMatchObject({ line: 1, column: column(last) });
    // locate() asked backwards along the same line.
    expect(doc.locate("/k99")).toMatchObject({ column: column(last) + 6 });
    expect(doc.locate("/k1")).toMatchObject({ column: column(text.lastIndexOf('"k1":')) + 5 });
  });

  it("the truncated finding points back at the opening bracket", () => {
    const f = json('{\n  "list": [\n    1,').findings[0]!;
    expect(f.related).toEqual([{ file: "f.json", line: 2, column: 11, message: "an array opened here" }]);
  });
});

describe("valid JSON", () => {
  it.each([
    ["object", '{"a": [1, 2.5e3, -0, true, false, null, "x\\u00e9\\n"], "": {}}', { a: [1, 2500, -0, true, false, null, "xé\n"], "": {} }],
    ["scalar at the top", '"just a string"', "just a string"],
    ["number at the top", " 42 ", 42],
    ["whitespace everywhere", '\r\n\t{ "a" : [ ] }\n', { a: [] }],
    ["escaped surrogate pair", '["\\ud83d\\ude00"]', ["😀"]],
    ["__proto__ stays data", '{"__proto__": {"x": 1}}', JSON.parse('{"__proto__": {"x": 1}}')],
    ["lone surrogate escape (accepted, as JSON.parse does)", '["\\ud800"]', ["\ud800"]],
    ["huge integer (precision lost, accepted)", "[123456789012345678901234567890]", [1.2345678901234568e29]],
  ])("%s", (_name, text, expected) => {
    const doc = json(text as string);
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(doc.value).toEqual(expected);
    expect(doc.documents).toEqual([expected]);
  });

  it("keeps __proto__ as an own property, never as the prototype", () => {
    const value = json('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(value, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("JSONC", () => {
  it("allows comments and trailing commas", () => {
    const doc = jsonc('// top\n{\n  /* block\n  comment */ "a": [1, 2, /* c */ ],\n  "b": "//not a comment", // end\n}\n');
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ a: [1, 2], b: "//not a comment" });
    expect(doc.format).toBe("jsonc");
    expect(doc.locate("/b")).toMatchObject({ line: 5, column: 8 });
  });

  it.each([
    ["NaN", "[NaN]", 1, 2],
    ["single quotes", "{'a': 1}", 1, 2],
    ["two documents", "{} // x\n{}", 2, 1],
    ["a lone comma", "[,]", 1, 2],
    ["two trailing commas", "[1,,]", 1, 4],
    ["unterminated block comment", "{} /* never closed", 1, 4],
  ])("stays strict about %s", (_name, text, line, column) => {
    const f = jsonc(text).findings[0]!;
    expect([f.line, f.column]).toEqual([line, column]);
  });

  it("a marker-like line inside a block comment is not a merge conflict; one outside is", () => {
    expect(jsonc("/*\n=======\n*/\n{}").findings).toEqual([]);
    expect(jsonc("{}\n=======\n").findings[0]).toMatchObject({ rule: "parse/merge-conflict", line: 2, column: 1 });
  });

  it("a file with only comments is empty", () => {
    expect(jsonc("// nothing here\n").findings[0]!.rule).toBe("parse/empty");
  });
});

describe("locate() and locateKey()", () => {
  const text = ["{", '  "name": "svc",', '  "ports": [80, {"tls": 443}],', '  "a/b": {"~x": null},', '  "emoji😀": "é"', "}"].join("\n");
  const doc = json(text);

  it.each([
    ["", { line: 1, column: 1, endLine: 6, endColumn: 2 }],
    ["/name", { line: 2, column: 11, endLine: 2, endColumn: 16 }],
    ["/ports", { line: 3, column: 12, endLine: 3, endColumn: 30 }],
    ["/ports/0", { line: 3, column: 13, endLine: 3, endColumn: 15 }],
    ["/ports/1/tls", { line: 3, column: 25, endLine: 3, endColumn: 28 }],
    ["/a~1b/~0x", { line: 4, column: 17, endLine: 4, endColumn: 21 }],
    ["/emoji😀", { line: 5, column: 13, endLine: 5, endColumn: 16 }],
  ])("locate(%j)", (pointer, pos) => {
    expect(doc.locate(pointer)).toEqual(pos);
  });

  it.each([
    ["/missing", "/"],
    ["/ports/9", "/ports"],
    ["/ports/1/nope/deeper", "/ports/1"],
    ["/name/x", "/name"],
    ["/ports/-", "/ports"],
  ])("a missing %j points at its closest existing ancestor", (pointer, ancestor) => {
    expect(doc.locate(pointer)).toEqual(doc.locate(ancestor === "/" ? "" : ancestor));
  });

  it("locateKey gives the member name's span, and nothing for array elements or missing keys", () => {
    expect(doc.locateKey("/ports")).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 10 });
    expect(doc.locateKey("/ports/1/tls")).toEqual({ line: 3, column: 18, endLine: 3, endColumn: 23 });
    // Columns count code points: the emoji is one column.
    expect(doc.locateKey("/emoji😀")).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 11 });
    expect(doc.locateKey("/ports/0")).toBeUndefined();
    expect(doc.locateKey("/nope")).toBeUndefined();
  });

  it("gives nothing for an invalid pointer or another document", () => {
    expect(doc.locate("no-slash")).toBeUndefined();
    expect(doc.locate("", 1)).toBeUndefined();
  });

  it("is undefined when the text did not parse", () => {
    expect(json("[1,").locate("")).toBeUndefined();
  });
});

describe("hostile input", () => {
  it("a 100,000-deep nested array is reported as too deep, without a crash", () => {
    const text = "[".repeat(100_000) + "]".repeat(100_000);
    const doc = json(text);
    expect(doc.ok).toBe(false);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ rule: "parse/too-deep", line: 1, column: 1001, message: "nesting deeper than 1000 levels" });
    // No /0/0/0/... pointer a thousand levels long.
    expect(doc.findings[0]!.pointer).toBeUndefined();
  });

  it("the scanner itself is iterative: 100,000 levels parse when the limit allows them", () => {
    const text = '{"a":'.repeat(50_000) + "[".repeat(50_000) + "]".repeat(50_000) + "}".repeat(50_000);
    const doc = json(text, { maxDepth: 200_000 });
    expect(doc.findings).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(doc.locate("/a/a/a")).toMatchObject({ line: 1, column: 16 });
    // Truncating it deep inside is reported, not a stack overflow.
    const cut = json(text.slice(0, 150_000), { maxDepth: 200_000 });
    expect(cut.findings[0]).toMatchObject({
      rule: "parse/truncated",
      message: expect.stringMatching(/^file ends inside an object opened at 1:149996 \(30000 levels deep\)/),
    });
  });

  it("500 levels (i_structure_500_nested_arrays) are fine by default", () => {
    expect(json("[".repeat(500) + "]".repeat(500)).ok).toBe(true);
  });

  it("a 50 MB file parses, and one corrupt byte near the end is found on the right line", () => {
    const row = (i: number) =>
      `  {"id": ${i}, "name": "item-${i}", "tags": ["a", "b\\u00e9"], "nested": {"x": ${i * 1.5}, "ok": true, "n": null}}`;
    // 500 copies of a 1,000-row block: as big as 500,000 distinct rows, much cheaper to build.
    const block = Array.from({ length: 1000 }, (_, i) => row(i)).join(",\n");
    const count = 500_000;
    const text = "[\n" + new Array<string>(count / 1000).fill(block).join(",\n") + "\n]\n";
    expect(text.length).toBeGreaterThan(50_000_000);
    const bytes = Buffer.from(text);
    const doc = parseDocument(bytes, { path: "big.json" });
    expect(doc.findings).toEqual([]);
    expect((doc.value as unknown[]).length).toBe(count);
    expect(doc.locate(`/${count - 1}/nested/ok`)).toMatchObject({ line: count + 1 });

    // Break line count-1 (the second-to-last row): its "true" becomes "tru#".
    const line = count; // rows start on line 2
    const offset = text.lastIndexOf("true", text.lastIndexOf("true") - 1);
    bytes[offset + 3] = 0x23;
    const bad = parseDocument(bytes, { path: "big.json" });
    expect(bad.ok).toBe(false);
    expect(bad.findings[0]).toMatchObject({ rule: "parse/syntax", line, pointer: `/${count - 2}/nested/ok` });
  });
});

describe("lineBreaksInStrings (Azure Resource Manager's multi-line strings)", () => {
  const arm = (text: string) => parseDocument(text, { path: "t.json", format: "jsonc", lineBreaksInStrings: true });

  it("keeps each raw line break in the value, with comments blanked around it", () => {
    const doc = arm('{\n  // c\n  "s": "a\n  b\r\nc", /* d */ "t": "x"\n}\n');
    expect(doc.ok).toBe(true);
    expect(doc.value).toEqual({ s: "a\n  b\r\nc", t: "x" });
    expect(doc.locate("/t")).toMatchObject({ line: 5 });
  });

  it("is off by default: the same text is an unterminated string in JSON and JSONC", () => {
    for (const doc of [json('{"s": "a\nb"}'), jsonc('{"s": "a\nb"}')]) {
      expect(doc.ok).toBe(false);
      expect(doc.findings[0]).toMatchObject({ rule: "parse/syntax", line: 1 });
      expect(doc.findings[0]!.message).toContain("line break inside a string");
    }
  });

  it("a string never closed is still an error, as are the other control characters", () => {
    expect(arm('{"s": "a\nb}\n').findings[0]).toMatchObject({ rule: "parse/truncated" });
    expect(arm('{"s": "a\u0000b"}').findings[0]!.message).toContain("control character");
  });
});
