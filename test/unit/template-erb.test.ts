/**
 * ERB (and EJS) tags as template evidence (src/core/select/template-syntax.ts, isTemplateByContent):
 * Rails renders its YAML fixtures and config (database.yml, storage.yml, config_for files) with
 * ERB before Psych reads them, so `key: <%= helper arg: "x" %>` is YAML only after rendering. A
 * YAML file is a template when every error stands on a line an ERB tag covers; an ERB tag outside
 * a string in JSON (where `<` cannot stand) is evidence like `{{ }}`. A broken line elsewhere, an
 * unclosed `<%`, an encoding problem or a conflict marker keeps the file reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";
import { erbTagLines } from "../../src/core/select/template-syntax.js";

beforeAll(loadYamlSupport);

function template(text: string, path = "x.yml"): boolean {
  const doc = parseDocument(text, { path });
  return isTemplateByContent(doc, text, path.endsWith(".json") ? "json" : "yaml");
}

// Reduced from maybe-finance/maybe test/fixtures/active_storage/blobs.yml (AGPL-3.0): an Active
// Storage fixture whose value is an ERB call with a keyword argument (`filename: "..."`).
const RAILS_BLOB_FIXTURE = 'square_placeholder_blob: <%= ActiveStorage::FixtureSet.blob filename: "square.png" %>\n';

describe("ERB tags where YAML cannot hold them", () => {
  it.each([
    ["an Active Storage fixture (a keyword argument inside the tag)", RAILS_BLOB_FIXTURE],
    ["a fixture loop with its control lines", '<% 3.times do |i| %>\nuser_<%= i %>:\n  name: <%= "a: #{i}" %>\n<% end %>\n'],
    ["a tag spanning two lines", 'a: 1\nb: <%= x(\n  "k: v") %>\n'],
  ])("%s is a template", (_name, text) => {
    const doc = parseDocument(text, { path: "x.yml" });
    expect(doc.ok).toBe(false); // the YAML itself is broken: only ERB explains it
    expect(template(text)).toBe(true);
  });

  it("an EJS/ERB tag outside a string in JSON is a template", () => {
    expect(template('{\n  "name": "<%= name %>",\n  "private": <%= isPrivate %>\n}\n', "package.json")).toBe(true);
  });

  // Reduced from nf-core/fetchngs assets/slackreport.json (MIT), the nf-core pipeline template's
  // Slack hook body: Nextflow renders it with Groovy's SimpleTemplateEngine (`<% %>`, `${x}`)
  // before posting it, and its scriptlets open on one line and close on the next.
  const NF_CORE_SLACK_REPORT = [
    "{",
    '  "fields": [',
    '    { "title": "Command", "value": "${commandLine}" }',
    "    <%",
    "      if (!success) { %>",
    "      ,",
    '      { "title": "Error", "value": "${errorReport}" }',
    "      <% }",
    "    %>",
    "  ]",
    "}",
    "",
  ].join("\n");

  it.each([
    ["a Groovy template's scriptlet that opens on one line and closes on the next", NF_CORE_SLACK_REPORT],
    ["a tag that closes on a later line after an item", '{\n  "a": [1\n  <% if (x) {\n  %>, 2\n  <% }\n  %>\n  ]\n}\n'],
    [
      "a tag whose string literals break the JSON string it stands in",
      '{\n  "v": "<% out << m.collect{ k == "hook" ? "x" : k }\n  %>"\n}\n',
    ],
  ])("JSON whose parse error stands inside a multi-line ERB tag: %s is a template", (_name, text) => {
    expect(parseDocument(text, { path: "x.json" }).ok).toBe(false);
    expect(template(text, "x.json")).toBe(true);
  });

  it.each([
    ["a JSON tag never closed", '{\n  "a": [1\n  <% if (x) {\n  ]\n}\n'],
    ["a JSON error before a multi-line tag", '{\n  "a": 1 "b": 2,\n  <%\n  x %>\n}\n'],
    ["a string broken by a line break before a multi-line tag", '{\n  "a": "x\n",\n  <%\n  %>\n}\n'],
  ])("%s is still reported", (_name, text) => {
    expect(parseDocument(text, { path: "x.json" }).ok).toBe(false);
    expect(template(text, "x.json")).toBe(false);
  });

  it.each([
    ["a truncated file that also holds ERB", RAILS_BLOB_FIXTURE + "other: [1, 2\n"],
    ["a tag never closed", 'a: <%= x filename: "y"\nb: 1\n'],
    ["ERB only inside a JSON string, with a broken file", '{"a": "<%= x %>", "b": 1,}\n'],
    // Rendering keeps the repeated key: Psych then silently drops the first value.
    ["a key repeated on lines that hold ERB values", 'default:\n  pool: <%= ENV["POOL"] %>\n  pool: <%= ENV["X"] %>\n'],
  ])("%s is still reported", (_name, text) => {
    expect(template(text, text.startsWith("{") ? "x.json" : "x.yml")).toBe(false);
  });

  it("a conflict marker beside ERB is corruption, never a template", () => {
    expect(template('<<<<<<< HEAD\na: <%= x k: "1" %>\n=======\na: <%= x k: "2" %>\n>>>>>>> b\n')).toBe(false);
  });

  it("counts the lines a closed tag covers", () => {
    expect([...erbTagLines("a: 1\nb: <%= x %>\nc: <%= y(\n 1) %>\nd: <% open\n")]).toEqual([2, 3, 4]);
  });
});
