/**
 * Which files are checked and how, with the defaults, in real repositories through `check` and
 * `check --staged` (the hook): Helm chart templates and Jinja/Go templates are skipped with one
 * notice per folder while the chart's own YAML is still checked; the default JSONC set; and a
 * `$schema` that is not there yet (node_modules/, a missing file) is a warning unless required.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function run(repo: TestRepo, args: string[]) {
  const r = await repo.cli([...args, "--format", "json"]);
  const out = JSON.parse(r.stdout || "{}") as { findings?: Finding[]; summary?: Record<string, unknown> };
  return { code: r.code, stderr: r.stderr, findings: out.findings ?? [], summary: out.summary ?? {} };
}

const errors = (fs: Finding[]) => fs.filter((f) => f.level === "error");
/** Files with an error, each once, sorted. */
const errorFiles = (fs: Finding[]) => [...new Set(errors(fs).map((f) => f.file))].sort();

/** A Helm template of about `lines` lines, in the shape `helm create` scaffolds. */
function helmTemplate(name: string, lines: number): string {
  const out = [
    `{{- if .Values.${name}.enabled }}`,
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    `  name: {{ include "app.fullname" . }}-${name}`,
    "  labels:",
    '    {{- include "app.labels" . | nindent 4 }}',
    "spec:",
    "  {{- if not .Values.autoscaling.enabled }}",
    "  replicas: {{ .Values.replicaCount }}",
    "  {{- end }}",
    "  template:",
    "    spec:",
    "      {{- with .Values.imagePullSecrets }}",
    "      imagePullSecrets:",
    "        {{- toYaml . | nindent 8 }}",
    "      {{- end }}",
    "      containers:",
  ];
  for (let i = 0; out.length < lines - 1; i++) {
    out.push(
      `        - name: c${i}`,
      `          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"`,
      `          env:`,
      `            {{- range $k, $v := .Values.env${i} }}`,
      `            - name: {{ $k }}`,
      `              value: {{ $v | quote }}`,
      `            {{- end }}`,
    );
  }
  out.push("{{- end }}");
  return out.join("\n") + "\n";
}

function writeChart(repo: TestRepo, dir: string, templates = 20, lines = 150): void {
  repo.write(`${dir}/Chart.yaml`, "apiVersion: v2\nname: app\nversion: 0.1.0\nappVersion: 1.0.0\n");
  repo.write(`${dir}/values.yaml`, "replicaCount: 1\nimage:\n  repository: nginx\n  tag: ''\nautoscaling:\n  enabled: false\n");
  repo.write(`${dir}/templates/_helpers.tpl`, '{{- define "app.fullname" -}}\n{{ .Release.Name }}\n{{- end }}\n');
  repo.write(`${dir}/templates/NOTES.txt`, "Installed {{ .Release.Name }}\n");
  for (let t = 0; t < templates; t++) repo.write(`${dir}/templates/t${t}.yaml`, helmTemplate(`t${t}`, lines));
  repo.write(`${dir}/templates/tests/test-connection.yaml`, helmTemplate("test", 30));
}

describe("Helm charts: templates skipped with one notice per chart, the chart's YAML still checked", () => {
  it("check and check --staged: thousands of template lines give one notice and no error", () =>
    withRepo(async (repo) => {
      writeChart(repo, "charts/app");
      writeChart(repo, "charts/app/charts/sub", 3, 40); // a nested chart: its own notice
      for (const args of [["check"], ["check", "--staged"]]) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await run(repo, args);
        expect(r.code, JSON.stringify(r.findings.slice(0, 3))).toBe(0);
        expect(r.findings.map((f) => [f.rule, f.level, f.file])).toEqual([
          ["validate/template", "notice", "charts/app/charts/sub/templates/"],
          ["validate/template", "notice", "charts/app/templates/"],
        ]);
        expect(r.findings[1]!.message).toBe(
          "21 Helm templates under charts/app/templates/ skipped: they are YAML only after `helm template` renders them",
        );
      }
    }));

  it("a broken values.yaml or Chart.yaml in the same chart is still an error (check and the hook)", () =>
    withRepo(async (repo) => {
      writeChart(repo, "charts/app", 3, 50);
      repo.commitAll("chart");
      repo.write("charts/app/values.yaml", "image:\n  repository: nginx\n   tag: x\n");
      repo.write("charts/app/Chart.yaml", "apiVersion: v2\nname: app\nname: again\nversion: 0.1.0\n");
      repo.write("charts/app/templates/t0.yaml", helmTemplate("changed", 60));
      for (const args of [["check"], ["check", "--staged"]]) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await run(repo, args);
        expect(r.code).toBe(1);
        expect(errorFiles(r.findings)).toEqual(["charts/app/Chart.yaml", "charts/app/values.yaml"]);
        expect(r.findings.find((f) => f.file === "charts/app/Chart.yaml")?.rule).toBe("parse/duplicate-key");
        expect(r.findings.filter((f) => f.rule === "validate/template").map((f) => f.file)).toEqual(["charts/app/templates/"]);
      }
    }));

  it("the hook decides from the index: a chart whose Chart.yaml is not in the index is no chart", () =>
    withRepo(async (repo) => {
      writeChart(repo, "chart", 2, 30);
      repo.commitAll("chart");
      // Only a template is staged: Chart.yaml comes from the index (":chart/Chart.yaml"), not from the staged changes.
      repo.write("chart/templates/t1.yaml", helmTemplate("edited", 40));
      repo.git("add", "chart/templates/t1.yaml");
      const staged = await run(repo, ["check", "--staged"]);
      expect(staged.code).toBe(0);
      expect(staged.findings).toMatchObject([
        { rule: "validate/template", file: "chart/templates/", message: expect.stringContaining("1 Helm template ") },
      ]);
      // Chart.yaml removed from the index (still on disk): no chart, so the template is judged by its content,
      // and a template-free file there is checked as plain YAML.
      repo.git("rm", "-q", "--cached", "chart/Chart.yaml");
      repo.write("chart/templates/plain.yaml", "a: 1\na: 2\n");
      repo.git("add", "chart/templates/plain.yaml");
      const noChart = await run(repo, ["check", "--staged"]);
      expect(noChart.code).toBe(1);
      // Worst first: the error, then the notice.
      expect(noChart.findings.map((f) => [f.rule, f.file])).toEqual([
        ["parse/duplicate-key", "chart/templates/plain.yaml"],
        ["validate/template", "chart/templates/"],
      ]);
      expect(noChart.findings[1]!.message).toContain("1 file under chart/templates/ skipped: it holds {{ }}");
    }));

  it("a CloudFormation templates/ folder (no Chart.yaml) is still checked", () =>
    withRepo(async (repo) => {
      repo.write("templates/vpc.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n");
      repo.write("templates/db.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nOutputs:\n  Id:\n    Value: a\n  Id:\n    Value: b\n");
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(r.findings.map((f) => [f.file, f.rule])).toEqual([["templates/db.yaml", "parse/duplicate-key"]]);
    }));

  it("validate.templates.mode: check validates chart templates as they are; templates.check forces one file", () =>
    withRepo(async (repo) => {
      writeChart(repo, "chart", 2, 30);
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  templates:\n    mode: check\n");
      const checked = await run(repo, ["check"]);
      expect(checked.code).toBe(1);
      expect(checked.findings.some((f) => f.rule === "validate/template")).toBe(false);
      expect(errorFiles(checked.findings)).toEqual([
        "chart/templates/t0.yaml",
        "chart/templates/t1.yaml",
        "chart/templates/tests/test-connection.yaml",
      ]);
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  templates:\n    check: ["chart/templates/t1.yaml"]\n');
      const forced = await run(repo, ["check"]);
      expect(errorFiles(forced.findings)).toEqual(["chart/templates/t1.yaml"]);
      expect(forced.findings.find((f) => f.rule === "validate/template")?.message).toContain("2 Helm templates under chart/templates/");
    }));
});

describe("Jinja and Go templates outside charts", () => {
  const JINJA = "{% set port = 8080 %}\nserver:\n  {%- if tls %}\n  tls: true\n  {%- endif %}\n  port: {{ port }}\n";

  it("a .yml with {% %} blocks is skipped with one notice per folder; .j2 files selected by config are too", () =>
    withRepo(async (repo) => {
      repo.write("salt/web.yml", JINJA);
      repo.write("salt/db.yml", "{% for u in users %}\n- name: {{ u }}\n{% endfor %}\n");
      repo.write("roles/web/templates/app.yml.j2", "key: {{ value }\n"); // not even a well-formed template: never read
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  files: ["**/*.yml", "**/*.j2"]\n');
      const r = await run(repo, ["check"]);
      expect(r.code, JSON.stringify(r.findings)).toBe(0);
      expect(r.findings.map((f) => [f.rule, f.file, f.message])).toEqual([
        ["validate/template", "roles/web/templates/", expect.stringContaining("1 template file (Jinja or Go template)")],
        ["validate/template", "salt/", expect.stringContaining("2 files under salt/ skipped: they hold {{ }}")],
      ]);
    }));

  it("a file with {{ }} only inside quoted values parses and is checked normally", () =>
    withRepo(async (repo) => {
      repo.write("play.yml", '- hosts: all\n  tasks:\n    - debug: { msg: "{{ greeting }}" }\n      debug: "{{ again }}"\n');
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(r.findings.map((f) => [f.file, f.rule])).toEqual([["play.yml", "parse/duplicate-key"]]);
    }));

  it("a corrupt YAML file with tags only mid-value or in ${{ }} is still an error", () =>
    withRepo(async (repo) => {
      repo.write("play.yml", "- name: say {{ greeting }}\n  debug:\n   msg: x\n  when: y\n bad: indent\n");
      repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    if: ${{ github.ref }}\n    steps: [\n");
      repo.write("state.json", '{{"a": 1}\n'); // a doubled brace: corruption, not a tag
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(errorFiles(r.findings)).toEqual([".github/workflows/ci.yml", "play.yml", "state.json"]);
      expect(r.findings.some((f) => f.rule === "validate/template")).toBe(false);
    }));

  it("a template with a merge-conflict marker is still reported", () =>
    withRepo(async (repo) => {
      repo.write("salt/web.yml", `${JINJA}<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> other\n`);
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(r.findings.map((f) => f.rule)).toContain("parse/merge-conflict");
    }));

  it("validate FILE on a .j2 name gives the template notice, not a parse error", () =>
    withRepo(async (repo) => {
      repo.write("conf/app.json.j2", '{"a": {{ a }}}\n');
      const r = await run(repo, ["validate", "conf/app.json.j2"]);
      expect(r.code).toBe(0);
      expect(r.findings).toMatchObject([{ rule: "validate/template", level: "notice", file: "conf/" }]);
    }));
});

describe("the default JSONC set", () => {
  const COMMENTED = '// comment\n{\n  "a": 1, /* block */\n  "b": [1, 2,],\n}\n';

  it("each name of the set accepts comments and trailing commas (check and the hook)", () =>
    withRepo(async (repo) => {
      const names = [
        ".vscode/settings.json",
        "packages/web/.vscode/settings.json",
        "notes.jsonc",
        "deep/x.jsonc",
        "tsconfig.json",
        "packages/a/tsconfig.build.json",
        "jsconfig.json",
        "devcontainer.json",
        ".devcontainer.json",
        ".devcontainer/devcontainer.json",
        ".devcontainer/py/devcontainer.json",
        ".eslintrc.json",
        "ext/language-configuration.json",
        "ext/themes/Dark-color-theme.json",
        "ext/themes/files-icon-theme.json",
        ".babelrc.json",
        "babel.config.json",
      ];
      for (const n of names) repo.write(n, COMMENTED);
      const r = await run(repo, ["check"]);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.summary.checked).toBe(names.length);
      repo.git("add", "-A");
      const staged = await run(repo, ["check", "--staged"]);
      expect(staged.findings).toEqual([]);
      expect(staged.code).toBe(0);
    }));

  it("strict JSON names next to them still reject comments; a broken JSONC file is still an error", () =>
    withRepo(async (repo) => {
      repo.write("package.json", COMMENTED);
      repo.write("ext/themes/dark.json", COMMENTED);
      repo.write(".vscode/settings.json", '{\n  "a": 1\n'); // truncated
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(errors(r.findings).map((f) => [f.file, f.rule])).toEqual([
        [".vscode/settings.json", "parse/truncated"],
        ["ext/themes/dark.json", "parse/syntax"],
        ["package.json", "parse/syntax"],
      ]);
    }));

  it("theme, language configuration and snippet files a VS Code extension's package.json contributes are JSONC (check and the hook)", () =>
    withRepo(async (repo) => {
      const manifest = {
        name: "ext",
        engines: { vscode: "^1.80.0" },
        contributes: {
          themes: [{ label: "Dark", uiTheme: "vs-dark", path: "./themes/dark.json" }],
          languages: [{ id: "foo", configuration: "./lang/foo.json" }],
          snippets: [{ language: "foo", path: "snippets/foo.json" }],
        },
      };
      repo.write("ext/package.json", JSON.stringify(manifest, null, 2));
      for (const f of ["ext/themes/dark.json", "ext/lang/foo.json", "ext/snippets/foo.json"]) repo.write(f, COMMENTED);
      repo.write("ext/themes/light.json", COMMENTED); // not contributed: strict JSON
      // The same layout without engines.vscode is no extension: strict JSON.
      repo.write("web/package.json", JSON.stringify({ ...manifest, engines: { node: ">=20" } }));
      repo.write("web/themes/dark.json", COMMENTED);
      for (const args of [["check"], ["check", "--staged"]]) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await run(repo, args);
        expect(r.code).toBe(1);
        expect(errorFiles(r.findings)).toEqual(["ext/themes/light.json", "web/themes/dark.json"]);
      }
      // A contributed file that is broken even as JSONC is still an error.
      repo.write("ext/themes/dark.json", '{ "colors": { // open\n');
      const broken = await run(repo, ["check"]);
      expect(errorFiles(broken.findings)).toContain("ext/themes/dark.json");
      expect(broken.findings.find((f) => f.file === "ext/themes/dark.json")?.rule).toBe("parse/truncated");
    }));

  // Reduced from Azure/azure-docs-json-samples (MIT, LICENSE-CODE), commit 82e0c6c2bba0:
  // azure-resource-manager/what-if/what-if-after.json (a block comment) and
  // management-level-deployment/azuredeploy.json (a leading BOM). ARM, the Azure CLI and
  // PowerShell read deployment templates with comments and multi-line strings and skip the BOM;
  // the names are free.
  const ARM_TEMPLATE = [
    "{",
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "contentVersion": "1.0.0.0",',
    "  // the address space of the network",
    '  "resources": [',
    "    {",
    '      "type": "Microsoft.Network/virtualNetworks",',
    '      "tags": {',
    '        "CostCenter": "12345" /*,',
    '        "Owner": "Team A"*/',
    "      },",
    // deploymentscript-basic.json: a multi-line string, which ARM reads with its line breaks.
    '      "scriptContent": "',
    "        Write-Output $name",
    '      "',
    "    }",
    "  ]",
    "}",
    "",
  ].join("\n");
  const MG_TEMPLATE = ARM_TEMPLATE.replace("2019-04-01/deploymentTemplate", "2019-08-01/managementGroupDeploymentTemplate");

  it("an Azure Resource Manager template (known by its $schema) may hold comments, multi-line strings and a BOM; a broken one is still an error at its line", () =>
    withRepo(async (repo) => {
      repo.write("infra/what-if-after.json", ARM_TEMPLATE);
      repo.write("mg/azuredeploy.json", `\ufeff${MG_TEMPLATE}`);
      // The same comments without an ARM schema: strict JSON, an error.
      repo.write("plain/data.json", ARM_TEMPLATE.replace("schema.management.azure.com", "example.com"));
      // A parameter file's reader is not documented to take comments: strict JSON.
      repo.write("infra/params.json", ARM_TEMPLATE.replace("deploymentTemplate.json", "deploymentParameters.json"));
      for (const [args, env] of [
        [["check"], {}],
        [["check", "--staged"], {}],
        [["check"], { IG_PARSE_WORKERS: "2" }],
      ] as const) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await repo.cli([...args, "--format", "json"], env);
        const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        expect(errorFiles(findings), `${args.join(" ")} ${JSON.stringify(env)}`).toEqual(["infra/params.json", "plain/data.json"]);
      }
      // Corrupted the ways a template breaks: each still an error, at the corrupted line.
      const lines = ARM_TEMPLATE.split("\n");
      const broken: [string, string, string, number][] = [
        ["stray comma", lines.map((l, i) => (i === 2 ? `${l},` : l)).join("\n"), "parse/syntax", 3],
        ["truncated", lines.slice(0, 9).join("\n"), "parse/truncated", 9],
        [
          "merge markers",
          [...lines.slice(0, 5), "<<<<<<< HEAD", ...lines.slice(5, 7), "=======", ">>>>>>> b", ...lines.slice(5)].join("\n"),
          "parse/merge-conflict",
          6,
        ],
        ["text after the comment", lines.map((l, i) => (i === 3 ? `${l}\n  address: 1,` : l)).join("\n"), "parse/syntax", 5],
      ];
      for (const [what, text, rule, line] of broken) {
        repo.write("infra/what-if-after.json", text);
        const r = await run(repo, ["check"]);
        const f = errors(r.findings).find((x) => x.file === "infra/what-if-after.json");
        expect(f && [f.rule, f.line], what).toEqual([rule, line]);
      }
    }));

  it("a docker-compose.yml under .devcontainer/ is parsed as YAML, also under a user's folder glob", () =>
    withRepo(async (repo) => {
      repo.write(".devcontainer/docker-compose.yml", "services:\n  app:\n    image: node # the dev container\n");
      repo.write(".devcontainer/devcontainer.json", '{ "dockerComposeFile": "docker-compose.yml", } // jsonc\n');
      expect((await run(repo, ["check"])).findings).toEqual([]);
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  jsonc: [".devcontainer/**"]\n');
      expect((await run(repo, ["check"])).findings).toEqual([]);
      repo.write(".devcontainer/docker-compose.yml", "services:\n  app:\n    image: node\n  app:\n    image: other\n");
      const broken = await run(repo, ["check"]);
      expect(broken.findings.map((f) => [f.file, f.rule])).toEqual([[".devcontainer/docker-compose.yml", "parse/duplicate-key"]]);
    }));
});

describe("$schema that is not there yet", () => {
  const SCHEMA = JSON.stringify({ type: "object", properties: { lineWidth: { type: "integer" } } });
  const BIOME = '{\n  "$schema": "./node_modules/@biomejs/biome/configuration_schema.json",\n  "lineWidth": "wide"\n}\n';

  it("into node_modules/ when it is not installed: a warning whose fix never says git add", () =>
    withRepo(async (repo) => {
      repo.write("biome.json", BIOME);
      for (const args of [["check"], ["check", "--staged"]]) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await run(repo, args);
        expect(r.code).toBe(0);
        expect(r.findings).toMatchObject([{ rule: "schema/unavailable", level: "warning", file: "biome.json", line: 2 }]);
        expect(r.findings[0]!.message).toContain("node_modules/@biomejs/biome/configuration_schema.json");
        expect(r.findings[0]!.fix).toContain("npm install");
        expect(r.findings[0]!.fix).not.toMatch(/git add/);
      }
    }));

  it("installed (ignored by git): validated against it by check and by the hook", () =>
    withRepo(async (repo) => {
      repo.write(".gitignore", "node_modules/\n");
      repo.write("node_modules/@biomejs/biome/configuration_schema.json", SCHEMA);
      repo.write("biome.json", BIOME);
      for (const args of [["check"], ["check", "--staged"]]) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await run(repo, args);
        expect(r.code).toBe(1);
        expect(r.findings).toMatchObject([{ rule: "schema/violation", file: "biome.json", line: 3 }]);
      }
    }));

  it("a missing local schema is a warning; under require_schema (and no mapping) it is an error", () =>
    withRepo(async (repo) => {
      repo.write("state/a.json", '{"$schema": "../schemas/gone.json", "x": 1}\n');
      repo.write("biome.json", BIOME);
      const warned = await run(repo, ["check"]);
      expect(warned.code).toBe(0);
      expect(warned.findings.map((f) => [f.file, f.rule, f.level])).toEqual([
        ["biome.json", "schema/unavailable", "warning"],
        ["state/a.json", "schema/unavailable", "warning"],
      ]);
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  require_schema: ["state/**", "biome.json"]\n');
      const required = await run(repo, ["check"]);
      expect(required.code).toBe(1);
      expect(required.findings.map((f) => [f.file, f.rule, f.level])).toEqual([
        ["biome.json", "schema/unavailable", "error"],
        ["state/a.json", "schema/unavailable", "error"],
      ]);
      expect(required.findings[0]!.message).toContain("validate.require_schema says biome.json must be validated");
      expect(required.findings[0]!.fix).not.toMatch(/git add/);
      repo.git("add", "-A");
      const staged = await run(repo, ["check", "--staged"]);
      expect(staged.findings.map((f) => [f.file, f.level])).toEqual([
        ["biome.json", "error"],
        ["state/a.json", "error"],
      ]);
      expect(staged.findings[0]!.fix).not.toMatch(/git add/);
      expect(staged.findings[1]!.message).toContain("does not exist in the git index");
    }));

  it("a config mapping validates the file instead: the unavailable $schema stays a warning even when required", () =>
    withRepo(async (repo) => {
      repo.write("schemas/biome.json", SCHEMA);
      repo.write("biome.json", BIOME);
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  require_schema: ["biome.json"]\n  schemas:\n    - files: ["biome.json"]\n      schema: schemas/biome.json\n',
      );
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(r.findings.map((f) => [f.rule, f.level])).toEqual([
        ["schema/violation", "error"],
        ["schema/unavailable", "warning"],
      ]);
    }));

  it("a schema mapped in validate.schemas under node_modules/ that is not installed stops the run without suggesting git add", () =>
    withRepo(async (repo) => {
      repo.write("biome.json", '{"lineWidth": 1}\n');
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["biome.json"]\n      schema: node_modules/@biomejs/biome/configuration_schema.json\n',
      );
      repo.git("add", "-A");
      for (const args of [["validate"], ["validate", "--staged"], ["check", "--staged"]]) {
        const r = await repo.cli(args);
        expect(r.code, args.join(" ")).toBe(2);
        const text = r.stdout + r.stderr;
        expect(text).toContain("is under node_modules/ and is not installed");
        expect(text).not.toMatch(/git add\S* node_modules/);
      }
    }));

  it("remote $schema URLs are never fetched: other URLs (vscode://) block nothing, SchemaStore's use the vendored copies; a $schema climbing out is a warning", () =>
    withRepo(async (repo) => {
      repo.write("tsconfig.json", '{\n  "$schema": "https://json.schemastore.org/tsconfig", // comment\n  "compilerOptions": {},\n}\n');
      repo.write(".vscode/settings.json", '{ "$schema": "vscode://schemas/settings/folder" }');
      repo.write("up.json", '{"$schema": "../../elsewhere/schema.json"}');
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(0);
      expect(r.findings.map((f) => [f.file, f.rule, f.level])).toEqual([["up.json", "schema/unavailable", "warning"]]);
      // Issue 19: a file that names SchemaStore's workflow schema is held to the vendored copy (no `jobs`: GitHub refuses it).
      repo.write("app.yaml", "$schema: https://json.schemastore.org/github-workflow.json\non: push\n");
      const named = await run(repo, ["check"]);
      expect(named.code).toBe(1);
      expect(named.findings.find((f) => f.file === "app.yaml")).toMatchObject({ rule: "schema/violation", level: "error", line: 1 });
    }));

  it("a broken schema of the repository named by $schema stays an error", () =>
    withRepo(async (repo) => {
      repo.write("schemas/broken.json", '{"type": 5}');
      repo.write("a.json", '{"$schema": "schemas/broken.json"}');
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(r.findings.find((f) => f.file === "a.json")).toMatchObject({ rule: "schema/unavailable", level: "error" });
    }));
});

describe("$schema naming a draft integrity-guard cannot compile", () => {
  const DRAFT3 = JSON.stringify({ $schema: "http://json-schema.org/draft-03/schema#", type: "object" });

  it("is a warning (our limitation, not the file's fault); an error under require_schema", () =>
    withRepo(async (repo) => {
      repo.write("schemas/old.json", DRAFT3);
      repo.write("data/a.json", '{"$schema": "../schemas/old.json", "x": 1}');
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(0);
      expect(r.findings).toMatchObject([{ file: "data/a.json", rule: "schema/unavailable", level: "warning" }]);
      expect(r.findings[0]!.message).toContain("written in the meta-schema http://json-schema.org/draft-03/schema#");
      expect(r.findings[0]!.fix).toContain("draft-04, -06, -07, 2019-09 or 2020-12");
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  require_schema: ["data/**"]\n');
      const required = await run(repo, ["check"]);
      expect(required.code).toBe(1);
      expect(required.findings).toMatchObject([{ file: "data/a.json", rule: "schema/unavailable", level: "error" }]);
    }));

  it("a draft-04 schema is read (ajv-draft-04): its violations are errors", () =>
    withRepo(async (repo) => {
      repo.write(
        "schemas/old.json",
        JSON.stringify({ $schema: "http://json-schema.org/draft-04/schema#", type: "object", required: ["y"] }),
      );
      repo.write("data/a.json", '{"$schema": "../schemas/old.json", "x": 1}');
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(r.findings).toMatchObject([{ file: "data/a.json", rule: "schema/violation", level: "error" }]);
    }));
});

describe("files the config declares to be data are never templates", () => {
  it("a mapped or required file with template-like corruption, or under a chart's templates/, is still an error", () =>
    withRepo(async (repo) => {
      repo.write("schemas/s.json", '{"type": "object"}');
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["state/**"]\n      schema: schemas/s.json\n  require_schema: ["other/**"]\n',
      );
      repo.write("state/a.yaml", "a: 1\n{{ garbage }}\n");
      repo.write("other/b.json", '{"a": {{ x }}}\n');
      repo.write("state/Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0\n");
      repo.write("state/templates/c.yaml", "{{- if x }}\na: 1\n");
      repo.write("free/d.yaml", "a: 1\n{{ garbage }}\n"); // not declared: judged a template
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      expect(errorFiles(r.findings)).toEqual(["other/b.json", "state/a.yaml", "state/templates/c.yaml"]);
      expect(r.findings.filter((f) => f.rule === "validate/template").map((f) => f.file)).toEqual(["free/"]);
    }));
});

describe("a YAML template that happens to parse", () => {
  it("`key: {{ x }}` (a flow mapping as a key to YAML) is a template, not a complex-key warning; a real complex key is still reported", () =>
    withRepo(async (repo) => {
      repo.write("deploy/app.yaml", "replicas: {{ .Values.n }}\nimage:\n  - {{ .Values.image }}\n");
      repo.write("data/keys.yaml", "? [a, b]\n: 1\n");
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(0);
      expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
        ["parse/complex-key", "data/keys.yaml"],
        ["validate/template", "deploy/"],
      ]);
    }));
});
