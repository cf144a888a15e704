/**
 * Session 16 audit, pure parts: how a default name is read (core/select/well-known-names.ts,
 * jsonc-by-content.ts) and .NET's configuration reader beyond syntax (checks/dotnet-configuration.ts).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { dotnetConfigurationFindings } from "../../src/checks/dotnet-configuration.js";
import { wellKnownOf } from "../../src/core/select/well-known-names.js";
import { jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";
import { HEFT } from "../../src/core/select/heft-project.js";

const READER = ".NET configuration (Microsoft.Extensions.Configuration.Json)";

function dotnet(text: string): string[] {
  const doc = parseDocument(text, { path: "appsettings.json", format: "jsonc" });
  expect(doc.ok).toBe(true);
  return dotnetConfigurationFindings(doc, "appsettings.json", READER).map((f) => `${f.rule} ${f.line}:${f.column} ${f.pointer ?? ""}`);
}

describe("appsettings*.json as JsonConfigurationFileParser flattens it (case-insensitive Section:Key)", () => {
  it.each([
    ['{"Logging": {"LogLevel": {"Default": "Information"}}}', "one spelling"],
    ['{"Logging": {"LogLevel": {"Default": "Information"}}, "logging": {"Console": {"x": 1}}}', "objects met twice merge"],
    ['{"A": 1, "a": {}}', "an empty object after a leaf overwrites it silently"],
    ['{"Hosts": ["a", "b"], "hosts": {"2": "c"}}', "array items are keyed by index: 0, 1, then 2 is new"],
    ["{}", "an empty root"],
    ['{"A": null, "B": [], "C": {}}', "null and empty containers are values"],
  ])("%s passes (%s)", (text) => {
    expect(dotnet(text)).toEqual([]);
  });

  it.each([
    ['{\n  "Logging": {"Default": "Information"},\n  "logging": {"default": "Warning"}\n}', ["parse/duplicate-key 3:15 /logging/default"]],
    ['{"A": {}, "a": 1}', ["parse/duplicate-key 1:11 /a"]],
    ['{"Hosts": ["a", "b"], "hosts": {"1": "c"}}', ["parse/duplicate-key 1:33 /hosts/1"]],
    ['{"X": {"y": 1}, "x": {"Y": 2}}', ["parse/duplicate-key 1:23 /x/Y"]],
  ])("%s is an error where the second spelling is", (text, expected) => {
    expect(dotnet(text).filter((f) => f.startsWith("parse/duplicate-key"))).toEqual(expected);
  });

  it.each(["[]", '"text"', "1", "null"])("a root %s is an error (Unsupported JSON token)", (text) => {
    expect(dotnet(text)).toEqual([expect.stringMatching(/^parse\/syntax 1:1/)]);
  });

  it("appsettings.json and its variants are .NET configuration; launchSettings.json is not", () => {
    for (const f of ["appsettings.json", "src/Web/appsettings.Development.json", "appsettings.Production.json"]) {
      expect(wellKnownOf(f)?.dotnetConfiguration).toBe(true);
    }
    expect(wellKnownOf("Properties/launchSettings.json")?.dotnetConfiguration).toBeUndefined();
    expect(wellKnownOf("appsettings.yaml")).toBeUndefined();
  });
});

describe("names whose reader is known read as that reader reads them", () => {
  it.each([
    ["tslint.json", { format: "jsonc", trailingCommas: false }],
    ["packages/a/tslint.json", { format: "jsonc", trailingCommas: false }],
    ["typedoc.json", { format: "jsonc" }],
    [".luarc.json", { format: "jsonc" }],
    ["dprint.json", { format: "jsonc", json5: true }],
    [".dprint.json", { format: "jsonc", json5: true }],
    [".config/dprint.jsonc", { format: "jsonc", json5: true }],
    ["rush.json", { format: "jsonc", json5: true }],
    ["apps/web/config/api-extractor.json", { format: "jsonc", json5: true }],
    [".ember-cli", { format: "jsonc", trailingCommas: false, leadingBom: false }],
    ["src/Web/compilerconfig.json", { format: "jsonc" }],
  ])("%s", (file, expected) => {
    expect(wellKnownOf(file)).toMatchObject(expected);
  });

  it.each(["nest-cli.json", "composer.json", "package.json", "biome.json", "rescript.json", "bsconfig.json", ".ember-cli.js"])(
    "%s stays strict JSON (its reader is JSON.parse, json_decode or serde_json)",
    (file) => {
      expect(wellKnownOf(file)).toBeUndefined();
    },
  );

  it("Rush Stack's files known by content or folder are read as JSON5 (JsonFile's default syntax)", () => {
    expect(jsoncDialectByContent("common/config/rush/command-line.json", "{ commands: [] }")?.json5).toBe(true);
    const schema = '{"$schema": "https://developer.microsoft.com/json-schemas/heft/v0/heft.schema.json", x: 1}';
    expect(jsoncDialectByContent("build/heft.json", schema)?.json5).toBe(true);
    expect(jsoncDialectByContent("api-extractor-base.json", '{"mainEntryPointFilePath": "x"}')?.json5).toBe(true);
    expect(HEFT.json5).toBe(true);
  });
});
