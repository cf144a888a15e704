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
