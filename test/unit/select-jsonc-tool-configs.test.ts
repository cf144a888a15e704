/**
 * Developer-tool configs read with comments (session 24, rw-mixed24): oxlint/oxfmt configs of any
 * name by their `$schema`, Windows Terminal settings and XAML Styler configs by content
 * (core/select/jsonc-by-content.ts), coc.nvim's coc-settings.json and oxfmt's .oxfmtrc.json by
 * name (well-known-names.ts, jsonc.ts). Each reading is as wide as its reader and no wider.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { dialectParseOptions, jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";
import { isDefaultJsonc } from "../../src/core/select/jsonc.js";
import { wellKnownOf } from "../../src/core/select/well-known-names.js";

/** Whether `text` parses as the dialect its content names (false when none is named). */
function readsAsItsDialect(file: string, text: string): boolean {
  const dialect = jsoncDialectByContent(file, text);
  return dialect !== undefined && parseDocument(text, { path: file, ...dialectParseOptions(dialect) }).ok;
}

// Reduced from oxc-project/oxc (MIT), commit 288f9a5188b9, oxlintrc.json: the repository's own
// oxlint config (passed with -c), a `//` comment in an override.
const OXLINT_CONFIG =
  '{\n  "$schema": "./node_modules/oxlint/configuration_schema.json",\n  "overrides": [\n    {\n      // TODO: enable TS strict mode\n      "files": ["napi/parser/test/**"],\n    },\n  ],\n}\n';

// Reduced from microsoft/terminal (MIT), commit 20588130d8ef,
// src/cascadia/TerminalSettingsModel/defaults.json and userDefaults.json (built into Terminal).
const TERMINAL_DEFAULTS =
  '// THIS IS AN AUTO-GENERATED FILE! Changes to this file will be ignored.\n{\n    "defaultProfile": "{61c54bbd-c2c6-5271-96e7-009a87ff44bf}",\n\n    // Launch Settings\n    "initialCols": 120,\n    "profiles":\n    [\n        { "guid": "{61c54bbd-c2c6-5271-96e7-009a87ff44bf}", "name": "Windows PowerShell", },\n    ],\n}\n';
const TERMINAL_USER_DEFAULTS =
  '{\n    // "defaultProfile" is filled in by CascadiaSettings\n    "copyOnSelect": false,\n    "profiles":\n    {\n        "list":\n        [\n        ]\n    },\n}\n';
const TERMINAL_COLOR_SELECTION =
  '{\n    "actions":\n    [\n        // Foreground\n        {\n            "command":\n            {\n                "action": "experimental.colorSelection",\n                "foreground": "#0c0c0c",\n            },\n        },\n    ],\n}\n';
const TERMINAL_SETTINGS =
  '\uFEFF{\n    "$schema": "https://aka.ms/terminal-profiles-schema",\n    // "theme": "dark",\n    "actions": [],\n}\n';

// Reduced from microsoft/terminal (MIT), commit 20588130d8ef, XamlStyler.json (`dotnet xstyler -c XamlStyler.json`).
const XAML_STYLER = '{\n  "AttributesTolerance": 2,\n  "KeepFirstAttributeOnSameLine": false,\n  "CommentPadding": 2,\n}\n';

describe("oxlint and oxfmt configs of any name, by the $schema the tools ship", () => {
  it("reads oxc-project/oxc's root oxlintrc.json with its comments and trailing commas", () => {
    expect(readsAsItsDialect("oxlintrc.json", OXLINT_CONFIG)).toBe(true);
    const fmt = '{ "$schema": "https://unpkg.com/oxfmt/configuration_schema.json", // x\n "semi": false, }';
    expect(readsAsItsDialect("config/fmt.json", fmt)).toBe(true);
  });

  it("keeps a BOM an error (serde_json refuses it) and leaves other schemas and errors strict", () => {
    expect(jsoncDialectByContent("oxlintrc.json", `\uFEFF${OXLINT_CONFIG}`)).toBeUndefined();
    expect(jsoncDialectByContent("x.json", '{ "$schema": "./node_modules/other/configuration_schema.json" }')).toBeUndefined();
    expect(jsoncDialectByContent("x.json", '{ "rules": {} // oxlint/configuration_schema.json\n}')).toBeUndefined();
    // A comment passes; a missing comma still does not.
    expect(readsAsItsDialect("oxlintrc.json", OXLINT_CONFIG.replace('"files"', '"x": 1 "files"'))).toBe(false);
  });

  it(".oxfmtrc.json is JSONC by name, a bare oxfmtrc.json is not", () => {
    expect(isDefaultJsonc(".oxfmtrc.json")).toBe(true);
    expect(isDefaultJsonc("apps/oxfmt/.oxfmtrc.json")).toBe(true);
    expect(isDefaultJsonc("oxfmtrc.json")).toBe(false);
  });
});

describe("Windows Terminal settings (JsonCpp: comments, trailing commas, a BOM skipped)", () => {
  it("knows defaults.json by its defaultProfile GUID, userDefaults.json by profiles.list, settings.json by $schema", () => {
    expect(readsAsItsDialect("src/cascadia/TerminalSettingsModel/defaults.json", TERMINAL_DEFAULTS)).toBe(true);
    expect(readsAsItsDialect("src/cascadia/TerminalSettingsModel/userDefaults.json", TERMINAL_USER_DEFAULTS)).toBe(true);
    expect(readsAsItsDialect("dotfiles/windows-terminal/settings.json", TERMINAL_SETTINGS)).toBe(true);
    expect(readsAsItsDialect("src/cascadia/TerminalSettingsModel/enableColorSelection.json", TERMINAL_COLOR_SELECTION)).toBe(true);
  });

  it("leaves other files with profiles strict, and a missing comma an error", () => {
    // A profile list without Terminal's GUID default or its defaults/list object (an app's own data).
    expect(jsoncDialectByContent("profiles.json", '{ "defaultProfile": "work", "profiles": [] }')).toBeUndefined();
    expect(jsoncDialectByContent("x.json", '{ "profiles": { "work": {} } }')).toBeUndefined();
    expect(jsoncDialectByContent("x.json", '{ "defaultProfile": "{61c54bbd-c2c6-5271-96e7-009a87ff44bf}" }')).toBeUndefined();
    // VS Code's keybindings name a command by string; a menu's command object has no `action`.
    expect(jsoncDialectByContent("keybindings.json", '[{ "key": "ctrl+k", "command": "workbench.action.x" }]')).toBeUndefined();
    expect(jsoncDialectByContent("x.json", '{ "actions": [{ "command": { "id": "x" } }] }')).toBeUndefined();
    expect(readsAsItsDialect("settings.json", TERMINAL_SETTINGS.replace('"actions"', '"a": 1 "actions"'))).toBe(false);
  });
});

describe("XAML Styler configs (File.ReadAllText, then Json.NET)", () => {
  it("knows the file by XAML Styler's option names", () => {
    expect(readsAsItsDialect("XamlStyler.json", XAML_STYLER)).toBe(true);
    expect(readsAsItsDialect("tools/xstyler.json", `\uFEFF${XAML_STYLER}`)).toBe(true);
    expect(jsoncDialectByContent("x.json", '{ "Tolerance": 2, // x\n}')).toBeUndefined();
  });
});

describe("coc.nvim's coc-settings.json (jsonc-parser visit at its defaults)", () => {
  it("reads comments but keeps a trailing comma and a BOM errors", () => {
    for (const f of ["coc-settings.json", ".vim/coc-settings.json", "nvim/coc-settings.json"]) {
      expect(wellKnownOf(f)).toMatchObject({ format: "jsonc", trailingCommas: false, leadingBom: false });
    }
    expect(wellKnownOf("coc-settings.json.bak")).toBeUndefined();
    const options = { path: ".vim/coc-settings.json", format: "jsonc" as const, trailingCommas: false };
    expect(parseDocument('{\n  // ruff\n  "pyright.testing.provider": "pytest"\n}\n', options).ok).toBe(true);
    expect(parseDocument('{\n  "pyright.testing.provider": "pytest",\n}\n', options).ok).toBe(false);
  });
});

describe("the content rules stay linear on pathological input", () => {
  it("answers quickly on thousands of near-misses", () => {
    const inputs = [
      `{ "$schema": "${"ox/".repeat(50_000)}" }`,
      `{ "$schema": "${"a".repeat(200_000)}oxlint/configuration_schema.jso" }`,
      `{ "profiles": ${'{ "x": '.repeat(20_000)} }`,
      `{ "profiles": 1, "defaultProfile": "{${"0".repeat(100_000)}}" }`,
      `{ ${'"profiles"  :  '.repeat(20_000)} }`,
      `{ ${'"AttributesTolerance"'.repeat(20_000)} }`,
      `{ "actions": [ ${'"command" : { '.repeat(20_000)} ] }`,
    ];
    const start = performance.now();
    for (const text of inputs) expect(jsoncDialectByContent("x.json", text)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
