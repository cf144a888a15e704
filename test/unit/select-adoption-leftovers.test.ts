/**
 * Session 13 adoption leftovers, pure parts: a selected name that says nothing about its format
 * is read by its content (src/core/select/jsonc.ts formatByContent), the readings of the rc files
 * added to src/core/select/well-known-names.ts, Ansible's unquoted `{{ }}`
 * (src/core/select/ansible.ts), Expo's app.json as JSON5 (jsonc-by-content.ts) and one finding
 * for an empty document that a schema rejects (src/checks/empty-document.ts).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { skipsUnlessItsFormat, wellKnownReading } from "../../src/checks/well-known-reading.js";
import { formatByContent, formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { ansibleLoads, ansibleUnquotedJinja } from "../../src/core/select/ansible.js";
import { jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";
import { foldEmptyIntoSchema } from "../../src/checks/empty-document.js";
import type { Finding } from "../../src/core/finding.js";

const jsonc = jsoncMatcher(undefined);

describe("a name that says nothing is read by its content", () => {
  it.each([
    ["schema: '2.0'\nstages: {}\n", "yaml"],
    ["# generated\nouts:\n- md5: a\n", "yaml"],
    ["---\na: 1\n", "yaml"],
    ["- a\n- b\n", "yaml"],
    ['"just a string"\n', "yaml"], // a JSON string is YAML too
    ['{ "a": 1 }\n', "json"],
    ["\ufeff  \n[1, 2]\n", "json"],
    ['// c\n{ "a": 1 }\n', "json"], // a comment no YAML starts with: the strict reading reports it
    ["/* c */ {}\n", "json"],
    ["", "json"], // 0 bytes: a truncated write, an error as before
    [" \n\t\n", "json"],
  ])("%j is read as %s", (text, format) => {
    expect(formatByContent(Buffer.from(text))).toBe(format);
    expect(formatForSelected("conf/app.state", jsonc, Buffer.from(text))).toBe(format);
  });

  it("a name that says its format keeps it, whatever the content", () => {
    const yamlText = Buffer.from("a: 1\n");
    expect(formatForSelected("data/x.json", jsonc, yamlText)).toBe("json");
    expect(formatForSelected("tsconfig.json", jsonc, yamlText)).toBe("jsonc");
    expect(formatForSelected("composer.lock", jsonc, yamlText)).toBe("json"); // well-known: strict JSON
    expect(formatForSelected("x.yml", jsonc, Buffer.from("{}"))).toBe("yaml");
    expect(formatForSelected("conf/app.state", jsonc)).toBe("json"); // no content (too large, unreadable): as before
  });
});

describe("rc files whose readers were confirmed", () => {
  async function read(file: string, format: "json" | "jsonc" | "yaml", text: string) {
    const reading = wellKnownReading(file, format);
    const first = parseDocument(text, { path: file, format, ...reading?.json });
    const doc = reading ? (await reading.settle(first, text, format)).doc : first;
    return { ok: doc.ok, at: doc.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.line}:${f.column}`) };
  }

  it.each([
    [".textlintrc", "{\n  // comments, unquoted keys, single quotes\n  rules: { \"no-todo\": true, 'max-ten': { max: 3 }, },\n}\n"],
    [".textlintrc", "rules:\n  no-todo: true\n"],
    [".textlintrc", '{ "rules": { "no-todo": true } }\n'],
  ])("%s as rc-config-loader reads it (JSON5, then js-yaml): %j passes", async (file, text) => {
    expect(await read(file, "yaml", text)).toEqual({ ok: true, at: [] });
  });

  it.each([
    [".textlintrc", "{\n  // c\n  rules: { a: 1 }\n  b: 2\n}\n", "parse/syntax 4:3"], // a missing comma: JSON5 stops at `b`
    [".textlintrc", "rules:\n  a: 1\n  a: 2\n", "parse/duplicate-key 3:3"],
    [".markdownlintrc", '{\n  // c\n  "MD013": false,\n}\n', "parse/syntax 3:17"], // rc: JSON.parse after the comments go
  ])("%s: %j is an error (%s)", async (file, text, at) => {
    const format = file === ".markdownlintrc" ? "jsonc" : "yaml";
    const r = await read(file, format, text);
    expect(r.ok).toBe(false);
    expect(r.at[0]).toBe(at);
  });

  it(".markdownlintrc is read only when it starts with `{` (rc reads anything else as INI)", () => {
    expect(skipsUnlessItsFormat(".markdownlintrc", Buffer.from("MD013=false\n"))).toBe(true);
    expect(skipsUnlessItsFormat(".markdownlintrc", Buffer.from('  {\n  "MD013": false\n}\n'))).toBe(false);
  });
});

describe("Ansible loads playbooks and task lists as YAML: an unquoted {{ }} is an error, not a template", () => {
  it.each([
    ["roles/web/tasks/main.yml", "- name: x\n  debug: { msg: hi }\n", true],
    ["handlers/main.yml", "- name: restart\n  service: { name: x }\n", true],
    ["inventory/group_vars/all.yml", "a: 1\n", true],
    ["roles/web/defaults/main.yml", "a: 1\n", true],
    ["site.yml", "- hosts: all\n  roles: [web]\n", true],
    ["deploy.yml", "- name: Deploy\n  hosts: web\n  tasks: []\n", true],
    ["main.yml", "- import_playbook: other.yml\n", true],
    ["roles/web/templates/compose.yml", "a: 1\n", false], // rendered by the template module
    ["templates/tasks/x.yml", "a: 1\n", false],
    ["{{cookiecutter.name}}/tasks/main.yml", "a: 1\n", false],
    ["values.yaml", "image: x\n", false],
    ["docs/hosts.yml", "hosts:\n  - a\n", false], // a top-level `hosts` key is no play
    // A mapping's two-space `hosts:` is no play (Istio's Go-templated VirtualService test data).
    ["tests/testdata/traffic.yaml", "apiVersion: networking.istio.io/v1\nkind: VirtualService\nspec:\n  hosts:\n    - {{.Host0}}\n", false],
    ["play.yml", "---\n# deploy\n- name: Deploy\n  hosts: web\n  tasks: []\n", true],
  ])("%s is loaded by Ansible: %s", (file, text, loads) => {
    expect(ansibleLoads(file, text)).toBe(loads);
  });

  it("each unquoted {{ starting a value or an item is an error at its column, with Ansible's fix", () => {
    const text = '- name: x\n  debug:\n    msg: {{ foo }}\n  with_items:\n    - {{ bar }}\n    - "{{ ok }}"\n  when: x == 1\n';
    const found = ansibleUnquotedJinja("roles/r/tasks/main.yml", text)!;
    expect(found.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/syntax", "error", 3, 10],
      ["parse/syntax", "error", 5, 7],
    ]);
    expect(found[0]!.message).toContain("Always quote template expression brackets");
    expect(found[0]!.fix).toContain('"{{ ... }}"');
  });

  it.each([
    ["a file Ansible does not load", "roles/r/templates/x.yml", "a: {{ x }}\n"],
    ["control tags: a template for a renderer", "roles/r/tasks/main.yml", "{% if x %}\n- name: a\n  debug: {msg: {{ y }}}\n{% endif %}\n"],
    ["a tag at a line's start", "roles/r/tasks/main.yml", "{{ include_block }}\n"],
    ["no tag", "roles/r/tasks/main.yml", '- debug:\n    msg: "{{ x }}"\n'],
    ["a Go-templated manifest whose spec has hosts", "testdata/vs.tmpl.yaml", "kind: VirtualService\nspec:\n  hosts:\n    - {{.Host0}}\n"],
  ])("nothing is reported for %s", (_what, file, text) => {
    expect(ansibleUnquotedJinja(file, text)).toBeUndefined();
  });

  it("the valid forms parse clean: quoted {{ }}, when: expressions, !vault and !unsafe", () => {
    const text = [
      "- hosts: all",
      "  vars:",
      "    secret: !vault |",
      "      $ANSIBLE_VAULT;1.1;AES256",
      "      6162636465",
      "    raw: !unsafe '{{ not_rendered }}'",
      "  tasks:",
      '    - name: "Install {{ pkg }}"',
      "      apt: name={{ pkg }} state=present",
      "      when: ansible_os_family == 'Debian' and x | bool",
      "    - debug:",
      "        msg: '{{ a }} and {{ b }}'",
      "",
    ].join("\n");
    const doc = parseDocument(text, { path: "site.yml", format: "yaml" });
    expect(doc.findings).toEqual([]);
    expect(ansibleUnquotedJinja("site.yml", text)).toBeUndefined();
  });
});

describe("Expo's app.json is read as JSON5 (@expo/config: JsonFile.read with json5)", () => {
  it.each([
    ['{\n  "expo": { "name": "a" }\n}\n', true],
    ["{\n  expo: { name: 'a' }\n}\n", true],
    ["{\n  'expo': {\n  }\n}\n", true],
    ['{ "name": "a", "scripts": { "postdeploy": "x" } }\n', false], // Heroku's app.json: strict
    ['{ "expose": { } }\n', false],
  ])("%j: JSON5 %s", (text, json5) => {
    expect(jsoncDialectByContent("app.json", text)?.json5 === true).toBe(json5);
  });
});

describe("an empty document that a schema rejects is one finding", () => {
  const empty: Finding = {
    rule: "parse/empty",
    level: "warning",
    file: "w.yml",
    line: 1,
    column: 1,
    message: "file is empty (it reads as null): often a truncated write",
    fix: "restore it",
  };
  const atRoot: Finding = {
    rule: "schema/violation",
    level: "error",
    file: "w.yml",
    line: 1,
    column: 1,
    pointer: "",
    message: "document: must be an object, found null",
    fix: "change the value",
  };

  it("the schema's finding keeps its level and says why the document is null; the warning goes", () => {
    const out = foldEmptyIntoSchema([empty, atRoot]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: "schema/violation", level: "error", pointer: "" });
    expect(out[0]!.message).toBe("file is empty (it reads as null): often a truncated write; document: must be an object, found null");
    expect(out[0]!.fix).toBe("restore it; change the value");
  });

  it("without a schema finding at the root, the warning stays; without the warning, nothing changes", () => {
    const deeper = { ...atRoot, pointer: "/on" };
    expect(foldEmptyIntoSchema([empty])).toEqual([empty]);
    expect(foldEmptyIntoSchema([empty, deeper])).toEqual([empty, deeper]);
    expect(foldEmptyIntoSchema([atRoot])).toEqual([atRoot]);
  });
});

describe("a legacy ESLint config of any name is read as ESLint reads it (comments stripped, then JSON.parse)", () => {
  it.each([
    ['{\n  /* c */\n  "rules": {\n    "semi": 1,\n    // so is this\n    "strict": 0\n  }\n}\n', true],
    ['{ "env": { "browser": true }, // c\n  "rules": { "quotes": ["error", "single"] } }\n', true],
    ['{ "root": true, "extends": "eslint:recommended", "env": { "node": true } /* c */ }\n', true],
    ['{ "rules": { ".read": "auth != null" } // Firebase database rules\n}\n', false], // not severities
    ['{ "rules": { "semi": 1 }, "name": "x" /* c */ }\n', false], // a key eslintrc has not
    ['{ "extends": "base" // c\n}\n', false], // nothing but extends: no evidence
    ['{ "rules": { "semi": 1, }, // c\n}\n', false], // a trailing comma: JSON.parse fails, so no dialect saves it
  ])("%j: %s", (text, eslintrc) => {
    expect(jsoncDialectByContent("tests/fixtures/configurations/comments.json", text)?.reader.startsWith("ESLint") === true).toBe(eslintrc);
  });
});
