/**
 * A printf conversion (`%s`, `%d`, `%1$s`) standing for a whole value is template evidence
 * (src/core/select/template-syntax.ts: placeholderAt, jsonPlaceholderValueAt): test resources that
 * Java's String.format or Python's `%` fill before the text is parsed. Spinnaker's rosco tests
 * format rosco-integration/src/test/resources/expected_template.yaml (`foo: %s`) and
 * clouddriver's format list-manifest.json (`"items": [%s, %s]`). Neither YAML nor JSON can hold
 * a `%` where a value starts, so such a file never parses as it is. In JSON, a sed placeholder
 * `%NAME%` counts the same way (OpenAddresses' countrywide-template.json: `"year": %YYYY%`), as it
 * does in YAML already (template-percent-placeholder.test.ts). A format string left unquoted
 * (`format: %(asctime)s - %(message)s`, `date: %d/%m/%Y`) is a real error and still reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { templateResidue } from "../../src/checks/template-residue.js";
import { loadYamlSupport, parseDocument, type DocumentFormat } from "../../src/core/parse/index.js";
import { jsonPlaceholderValueAt } from "../../src/core/select/template-syntax.js";

beforeAll(loadYamlSupport);

function template(text: string, format: DocumentFormat): boolean {
  const doc = parseDocument(text, { path: `x.${format}`, format });
  return isTemplateByContent(doc, text, format);
}

// Written after spinnaker/spinnaker rosco/rosco-integration/src/test/resources/expected_template.yaml (Apache-2.0).
const ROSCO = [
  "---",
  "# Source: example/templates/foo.yaml",
  "labels:",
  "  helm.sh/chart: example-0.1",
  "foo: %s",
  "foo1:",
  "  test: %s",
  "foo2: %s",
  "foo3.foo4: %s",
  "",
].join("\n");

// Written after spinnaker/spinnaker clouddriver's .../manifest/list-manifest.json (Apache-2.0).
const LIST = ["{", '  "metadata": { "name": "list-test" },', '  "kind": "List",', '  "items": [', "    %s,", "    %s", "  ]", "}", ""].join(
  "\n",
);

describe("a printf placeholder standing for a whole value", () => {
  it("Spinnaker's String.format YAML template does not parse, and is a template", () => {
    expect(parseDocument(ROSCO, { path: "x.yaml" }).ok).toBe(false);
    expect(template(ROSCO, "yaml")).toBe(true);
  });

  it("Spinnaker's String.format JSON template does not parse, and is a template", () => {
    expect(parseDocument(LIST, { path: "x.json", format: "json" }).ok).toBe(false);
    expect(template(LIST, "json")).toBe(true);
  });

  it.each([
    ["a numbered %1$s value", "host: %1$s\nport: %2$d\n"],
    ["a %d list item", "ports:\n  - %d\n"],
    ["a %s value with a comment after it", "host: %s # String.format fills it\nport: 1\n"],
    // Session 27: the items of a flow sequence on one line, as clouddriver's JSON holds them.
    ["%s items of a flow sequence", "items: [%s, %s]\nkind: List\n"],
    ["numbered items without blanks", "a:\n  b: [%1$s,%2$s]\n"],
    ["a %d item after a plain one, in a nested flow sequence", "ports: [[80, %d], [443, %d]]\n"],
  ])("YAML: %s is evidence", (_name, text) => {
    expect(template(text, "yaml")).toBe(true);
  });

  it.each([
    ["a %d value", '{"port": %d}'],
    ["a numbered value", '{"a": %1$s, "b": %2$s}'],
    ["a value alone on its line", '{\n  "a":\n    %s\n}'],
    // Written after openaddresses/openaddresses scripts/si/countrywide-template.json (BSD-3-Clause), which its Makefile seds.
    ["a sed %YYYY% value beside one in a string", '{"attribution": "Mapping Authority, %YYYY%", "year": %YYYY%, "id": 1}'],
    ["a %%NAME%% list item", '{"hosts": [%%PRIMARY%%, "b"]}'],
  ])("JSON: %s is evidence", (_name, text) => {
    expect(template(text, "json")).toBe(true);
  });

  it.each([
    ["a logging format left unquoted", "formatters:\n  simple:\n    format: %(asctime)s - %(message)s\n"],
    ["a named conversion as a whole value", "format: %(message)s\n"],
    ["a strftime date", "date: %d/%m/%Y\n"],
    ["a conversion run into text", "url: %s://example.org\n"],
    ["%s beside a broken flow sequence", "a: %s\nb: [1, 2\n"],
    ["%s beside a tab-indented line", "a: %s\nb:\n\t c: 1\n"],
    ["a flow sequence of placeholders cut before its `]`", "items: [%s, %s\nb: 1\n"],
    ["a named conversion in a flow sequence", "x: [a, %(asctime)s]\n"],
    ["a conversion run into text in a flow sequence", "x: [%s://example.org, b]\n"],
  ])("YAML: %s is still reported", (_name, text) => {
    expect(template(text, "yaml")).toBe(false);
  });

  it.each([
    ["a broken comma before the placeholder", '{"a": 1 "b": %s}'],
    ["a conversion run into text", '{"a": %s-x}'],
    ["a strftime format", '{"a": %Y}'],
    ["a named conversion", '{"a": %(x)s}'],
    ["a lower-case %name%", '{"a": %year%}'],
    ["unbalanced percent signs", '{"a": %%YEAR%}'],
    ["a truncation after a placeholder", '{"a": [%s, {"b": 1'],
  ])("JSON: %s is still reported", (_name, text) => {
    expect(template(text, "json")).toBe(false);
  });

  it("masked, the YAML is checked for what the placeholders cannot explain: a repeated key", () => {
    const residue = templateResidue("a: %s\nb: 1\nb: 2\n", "x.yaml", undefined);
    expect(residue.map((f) => [f.rule, f.line])).toEqual([["parse/duplicate-key", 3]]);
  });

  it("placeholders inside strings or after a key's text are no evidence", () => {
    expect(jsonPlaceholderValueAt('"a": "%s"', 6)).toBe(0);
    expect(jsonPlaceholderValueAt("[x%s]", 2)).toBe(0);
    expect(jsonPlaceholderValueAt("[%s]", 1)).toBe(2);
    expect(jsonPlaceholderValueAt("[%%YEAR%%]", 1)).toBe(8);
  });

  it("masked, a flow sequence of placeholders is checked for the rest: a repeated key", () => {
    const residue = templateResidue("items: [%s, %s]\nb: 1\nb: 2\n", "x.yaml", undefined);
    expect(residue.map((f) => [f.rule, f.line])).toEqual([["parse/duplicate-key", 3]]);
  });

  it("stays linear on thousands of placeholders and percent signs", () => {
    // The parse itself is not what is measured (YAML's is slow on thousands of errors).
    const yaml = `a:\n${"  - %s\n".repeat(5_000)}b: ${"%".repeat(50_000)}\n`;
    const json = `[${"%s,".repeat(50_000)}${"%".repeat(50_000)}]`;
    const json2 = `[${"%s, ".repeat(50_000)}0]`;
    // Flow collections opened and never closed, and one long flow sequence of placeholders.
    const flow = `a: ${"[".repeat(50_000)}\nb: [${"%s, ".repeat(20_000)}%s\n`;
    const docs = (
      [
        [yaml, "yaml"],
        [json, "json"],
        [json2, "json"],
        [flow, "yaml"],
      ] as const
    ).map(([text, format]) => [text, format, parseDocument(text, { path: `x.${format}`, format })] as const);
    const start = performance.now();
    const results = docs.map(([text, format, doc]) => isTemplateByContent(doc, text, format));
    expect(performance.now() - start).toBeLessThan(3_000);
    expect(results).toEqual([false, false, true, false]);
  });
});
