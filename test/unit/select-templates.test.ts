/**
 * Which files are templates (src/core/select/): Helm chart templates by Chart.yaml, template
 * names, and template tags where JSON/YAML cannot hold them; and the one notice per folder.
 */
import { describe, expect, it } from "vitest";
import { hasTemplateStructure } from "../../src/core/select/template-syntax.js";
import { chartYamlCandidates, SkippedTemplates, TemplateRules } from "../../src/core/select/templates.js";

describe("hasTemplateStructure: YAML", () => {
  it.each([
    ["a Helm control line", "{{- if .Values.enabled }}\napiVersion: v1\n{{- end }}\n"],
    ["a value that is a tag", "spec:\n  replicas: {{ .Values.replicas }}\n"],
    ["a sequence item that is a tag", "args:\n  - {{ .Values.arg }}\n"],
    ["a key inside an item", "items:\n  - name: {{ .name }}\n"],
    ["a Jinja block", "{% for h in hosts %}\n- {{ h }}\n{% endfor %}\n"],
    ["a Jinja comment line", "{# managed by salt #}\nkey: value\n"],
    ["an indented Jinja block", "server:\n  {%- if tls %}\n  tls: true\n  {%- endif %}\n"],
    // pulumi/examples aws-ts-eks-distro/eksdistro/cluster.yaml, rendered with mustache.
    [
      "a Mustache triple-brace value run into text",
      "metadata:\n  name: {{{CLUSTER_NAME}}}\nspec:\n  configBase: {{{STATE_STORE}}}/{{{CLUSTER_NAME}}}\n",
    ],
    ["a Handlebars triple-brace item", "args:\n  - {{{ json args }}}\n"],
    // tauri-apps/tauri crates/tauri-cli/templates/plugin/.github/workflows/*.yml (rendered with handlebars).
    ["a Handlebars raw block", "{{{{raw}}}}\nname: Audit\non: push\nrun: echo ${{ github.sha }}\n{{{{/raw}}}}\n"],
  ])("%s is template structure", (_name, text) => {
    expect(hasTemplateStructure(text, "yaml")).toBe(true);
  });

  it.each([
    ["a tag in a double-quoted value", 'msg: "{{ greeting }} world"\n'],
    ["a tag in a single-quoted value", "msg: '{{ greeting }}'\n"],
    ["a tag mid plain scalar (Ansible renders it at run time)", "msg: Hello {{ name }}\nimage: repo/{{ tag }}\n"],
    ["a dash inside a plain scalar", "name: a - {{ b }}\n"],
    ["a GitHub Actions expression", "if: ${{ github.event_name == 'push' }}\nrun: echo ${{ secrets.X }}\n"],
    ["a tag in a comment", "# {{ not a template }}\nkey: 1\n"],
    ["a tag in a block scalar", "data:\n  tmpl: |\n    {{ range .Items }}\n    {{ end }}\nnext: 1\n"],
    ["a tag in a folded block scalar of an item", "- >-\n  {% if x %}\n"],
    ["a tag in a multi-line double-quoted value", 'msg: "first\n  {{ second }}"\n'],
    ["no tags at all", "a: [1, 2\n"],
  ])("%s is not", (_name, text) => {
    expect(hasTemplateStructure(text, "yaml")).toBe(false);
  });

  it("a tag after a block scalar ends counts again", () => {
    expect(hasTemplateStructure("a: |\n  {{ x }}\n{{ if y }}\n", "yaml")).toBe(true);
  });

  it("an unclosed quote hides what follows (a truncated file is not waved through)", () => {
    expect(hasTemplateStructure("a: 'oops\n{{ x }}\n", "yaml")).toBe(false);
  });

  it("a tag in a double-quoted value whose own string literals end the YAML scalar (Go text/template, Jinja)", () => {
    // cilium/cilium-cli connectivity/builder/manifests/client-egress-l7-tls-sni.yaml, rendered
    // with text/template before it is read as a CiliumNetworkPolicy.
    const cilium = 'spec:\n  serverNames:\n  - "{{trimSuffix .ExternalTarget "."}}"\n  namespace: "{{.TestNamespace}}"\n';
    expect(hasTemplateStructure(cilium, "yaml")).toBe(true);
    expect(hasTemplateStructure('slug: "{{ cookiecutter.name | replace(" ", "_") }}"\n', "yaml")).toBe(true);
    expect(hasTemplateStructure('- key: "x-{{ i18n "title" }}"\n', "yaml")).toBe(true);
  });

  it("double-quoted values that merely hold {{ and }} (or a tag in single quotes) are not: a corruption there is still reported", () => {
    expect(hasTemplateStructure('a: "{{"\nb: "}}"\nc: [1,\n', "yaml")).toBe(false);
    expect(hasTemplateStructure('a: "{{ "x" }}"\n', "yaml")).toBe(false); // no action beside the literal
    expect(hasTemplateStructure('a: "{{ x "y }}"\n', "yaml")).toBe(false); // an unbalanced quote
    expect(hasTemplateStructure('if: "${{ format("x") }}"\n', "yaml")).toBe(false); // GitHub Actions
    expect(hasTemplateStructure("a: '{{ trimSuffix .X \".\" }}'\n", "yaml")).toBe(false); // valid YAML as it is
    expect(hasTemplateStructure('# "{{ f "x" }}"\nkey: [\n', "yaml")).toBe(false); // in a comment
  });
});

describe("hasTemplateStructure: JSON", () => {
  it("a tag outside a string is template structure", () => {
    expect(hasTemplateStructure('{\n  "replicas": {{ .Values.n }}\n}\n', "json")).toBe(true);
    expect(hasTemplateStructure('{\n{% for k in keys %}\n  "{{ k }}": 1,\n{% endfor %}\n}', "json")).toBe(true);
  });

  it("a doubled brace or an unclosed tag is a corruption, not a template", () => {
    expect(hasTemplateStructure('{{"a": 1}}', "json")).toBe(false);
    expect(hasTemplateStructure('{{\n  "a": 1\n}}', "json")).toBe(false);
    expect(hasTemplateStructure('{ "a": {{ }', "json")).toBe(false);
    expect(hasTemplateStructure("{{ x\n}}", "json")).toBe(false);
    expect(hasTemplateStructure("{{- x -}}", "json")).toBe(true);
    expect(hasTemplateStructure("a: {{ oops\n", "yaml")).toBe(false);
    expect(hasTemplateStructure("{%- if a -%}\n", "yaml")).toBe(true);
    // Triple braces: a tag only with a name inside, closed by }}} on the line.
    expect(hasTemplateStructure('{{{"a": 1}}}', "json")).toBe(false);
    expect(hasTemplateStructure("a: {{{ x }}\n", "yaml")).toBe(false);
    expect(hasTemplateStructure("a: {{{ x\n}}}\n", "yaml")).toBe(false);
    expect(hasTemplateStructure('{"a": {{{ x }}}}', "json")).toBe(true);
    // Quadruple braces (a Handlebars raw block): a tag only with a name inside, closed by }}}} on the line.
    expect(hasTemplateStructure('{{{{"a": 1}}}}', "json")).toBe(false);
    expect(hasTemplateStructure("{{{{raw}}}\n", "yaml")).toBe(false);
    expect(hasTemplateStructure("{{{{raw\n}}}}\n", "yaml")).toBe(false);
    expect(hasTemplateStructure("{{{{/raw}}}}\n", "yaml")).toBe(true);
  });

  it("tags inside strings (escaped quotes included) are not", () => {
    expect(hasTemplateStructure('{"a": "{{ x }}", "b": "say \\"{{ y }}\\"", "c": 1,}', "json")).toBe(false);
    expect(hasTemplateStructure('{"a": ${{ x }}}', "json")).toBe(false);
  });

  it("a tag inside a string whose string literals end the JSON string (Hugo's resources.ExecuteAsTemplate, Jinja)", () => {
    // alex-shpak/hugo-book assets/manifest.json: `"start_url": "{{ "./" | relURL }}",`
    expect(hasTemplateStructure('{\n  "name": "{{ .Site.Title }}",\n  "start_url": "{{ "./" | relURL }}"\n}\n', "json")).toBe(true);
    expect(hasTemplateStructure('{"t": "{{ i18n "title" }}"}', "json")).toBe(true);
    expect(hasTemplateStructure('{"slug": "{{ cookiecutter.name | replace(" ", "_") }}"}', "json")).toBe(true);
    expect(hasTemplateStructure('{"x": "{%- if a == "b" %}y{% endif %}"}', "json")).toBe(true);
  });

  it("strings that merely hold {{ and }} around JSON are not: a corruption there is still reported", () => {
    expect(hasTemplateStructure('{"a": "{{", "b": "}}", "c": 1,, }', "json")).toBe(false);
    expect(hasTemplateStructure('{"{{": "}}" "x": 1}', "json")).toBe(false);
    expect(hasTemplateStructure('{"a": "{{ "x" }}"', "json")).toBe(false); // no action beside the literal
    expect(hasTemplateStructure('{"a": "{{ x "y }}", "b": 1}', "json")).toBe(false); // an unbalanced quote
    expect(hasTemplateStructure('{"a": "${{ format("x") }}"', "json")).toBe(false); // GitHub Actions
  });
});

describe("TemplateRules.byPath", () => {
  const charts = new Set(["charts/app/Chart.yaml", "charts/app/charts/sub/Chart.yaml", "Chart.yaml"]);
  const exists = (p: string) => charts.has(p);
  const auto = new TemplateRules(undefined);

  it.each([
    ["charts/app/templates/deployment.yaml", { kind: "helm", folder: "charts/app/templates/" }],
    ["charts/app/templates/sub/dir/cm.yaml", { kind: "helm", folder: "charts/app/templates/" }],
    ["charts/app/charts/sub/templates/svc.yaml", { kind: "helm", folder: "charts/app/charts/sub/templates/" }],
    ["templates/x.yaml", { kind: "helm", folder: "templates/" }],
    ["roles/web/templates/nginx.conf.j2", { kind: "name", folder: "roles/web/templates/" }],
    ["salt/app.yaml.jinja", { kind: "name", folder: "salt/" }],
    ["x.json.tmpl", { kind: "name", folder: "./" }],
    ["{{cookiecutter.slug}}/.github/workflows/ci.yml", { kind: "name", folder: "{{cookiecutter.slug}}/" }],
  ])("%s is a template", (file, expected) => {
    expect(auto.byPath(file, exists)).toEqual(expected);
  });

  it.each([
    "cfn/templates/stack.yaml", // CloudFormation: no Chart.yaml beside templates/
    "charts/app/values.yaml",
    "charts/app/Chart.yaml",
    "charts/app/crds/crd.yaml",
    "charts/other/templates/x.yaml", // no Chart.yaml in charts/other
    "docs/templates.yaml",
  ])("%s is not", (file) => {
    expect(auto.byPath(file, exists)).toBeUndefined();
  });

  it("mode check turns detection off; skip globs add templates; check globs win", () => {
    const check = new TemplateRules({ mode: "check", skip: ["gen/**"] });
    expect(check.byPath("charts/app/templates/a.yaml", exists)).toBeUndefined();
    expect(check.byPath("a.yaml.j2", exists)).toBeUndefined();
    expect(check.detectsContent("a.yaml")).toBe(false);
    expect(check.byPath("gen/x.yaml", exists)).toEqual({ kind: "config", folder: "gen/" });
    const forced = new TemplateRules({ check: ["charts/app/templates/plain.yaml"] });
    expect(forced.byPath("charts/app/templates/plain.yaml", exists)).toBeUndefined();
    expect(forced.detectsContent("charts/app/templates/plain.yaml")).toBe(false);
    expect(forced.byPath("charts/app/templates/other.yaml", exists)).toMatchObject({ kind: "helm" });
  });

  it("a file the config declares to be data is never a template, by path or by content", () => {
    const rules = new TemplateRules({ skip: ["state/**"] }, (p) => p.startsWith("state/") || p.startsWith("charts/app/templates/keep"));
    expect(rules.byPath("state/x.yaml", exists)).toBeUndefined();
    expect(rules.byPath("state/x.yaml.j2", exists)).toBeUndefined();
    expect(rules.detectsContent("state/x.yaml")).toBe(false);
    expect(rules.byPath("charts/app/templates/keep.yaml", exists)).toBeUndefined();
    expect(rules.byPath("charts/app/templates/other.yaml", exists)).toMatchObject({ kind: "helm" });
    expect(rules.detectsContent("free/x.yaml")).toBe(true);
  });

  it("asks only for the Chart.yaml beside each templates/ folder", () => {
    expect(chartYamlCandidates("a/templates/b/templates/c.yaml")).toEqual(["a/Chart.yaml", "a/templates/b/Chart.yaml"]);
    expect(chartYamlCandidates("a/b.yaml")).toEqual([]);
    expect(chartYamlCandidates("templates")).toEqual([]);
  });
});

describe("SkippedTemplates", () => {
  it("one notice per kind and folder, with the count and a few names", () => {
    const s = new SkippedTemplates();
    for (let i = 0; i < 12; i++) s.add(`charts/app/templates/t${i}.yaml`, { kind: "helm", folder: "charts/app/templates/" });
    s.add("ansible/x.yml", { kind: "content", folder: "ansible/" });
    const notices = s.notices();
    expect(s.count).toBe(13);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatchObject({ rule: "validate/template", level: "notice", file: "ansible/" });
    expect(notices[0]!.message).toContain("1 file under ansible/ skipped: it holds {{ }}, {% %} or <% %> template tags");
    expect(notices[1]).toMatchObject({
      rule: "validate/template",
      level: "notice",
      file: "charts/app/templates/",
      message: "12 Helm templates under charts/app/templates/ skipped: they are YAML only after `helm template` renders them",
    });
    expect(notices[1]!.found).toContain("and 7 more");
  });
});
