/**
 * Session 16 audit of default names whose reader is known from the name, through `check` with
 * the default config: each file is read as its reader reads it, never stricter (a file the reader
 * loads passes) and never more lenient (what the reader refuses is an error).
 *
 * - tslint.json: TSLint's readConfigurationFile is JSON.parse(stripComments(text)) after a BOM is
 *   dropped: comments pass, a trailing comma does not.
 * - typedoc.json: TypeDoc reads it with ts.readConfigFile (comments, trailing commas).
 * - .luarc.json: the Lua language server's loadRCConfig uses jsonc.decode_jsonc (comments, trailing commas).
 * - dprint.json: dprint's deserialize_config is jsonc-parser with its default options (comments,
 *   trailing commas, single quotes, unquoted keys): read as JSON5.
 * - api-extractor.json, rush.json and common/config/rush/*.json: Rush Stack's JsonFile, whose
 *   default syntax is JSON5 (jju in json5 mode).
 * - .ember-cli: ember-cli reads it with yam (comments stripped, then JSON.parse).
 * - appsettings*.json: Microsoft.Extensions.Configuration.Json flattens the file into
 *   case-insensitive `a:b:c` keys and throws "A duplicate key ... was found" on a leaf twice;
 *   a root that is not an object is "Unsupported JSON token" there.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const PASS: Record<string, string> = {
  "tslint.json": '\uFEFF{\n  // rules\n  "extends": "tslint:recommended" /* base */\n}\n',
  "typedoc.json": '{\n  // entry\n  "entryPoints": ["src/index.ts"],\n}\n',
  ".luarc.json": '{\n  // runtime\n  "runtime.version": "LuaJIT",\n}\n',
  "dprint.json": "{\n  // plugins\n  'lineWidth': 100,\n  typescript: { quoteStyle: 'preferSingle' },\n}\n",
  "api-extractor.json": "{\n  // entry\n  mainEntryPointFilePath: '<projectFolder>/lib/index.d.ts',\n}\n",
  "rush.json": "{\n  // version\n  'rushVersion': '5.120.0',\n  projects: [],\n}\n",
  "common/config/rush/command-line.json": "{\n  // commands\n  commands: [],\n}\n",
  ".ember-cli":
    '{\n  /**\n    Setting `isTypeScriptProject` to true will force the blueprint generators\n  */\n  "isTypeScriptProject": false\n}\n',
  "src/Web/compilerconfig.json":
    '\uFEFF[\n  {\n    "outputFile": "wwwroot/css/site.css",\n    "inputFile": "wwwroot/css/site.scss"\n  }\n]',
  "src/Web/appsettings.Development.json":
    '\uFEFF{\n  // comment\n  "Logging": { "LogLevel": { "Default": "Debug", } },\n  "logging": { "Console": { "FormatterName": "json" } },\n}\n',
};

const FAIL: Record<string, string> = {
  "tslint.json": '{\n  "extends": "tslint:recommended",\n}\n', // trailing comma: JSON.parse refuses it
  "typedoc.json": '{\n  "entryPoints": ["src/index.ts"]\n  "out": "docs"\n}\n',
  ".luarc.json": '{\n  "runtime.version": "LuaJIT"\n',
  "dprint.json": "{\n  'lineWidth': 100,\n  typescript: { quoteStyle: 'preferSingle' \n",
  "api-extractor.json": "{\n  mainEntryPointFilePath: '<projectFolder>/lib/index.d.ts\n}\n",
  "rush.json": "{\n  'rushVersion': '5.120.0',\n  projects: [\n}\n",
  "common/config/rush/command-line.json": "{\n  commands: [],,\n}\n",
  ".ember-cli": '{\n  "disableAnalytics": false,\n}\n',
  "src/Web/appsettings.json":
    '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "logging": { "loglevel": { "default": "Warning" } }\n}\n',
  "src/Api/appsettings.Production.json": '[\n  { "Logging": {} }\n]\n',
};

async function errorsOf(files: Record<string, string>): Promise<Map<string, Finding[]>> {
  return withRepo(async (repo) => {
    for (const [name, text] of Object.entries(files)) repo.write(name, text);
    repo.git("add", "-A");
    const r = await repo.cli(["check", "--format", "json"]);
    const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
    const out = new Map<string, Finding[]>();
    for (const f of findings.filter((x) => x.level === "error")) {
      const file = f.file ?? "";
      out.set(file, [...(out.get(file) ?? []), f]);
    }
    return out;
  });
}

describe("default names read as their readers read them (session 16 audit)", () => {
  it("files each reader loads pass", async () => {
    const errors = await errorsOf(PASS);
    expect(Object.fromEntries([...errors].map(([k, v]) => [k, v.map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`)]))).toEqual({});
  }, 120_000);

  it("files each reader refuses are errors at the place it stops", async () => {
    const errors = await errorsOf(FAIL);
    const at = (file: string) => (errors.get(file) ?? []).map((f) => `${f.rule} ${f.line}`);
    expect(at("tslint.json")).toEqual(["parse/syntax 2"]);
    expect(at("typedoc.json")).toEqual(["parse/syntax 3"]);
    expect(at(".luarc.json")).toEqual(["parse/truncated 3"]);
    expect(at("dprint.json")[0]).toMatch(/^parse\/(syntax|truncated) [34]$/);
    expect(at("api-extractor.json")[0]).toMatch(/^parse\/syntax [23]$/);
    expect(at("rush.json")[0]).toMatch(/^parse\/syntax [34]$/);
    expect(at("common/config/rush/command-line.json")[0]).toMatch(/^parse\/syntax 2$/);
    expect(at(".ember-cli")).toEqual(["parse/syntax 2"]);
    expect(at("src/Web/appsettings.json")).toEqual(["parse/duplicate-key 3"]);
    expect(errors.get("src/Web/appsettings.json")![0]!.message).toContain("Logging:LogLevel:Default");
    expect(at("src/Api/appsettings.Production.json")).toEqual(["parse/syntax 1"]);
    expect(errors.get("src/Api/appsettings.Production.json")![0]!.message).toContain("root of the file is an array");
  }, 120_000);
});
