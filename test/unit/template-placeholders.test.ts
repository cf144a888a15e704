/**
 * Substitution placeholders (`{NAME}` run into text, `@name@`) as template evidence in YAML that
 * does not parse (src/core/select/template-syntax.ts, isTemplateByContent): a sed template such
 * as cert-manager's make/config/bind/service.yaml is skipped as a template, while a truncated or
 * broken file that also holds a placeholder is still reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";
import { yamlPlaceholderLines } from "../../src/core/select/template-syntax.js";

beforeAll(loadYamlSupport);

function template(text: string): boolean {
  const doc = parseDocument(text, { path: "x.yaml" });
  return isTemplateByContent(doc, text, "yaml");
}

// Reduced from cert-manager/cert-manager make/config/bind/service.yaml (Apache-2.0): make runs
// sed -e "s|{SERVICE_IP_PREFIX}|...|g" on it before kubectl apply.
const SED_SERVICE = [
  "apiVersion: v1",
  "kind: Service",
  "spec:",
  "  type: ClusterIP",
  "  clusterIP: {SERVICE_IP_PREFIX}.16",
  "  ports:",
  "  - port: 53",
  "",
].join("\n");

describe("substitution placeholders where YAML cannot hold them", () => {
  it.each([
    ["a sed placeholder run into text (cert-manager)", SED_SERVICE],
    ["a placeholder followed by words", "cmd: {BIN_DIR} --verbose\n"],
    ["a placeholder as a sequence item run into text", "hosts:\n  - {HOST_PREFIX}-1\n"],
    // linkerd2 test/integration/deep/dualstack: strings.ReplaceAll(manifest, "{IPv6}", clientIPv6).
    ["a mixed-case placeholder starting with a capital (linkerd2's {IPv6})", "spec:\n  networks:\n  - cidr: {IPv6}/128\n"],
    ["a Maven/Spring resource filter", "info:\n  version: @project.version@\n"],
    ["an autoconf substitution", "prefix: @PREFIX@\n"],
  ])("%s is a template", (_name, text) => {
    expect(template(text)).toBe(true);
  });

  it("a truncated file that also holds a placeholder is still reported (an error elsewhere)", () => {
    expect(template(SED_SERVICE + 'metadata:\n  name: "bind\n')).toBe(false);
    expect(template("a: {X}.1\nb: [1, 2\n")).toBe(false);
    expect(template('networks:\n- cidr: {IPv6}/128\n- cidr: "10.0\n')).toBe(false);
  });

  it.each([
    ["a lowercase flow mapping run into text (a corruption, not a placeholder)", "ip: {prefix}.16\n"],
    ["a placeholder inside a quoted scalar, with a broken line elsewhere", 'ip: "{PREFIX}.16"\nb: [1\n'],
    ["a placeholder mid plain scalar, with a broken line elsewhere", "url: http://{HOST}/x\nb: [1\n"],
    ["a placeholder in a comment, with a broken line elsewhere", "# ip: {PREFIX}.16\nb: [1\n"],
    ["a doubled brace run into text", "ip: {{PREFIX}.16\n"],
    ["an unquoted address starting with @ (not a whole @name@ value)", "email: @user@example.com\n"],
    ["an unquoted npm scope", "dep: @scope/pkg\n"],
  ])("%s is no template", (_name, text) => {
    expect(template(text)).toBe(false);
  });

  it("a merge-conflict marker beside a placeholder is corruption, never a template", () => {
    expect(template("<<<<<<< HEAD\nip: {PREFIX}.16\n=======\nip: {PREFIX}.17\n>>>>>>> b\n")).toBe(false);
  });

  it("only structural positions count", () => {
    expect([...yamlPlaceholderLines("a: {A}.1\nb: 'x {B}.1'\nc: x {C}.1\n# {D}.1\nd: |\n  {E}.1\n- @f@\n")]).toEqual([1, 7]);
  });

  it("a lone {NAME} is a valid flow mapping: no evidence, and the file parses", () => {
    expect(yamlPlaceholderLines("a: {NAME}\nb: [{X}, {Y}]\n").size).toBe(0);
    expect(parseDocument("a: {NAME}\n", { path: "x.yaml" }).ok).toBe(true);
  });
});

// Reduced from saltstack-formulas/nginx-formula kitchen.vagrant.yml (Apache-2.0): Test Kitchen
// renders its YAML configs with ERB before reading them, so a control line may stand anywhere.
const KITCHEN = [
  "driver:",
  "  name: vagrant",
  "  linked_clone: true",
  "  <% unless ENV['CI'] %>",
  "  synced_folders:",
  "    - - '.kitchen/kitchen-vagrant/%{instance_name}/vagrant'",
  "      - '/vagrant'",
  "  <% end %>",
  "",
  "platforms:",
  "  - name: debian-11",
  "",
].join("\n");

describe("ERB control lines (Test Kitchen, Rails, Chef render these YAML files with ERB first)", () => {
  it("a file whose only errors are on ERB lines is a template", () => {
    expect(parseDocument(KITCHEN, { path: "x.yaml" }).ok).toBe(false);
    expect(template(KITCHEN)).toBe(true);
    expect(template("a: 1\n<%- if x -%>\n  b: 2\n<%- end -%>\n")).toBe(true);
  });

  it.each([
    ["an error elsewhere (a truncated file)", KITCHEN + 'provisioner:\n  name: "salt\n'],
    ["a duplicate key beside ERB values", "pool: <%= ENV['POOL'] %>\npool: 5\n"],
    ["a duplicate key beside an ERB line that parses", "a: 1\n<% x %>: 2\na: 3\n"],
    ["an ERB tag never closed", "a:\n  b: 1\n  <% if x\n  c: 2\n"],
    ["an ERB tag inside a quoted scalar, with a broken line elsewhere", "a: '<% x %>'\nb: [1\n"],
  ])("%s is still reported", (_name, text) => {
    expect(template(text)).toBe(false);
  });
});
