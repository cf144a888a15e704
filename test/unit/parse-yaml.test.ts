/** YAML parsing: corruption at exact positions, tags, merge keys, multi-document, locate(), hostile input. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import type { ParseOptions } from "../../src/core/parse/index.js";

const yaml = (text: string, extra: Partial<ParseOptions> = {}) => parseDocument(Buffer.from(text), { path: "c.yaml", ...extra });

interface Bad {
  name: string;
  text: string;
  rule: string;
  line: number;
  column: number;
  message: string;
  pointer?: string;
  options?: Partial<ParseOptions>;
}

const BAD: Bad[] = [
  {
    // symfony/demo's security.yaml with one key indented a column too far after a comment
    // block: the yaml package places the error at the comments; the finding names the key's line.
    name: "key indented one column too far, after comments and a blank line",
    text: "a:\n  b:\n    x: 1\n\n  # a comment\n  # more\n   c: 2\n",
    rule: "parse/syntax",
    line: 7,
    column: 1,
    message: "All mapping items must start at the same column",
  },
  {
    // Two files joined, the second with its BOM: PyYAML would read a key "\uFEFFb".
    name: "byte order mark at the start of a later line",
    text: "a: 1\n\uFEFFb: 2\n",
    rule: "parse/encoding",
    line: 2,
    column: 1,
    message: "byte order mark (U+FEFF) at the start of a line inside the file",
  },
  {
    // Content, then a comment, then the BOM: still inside the first document.
    name: "byte order mark after content and a comment",
    text: "a: 1\n# next file\n\uFEFFb: 2\n",
    rule: "parse/encoding",
    line: 3,
    column: 1,
    message: "byte order mark (U+FEFF) at the start of a line inside the file",
  },
  {
    name: "byte order mark after a --- line",
    text: "# c\n---\n\uFEFFb: 2\n",
    rule: "parse/encoding",
    line: 3,
    column: 1,
    message: "byte order mark (U+FEFF) at the start of a line inside the file",
  },
  {
    name: "byte order mark at the start of an indented line",
    text: "a:\n  x: 1\n\uFEFF  y: 2\n",
    rule: "parse/encoding",
    line: 3,
    column: 1,
    message: "byte order mark (U+FEFF) at the start of a line inside the file",
  },
  {
    name: "sibling indented too little",
    text: "a:\n  b: 1\n c: 2\n",
    rule: "parse/syntax",
    line: 3,
    column: 1,
    message: "All mapping items must start at the same column",
  },
  {
    name: "child indented too far",
    text: "server:\n  host: a\n   port: 1\n",
    rule: "parse/syntax",
    line: 2,
    column: 9,
    message: "Nested mappings are not allowed in compact mappings",
  },
  {
    name: "tab indentation",
    text: "a:\n\tb: 1\n",
    rule: "parse/syntax",
    line: 2,
    column: 1,
    message: "Tabs are not allowed as indentation",
  },
  {
    name: "key without a colon",
    text: "a: 1\nb\nc: 2\n",
    rule: "parse/syntax",
    line: 2,
    column: 1,
    message: "Implicit map keys need to be followed by map values",
  },
  { name: "text after a quoted value", text: 'a: "b" c\n', rule: "parse/syntax", line: 1, column: 8, message: "Unexpected scalar" },
  {
    name: "unterminated double-quoted string",
    text: 'a: 1\nb: "abc\nc: 2\n',
    rule: "parse/truncated",
    line: 2,
    column: 4,
    message: "double-quoted string opened at 2:4 is never closed",
  },
  {
    name: "unterminated single-quoted string",
    text: "a: 'it''s\n",
    rule: "parse/truncated",
    line: 1,
    column: 4,
    message: "single-quoted string opened at 1:4 is never closed",
  },
  {
    name: "unterminated flow sequence",
    text: "a: [1, 2\n",
    rule: "parse/truncated",
    line: 2,
    column: 1,
    message: "the file ends before it is closed (truncated write?)",
  },
  {
    name: "duplicate key",
    text: "name: a\nport: 1\nname: b\n",
    rule: "parse/duplicate-key",
    line: 3,
    column: 1,
    message: 'duplicate key "name" on line 3, first defined on line 1',
    pointer: "/name",
  },
  {
    name: "duplicate key in a sequence item",
    text: "a:\n  - x: 1\n    x: 2\n",
    rule: "parse/duplicate-key",
    line: 3,
    column: 5,
    message: 'duplicate key "x"',
    pointer: "/a/0/x",
  },
  {
    name: "keys that collide as JSON (1 and '1')",
    text: "1: a\n'1': b\n",
    rule: "parse/duplicate-key",
    line: 2,
    column: 1,
    message: 'duplicate key "1"',
    pointer: "/1",
  },
  {
    name: "duplicate key in the second document",
    text: "a: 1\n---\nb: 1\nb: 2\n",
    rule: "parse/duplicate-key",
    line: 4,
    column: 1,
    message: "(document 2)",
    pointer: "/b",
  },
  {
    name: "merge key where merge keys are forbidden",
    text: "base: &b\n  x: 1\nderived:\n  <<: *b\n  y: 2\n",
    rule: "parse/merge-key",
    line: 4,
    column: 3,
    message: "`<<` merge key used",
    pointer: "/derived",
    options: { mergeKeys: false },
  },
  {
    name: "unknown tag, when unknown tags are errors",
    text: "bucket: !Ref MyBucket\n",
    rule: "parse/unknown-tag",
    line: 1,
    column: 9,
    message: "tag !Ref is not known here",
    pointer: "/bucket",
    options: { unknownTags: "error" },
  },
  {
    name: "a python tag, when unknown tags are errors",
    text: "a: !!python/tuple [1, 2]\n",
    rule: "parse/unknown-tag",
    line: 1,
    column: 4,
    message: "tag !!python/tuple is not known here",
    options: { unknownTags: "error" },
  },
  {
    name: "!!binary that is not base64",
    text: "a: !!binary aGk=\nb: !!binary 'not base64!'\n",
    rule: "parse/syntax",
    line: 2,
    column: 4,
    message: "!!binary value is not base64 text",
    pointer: "/b",
  },
  {
    name: "!!timestamp that is not a timestamp",
    text: "a: !!timestamp 2001-12-14\nb: !!timestamp yesterday\n",
    rule: "parse/syntax",
    line: 2,
    column: 4,
    message: "!!timestamp value is not a date",
    pointer: "/b",
  },
  {
    name: "a really unclosed quote in the middle of the file stays an error",
    text: 'a: "abc\nb: 1\nc: 2\n',
    rule: "parse/truncated",
    line: 1,
    column: 4,
    message: "double-quoted string opened at 1:4 is never closed",
  },
  {
    name: "a quote closed only by the next string's opening quote stays an error",
    text: 'a: "abc\nb: "def"\n',
    rule: "parse/syntax",
    line: 1,
    column: 8,
    message: "Missing closing",
  },
  {
    name: "a quoted string at the key's indent that crosses a document marker",
    text: 'a: "abc\n---\nb"\n',
    rule: "parse/syntax",
    line: 1,
    column: 8,
    message: "Missing closing",
  },
  {
    name: "two literal keys after a merge are still duplicates",
    text: "base: &b\n  x: 1\nd:\n  <<: *b\n  x: 2\n  x: 3\n",
    rule: "parse/duplicate-key",
    line: 6,
    column: 3,
    message: 'duplicate key "x" on line 6, first defined on line 5',
    pointer: "/d/x",
  },
  {
    name: "alias without anchor",
    text: "a: 1\nb: *missing\n",
    rule: "parse/syntax",
    line: 2,
    column: 4,
    message: "alias *missing has no anchor &missing defined before it",
    pointer: "/b",
  },
  {
    name: "merge conflict markers",
    text: "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> feature\n",
    rule: "parse/merge-conflict",
    line: 2,
    column: 1,
    message: "unresolved merge conflict markers (3 marker lines",
  },
  {
    name: "diff3 base marker alone",
    text: "a: 1\n||||||| base\n",
    rule: "parse/merge-conflict",
    line: 2,
    column: 1,
    message: "unresolved merge conflict markers",
  },
  {
    name: "second %YAML directive",
    text: "%YAML 1.2\n%YAML 1.2\n---\na: 1\n",
    rule: "parse/syntax",
    line: 2,
    column: 1,
    message: "a second %YAML directive",
  },
  {
    name: "directive without a document",
    text: "%YAML 1.2\n",
    rule: "parse/syntax",
    line: 1,
    column: 1,
    message: "with no document after it",
  },
  {
    name: "emoji counts as one column",
    text: "k: 😀\nk: 2\n",
    rule: "parse/duplicate-key",
    line: 2,
    column: 1,
    message: 'duplicate key "k"',
  },
];

describe("YAML corruption at its exact position", () => {
  it.each(BAD)("$name", (c) => {
    const doc = yaml(c.text, c.options);
    expect(doc.ok).toBe(false);
    expect(doc.value).toBeUndefined();
    const f = doc.findings.find((x) => x.level === "error")!;
    expect({ rule: f.rule, line: f.line, column: f.column, file: f.file }).toEqual({
      rule: c.rule,
      line: c.line,
      column: c.column,
      file: "c.yaml",
    });
    expect(f.message).toContain(c.message);
    expect(f.fix).toBeTruthy();
    if (c.pointer !== undefined) expect(f.pointer).toBe(c.pointer);
  });

  it("a duplicate key points at the first definition", () => {
    const f = yaml("db:\n  host: a\n  port: 1\n  host: b\n").findings[0]!;
    expect(f).toMatchObject({ key: "host", pointer: "/db/host", line: 4, column: 3, related: [{ file: "c.yaml", line: 2, column: 3 }] });
  });

  it("columns count code points, not UTF-16 units", () => {
    const f = yaml("a: 😀😀\nb: [1, 2\n").findings[0]!;
    const g = yaml('x: "😀" y\n').findings[0]!;
    expect(f.line).toBe(3);
    expect([g.line, g.column]).toEqual([1, 8]);
  });
});

describe("tags and merge keys where the config allows them", () => {
  const cfn =
    "Resources:\n  B:\n    Name: !Ref Other\n    Arn: !GetAtt Role.Arn\n    Url: !Sub 'https://${Host}'\n    List: !Sub [a, b]\n    Map: !Sub {a: 1}\n    Block: !Sub\n      - x\n      - y: 1\n";

  it("tags outside core YAML and the file's dialect are warnings unless listed (errors with unknownTags: error)", () => {
    const doc = yaml(cfn);
    expect(doc.ok).toBe(true);
    expect(doc.findings.every((f) => f.level === "warning")).toBe(true);
    expect(doc.findings[0]!.message).toContain("it is a tag of AWS CloudFormation");
    expect(doc.findings[0]!.fix).toContain('validate.yaml.custom_tags: [{ files: ["c.yaml"], tags: ["!Ref"] }]');
    expect(doc.findings[0]!.fix).toContain("validate.yaml.unknown_tags: error");
    const strict = yaml(cfn, { unknownTags: "error" });
    expect(strict.ok).toBe(false);
    expect(strict.findings.every((f) => f.level === "error")).toBe(true);
    expect(doc.findings.map((f) => [f.rule, f.line, f.column, f.found])).toEqual([
      ["parse/unknown-tag", 3, 11, "!Ref"],
      ["parse/unknown-tag", 4, 10, "!GetAtt"],
      ["parse/unknown-tag", 5, 10, "!Sub"],
      ["parse/unknown-tag", 6, 11, "!Sub"],
      ["parse/unknown-tag", 7, 10, "!Sub"],
      ["parse/unknown-tag", 8, 12, "!Sub"],
    ]);
  });

  it("listed custom tags parse on scalars, sequences and mappings, keeping the plain value", () => {
    const doc = yaml(cfn, { customTags: ["!Ref", "!GetAtt", "!Sub"] });
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({
      Resources: { B: { Name: "Other", Arn: "Role.Arn", Url: "https://${Host}", List: ["a", "b"], Map: { a: 1 }, Block: ["x", { y: 1 }] } },
    });
    expect(doc.locate("/Resources/B/Arn")).toMatchObject({ line: 4, column: 18 });
  });

  it("listing some tags does not allow others", () => {
    const doc = yaml(cfn, { customTags: ["!Ref", "!Sub"] });
    expect(doc.findings.map((f) => f.found)).toEqual(["!GetAtt"]);
  });

  it("allowAnyTag accepts every tag (corpora, library use)", () => {
    expect(yaml("a: !foo x\nb: !!set {a, b}\n", { allowAnyTag: true }).ok).toBe(true);
  });

  it("merge keys merge when enabled", () => {
    const doc = yaml("base: &b\n  x: 1\n  y: 1\nderived:\n  <<: *b\n  y: 2\n", { mergeKeys: true });
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ base: { x: 1, y: 1 }, derived: { x: 1, y: 2 } });
  });

  it("a quoted '<<' is a plain key, never a merge", () => {
    expect(yaml("'<<': 1\n").value).toEqual({ "<<": 1 });
  });
});

describe("byte order marks YAML allows", () => {
  // SchemaStore's YAML tests: a `# yaml-language-server: $schema=...` line above a file that
  // began with a BOM. YAML 1.2's document prefix (BOM? comment*) may repeat, so the yaml
  // package, libyaml and Go's yaml skip it; PyYAML's pure loader and js-yaml keep it in the key.
  it("after nothing but comments and blank lines, or after a ... line: a warning, and the key is read without it", () => {
    for (const [text, line, value] of [
      ["# yaml-language-server: $schema=s.json\n\uFEFFname: x\n", 2, { name: "x" }],
      ["\uFEFF# a\n\n  # b\r\n\uFEFFname: x\n", 4, { name: "x" }],
      ["a: 1\n...\n# c\n\uFEFFb: 2\n", 4, { b: 2 }],
    ] as const) {
      const doc = yaml(text);
      expect(doc.ok, JSON.stringify(text)).toBe(true);
      expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([["parse/encoding", "warning", line, 1]]);
      expect(doc.findings[0]!.message).toContain("js-yaml");
      expect(doc.documents.at(-1)).toEqual(value);
    }
  });

  it("at the start of the file and inside a quoted string", () => {
    for (const text of ["\uFEFFa: 1\n", "\uFEFFa: 1\n---\nb: 2\n", 'a: "x\uFEFFy"\n']) {
      const doc = yaml(text);
      expect(doc.findings, JSON.stringify(text)).toEqual([]);
    }
  });
});

describe("line breaks YAML allows: LF, CRLF and a lone CR", () => {
  // istio/istio releasenotes/notes/45413.yaml is saved with classic Mac line endings (CR only):
  // PyYAML reads {apiVersion, kind, area, issue: [45413], releaseNotes: [...]}.
  const lf = 'apiVersion: v2\nkind: bug-fix\n\nissue:\n  - 45413\nnotes:\n  - |\n    **Fixed** x\n    y\nq: "p\n  r"\n';

  it("a file with CR-only line breaks reads as the same file with LF, and CRLF too", () => {
    const expected = { apiVersion: "v2", kind: "bug-fix", issue: [45413], notes: ["**Fixed** x\ny\n"], q: "p r" };
    for (const text of [lf, lf.replace(/\n/g, "\r"), lf.replace(/\n/g, "\r\n")]) {
      const doc = yaml(text);
      expect(doc.findings, JSON.stringify(text)).toEqual([]);
      expect(doc.value).toEqual(expected);
    }
  });

  it("positions count a lone CR as a line break, as the readers and editors do", () => {
    const doc = yaml(lf.replace(/\n/g, "\r"));
    expect(doc.locate("/issue/0")).toEqual({ line: 5, column: 5, endLine: 5, endColumn: 10 });
  });

  it("corruption in a CR-only file is still reported, at its line", () => {
    const dup = yaml("a: 1\rb: 2\ra: 3\r");
    expect(dup.ok).toBe(false);
    expect(dup.findings).toEqual([expect.objectContaining({ rule: "parse/duplicate-key", line: 3, column: 1 })]);
    const conflict = yaml("a: 1\r<<<<<<< HEAD\rb: 2\r=======\rb: 3\r>>>>>>> x\r");
    expect(conflict.findings).toEqual([expect.objectContaining({ rule: "parse/merge-conflict", line: 2 })]);
    const cut = yaml("a:\r  - [1, 2\r");
    expect(cut.ok).toBe(false);
    expect(cut.findings).toEqual(yaml("a:\n  - [1, 2\n").findings);
    expect(cut.findings[0]).toMatchObject({ rule: "parse/truncated", level: "error" });
  });
});

describe("empty and multi-document files", () => {
  it.each([
    ["empty file", "", "file is empty (it reads as null)"],
    ["whitespace only", "  \n\n", "file is empty"],
    ["comments only", "# nothing yet\n", "only comments"],
  ])("%s: a warning (valid YAML meaning null, but often a truncated write)", (_n, text, message) => {
    const doc = yaml(text);
    expect(doc.ok).toBe(true);
    expect(doc.value).toBeNull();
    expect(doc.documents).toEqual([]);
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: "parse/empty", level: "warning", line: 1, column: 1, message: expect.stringContaining(message) }),
    ]);
  });

  it("an explicit empty document is null, with no warning", () => {
    const doc = yaml("---\n");
    expect(doc.findings).toEqual([]);
    expect(doc.documents).toEqual([null]);
  });

  it("multi-document streams give every document, and locate() takes the document index", () => {
    const doc = yaml("a: 1\n---\nb:\n  c: 2\n");
    expect(doc.documents).toEqual([{ a: 1 }, { b: { c: 2 } }]);
    expect(doc.value).toEqual({ a: 1 });
    expect(doc.locate("/b/c", 1)).toEqual({ line: 4, column: 6, endLine: 4, endColumn: 7 });
    expect(doc.locateKey("/b/c", 1)).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 4 });
    expect(doc.locate("/a", 2)).toBeUndefined();
  });
});

describe("locate()", () => {
  const doc = yaml("server:\n  host: example.org\n  ports:\n    - 80\n    - 443\n");

  it.each([
    ["/server/host", { line: 2, column: 9, endLine: 2, endColumn: 20 }],
    ["/server/ports/1", { line: 5, column: 7, endLine: 5, endColumn: 10 }],
  ])("locate(%j)", (pointer, pos) => {
    expect(doc.locate(pointer)).toEqual(pos);
  });

  it("a missing key points at its closest existing ancestor; locateKey gives nothing", () => {
    expect(doc.locate("/server/missing")).toEqual(doc.locate("/server"));
    expect(doc.locate("/server/ports/7")).toEqual(doc.locate("/server/ports"));
    expect(doc.locateKey("/server/missing")).toBeUndefined();
    expect(doc.locateKey("/server/host")).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 7 });
  });
});

describe("hostile YAML", () => {
  it("100,000-deep flow nesting is a finding, not a crash", () => {
    const doc = yaml("[".repeat(100_000) + "]".repeat(100_000));
    expect(doc.ok).toBe(false);
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: "parse/too-deep", line: 1, column: 1001, message: "nesting deeper than 1000 levels" }),
    ]);
  });

  it("past the guard, the yaml reader's own stack exhaustion is still a finding", () => {
    const doc = yaml("a: " + "{b: ".repeat(20_000) + "1" + "}".repeat(20_000) + "\n", { maxDepth: 1_000_000 });
    expect(doc.ok).toBe(false);
    expect(doc.findings[0]).toMatchObject({ rule: "parse/too-deep", message: expect.stringContaining("nested too deeply") });
  });

  it("brackets inside quoted strings and comments do not count as nesting", () => {
    const text = `a: "${"[".repeat(2000)}"\nb: '${"{".repeat(2000)}'\n# ${"[".repeat(2000)}\n`;
    expect(yaml(text).findings).toEqual([]);
  });

  it("block nesting deeper than the limit is reported at the level that crosses it", () => {
    const text = Array.from({ length: 60 }, (_, i) => " ".repeat(i) + "a:").join("\n") + " x\n";
    const doc = yaml(text, { maxDepth: 50 });
    expect(doc.findings[0]).toMatchObject({ rule: "parse/too-deep", line: 51, column: 51, message: "nesting deeper than 50 levels" });
    expect(yaml(text).ok).toBe(true);
  });

  it("a billion-laughs alias bomb is refused", () => {
    const rows = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
    ])
      rows.push(`${name}: &${name} [${new Array(9).fill("*" + prev).join(",")}]`);
    rows.push(`f: [${new Array(9).fill("*e").join(",")}]`);
    const doc = yaml(rows.join("\n") + "\n");
    expect(doc.ok).toBe(false);
    expect(doc.findings[0]!.message).toContain("billion laughs");
  });

  it("a mapping used as a key is a warning (it becomes a string in JSON)", () => {
    const doc = yaml("? [a, b]\n: c\n");
    expect(doc.ok).toBe(true);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/complex-key", level: "warning", line: 1, column: 3 })]);
  });

  it("a long collection key is shown clipped in the complex-key message (eemeli/yaml's tests/artifacts/pr104/case1.yml printed 2 KB)", () => {
    const items = Array.from({ length: 500 }, (_, i) => `item${i}`);
    const doc = yaml(`? [${items.join(", ")}]\n: c\n`);
    const finding = doc.findings.find((f) => f.rule === "parse/complex-key")!;
    expect(finding.message).toContain('becomes the string "[\\"item0\\",\\"item1\\",');
    expect(finding.message).toContain('…" (4,891 characters)');
    expect(finding.message).not.toContain("item499");
    expect(finding.message.length).toBeLessThan(300);
  });
});
