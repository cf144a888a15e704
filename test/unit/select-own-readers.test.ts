/**
 * Files whose content names their own reader: ytt templates (keys repeated across `#@` branches
 * are one key for ytt, src/core/select/ytt.ts) and Hydra configs (a `# @package` header, in
 * src/checks/root-kind.ts: a Hydra config named compose.yaml is no Compose file).
 */
import { describe, expect, it } from "vitest";
import { headerReader } from "../../src/checks/root-kind.js";
import { jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";
import { yttControlLines, yttExplainsDuplicates } from "../../src/core/select/ytt.js";

describe("ytt control lines", () => {
  it("finds if/elif/else/end/def/for annotations at any indent, and nothing else", () => {
    const text = [
      '#@ load("@ytt:data", "data")', // 1: not control
      "#@ def params(name):", // 2
      '  #@ if name == "a":', // 3
      "CONTEXT: a", // 4
      "  #@ elif name == 'b':", // 5
      "CONTEXT: b", // 6
      "  #@else:", // 7
      "CONTEXT: c", // 8
      "  #@ end", // 9
      "#@ end", // 10
      "# @ if not ytt, a plain comment", // 11
      "name: #@ data.values.name", // 12: an inline expression, not control
      "#@ for x in xs:", // 13
      "- #@ x", // 14
      "#@ endfor_not_a_keyword: x", // 15
    ].join("\n");
    expect(yttControlLines(text)).toEqual([2, 3, 5, 7, 9, 10, 13]);
  });

  it("is empty for YAML without ytt annotations", () => {
    expect(yttControlLines("a: 1\n# if b\nb: 2\n")).toEqual([]);
  });
});

describe("yttExplainsDuplicates", () => {
  const control = [3, 5, 7, 9];
  it("explains a key repeated in another branch", () => {
    expect(
      yttExplainsDuplicates(control, [
        { first: 4, repeat: 6 },
        { first: 4, repeat: 8 },
      ]),
    ).toBe(true);
  });
  it("does not explain a key repeated inside one branch, nor a file without ytt lines", () => {
    expect(
      yttExplainsDuplicates(control, [
        { first: 4, repeat: 6 },
        { first: 10, repeat: 11 },
      ]),
    ).toBe(false);
    expect(yttExplainsDuplicates([], [{ first: 4, repeat: 6 }])).toBe(false);
    expect(yttExplainsDuplicates(control, [])).toBe(false);
  });
});

describe("yttExplainsDuplicates: items ytt replaces or overrides", () => {
  // carvel-dev/ytt examples/eirini/config.lib.yaml: two `_` items in one function body, both
  // replaced by the maps they return, so neither `_` is in the output.
  const replace = [
    '#@ load("@ytt:template", "template")',
    "#@ def labels2(info):",
    "  _: #@ template.replace(releaseLabels(info.Release))",
    "  _: #@ template.replace(chartLabels(info.Chart))",
    "#@ end",
  ].join("\n");
  it("explains a repeat when either item is replaced by template.replace", () => {
    expect(yttExplainsDuplicates(yttControlLines(replace), [{ first: 3, repeat: 4 }], replace.split("\n"))).toBe(true);
  });
  // ytt's map-key-override-err test: a plain repeat is an error for ytt too.
  it("does not explain a plain repeat, nor a repeated expression value, in the same body", () => {
    const plain = "#@ def x():\na: 1\na: #@ 2\n#@ end\n";
    expect(yttExplainsDuplicates(yttControlLines(plain), [{ first: 2, repeat: 3 }], plain.split("\n"))).toBe(false);
  });
  // yaml/map-key-override: the author asks for the last value (ytt's map-key-override.tpltest).
  it("explains a repeat annotated #@yaml/map-key-override, even with no control line in the file", () => {
    const override = "a: 1\n#@yaml/map-key-override\na: 2\n";
    expect(yttExplainsDuplicates(yttControlLines(override), [{ first: 1, repeat: 3 }], override.split("\n"))).toBe(true);
    const comment = "a: 1\n# yaml/map-key-override (a plain comment)\na: 2\n";
    expect(yttExplainsDuplicates(yttControlLines(comment), [{ first: 1, repeat: 3 }], comment.split("\n"))).toBe(false);
  });
});

describe("headerReader: Hydra's # @package header", () => {
  it.each([
    ["at the top", "# @package _global_\ndefaults:\n  - db: mysql\n"],
    ["after blank lines and another header", "\n\n# @foo bar\n#@package db\nhost: x\n"],
    ["indented with spaces after the hash", "   #   @package  a.b\nx: 1\n"],
  ])("names Hydra %s", (_name, text) => {
    expect(headerReader(text)).toContain("Hydra");
  });

  it.each([
    ["no header", "services:\n  web:\n    image: nginx\n"],
    ["after an ordinary comment (Hydra stops reading there)", "# my compose file\n# @package _global_\nservices: {}\n"],
    ["after content", "services: {}\n# @package _global_\n"],
    ["without a value", "# @package\nservices: {}\n"],
    ["another header key", "# @foo bar\nservices: {}\n"],
  ])("names nothing with %s", (_name, text) => {
    expect(headerReader(text)).toBeUndefined();
  });
});

describe("jsoncDialectByContent: Semgrep rule test targets", () => {
  const TARGET =
    '{\n  "Statement": [\n    // ruleid: public-s3-policy-statement\n    { "Principal": "*" },\n    // ok: public-s3-policy-statement\n    { "Principal": { "AWS": "arn" } },\n  ]\n}\n';
  it("a .json with // ruleid: annotations is read as Semgrep reads it (comments, trailing commas)", () => {
    expect(jsoncDialectByContent("rules/aws/public-s3-policy-statement.json", TARGET)).toMatchObject({ trailingCommas: true });
    expect(jsoncDialectByContent("x.json", '{\n  // todoruleid:my-rule\n  "a": 1\n}\n')?.reader).toContain("Semgrep");
  });
  it("an // ok: comment alone, or ruleid outside a line comment, names no reader", () => {
    expect(jsoncDialectByContent("x.json", '{\n  // ok: this is fine\n  "a": 1\n}\n')).toBeUndefined();
    expect(jsoncDialectByContent("x.json", '{\n  "note": "ruleid: x", // trailing\n  "a": 1\n}\n')).toBeUndefined();
  });
});

describe("jsoncDialectByContent: Dev Container Features test scenarios", () => {
  // The shape of devcontainers/features test/docker-in-docker/scenarios.json (MIT): the
  // devcontainer CLI's `features test` reads test/<feature>/scenarios.json with jsonc-parser.
  const SCENARIOS =
    '{\n  "install_moby": {\n    "image": "mcr.microsoft.com/devcontainers/base:debian",\n    "features": { "docker-in-docker": { "moby": "true" } }\n  },\n  // DO NOT REMOVE: used by a workflow\n  "at_runtime": {\n    "image": "ubuntu",\n    "features": { "docker-in-docker": {} }\n  }\n}\n';
  it("test/<feature>/scenarios.json naming features is read as the devcontainer CLI reads it (comments, no trailing comma)", () => {
    expect(jsoncDialectByContent("test/docker-in-docker/scenarios.json", SCENARIOS)).toMatchObject({ trailingCommas: false });
    expect(jsoncDialectByContent("features/test/_global/scenarios.json", SCENARIOS)?.reader).toContain("devcontainer");
  });
  it.each([
    ["outside a test/<feature>/ folder", "scenarios.json", SCENARIOS],
    ["deeper than test/<feature>/", "test/a/b/scenarios.json", SCENARIOS],
    ["without a features object", "test/x/scenarios.json", '{\n  // c\n  "a": { "image": "x" }\n}\n'],
    ["another name", "test/x/scenario.json", SCENARIOS],
    ["with a BOM (jsonc-parser does not skip it)", "test/x/scenarios.json", `\uFEFF${SCENARIOS}`],
  ])("names no reader %s", (_name, file, text) => {
    expect(jsoncDialectByContent(file, text)).toBeUndefined();
  });
});
