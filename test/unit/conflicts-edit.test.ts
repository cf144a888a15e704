import { describe, expect, it } from "vitest";
import { editText } from "../../src/core/conflicts/index.js";

describe("editText: JSON", () => {
  const cases: { name: string; text: string; edits: { pointer: string; value: unknown }[]; expected: string }[] = [
    {
      name: "replaces a value in place, 2-space indent kept",
      text: '{\n  "a": 1,\n  "b": {\n    "c": "x"\n  }\n}\n',
      edits: [{ pointer: "/b/c", value: "y" }],
      expected: '{\n  "a": 1,\n  "b": {\n    "c": "y"\n  }\n}\n',
    },
    {
      name: "keeps tabs, key order, number spelling and big integers elsewhere",
      text: '{\n\t"z": 1.0,\n\t"big": 12345678901234567890,\n\t"a": 1e3,\n\t"v": false\n}',
      edits: [{ pointer: "/v", value: true }],
      expected: '{\n\t"z": 1.0,\n\t"big": 12345678901234567890,\n\t"a": 1e3,\n\t"v": true\n}',
    },
    {
      name: "writes a map value indented like the file (4 spaces)",
      text: '{\n    "m": 1\n}\n',
      edits: [{ pointer: "/m", value: { x: [1, 2] } }],
      expected: '{\n    "m": {\n        "x": [\n            1,\n            2\n        ]\n    }\n}\n',
    },
    {
      name: "inserts a missing key after the last member, on its own line",
      text: '{\n  "s": {\n    "a": 1\n  }\n}\n',
      edits: [{ pointer: "/s/b", value: 2 }],
      expected: '{\n  "s": {\n    "a": 1,\n    "b": 2\n  }\n}\n',
    },
    {
      name: "inserts into a one-line object and an empty object",
      text: '{"s": {"a": 1}, "e": {}}',
      edits: [
        { pointer: "/s/b", value: 2 },
        { pointer: "/e/x/y", value: "deep" },
      ],
      expected: '{"s": {"a": 1, "b": 2}, "e": {"x": {"y":"deep"}}}',
    },
    {
      name: "combines two new keys under one missing parent",
      text: '{"s": {}}',
      edits: [
        { pointer: "/s/n/a", value: 1 },
        { pointer: "/s/n/b", value: 2 },
      ],
      expected: '{"s": {"n": {"a":1,"b":2}}}',
    },
    {
      name: "handles keys with / and ~ and escaped strings",
      text: '{"a/b": {"c~d": "\\"q\\""}, "u": "\\u00e9"}',
      edits: [{ pointer: "/a~1b/c~0d", value: "new" }],
      expected: '{"a/b": {"c~d": "new"}, "u": "\\u00e9"}',
    },
    {
      name: "edits list items by index",
      text: '{"l": [1, {"k": 2}, 3]}',
      edits: [{ pointer: "/l/1/k", value: 20 }],
      expected: '{"l": [1, {"k": 20}, 3]}',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(editText(c.text, "json", c.edits)).toBe(c.expected);
    });
  }

  it("drops edits below another edit (the ancestor's value holds them)", () => {
    expect(
      editText('{"a": {"b": 1}}', "json", [
        { pointer: "/a/b", value: 5 },
        { pointer: "/a", value: 3 },
      ]),
    ).toBe('{"a": 3}');
  });

  it("refuses to add a key below a list or a scalar", () => {
    expect(() => editText('{"l": [1]}', "json", [{ pointer: "/l/x", value: 1 }])).toThrow(/not an object/);
    expect(() => editText('{"s": 1}', "json", [{ pointer: "/s/x", value: 1 }])).toThrow(/not an object/);
  });

  it("refuses values JSON cannot hold", () => {
    expect(() => editText('{"a": 1}', "json", [{ pointer: "/a", value: Infinity }])).toThrow(/cannot be written/);
  });
});

describe("editText: YAML", () => {
  it("replaces scalars in place, keeping comments, spacing and quoting style", () => {
    const text =
      "# top comment\nserver:\n  port: 8080    # the port\n  name: 'web'   # quoted\n  host: \"a\"\n\n# trailing\nlist: [a, b]   # flow\n";
    const out = editText(text, "yaml", [
      { pointer: "/server/port", value: 9090 },
      { pointer: "/server/name", value: "it's" },
      { pointer: "/server/host", value: "b" },
      { pointer: "/list", value: ["a", "c"] },
    ]);
    expect(out).toBe(
      "# top comment\nserver:\n  port: 9090    # the port\n  name: 'it''s'   # quoted\n  host: \"b\"\n\n# trailing\nlist: [a, c]   # flow\n",
    );
  });

  it("quotes a new plain value that would otherwise change meaning", () => {
    const out = editText("a: x # c\nb: y\nc: z\n", "yaml", [
      { pointer: "/a", value: "yes: no" },
      { pointer: "/b", value: "123" },
      { pointer: "/c", value: "multi\nline" },
    ]);
    expect(out).toBe('a: "yes: no" # c\nb: "123"\nc: "multi\\nline"\n');
  });

  it("adds a missing key through the Document API, keeping comments and the file's indentation", () => {
    const text = "# settings\nserver:\n  port: 1 # p\n  tags:\n  - a\n";
    const out = editText(text, "yaml", [{ pointer: "/server/host", value: "h" }]);
    expect(out).toBe("# settings\nserver:\n  port: 1 # p\n  tags:\n  - a\n  host: h\n");
    const four = editText("server:\n    port: 1\n", "yaml", [{ pointer: "/server/tags", value: ["x"] }]);
    expect(four).toMatch(/^server:\n {4}port: 1\n {4}tags:\n/);
  });

  it("overrides a key that came from a merge key by adding it to the map, not by changing the anchor", () => {
    const text = "base: &b\n  host: a\nprod:\n  <<: *b\n";
    const out = editText(text, "yaml", [{ pointer: "/prod/host", value: "z" }]);
    expect(out).toContain("base: &b\n  host: a");
    expect(out).toMatch(/prod:\n {2}<<: \*b\n {2}host: z/);
  });

  it("refuses to edit through an alias or an anchored value", () => {
    expect(() => editText("a: &x {k: 1}\nb: *x\n", "yaml", [{ pointer: "/b/k", value: 2 }])).toThrow(/alias/);
    expect(() => editText("a: &x 1\nb: *x\n", "yaml", [{ pointer: "/a", value: 2 }])).toThrow(/anchor/);
  });

  it("refuses a multi-document file", () => {
    expect(() => editText("a: 1\n---\na: 2\n", "yaml", [{ pointer: "/a", value: 3 }])).toThrow(/exactly one YAML document/);
  });

  it("replaces a block scalar with an equivalent quoted string", () => {
    const out = editText("a: |\n  line1\n  line2\nb: 1\n", "yaml", [{ pointer: "/a", value: "new\ntext" }]);
    expect(out).toMatch(/^a: "new\\ntext"\n/);
    expect(out).toContain("b: 1");
  });
});
