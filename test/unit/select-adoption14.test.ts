/**
 * Session 14 adoption leftovers, pure parts: rc names whose reader was confirmed from its source
 * (src/core/select/well-known-names.ts), Ansible's variable files without extension
 * (src/core/select/ansible.ts), and an empty or comment-only config whose reader refuses it
 * (src/checks/empty-document.ts).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { validateSelection } from "../../src/checks/validate.js";
import { wellKnownReading } from "../../src/checks/well-known-reading.js";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { wellKnownName } from "../../src/core/select/well-known-names.js";
import { ansibleVarsFile } from "../../src/core/select/ansible-vars.js";
import { foldEmptyIntoSchema } from "../../src/checks/empty-document.js";
import type { Finding } from "../../src/core/finding.js";

const jsonc = jsoncMatcher(undefined);
const selects = validateSelection({}).selects;

describe("rc names selected by default, each read as its reader reads it", () => {
  it.each([
    [".watchmanconfig", "json"], // watchman: json_load_file (jansson), a trailing comma refused
    ["web/.htmlhintrc", "jsonc"], // htmlhint: JSON.parse(stripJsonComments(text))
    [".all-contributorsrc", "json"], // all-contributors CLI and bot: JSON.parse
    [".graphqlrc", "yaml"], // graphql-config: cosmiconfig, noExt read with js-yaml
    [".graphqlconfig", "yaml"], // graphql-config's legacy name, same loader
    [".jsdoc.json", "jsonc"], // JSDoc: JSON.parse(stripJsonComments(stripBom(text)))
    ["docs/jsdoc.json", "jsonc"],
    ["jsdoc.conf.json", "jsonc"],
  ])("%s is selected and read as %s", (file, format) => {
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe(format);
  });

  it.each([
    "pack.mcmeta", // Minecraft: Gson, lenient in some versions, text after the object ignored in others
    "assets/minecraft/textures/block/water.png.mcmeta",
    ".csslintrc", // JSON or command-line options
    ".jsbeautifyrc", // config-chain: JSON, else INI
    ".jscsrc",
    ".bowerrc",
    ".sequelizerc", // JavaScript
    ".vsconfig",
    ".npmpackagejsonlintrc",
  ])("%s is not selected", (file) => {
    expect(selects(file)).toBe(false);
    expect(wellKnownName(file)).toBeUndefined();
  });

  it("htmlhint and JSDoc strip comments before JSON.parse: no trailing comma; htmlhint keeps a BOM (an error), JSDoc strips it", async () => {
    expect(wellKnownReading(".htmlhintrc", "jsonc")?.json).toEqual({ trailingCommas: false });
    expect(wellKnownReading(".jsdoc.json", "jsonc")?.json).toEqual({ trailingCommas: false });
    const settle = async (file: string, text: string) => {
      const first = parseDocument(text, { path: file, format: "jsonc", trailingCommas: false });
      const { doc } = await wellKnownReading(file, "jsonc")!.settle(first, text, "jsonc");
      return doc.findings.map((f) => `${f.rule} ${f.line}:${f.column}`);
    };
    expect(await settle(".htmlhintrc", '{\n  // on\n  "tag-pair": true\n}\n')).toEqual([]);
    expect(await settle(".htmlhintrc", '\ufeff{ "tag-pair": true }\n')).toEqual(["parse/encoding 1:1"]);
    expect(await settle(".jsdoc.json", '\ufeff{ "plugins": [] }\n')).toEqual([]);
    expect((await settle(".jsdoc.json", '{ "plugins": [], }\n'))[0]).toMatch(/^parse\/syntax/);
  });

  it(".graphqlrc is JSON or YAML as js-yaml reads it: a // comment before a member is an error", async () => {
    const read = async (text: string) => {
      const first = parseDocument(text, { path: ".graphqlrc", format: "yaml" });
      return (await wellKnownReading(".graphqlrc", "yaml")!.settle(first, text, "yaml")).doc.ok;
    };
    expect(await read("schema: schema.graphql\ndocuments: 'src/**/*.graphql'\n")).toBe(true);
    expect(await read('{ "schema": "${SCHEMA_URL:http://localhost/graphql}" }\n')).toBe(true);
    expect(await read('{\n  "schema": "a.graphql", // x\n  "documents": "b"\n}\n')).toBe(false);
  });
});

describe("Ansible variable files without extension (host_group_vars: '' is the first extension tried)", () => {
  it.each([
    "group_vars/webservers",
    "inventories/prod/group_vars/all",
    "group_vars/all/vars", // a group's folder: every file without extension, at any depth
    "group_vars/all/vault",
    "playbooks/host_vars/web1/main",
    "host_vars/web1",
    "host_vars/10.0.0.1", // a host named by its address: the file is its name, extension ''
  ])("%s is selected and read as YAML", (file) => {
    expect(ansibleVarsFile(file)).toBe(true);
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe("yaml");
  });

  it.each([
    "inventory/hosts", // an INI inventory: not YAML
    "inventories/prod/hosts",
    "group_vars/.gitkeep", // hidden: Ansible skips it
    "group_vars/all/.secret",
    "group_vars/all~", // an editor backup: skipped
    "group_vars/all/vars~",
    "group_vars/README.md", // an extension Ansible does not load
    "group_vars/all/notes.txt",
    "host_vars/web1/id_rsa.pub",
    "roles/web/templates/group_vars/all", // rendered by the template module, never loaded as is
    "my_group_vars/all",
    "group_vars", // the folder's own name
  ])("%s is not selected", (file) => {
    expect(ansibleVarsFile(file)).toBe(false);
    expect(selects(file)).toBe(false);
  });
});

describe("an empty or comment-only config whose reader refuses it is an error", () => {
  const empty = (file: string, comments = false): Finding => ({
    rule: "parse/empty",
    level: "warning",
    file,
    line: 1,
    column: 1,
    message: comments
      ? "file has only comments and no YAML document (it reads as null)"
      : "file is empty (it reads as null): often a truncated write",
    fix: "restore the file from git or a snapshot if it should hold data; write {} or [] for an intentionally empty file",
  });
  const atRoot = (file: string, level: "warning" | "error"): Finding => ({
    rule: "schema/violation",
    level,
    file,
    line: 1,
    column: 1,
    pointer: "",
    message: "document: must be an object, found null (built-in schema gitlab-ci (gitlab-ci.json)#/type)",
  });

  it.each([
    [".yamllint", "yamllint"],
    ["sub/.yamllint.yaml", "yamllint"],
    ["mkdocs.yml", "MkDocs"],
    ["docs/mkdocs.yaml", "MkDocs"],
  ])("%s: the parse/empty warning becomes an error naming %s", (file, reader) => {
    for (const comments of [false, true]) {
      const [f = empty(file), ...rest] = foldEmptyIntoSchema([empty(file, comments)]);
      expect(rest).toEqual([]);
      expect(f.level).toBe("error");
      expect(f.rule).toBe("parse/empty");
      expect(f.message).toContain(reader);
    }
  });

  it("GitLab refuses an empty .gitlab-ci.yml and an empty included file: the folded schema finding is an error", () => {
    for (const file of [".gitlab-ci.yml", "ci/build.gitlab-ci.yml"]) {
      const [f = empty(file), ...rest] = foldEmptyIntoSchema([empty(file, true), atRoot(file, "warning")]);
      expect(rest).toEqual([]);
      expect(f.level).toBe("error");
      expect(f.message).toContain("GitLab");
    }
  });

  it("readers that take an empty file stay a warning: codecov.yml, a group_vars file, any other YAML", () => {
    for (const file of ["codecov.yml", "group_vars/all", "config/app.yaml", "yamllint.yaml", "notmkdocs.yml"]) {
      expect(foldEmptyIntoSchema([empty(file)])[0]!.level).toBe("warning");
    }
  });
});
