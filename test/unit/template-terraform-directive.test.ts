/**
 * A Terraform (OpenTofu) template directive, `%{ if ... }` / `%{ else }` / `%{ endif }` /
 * `%{ for ... }` / `%{ endfor }` (with `~` strip markers), where a YAML node starts or outside a
 * JSON string: templatefile() renders the file before anything reads it, and neither format can
 * hold a `%` there, so it is template evidence like `{% %}` (src/core/select/template-syntax.ts,
 * terraformDirectiveAt). infracost/infracost's terragrunt test data holds such a template.yml.
 * Other `%{` text, the `%%{` escape, or a directive inside a quoted or block scalar is no
 * evidence: a broken file holding one is still reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { templateResidue } from "../../src/checks/template-residue.js";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";

beforeAll(loadYamlSupport);

function template(text: string, format: "yaml" | "json" = "yaml"): boolean {
  const doc = parseDocument(text, { path: format === "yaml" ? "x.yml" : "x.json", format });
  expect(doc.ok, "the file must fail the strict parse for the question to arise").toBe(false);
  return isTemplateByContent(doc, text, format);
}

// Written after infracost/infracost cmd/infracost/testdata/breakdown_terragrunt_hcldeps_output_mocked/dev/template.yml (Apache-2.0).
const INFRACOST = "%{ for key,value in ingresses ~}\nkey ${key} value ${value}\n%{ endfor ~}\n";

// A cloud-init user-data template of the kind Terraform modules render with templatefile().
const CLOUD_INIT = [
  "#cloud-config",
  "packages:",
  "  %{~ for p in packages ~}",
  "  - ${p}",
  "  %{~ endfor ~}",
  "runcmd:",
  "  %{ if enable_swap }",
  "  - fallocate -l 2G /swapfile",
  "  %{ else }",
  "  - echo no swap",
  "  %{ endif }",
  "",
].join("\n");

describe("a Terraform template directive where a node starts", () => {
  it("infracost's template.yml does not parse, and is a template", () => {
    expect(template(INFRACOST)).toBe(true);
  });

  it("a cloud-init template with indented for/if/else directives is a template", () => {
    expect(template(CLOUD_INIT)).toBe(true);
  });

  it("a JSON file with a directive outside its strings is a template", () => {
    const json = '{\n  "hosts": [\n    %{ for h in hosts ~}\n    "${h}",\n    %{ endfor ~}\n    "last"\n  ]\n}\n';
    expect(template(json, "json")).toBe(true);
  });

  it.each([
    ["another word after %{", "%{ foo }\nkey: [1, 2\n"],
    ["the %%{ escape", "%%{ for x in y }\nkey: [1, 2\n"],
    ["a directive in a quoted scalar", "a: '%{ if x }'\nb: [1, 2\n"],
    ["a directive in a block scalar", "script: |\n  %{ for x in y }\n  echo\nb: [1, 2\n"],
    ["a directive never closed on its line", "%{ for x in y\n}\nb: [1, 2\n"],
    ["a directive in the middle of a plain scalar", "a: x %{ if y }\nb: [1, 2\n"],
  ])("%s is no evidence: the broken file is still reported", (_name, text) => {
    expect(template(text)).toBe(false);
  });

  it("a directive inside a JSON string is no evidence", () => {
    expect(template('{"a": "%{ if x }", "b": [1, 2}\n', "json")).toBe(false);
  });

  it("a directive steers the structure: the file is not masked and reparsed (a key per branch is valid)", () => {
    const text = "%{ if prod ~}\nreplicas: 3\n%{ else ~}\nreplicas: @REPLICAS@\n%{ endif ~}\n";
    expect(template(text)).toBe(true);
    expect(templateResidue(text, "x.yml", undefined)).toEqual([]);
  });

  it("stays linear on a line of a hundred thousand `%{`", () => {
    const line = "%{ for ".repeat(100_000);
    const started = performance.now();
    expect(template(`a: [1\n${line}\n`)).toBe(false);
    expect(template(`[1, ${line}\n`, "json")).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
