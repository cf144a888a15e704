/**
 * Session 27 (names27): two more config names read as their readers read them
 * (core/select/well-known-names.ts; checks/well-known-reading.ts).
 *
 * - `local.settings.json`: Azure Functions Core Tools reads it with Json.NET's
 *   JsonConvert.DeserializeObject (Common/AppSettingsFile.cs), and its worker host with
 *   System.Text.Json, CommentHandling.Skip and AllowTrailingCommas (LocalSettingsJsonParser):
 *   comments, trailing commas and a BOM (File.ReadAllText, StreamReader) pass.
 * - `tsdoc.json`: TSDoc's loader (@microsoft/tsdoc-config TSDocConfigFile) finds it by name and
 *   reads it with jju.parse(text, { mode: "cjson" }): comments pass; a trailing comma does not, and
 *   readFileSync(...).toString() keeps a BOM, which stays an error.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { wellKnownReading } from "../../src/checks/well-known-reading.js";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { wellKnownOf } from "../../src/core/select/well-known-names.js";

const jsonc = jsoncMatcher(undefined);

/** The error rules of `text` read as `file`'s name has it read. */
async function errors(file: string, text: string): Promise<string[]> {
  const format = formatForSelected(file, jsonc, Buffer.from(text));
  const reading = wellKnownReading(file, format);
  const first = parseDocument(text, { path: file, format, ...(reading?.json ?? {}) });
  const doc = reading ? (await reading.settle(first, text, format)).doc : first;
  return doc.findings.filter((f) => f.level === "error").map((f) => f.rule);
}

describe("local.settings.json (Azure Functions Core Tools: Json.NET)", () => {
  const SETTINGS =
    '{\n  "IsEncrypted": false,\n  // local only\n  "Values": {\n    "AzureWebJobsStorage": "UseDevelopmentStorage=true",\n    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated", /* or node */\n  },\n}\n';

  it("reads comments, trailing commas and a BOM, in any folder", async () => {
    expect(wellKnownOf("local.settings.json")).toMatchObject({ format: "jsonc" });
    expect(await errors("local.settings.json", SETTINGS)).toEqual([]);
    expect(await errors("src/Functions/local.settings.json", `\uFEFF${SETTINGS}`)).toEqual([]);
  });

  it("a missing comma and a cut file stay errors; other names stay strict", async () => {
    expect(await errors("local.settings.json", '{ "IsEncrypted": false "Values": {} }\n')).toEqual(["parse/syntax"]);
    expect(await errors("local.settings.json", SETTINGS.slice(0, 60))).toEqual(["parse/truncated"]);
    expect(await errors("local.settings.example.json", '{ // x\n "a": 1 }\n')).toEqual(["parse/syntax"]);
  });
});

describe("tsdoc.json (TSDoc: jju in cjson mode)", () => {
  const TSDOC = '{\n  // custom tags\n  "tagDefinitions": [\n    { "tagName": "@myTag", "syntaxKind": "modifier" }\n  ]\n}\n';

  it("reads comments without the $schema that content detection needs", async () => {
    expect(wellKnownOf("tsdoc.json")).toMatchObject({ format: "jsonc", trailingCommas: false, leadingBom: false });
    expect(await errors("tsdoc.json", TSDOC)).toEqual([]);
    expect(await errors("packages/lib/tsdoc.json", TSDOC)).toEqual([]);
  });

  it("a trailing comma, a BOM and a cut file stay errors", async () => {
    expect(await errors("tsdoc.json", '{\n  "tagDefinitions": [],\n}\n')).toEqual(["parse/syntax"]);
    expect((await errors("tsdoc.json", `\uFEFF${TSDOC}`)).length).toBeGreaterThan(0);
    expect(await errors("tsdoc.json", TSDOC.slice(0, 40))).toEqual(["parse/truncated"]);
  });
});
