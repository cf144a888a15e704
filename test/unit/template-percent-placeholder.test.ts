/**
 * A `%NAME%`, `%%NAME%%` or `%%%NAME%%%` placeholder (upper case, digits, `_`) where a YAML node
 * starts: a text substitution fills it before anything reads the file as YAML, and no YAML node
 * can start with the `%` indicator, so it is template evidence (src/core/select/template-syntax.ts,
 * placeholderAt), whatever follows it on the line (`cidr: %%%REPLACE_API_ADDR%%%/32`). OpenStack-Helm's
 * values_overrides/<chart>/netpol.yaml hold such lines, which `helm osh get-values-overrides`
 * (replace_variables: `sed -i "s#%%%REPLACE_${name}%%%#${value}#g"`) fills from the environment
 * before `helm -f` reads them. strftime formats (`%Y-%m-%d`) are no placeholder: such a value is
 * broken YAML, and is still reported.
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

// Written after openstack/openstack-helm values_overrides/mariadb/netpol.yaml (Apache-2.0).
const NETPOL = [
  "---",
  "manifests:",
  "  network_policy: true",
  "network_policy:",
  "  mariadb:",
  "    egress:",
  "      - to:",
  "        - ipBlock:",
  "            cidr: %%%REPLACE_API_ADDR%%%/32",
  "        ports:",
  "          - protocol: TCP",
  "            port: %%%REPLACE_API_PORT%%%",
  "",
].join("\n");

describe("a %NAME% placeholder where a YAML node starts", () => {
  it("OpenStack-Helm's netpol override does not parse, and is a template", () => {
    expect(parseDocument(NETPOL, { path: "x.yaml" }).ok).toBe(false);
    expect(template(NETPOL)).toBe(true);
    expect([...yamlPlaceholderLines(NETPOL)]).toEqual([9, 12]);
  });

  it.each([
    ["%NAME% as a value", "a: 1\nhost: %HOST_NAME%\n"],
    ["%%NAME%% as a list item", "hosts:\n  - %%PRIMARY%%\n"],
    ["%%%NAME%%% run into text", "url: %%%SCHEME%%%://example.org\n"],
  ])("%s is evidence", (_name, text) => {
    expect(template(text)).toBe(true);
  });

  it.each([
    ["a strftime format as a value", "date_format: %Y-%m-%d\n"],
    ["a compact strftime format", "stamp: %Y%m%d\n"],
    ["a lower-case %name%", "host: %host%\n"],
    ["unbalanced percent signs", "host: %%HOST%\n"],
    ["a broken flow sequence beside a placeholder", "host: %HOST%\nb: [1, 2\n"],
  ])("%s is still reported", (_name, text) => {
    expect(template(text)).toBe(false);
  });

  it("placeholders inside a quoted or plain scalar are no evidence (valid YAML)", () => {
    expect([...yamlPlaceholderLines("a: '%HOST%'\nb: http://%%%HOST%%%/x\nc: %PORT%\n")]).toEqual([3]);
  });

  it("masked, the file is checked for what the placeholders cannot explain: a repeated key", () => {
    const text = "egress:\n  cidr: %%%REPLACE_API_ADDR%%%/32\n  port: 1\n  port: 2\n";
    const residue = templateResidue(text, "x.yaml", undefined);
    expect(residue.map((f) => [f.rule, f.line])).toEqual([["parse/duplicate-key", 4]]);
  });
});
