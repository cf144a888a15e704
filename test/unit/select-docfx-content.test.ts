/**
 * DocFX's own JSON known by content (src/core/select/docfx-content.ts): a DocFX config under any
 * name (`docfx build <config>`, read by JsonUtility: comments and trailing commas) and a template's
 * document schema (DocumentSchema.Load: trailing commas, no comments).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { dialectParseOptions, jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";

// The shape of dotnet/docfx's test/docfx.Tests/Assets/docfx.sample.1.json (a BOM, `//` comments).
const CONFIG =
  '\ufeff{\n  "metadata": [ { "src": [ { "files": ["**/*.csproj"] } ], "dest": "api" // where\n  } ],\n' +
  '  "build": { // input\n    "content": [ { "files": ["**/*.md"] }, ],\n    "resource": [ { "files": ["images/**"] } ],\n' +
  '    "dest": "_site"\n  }\n}\n';
// The shape of test/Docfx.Build.SchemaDriven.Tests/TestData/schemas/rest.mixed.schema.json.
const SCHEMA =
  '{\n\t"title": "RESTMixedTest",\n\t"$schema": "https://dotnet.github.io/docfx/schemas/v1.0/schema.json#",\n' +
  '\t"version": "1.0.0",\n\t"type": "object",\n\t"properties": { "name": { "type": "string" }, },\n}\n';

function read(file: string, text: string) {
  const dialect = jsoncDialectByContent(file, text);
  return dialect && parseDocument(text, { path: file, ...dialectParseOptions(dialect) });
}

describe("jsoncDialectByContent: DocFX", () => {
  it("reads a DocFX config of any name as its reader does: comments, trailing commas, a BOM", () => {
    for (const file of ["test/docfx.Tests/Assets/docfx.sample.1.json", "docs/docfx.build.json", "site.json"]) {
      const doc = read(file, CONFIG);
      expect(doc?.ok, file).toBe(true);
      expect(
        doc?.findings.filter((f) => f.level === "error"),
        file,
      ).toEqual([]);
    }
    const bySchema = '{ "$schema": "https://raw.githubusercontent.com/dotnet/docfx/main/schemas/docfx.schema.json", // x\n "rules": {}, }';
    expect(read("cfg.json", bySchema)?.ok).toBe(true);
  });

  it("reads a metadata-only DocFX config (API pages, no build section) of any name as JSONC", () => {
    // The shape of dotnet/docfx's test/docfx.Tests/Assets/docfx.json_metadata/docfxWithFilter.json.
    const metadata =
      '\ufeff{\n  "metadata": [\n    {\n      "src": [ { "files": [ "**/*.csproj" ], "exclude": [ "**/bin/**" ], // relative to src\n' +
      '          "src": "../src" } ],\n      "dest": ".",\n      "filter": "filter.yaml"\n    }\n  ]\n}\n';
    for (const file of ["test/Assets/docfx.json_metadata/docfxWithFilter.json", "api.json"]) {
      const doc = read(file, metadata);
      expect(doc?.ok, file).toBe(true);
      expect(doc?.findings.filter((f) => f.level === "error")).toEqual([]);
    }
    // A metadata list of src/files/dest without a key only DocFX's metadata section has stays strict.
    expect(jsoncDialectByContent("m.json", '{ "metadata": [ { "src": [ { "files": ["a"] } ], "dest": "d" } ] // x\n }')).toBeUndefined();
    expect(jsoncDialectByContent("n.json", '{ "metadata": { "src": "a", "files": [], "filter": "f" } // not a list\n }')).toBeUndefined();
  });

  it("reads DocFX's markdown engine properties (a markdigExtensions list) with comments", () => {
    // The shape of test/docfx.Tests/SerializationTests/TestData/MarkdownServiceProperties/markdownServiceProperties_02.json.
    const props =
      '{\n  "markdigExtensions": [\n    "FootNotes",\n    // Comment1\n    { "Emojis": "default" },\n    { "MediaLinks": { "width": "800", // c\n "height": "400" } }\n  ]\n}\n';
    const doc = read("TestData/MarkdownServiceProperties/markdownServiceProperties_02.json", props);
    expect(doc?.ok).toBe(true);
    expect(doc?.findings.filter((f) => f.level === "error")).toEqual([]);
    expect(jsoncDialectByContent("x.json", '{ "markdig": [ "FootNotes" ] // x\n }')).toBeUndefined();
  });

  it("reads a DocFX document schema with trailing commas but refuses a comment in it", () => {
    expect(read("TestData/schemas/rest.mixed.schema.json", SCHEMA)?.ok).toBe(true);
    const commented = SCHEMA.replace('"version": "1.0.0",', '"version": "1.0.0", // v1');
    const doc = read("template/schemas/x.schema.json", commented);
    expect(doc?.ok).toBe(false);
    expect(doc?.findings.some((f) => f.rule === "parse/syntax" && f.level === "error" && f.line === 4)).toBe(true);
  });

  it("leaves JSON that only looks alike strict", () => {
    // A build object without DocFX's content list of files, or content without a build object.
    expect(jsoncDialectByContent("a.json", '{ "build": { "dest": "out", "steps": [] }, // x\n }')).toBeUndefined();
    expect(jsoncDialectByContent("b.json", '{ "content": [ { "files": ["a"], "dest": "d" } ] // x\n }')).toBeUndefined();
    expect(jsoncDialectByContent("c.json", '{ "build": { "content": [ "a" ], "dest": "d" } // no files\n }')).toBeUndefined();
    // Another tool's $schema, and DocFX's meta-schema on another host.
    expect(jsoncDialectByContent("d.json", '{ "$schema": "https://json-schema.org/draft-07/schema#", // x\n }')).toBeUndefined();
    expect(jsoncDialectByContent("e.json", '{ "$schema": "https://example.com/docfx/schemas/v1.0/schema.json#" }')).toBeUndefined();
  });

  it("decides in time on thousands of near misses", () => {
    const text = `{ ${'"build": "content": [ "files" "metadata": [ "src" '.repeat(5000)} "$schema": "${"/".repeat(20000)}`;
    const start = performance.now();
    expect(jsoncDialectByContent("big.json", text)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
