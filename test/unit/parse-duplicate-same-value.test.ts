/**
 * A repeated key whose two values are the same data: no value is lost whichever one a reader
 * keeps, so the finding says so and the fix is to delete one line. It stays an error: readers
 * that refuse any repeated key (Go's yaml.v3, .NET's JsonNode) still stop at it. Different values,
 * a different tag, and a document's first key starting over (a missing `---`) keep their words.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import type { Finding } from "../../src/core/finding.js";

const repeats = (text: string, path: string, format?: "json" | "jsonc"): Finding[] =>
  parseDocument(text, { path, ...(format ? { format } : {}) }).findings.filter((f) => f.rule === "parse/duplicate-key");

const SAME = "with the same value: no data is lost whichever one a reader keeps";

describe("YAML: a repeated key with the same value", () => {
  it("says the two values are the same and that deleting one loses nothing; still an error", () => {
    const [f, ...rest] = repeats("name: web\nimage: nginx:1.27\nports: [80]\nimage: 'nginx:1.27'\n", "deploy.yaml");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ level: "error", line: 4, key: "image", found: '"image" twice, with the same value' });
    expect(f!.message).toContain(SAME);
    expect(f!.message).toContain("Go's yaml.v3");
    expect(f!.fix).toBe("delete one of the two entries (line 2 or 4): both hold the same value");
  });

  it("compares the data, not the text: a block and a flow mapping, an alias, and nothing after the key", () => {
    const text = "top: 0\na: &x {k: [1, 2]}\nb: ~\nc: 1\na:\n  k:\n    - 1\n    - 2\nb:\nc: *one\n";
    expect(repeats(text.replace("c: *one", "c: 1"), "v.yaml").map((f) => [f.key, f.message.includes(SAME)])).toEqual([
      ["a", true],
      ["b", true],
      ["c", true],
    ]);
    const aliased = repeats("base: &b {x: 1}\nm:\n  v: *b\n  v: {x: 1}\n", "v.yaml");
    expect(aliased.map((f) => [f.key, f.message.includes(SAME)])).toEqual([["v", true]]);
  });

  it("different values, or a tag that changes the value, keep the usual words", () => {
    for (const text of ["n: 1\nport: 80\nport: 8080\n", "n: 1\nport: 80\nport: !!str 80\n", "n: 1\nl: [1, 2]\nl: [2, 1]\n"]) {
      const [f] = repeats(text, "v.yaml");
      expect(f!.message, text).toContain("readers disagree on which value wins");
      expect(f!.fix, text).toBe("remove one of the two entries or rename one (most readers silently keep the last)");
    }
  });

  it("after the document's first key starts over (a missing ---), an equal line is a second document's, not one to delete", () => {
    const found = repeats("apiVersion: v1\nkind: Bundle\nname: a\napiVersion: v1\nkind: Bundle\nname: b\n", "bundle.yaml");
    expect(found.map((f) => [f.key, f.message.includes(SAME)])).toEqual([
      ["apiVersion", false],
      ["kind", false],
      ["name", false],
    ]);
    expect(found[0]!.fix).toContain("put a `---` line before it");
  });

  it("a reader that keeps both (Cirrus CI) keeps its notice", () => {
    const [f] = repeats("task:\n  script: make\ntask:\n  script: make\n", ".cirrus.yml");
    expect(f).toMatchObject({ level: "notice" });
  });
});

describe("JSON: a repeated member with the same value", () => {
  it("says so and names both lines; still an error", () => {
    const [f] = repeats('{\n  "name": "x",\n  "tags": ["a", {"b": 1.0}],\n  "tags": [ "a", { "b": 1 } ]\n}\n', "p.json");
    expect(f).toMatchObject({ level: "error", line: 4, key: "tags", found: '"tags" twice with the same value' });
    expect(f!.message).toContain(SAME);
    expect(f!.fix).toBe("delete one of the two members (line 3 or 4): both hold the same value");
  });

  it("JSONC: comments and trailing commas inside the values do not count", () => {
    const text = '{\n  "a": { "x": 1, /* c } */ "y": "}" },\n  "a": {\n    "x": 1, // one\n    "y": "}",\n  },\n}\n';
    const [f] = repeats(text, "c.jsonc", "jsonc");
    expect(f!.message).toContain(SAME);
  });

  it("different values keep the usual words", () => {
    const [f] = repeats('{"a": 1, "a": 2, "b": "1", "b": 1}', "p.json");
    expect(f!.message).toContain("readers disagree on which value wins");
    const [, g] = repeats('{"a": 1, "a": 2, "b": "1", "b": 1}', "p.json");
    expect(g!.message).toContain("readers disagree on which value wins");
  });
});
