/**
 * HCL's JSON syntax (src/core/select/hcl-json.ts): a name repeated in a `.tf.json`/`.pkr.json` is
 * repeated blocks for HCL's parser (hashicorp/hcl json/spec.md: a parser must keep every
 * definition of the same property name), so it must not block; an argument set twice, a syntax
 * error, or any repetition in a `.tfvars.json` still does.
 */
import { describe, expect, it } from "vitest";
import { firstParse } from "../../src/checks/file-steps.js";
import { hclJsonFindings, isHclJsonBody } from "../../src/core/select/hcl-json.js";

// Reduced from hashicorp/hcl (MPL-2.0), commit 2efc266, json/spec.md ("Blocks"): a block type
// "foo" with two labels, the label "bar" written twice (two blocks for HCL).
const SPEC_LABELS =
  '{\n  "foo": {\n    "bar": {\n      "baz": {\n        "child_attr": "baz"\n      }\n    },\n    "bar": {\n      "baz": [\n        {\n          "child_attr": "baz"\n        }\n      ]\n    }\n  }\n}\n';
// A generated main.tf.json: each generator step appends its own "resource" and "variable" blocks.
const TOP_LEVEL = [
  "{",
  '  "//": "generated",',
  '  "variable": { "region": { "default": "eu-west-1" } },',
  '  "resource": { "aws_s3_bucket": { "logs": { "bucket": "logs" } } },',
  '  "//": "second step",',
  '  "resource": { "aws_s3_bucket": { "data": { "bucket": "data" } } }',
  "}",
  "",
].join("\n");

const levels = (file: string, text: string) =>
  firstParse(text, file, "json", undefined).doc.findings.map((f) => [f.rule, f.level, f.line, f.key ?? null]);

describe("HCL JSON (.tf.json, .tftest.json, .pkr.json)", () => {
  it("knows the names HCL reads as bodies of blocks, not the variables files", () => {
    for (const f of ["main.tf.json", "infra/override.tf.json", "tests/a.tftest.json", "packer/build.pkr.json"])
      expect(isHclJsonBody(f), f).toBe(true);
    for (const f of ["terraform.tfvars.json", "vars.pkrvars.json", "main.json", "tf.json", "x.tf.json.bak"])
      expect(isHclJsonBody(f), f).toBe(false);
  });

  it("a block type repeated at the top is a notice, and the document is read (JSON's reading for a schema)", () => {
    const parsed = firstParse(TOP_LEVEL, "main.tf.json", "json", undefined);
    expect(parsed.doc.ok).toBe(true);
    expect(parsed.doc.documents).toHaveLength(1);
    expect(parsed.doc.findings.map((f) => [f.rule, f.level, f.line, f.key])).toEqual([
      ["parse/duplicate-key", "notice", 5, "//"],
      ["parse/duplicate-key", "notice", 6, "resource"],
    ]);
    expect(parsed.doc.findings[1]!.message).toBe(
      'block type "resource" repeated on line 6 (first on line 4): HCL\'s JSON syntax keeps both, as two sets of blocks',
    );
  });

  it("a label repeated below the top (the spec's own example) is a warning, never an error", () => {
    expect(levels("labels.tf.json", SPEC_LABELS)).toEqual([["parse/duplicate-key", "warning", 8, "bar"]]);
    expect(firstParse(SPEC_LABELS, "labels.pkr.json", "json", undefined).doc.ok).toBe(true);
  });

  it("an argument set twice is still an error, named as HCL names it", () => {
    const text =
      '{\n  "resource": {\n    "aws_instance": {\n      "web": {\n        "ami": "ami-1",\n        "ami": "ami-2"\n      }\n    }\n  }\n}\n';
    const parsed = firstParse(text, "main.tf.json", "json", undefined);
    expect(parsed.doc.ok).toBe(false);
    expect(parsed.doc.findings).toMatchObject([
      { rule: "parse/duplicate-key", level: "error", line: 6, column: 9, pointer: "/resource/aws_instance/web/ami" },
    ]);
    expect(parsed.doc.findings[0]!.message).toContain('argument "ami" set twice (lines 5 and 6)');
    // One object and one string under one name: not two blocks either.
    expect(levels("m.tf.json", '{ "module": { "a": { "source": "./a" } },\n  "module": "b" }')).toEqual([
      ["parse/duplicate-key", "error", 2, "module"],
    ]);
  });

  it("a syntax error still blocks beside repeated blocks, and other files keep the JSON rule", () => {
    const broken = TOP_LEVEL.replace('"default": "eu-west-1" } },', '"default": "eu-west-1" } }');
    const parsed = firstParse(broken, "main.tf.json", "json", undefined);
    expect(parsed.doc.ok).toBe(false);
    expect(parsed.doc.findings.filter((f) => f.level === "error").map((f) => f.rule)).toEqual(["parse/syntax"]);
    // Cut short: truncated, an error.
    expect(
      firstParse(TOP_LEVEL.slice(0, 120), "main.tf.json", "json", undefined).doc.findings.some((f) => f.rule === "parse/truncated"),
    ).toBe(true);
    // A variables file is arguments only: every repetition is HCL's error too.
    expect(levels("terraform.tfvars.json", '{\n  "region": "a",\n  "region": "b"\n}\n')).toEqual([
      ["parse/duplicate-key", "error", 3, "region"],
    ]);
    expect(levels("x.tfvars.json", '{\n  "tags": {},\n  "tags": {}\n}\n')).toEqual([["parse/duplicate-key", "error", 3, "tags"]]);
    // Any other .json: a duplicate key is an error.
    expect(levels("main.json", TOP_LEVEL).map((l) => l[1])).toEqual(["error", "error"]);
  });

  it("finds the values of keys after non-ASCII text and escapes on the same line", () => {
    const text = '{ "é😀": 1, "resource": {}, "a\\"b": 2, "resource": [] }';
    expect(hclJsonFindings(text, firstParse(text, "x.json", "json", undefined).doc.findings).map((f) => f.level)).toEqual(["notice"]);
  });
});
