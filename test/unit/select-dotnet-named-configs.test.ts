/**
 * Session 26 (names26): .NET-world config names read with comments, as their readers read them
 * (core/select/well-known-names.ts, jsonc.ts; checks/well-known-reading.ts).
 *
 * - `global.json`: the .NET host (hostfxr's sdk_resolver) parses it with json_parser_t, rapidjson
 *   with kParseCommentsFlag and without kParseTrailingCommasFlag, after skipping a UTF-8 BOM
 *   (dotnet/runtime src/native/corehost/json_parser.cpp): comments pass, a trailing comma fails.
 * - `omnisharp.json` (a project's, and `~/.omnisharp/omnisharp.json`): OmniSharp loads it with
 *   AddJsonFile (OmniSharp.Host Startup), .NET configuration: comments, trailing commas, and a
 *   setting given twice in any case is an error.
 * - `host.json`: the Azure Functions host reads it with File.ReadAllText and Json.NET's
 *   JObject.Parse (HostJsonFileConfigurationSource.LoadHostConfig): comments, trailing commas.
 * - `.config/dotnet-tools.json` stays strict: the SDK's ToolManifestEditor reads it with
 *   JsonDocument.Parse at its default options (no comments, no trailing commas).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { wellKnownReading } from "../../src/checks/well-known-reading.js";
import { formatForSelected, isDefaultJsonc, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { wellKnownOf } from "../../src/core/select/well-known-names.js";

const jsonc = jsoncMatcher(undefined);

/** The findings (rule line:column) of `text` read as `file`'s name has it read. */
async function read(file: string, text: string): Promise<string[]> {
  const format = formatForSelected(file, jsonc, Buffer.from(text));
  const reading = wellKnownReading(file, format);
  const first = parseDocument(text, { path: file, format, ...(reading?.json ?? {}) });
  const doc = reading ? (await reading.settle(first, text, format)).doc : first;
  return doc.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.line}:${f.column}`);
}

const errorRule = (findings: string[]) => findings.map((f) => f.split(" ")[0]);

describe("global.json (the .NET host: comments, no trailing comma, a BOM skipped)", () => {
  const GLOBAL =
    '\uFEFF{\n  // pinned for CI\n  "sdk": {\n    "version": "8.0.100", /* patch roll */\n    "rollForward": "latestFeature"\n  }\n}\n';

  it("reads a comment and a BOM", async () => {
    expect(wellKnownOf("global.json")).toMatchObject({ format: "jsonc", trailingCommas: false });
    expect(await read("global.json", GLOBAL)).toEqual([]);
    expect(await read("src/tools/global.json", GLOBAL)).toEqual([]);
  });

  it("a trailing comma (rapidjson without kParseTrailingCommasFlag) and a cut file stay errors", async () => {
    expect(errorRule(await read("global.json", '{\n  "sdk": { "version": "8.0.100", }\n}\n'))).toEqual(["parse/syntax"]);
    expect(errorRule(await read("global.json", '{\n  // pinned\n  "sdk": {\n    "version": "8.0'))).toEqual(["parse/truncated"]);
  });

  it("a JHipster translation catalog, i18n/<lang>/global.json, stays strict JSON", async () => {
    const text = '{\n  "global": {\n    // title\n    "title": "Jhipster"\n  }\n}\n';
    expect(wellKnownOf("src/main/webapp/i18n/en/global.json")).toBeUndefined();
    expect(wellKnownOf("i18n/fr/global.json")).toBeUndefined();
    expect(errorRule(await read("src/main/webapp/i18n/en/global.json", text))).toEqual(["parse/syntax"]);
    expect(errorRule(await read("i18n/fr/global.json", text))).toEqual(["parse/syntax"]);
  });

  it("other names stay strict: my-global.json, Global.json", async () => {
    expect(errorRule(await read("my-global.json", '{ // x\n "a": 1 }\n'))).toEqual(["parse/syntax"]);
    expect(isDefaultJsonc("Global.json")).toBe(false);
  });
});

describe("omnisharp.json (OmniSharp: AddJsonFile, .NET configuration)", () => {
  const OMNISHARP =
    '{\n  // project settings\n  "RoslynExtensionsOptions": {\n    "enableAnalyzersSupport": true,\n  },\n  "FormattingOptions": { "OrganizeImports": true, },\n}\n';

  it("reads comments and trailing commas, in the project and in ~/.omnisharp", async () => {
    expect(wellKnownOf("omnisharp.json")?.dotnetConfiguration).toBe(true);
    expect(await read("omnisharp.json", OMNISHARP)).toEqual([]);
    expect(await read(".omnisharp/omnisharp.json", `\uFEFF${OMNISHARP}`)).toEqual([]);
  });

  it("a setting given twice in any case, a missing comma and a cut file stay errors", async () => {
    const twice = '{\n  "FormattingOptions": { "OrganizeImports": true },\n  "formattingoptions": { "organizeimports": false }\n}\n';
    expect(errorRule(await read("omnisharp.json", twice))).toEqual(["parse/duplicate-key"]);
    expect(errorRule(await read("omnisharp.json", '{ "a": 1 "b": 2 }\n'))).toEqual(["parse/syntax"]);
    expect(errorRule(await read("omnisharp.json", OMNISHARP.slice(0, 60)))).toEqual(["parse/truncated"]);
  });
});

describe("host.json (the Azure Functions host: File.ReadAllText, then Json.NET)", () => {
  const HOST =
    '\uFEFF{\n  "version": "2.0",\n  // bundles\n  "extensionBundle": {\n    "id": "Microsoft.Azure.Functions.ExtensionBundle",\n    "version": "[4.*, 5.0.0)",\n  },\n}\n';

  it("reads comments, trailing commas and a BOM", async () => {
    expect(wellKnownOf("host.json")).toMatchObject({ format: "jsonc" });
    expect(await read("host.json", HOST)).toEqual([]);
    expect(await read("functions/host.json", HOST)).toEqual([]);
  });

  it("a missing comma and a cut file stay errors; my-host.json stays strict", async () => {
    expect(errorRule(await read("host.json", '{ "version": "2.0" "logging": {} }\n'))).toEqual(["parse/syntax"]);
    expect(errorRule(await read("host.json", HOST.slice(0, 50)))).toEqual(["parse/truncated"]);
    expect(errorRule(await read("my-host.json", '{ // x\n "a": 1 }\n'))).toEqual(["parse/syntax"]);
  });
});

describe(".config/dotnet-tools.json stays strict (JsonDocument.Parse at its defaults)", () => {
  it("a comment is an error", async () => {
    expect(wellKnownOf(".config/dotnet-tools.json")).toBeUndefined();
    expect(isDefaultJsonc(".config/dotnet-tools.json")).toBe(false);
    expect(errorRule(await read(".config/dotnet-tools.json", '{\n  // tools\n  "version": 1,\n  "isRoot": true\n}\n'))).toEqual([
      "parse/syntax",
    ]);
  });
});

describe("a comment-heavy global.json reads in linear time", () => {
  it("40,000 comments", async () => {
    const many = "  // a note\n".repeat(20000) + "  /* x */".repeat(20000);
    const started = Date.now();
    expect(await read("global.json", `{\n${many}\n  "sdk": {}\n}\n`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10000);
  });
});
