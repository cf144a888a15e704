/**
 * Session 15 adoption leftovers, pure parts: names the default selection skipped although their
 * reader loads them as JSON or YAML (src/core/select/well-known-names.ts, ansible-vars.ts), and rc
 * files whose reader also takes JavaScript, which are read only when their text is not JavaScript.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { validateSelection } from "../../src/checks/validate.js";
import { skipsUnlessItsFormat, wellKnownReading } from "../../src/checks/well-known-reading.js";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { ansibleRoleFile, ansibleVarsFile } from "../../src/core/select/ansible-vars.js";

const jsonc = jsoncMatcher(undefined);
const selects = validateSelection({}).selects;

async function read(file: string, text: string) {
  const format = formatForSelected(file, jsonc, Buffer.from(text));
  const reading = wellKnownReading(file, format);
  const first = parseDocument(text, { path: file, format, ...reading?.json });
  const doc = reading ? (await reading.settle(first, text, format)).doc : first;
  return { ok: doc.ok, at: doc.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.line}:${f.column}`) };
}

describe("Ansible: a host's own file named by its FQDN (host_group_vars looks up host_vars/<inventory name> as is)", () => {
  it.each([
    "host_vars/db.example.com",
    "inventories/prod/host_vars/web-01.dc1.example.org",
    "host_vars/nas.local",
    "host_vars/router.lan",
    "host_vars/build_agent.corp.internal",
  ])("%s is selected and read as YAML", (file) => {
    expect(ansibleVarsFile(file)).toBe(true);
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe("yaml");
  });

  it.each([
    "host_vars/README.md", // documentation, not a host
    "host_vars/notes.txt",
    "host_vars/web1.yml.bak", // a renamed variable file: Ansible loads none of these
    "host_vars/web1.yml.orig",
    "host_vars/web1.yaml.disabled",
    "host_vars/web1.json.old",
    "host_vars/db.example.com.j2", // a template
    "host_vars/db.example.com~", // an editor backup
    "host_vars/.db.example.com", // hidden
    "host_vars/web1/db.example.com", // inside a host's folder an extension Ansible does not load is skipped
    "host_vars/cert.pem",
    "host_vars/logo.png",
    "group_vars/db.example.com", // group names hold no dot (Ansible turns it into `_`)
    "host_vars/web 1.example.com", // no host name has a space
  ])("%s is not selected", (file) => {
    expect(ansibleVarsFile(file)).toBe(false);
    expect(selects(file)).toBe(false);
  });
});

describe("Ansible roles: main without extension (the role loader tries '' after .yml, .yaml, .json)", () => {
  it.each([
    "roles/web/tasks/main",
    "roles/web/handlers/main",
    "roles/web/vars/main",
    "roles/web/defaults/main",
    "roles/web/meta/main",
    "ansible_collections/acme/infra/roles/db/defaults/main",
    "roles/web/vars/main/common", // vars and defaults may be a folder: every file without extension in it
    "roles/web/defaults/main/sub/more",
  ])("%s is selected and read as YAML", (file) => {
    expect(ansibleRoleFile(file)).toBe(true);
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe("yaml");
  });

  it.each([
    "roles/web/files/main", // copied to the host as is
    "roles/web/templates/main", // rendered
    "roles/web/tasks/install", // only `main` is looked up by name (include_tasks names its files with their extension)
    "roles/web/tasks/main/x", // tasks may not be a folder
    "roles/web/vars/main/.hidden",
    "roles/web/vars/main/notes.txt",
    "roles/web/vars/main/old~",
    "roles/web/vars/main/sub.d/x", // a folder with an extension is not walked
    "tasks/main", // not under roles/: a role's root could be anything
    "roles/{{ cookiecutter.role }}/tasks/main",
  ])("%s is not selected", (file) => {
    expect(ansibleRoleFile(file)).toBe(false);
    expect(selects(file)).toBe(false);
  });

  it("a broken role file is an error, a good one passes", async () => {
    expect(await read("roles/web/defaults/main", "port: 80\nusers: [a, b\n")).toMatchObject({ ok: false });
    expect(await read("roles/web/tasks/main", "- name: x\n  ansible.builtin.debug: { msg: hi }\n")).toEqual({ ok: true, at: [] });
  });
});

describe("rc files without extension whose reader was confirmed from its source", () => {
  it.each([
    [".yamlfmt", "yaml"], // yamlfmt: its config file is YAML
    [".commitlintrc", "yaml"], // @commitlint/load: cosmiconfig, whose noExt loader is js-yaml
    [".czrc", "jsonc"], // commitizen: stripBom, then JSON.parse(stripJSONComments(text))
    [".c8rc", "json"], // c8: JSON.parse(readFileSync(path, 'utf8'))
    [".ncurc", "yaml"], // npm-check-updates: JSON5, then YAML (or JavaScript in versions before lilconfig)
  ])("%s is selected and read as %s", (file, format) => {
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe(format);
  });

  it.each([
    [".czrc", '{\n  // commitizen strips comments\n  "path": "cz-conventional-changelog"\n}\n'],
    [".czrc", '\ufeff{ "path": "cz-conventional-changelog" }\n'], // strip-bom first
    [".commitlintrc", "extends:\n  - '@commitlint/config-conventional'\n"],
    [".commitlintrc", '{ "extends": ["@commitlint/config-conventional"] }\n'],
    [".c8rc", '{ "reporter": ["text", "lcov"] }\n'],
    [".yamlfmt", "formatter:\n  type: basic\n  indentless_arrays: true\n"],
    [".ncurc", "upgrade: true\nreject:\n  - typescript\n"],
    [".ncurc", "{\n  // JSON5 in the versions that read it with rc-config-loader\n  upgrade: true,\n}\n"],
  ])("%s: %j passes", async (file, text) => {
    expect(await read(file, text)).toEqual({ ok: true, at: [] });
  });

  it.each([
    [".czrc", '{ "path": "cz-conventional-changelog", }\n', "parse/syntax"], // JSON.parse: no trailing comma
    [".c8rc", '{\n  // c8 calls JSON.parse\n  "all": true\n}\n', "parse/syntax"],
    [".c8rc", '\ufeff{ "all": true }\n', "parse/encoding"], // readFileSync(utf8) keeps the BOM, JSON.parse fails on it
    [".commitlintrc", "extends: [a\nrules: {}\n", "parse/syntax"],
    [".yamlfmt", "formatter:\n  type: basic\n  type: kyaml\n", "parse/duplicate-key"],
    [".ncurc", '{ "upgrade": true, "reject": [ }\n', "parse/syntax"],
  ])("%s: %j is an error (%s)", async (file, text, rule) => {
    const r = await read(file, text);
    expect(r.ok).toBe(false);
    expect(r.at[0]).toMatch(new RegExp(`^${rule} `));
  });
});

describe("rc files that rc-config-loader may read as JavaScript are left alone when they hold JavaScript", () => {
  it.each([
    [".textlintrc", "module.exports = {\n  rules: { 'no-todo': true },\n};\n"],
    [".textlintrc", "'use strict';\nconst base = require('./base');\nmodule.exports = base;\n"],
    [".textlintrc", "// textlint config\nmodule.exports = {\n  rules: {},\n};\n"],
    [".ncurc", "/** @type {import('npm-check-updates').RunOptions} */\nmodule.exports = {\n  upgrade: true,\n};\n"],
  ])("%s holding %j is skipped unread", (file, text) => {
    expect(skipsUnlessItsFormat(file, Buffer.from(text))).toBe(true);
  });

  it.each([
    [".textlintrc", '{\n  // a JSON5 comment\n  "rules": { "no-todo": true }\n}\n'],
    [".textlintrc", "rules:\n  no-todo: true\n"],
    [".ncurc", '{ "upgrade": true }\n'],
    [".ncurc", "# exports: yes\nupgrade: true\n"],
  ])("%s holding %j is read", (file, text) => {
    expect(skipsUnlessItsFormat(file, Buffer.from(text))).toBe(false);
  });
});
