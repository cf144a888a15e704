/**
 * A `${NAME}` placeholder standing alone on a line of a YAML mapping, which a text substitution
 * (Go's strings.Replace, envsubst) fills with a block of indented lines before anything reads the
 * file as YAML: template evidence (src/core/select/template-syntax.ts, placeholderAt), so a file
 * whose only errors are such lines is skipped as a template, as `{NAME}` run into text already is.
 * `key: ${NAME}` is valid YAML (Compose, the OpenTelemetry Collector interpolate it after parsing)
 * and no evidence, and a broken line elsewhere is still reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { templateResidue } from "../../src/checks/template-residue.js";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";
import { yamlPlaceholderLines } from "../../src/core/select/template-syntax.js";

beforeAll(loadYamlSupport);

function template(text: string): boolean {
  const doc = parseDocument(text, { path: "x.yaml" });
  return isTemplateByContent(doc, text, "yaml");
}

// Reduced from grafana/loki operator/internal/manifests/internal/config/testdata/schemas-template.yaml
// (AGPL-3.0): build_test.go replaces `${STORAGE_STRUCTURED_METADATA}` and `${SCHEMA_CONFIG}` with
// indented YAML lines (strings.Replace) before comparing the rendered config.
const LOKI = [
  "limits_config:",
  "  max_cache_freshness_per_query: 10m",
  "  volume_enabled: true",
  "  ${STORAGE_STRUCTURED_METADATA}",
  "memberlist:",
  "  abort_if_cluster_join_fails: true",
  "schema_config:",
  "  configs:",
  "    ${SCHEMA_CONFIG}",
  "",
].join("\n");

describe("a ${NAME} placeholder standing alone on a line", () => {
  it("the Loki operator's test template does not parse, and is a template", () => {
    expect(parseDocument(LOKI, { path: "x.yaml" }).ok).toBe(false);
    expect(template(LOKI)).toBe(true);
    expect([...yamlPlaceholderLines(LOKI)]).toEqual([4, 9]);
  });

  it("a placeholder line at the root, or with a comment after it, is evidence", () => {
    expect(template("a: 1\n${EXTRA_KEYS}\nb: 2\n")).toBe(true);
    expect(template("a:\n  b: 1\n  ${MORE} # filled by envsubst\n")).toBe(true);
  });

  it("a template function call alone on its line is evidence (Garden's generateFiles source)", () => {
    // Reduced from garden-io/garden core/test/data/test-projects/merge-in-module-template/
    // manifests-template.yml (MPL-2.0): bug-demo.garden.yml names it as a generateFiles sourcePath,
    // whose template strings Garden resolves in the text before the file is written and read.
    const text = "spec:\n  containers:\n    - name: ${parent.name}\n      env:\n${indent(yamlEncode(var.env), 12)}\n";
    expect(parseDocument(text, { path: "x.yaml" }).ok).toBe(false);
    expect(template(text)).toBe(true);
    expect(template("a:\n  b: 1\n  ${merge(var.a, var.b)} # Garden\n")).toBe(true);
    expect(template("a:\n  b: 1\n  ${indent(x, 2)}\nc: [1\n")).toBe(false);
    expect(template("a:\n  b: 1\n  ${indent(x, 2)} tail\n")).toBe(false);
  });

  it.each([
    ["a truncated file that also holds a placeholder line", `${LOKI}ruler:\n  storage: "s3\n`],
    ["a broken flow sequence beside a placeholder line", "a:\n  ${X}\nb: [1, 2\n"],
    ["a ${NAME} value (valid YAML) beside a broken line", "image: ${IMAGE}\nb: [1\n"],
    ["a ${NAME} item (valid YAML) beside a broken line", "hosts:\n  - ${HOST}\nb: [1\n"],
    ["a lower-case ${name} line (no envsubst-style name)", "a:\n  b: 1\n  ${extra}\n"],
    ["a placeholder followed by text on its line", "a:\n  b: 1\n  ${X} and more\n"],
    ["a placeholder line inside a block scalar, with a broken line elsewhere", "a: |\n  ${X}\nb: [1\n"],
  ])("%s is still reported", (_name, text) => {
    expect(template(text)).toBe(false);
  });

  it("only a whole line counts: values, items and quoted scalars are no evidence", () => {
    expect([...yamlPlaceholderLines("a: ${A}\nb:\n  - ${B}\nc: '${C}'\n  ${D}\n")]).toEqual([5]);
  });

  it("a file that also holds a {NAME} placeholder stays skipped: the line it fills steers the structure", () => {
    const text = "spec:\n  clusterIP: {PREFIX}.16\n  type: ClusterIP\n  ${EXTRA_SPEC}\n";
    expect(template(text)).toBe(true);
    expect(templateResidue(text, "x.yaml", undefined)).toEqual([]);
  });
});
