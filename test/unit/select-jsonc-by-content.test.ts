/**
 * JSON files whose reader skips comments, known by content or by their pack
 * (src/core/select/jsonc-by-content.ts), and the JSONC reading without trailing commas that some
 * of those readers need (ParseOptions.trailingCommas).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import {
  BEDROCK_PACK,
  dialectParseOptions,
  isBedrockPackManifest,
  jsoncDialectByContent,
  packManifestCandidates,
} from "../../src/core/select/jsonc-by-content.js";

// Reduced from GoogleChrome/chrome-extensions-samples (Apache-2.0), commit 0133d651f39f:
// _archive/mv2/api/notifications/manifest.json (a `//` comment between members).
const EXTENSION_MANIFEST =
  '{\n  "name": "Notifications",\n  "manifest_version": 2,\n\n  // crbug.com/134315\n  "web_accessible_resources": ["48.png"]\n}\n';
// api-samples/nativeMessaging/host/com.google.chrome.example.echo.json (a license header in comments).
const NATIVE_HOST =
  '// Copyright 2013 The Chromium Authors.\n\n{\n  "name": "com.google.chrome.example.echo",\n  "path": "HOST_PATH",\n  "type": "stdio",\n  "allowed_origins": ["chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/"]\n}\n';
// Reduced from expo/examples (MIT), commit b8ec4ef500e4, stickersmash/app.json (a trailing comma; Expo reads JSON5).
const EXPO_APP = '{\n  "expo": {\n    "name": "StickerSmash",\n    "ios": {\n      "supportsTablet": true,\n    }\n  }\n}\n';
// Reduced from t3-oss/create-t3-turbo (MIT), commit e69b5858fc42, tooling/typescript/base.json: a
// shared tsconfig that packages extend by name ("@acme/tsconfig/base.json"), with comments.
const SHARED_TSCONFIG =
  '{\n  "$schema": "https://json.schemastore.org/tsconfig",\n  "compilerOptions": {\n    /** Base Options */\n    "esModuleInterop": true,\n    /** Keep TSC performant in monorepos */\n    "incremental": true,\n  },\n}\n';

describe("jsoncDialectByContent", () => {
  it("knows Rojo's project, model and meta files by their suffix and Rojo's keys, and only then", () => {
    // Reduced from rojo-rbx/rojo (MPL-2.0), commit a30a8ecd0f75: assets/project-templates/place/default.project.json
    // and test-projects/meta_files/src/init.meta.json, with a comment and trailing commas (Rojo 7.5+, #1144).
    const project =
      '{\n  "name": "place", // the place\n  "tree": {\n    "$className": "DataModel",\n    "Shared": { "$path": "src/shared", },\n  },\n}\n';
    const model = '{\n  /* values */\n  "className": "Folder",\n  "children": [],\n}\n';
    const meta = '{\n  "ignoreUnknownInstances": true, // keep Studio\'s children\n}\n';
    const rojoFiles: [string, string][] = [
      ["default.project.json", project],
      ["games/a/test.project.json", project],
      ["src/Config.model.json", model],
      ["src/init.meta.json", meta],
      ["src/Part.meta.json", '{ "className": "Part", }'],
    ];
    for (const [file, text] of rojoFiles) {
      const dialect = jsoncDialectByContent(file, text);
      expect(dialect?.reader, file).toMatch(/Rojo/);
      expect(parseDocument(text, { path: file, ...dialectParseOptions(dialect!) }).ok, file).toBe(true);
    }
    // Cut short or with a missing comma: still refused by the Rojo reading.
    const cut = jsoncDialectByContent("default.project.json", project.slice(0, -20))!;
    expect(parseDocument(project.slice(0, -20), { path: "default.project.json", ...dialectParseOptions(cut) }).ok).toBe(false);
    // Not Rojo's: a tree without instances, a model without className, a meta file of JSON Schema words, another suffix.
    expect(jsoncDialectByContent("x.project.json", '{ "tree": {}, // x\n "name": "x" }')).toBeUndefined();
    expect(jsoncDialectByContent("weights.model.json", '{ // x\n "layers": 3 }')).toBeUndefined();
    expect(jsoncDialectByContent("a.meta.json", '{ "properties": {}, // x\n }')).toBeUndefined();
    expect(jsoncDialectByContent("src/init.json", meta)).toBeUndefined();
    expect(jsoncDialectByContent("project.json", project)).toBeUndefined();
  });

  it("knows a .NET file-based app's <name>.run.json launch profiles by their profiles and commandName, and only then", () => {
    // Reduced from dotnet/aspire-samples (MIT), commit caf0bdf9ec3d, samples/standalone-dashboard/ConsoleApp.run.json
    // (saved by Visual Studio with a BOM; `dotnet run` reads it like Properties/launchSettings.json).
    const runJson = '\uFEFF{\n  "profiles": {\n    "ConsoleApp": {\n      "commandName": "Project",\n    },\n  },\n}\n';
    const dialect = jsoncDialectByContent("samples/standalone-dashboard/ConsoleApp.run.json", runJson);
    expect(dialect?.trailingCommas).toBe(true);
    expect(dialect?.leadingBom).not.toBe(false);
    expect(parseDocument(runJson, { path: "ConsoleApp.run.json", ...dialectParseOptions(dialect!) }).ok).toBe(true);
    // Another tool's run record (a Python json.dumps result), or profiles without commandName: strict.
    expect(jsoncDialectByContent("reports/x.run.json", '{ "status": "completed", // x\n "calls": [] }')).toBeUndefined();
    expect(jsoncDialectByContent("x.run.json", '{ "profiles": { "a": { "name": "b" } } // x\n}')).toBeUndefined();
    // The same text under another name is not a launch profile.
    expect(jsoncDialectByContent("x/profiles.json", runJson)).toBeUndefined();
  });

  it("knows a browser extension's manifest by manifest_version, and only then", () => {
    expect(jsoncDialectByContent("ext/manifest.json", EXTENSION_MANIFEST)?.trailingCommas).toBe(false);
    // A web app manifest or Unity's Packages/manifest.json: no manifest_version, strict JSON.
    expect(jsoncDialectByContent("public/manifest.json", '{ "name": "App", // x\n "display": "standalone" }')).toBeUndefined();
    expect(jsoncDialectByContent("Packages/manifest.json", '{ "dependencies": {} // x\n}')).toBeUndefined();
    // The same text under another name is not a manifest.
    expect(jsoncDialectByContent("ext/data.json", EXTENSION_MANIFEST)).toBeUndefined();
  });

  it("knows an extension's locale by its _locales/<lang>/messages.json path", () => {
    expect(jsoncDialectByContent("ext/_locales/en/messages.json", "{}")?.trailingCommas).toBe(false);
    expect(jsoncDialectByContent("_locales/pt_BR/messages.json", "{}")).toBeDefined();
    expect(jsoncDialectByContent("i18n/en/messages.json", "{}")).toBeUndefined();
    expect(jsoncDialectByContent("ext/_locales/messages.json", "{}")).toBeUndefined();
  });

  it("knows a Chrome native messaging host manifest by its stdio type and chrome-extension origins", () => {
    expect(jsoncDialectByContent("host/com.example.echo.json", NATIVE_HOST)?.trailingCommas).toBe(false);
    expect(jsoncDialectByContent("host/com.example.echo.json", NATIVE_HOST.replace('"stdio"', '"pipe"'))).toBeUndefined();
    // Firefox reads its native manifests (allowed_extensions) with JSON.parse: strict.
    expect(
      jsoncDialectByContent("host/x.json", NATIVE_HOST.replace('"allowed_origins": ["chrome-extension://', '"allowed_extensions": ["')),
    ).toBeUndefined();
  });

  it("knows an Expo app.json by its top-level expo object (JSON5: trailing commas too); Heroku's app.json stays strict", () => {
    expect(jsoncDialectByContent("app.json", EXPO_APP)?.trailingCommas).toBe(true);
    expect(jsoncDialectByContent("apps/mobile/app.json", EXPO_APP)).toBeDefined();
    expect(jsoncDialectByContent("app.json", '{ "name": "web", "buildpacks": [], }')).toBeUndefined();
  });

  it("knows a TypeScript config of any name by its tsconfig $schema (TypeScript reads comments and trailing commas)", () => {
    expect(jsoncDialectByContent("tooling/typescript/base.json", SHARED_TSCONFIG)?.trailingCommas).toBe(true);
    expect(
      jsoncDialectByContent(
        "strictest.json",
        SHARED_TSCONFIG.replace("json.schemastore.org/tsconfig", "www.schemastore.org/tsconfig.json"),
      ),
    ).toBeDefined();
    expect(
      parseDocument(SHARED_TSCONFIG, { path: "base.json", ...dialectParseOptions(jsoncDialectByContent("base.json", SHARED_TSCONFIG)!) })
        .ok,
    ).toBe(true);
    // Another schema, or the URL only in a comment or a value, is not a tsconfig: strict JSON.
    expect(jsoncDialectByContent("base.json", SHARED_TSCONFIG.replace("/tsconfig", "/package"))).toBeUndefined();
    expect(jsoncDialectByContent("base.json", '{ // see https://json.schemastore.org/tsconfig\n "a": 1 }')).toBeUndefined();
    expect(jsoncDialectByContent("base.json", '{ "docs": "https://json.schemastore.org/tsconfig" }')).toBeUndefined();
  });

  // Reduced from microsoft/rushstack (MIT), commit ae8073b330ea: apps/heft/config/rig.json and
  // common/config/rush/version-policies.json (Rush writes its files with a comment header).
  const RIG =
    '{\n  // The "rig.json" file directs tools to look for their config files in an external package.\n  "$schema": "https://developer.microsoft.com/json-schemas/rig-package/rig.schema.json",\n  "rigPackageName": "local-node-rig",\n}\n';
  const VERSION_POLICIES =
    '/**\n * This is configuration file is used for advanced publishing configurations with Rush.\n */\n[\n  // { "policyName": "x" }\n]\n';

  it("knows a Rush Stack config by its $schema under developer.microsoft.com/json-schemas/<tool>/ (JSON5: trailing commas too)", () => {
    expect(jsoncDialectByContent("apps/heft/config/rig.json", RIG)?.trailingCommas).toBe(true);
    for (const tool of ["rush/v5/rush", "heft/v0/heft", "api-extractor/v7/api-extractor", "lockfile-explorer/lockfile-lint"])
      expect(jsoncDialectByContent("x.json", RIG.replace("rig-package/rig", tool)), tool).toBeDefined();
    expect(parseDocument(RIG, { path: "rig.json", ...dialectParseOptions(jsoncDialectByContent("rig.json", RIG)!) }).value).toEqual({
      $schema: "https://developer.microsoft.com/json-schemas/rig-package/rig.schema.json",
      rigPackageName: "local-node-rig",
    });
    // TSDoc's tsdoc.json: jju's cjson mode, comments but no trailing comma.
    expect(jsoncDialectByContent("tsdoc.json", RIG.replace("rig-package/rig", "tsdoc/v0/tsdoc"))?.trailingCommas).toBe(false);
    // Other schemas on that host (the Teams app manifest) are read by strict readers.
    expect(
      jsoncDialectByContent("manifest.json", RIG.replace("json-schemas/rig-package/rig", "en-us/json-schemas/teams/v1.16/MicrosoftTeams")),
    ).toBeUndefined();
    expect(jsoncDialectByContent("x.json", RIG.replace("json-schemas/rig-package/", "json-schemas/teams/"))).toBeUndefined();
    // Rush's own folders and API Extractor's tsdoc-metadata.json need no $schema.
    expect(jsoncDialectByContent("common/config/rush/version-policies.json", VERSION_POLICIES)).toBeDefined();
    expect(jsoncDialectByContent("repo/common/config/subspaces/default/repo-state.json", VERSION_POLICIES)).toBeDefined();
    expect(jsoncDialectByContent("lib/dist/tsdoc-metadata.json", VERSION_POLICIES)).toBeDefined();
    for (const file of [
      "apps/x/config/rush-project.json",
      "rush-plugin-manifest.json",
      "p/rush-mcp-plugin.json",
      "apps/x/config/heft.json",
    ])
      expect(jsoncDialectByContent(file, VERSION_POLICIES), file).toBeDefined();
    expect(jsoncDialectByContent("heft.json", VERSION_POLICIES)).toBeUndefined();
    expect(jsoncDialectByContent("common/config/version-policies.json", VERSION_POLICIES)).toBeUndefined();
    expect(jsoncDialectByContent("common/config/rush/sub/x.json", VERSION_POLICIES)).toBeUndefined();
  });

  // Reduced from microsoft/rushstack (MIT), commit ae8073b330ea: API Extractor's own
  // apps/api-extractor/src/schemas/api-extractor-defaults.json (JsonFile.load merges it under every
  // config) and build-tests/api-extractor-scenarios/src/bundledPackages/config/api-extractor-overrides.json.
  const AE_DEFAULTS =
    '{\n  "projectFolder": "<lookup>",\n\n  // ("mainEntryPointFilePath" is required)\n\n  "bundledPackages": [],\n  "apiReport": {\n    // ("enabled" is required)\n    "reportFileName": "<unscopedPackageName>.api.md",\n  },\n}\n';
  const AE_OVERRIDES = '{\n  "bundledPackages": [\n    // Explicit package name\n    "api-extractor-lib1-test",\n  ]\n}\n';
  it("knows an API Extractor config by its api-extractor*.json name and its settings, or by its schema's path (JSON5)", () => {
    for (const [file, text] of [
      ["apps/api-extractor/src/schemas/api-extractor-defaults.json", AE_DEFAULTS],
      ["src/bundledPackages/config/api-extractor-overrides.json", AE_OVERRIDES],
      ["config/api-extractor-base.json", AE_OVERRIDES],
      [
        "x/shared.json",
        '{\n  "$schema": "../node_modules/@microsoft/api-extractor/lib/schemas/api-extractor.schema.json",\n  // c\n  "a": 1,\n}\n',
      ],
    ] as const) {
      const dialect = jsoncDialectByContent(file, text);
      expect(dialect?.reader, file).toMatch(/API Extractor/);
      expect(dialect?.trailingCommas, file).toBe(true);
      const doc = parseDocument(text, { path: file, ...dialectParseOptions(dialect!) });
      expect(doc.findings, file).toEqual([]);
    }
    // The name alone, or the settings under another name, say nothing of the reader.
    expect(jsoncDialectByContent("config/api-extractor-notes.json", '{\n  // c\n  "notes": []\n}\n')).toBeUndefined();
    expect(jsoncDialectByContent("config/overrides.json", AE_OVERRIDES)).toBeUndefined();
    expect(jsoncDialectByContent("config/my-api-extractor.json", AE_OVERRIDES)).toBeUndefined();
    // JsonFile ends in JSON.parse semantics for a BOM: it stays an error.
    expect(jsoncDialectByContent("config/api-extractor-base.json", "\uFEFF" + AE_OVERRIDES)).toBeUndefined();
    // Corruption is still reported by the JSON5 reading: a missing comma.
    const broken = AE_OVERRIDES.replace('"api-extractor-lib1-test",', '"api-extractor-lib1-test"\n    "lib2"');
    const doc = parseDocument(broken, {
      path: "api-extractor-overrides.json",
      ...dialectParseOptions(jsoncDialectByContent("api-extractor-overrides.json", broken)!),
    });
    expect(doc.findings.map((f) => [f.rule, f.line])).toEqual([["parse/syntax", 5]]);
  });

  it("knows jest.config.json, firebase.json and .opensource/project.json by name: comments, but no trailing comma", () => {
    const commented = '{\n  // shown\n  "a": 1\n}\n';
    for (const file of ["config/jest.config.json", "jest.config.json", "firebase.json", "web/firebase.json", ".opensource/project.json"]) {
      const dialect = jsoncDialectByContent(file, commented);
      expect(dialect?.trailingCommas, file).toBe(false);
      expect(parseDocument(commented, { path: file, ...dialectParseOptions(dialect!) }).ok, file).toBe(true);
      expect(parseDocument('{ "a": 1, }', { path: file, ...dialectParseOptions(dialect!) }).ok, file).toBe(false);
    }
    expect(jsoncDialectByContent("opensource/project.json", commented)).toBeUndefined();
    expect(jsoncDialectByContent("jest.config.base.json", commented)).toBeUndefined();
  });

  // Reduced from Azure/bicep (MIT), commit 9beb0fee60ca, src/Bicep.Core/Configuration/bicepconfig.json
  // and src/Bicep.MSBuild.E2eTests/examples/info/bicepconfig.json (comments above the members).
  it("knows a bicepconfig.json by name: Bicep skips comments (System.Text.Json), but a trailing comma fails", () => {
    const config =
      '{\n  // See https://aka.ms/bicep/config for more information on Bicep configuration options\n  "analyzers": {\n    "core": { "rules": { "no-unused-vars": { "level": "info" } } }\n  }\n}\n';
    for (const file of ["bicepconfig.json", "infra/bicepconfig.json", "src/Bicep.Core/Configuration/bicepconfig.json"]) {
      const dialect = jsoncDialectByContent(file, config);
      expect(dialect?.trailingCommas, file).toBe(false);
      expect(parseDocument(config, { path: file, ...dialectParseOptions(dialect!) }).ok, file).toBe(true);
      // JsonDocument.Parse(Stream) skips a UTF-8 BOM.
      expect(parseDocument(`\ufeff${config}`, { path: file, ...dialectParseOptions(dialect!) }).ok, file).toBe(true);
      expect(parseDocument('{ "analyzers": {}, }', { path: file, ...dialectParseOptions(dialect!) }).ok, file).toBe(false);
    }
    expect(jsoncDialectByContent("bicepconfig.json.bak", config)).toBeUndefined();
    expect(jsoncDialectByContent("main.json", config)).toBeUndefined();
  });

  // Reduced from hashicorp/terraform, docs/debugging-configs/vscode/launch-via-cli/launch.json: a
  // launch configuration kept in docs to be copied into .vscode/ (a trailing comma, as VS Code allows).
  it("knows a VS Code launch or tasks configuration outside .vscode/ by its version and list (comments and trailing commas)", () => {
    const launch = '{\n  "version": "0.2.0",\n  "configurations": [\n    {\n      "name": "Connect",\n      "port": 2345,\n    }\n  ]\n}\n';
    expect(jsoncDialectByContent("docs/debugging-configs/vscode/launch-via-cli/launch.json", launch)?.trailingCommas).toBe(true);
    const tasks =
      '{\n  // See https://go.microsoft.com/fwlink/?LinkId=733558\n  "version": "2.0.0",\n  "tasks": [{ "label": "build" }]\n}\n';
    expect(jsoncDialectByContent("template/tasks.json", tasks)?.trailingCommas).toBe(true);
    // Another launch.json or tasks.json (no VS Code version, or the list missing) stays strict.
    expect(jsoncDialectByContent("app/launch.json", '{ "configurations": [], // x\n "version": 2 }')).toBeUndefined();
    expect(jsoncDialectByContent("app/tasks.json", '{ "version": "2.0.0", // x\n "jobs": [] }')).toBeUndefined();
    expect(jsoncDialectByContent("app/other.json", launch)).toBeUndefined();
  });

  it("leaves a file that starts with a BOM to the strict reading when its reader ends in JSON.parse", () => {
    for (const file of ["jest.config.json", "firebase.json", ".opensource/project.json", "common/config/rush/experiments.json"])
      expect(jsoncDialectByContent(file, `\ufeff{ "a": 1 // x\n}`), file).toBeUndefined();
    expect(jsoncDialectByContent("x/rig.json", `\ufeff${RIG}`)).toBeUndefined();
    // TypeScript and the browsers skip it.
    expect(jsoncDialectByContent("base.json", `\ufeff${SHARED_TSCONFIG}`)).toBeDefined();
    expect(jsoncDialectByContent("ext/manifest.json", `\ufeff${EXTENSION_MANIFEST}`)).toBeDefined();
  });
});

describe("Bedrock packs", () => {
  // The shape of a pack's manifest.json (Mojang/bedrock-samples has them; written here, not copied:
  // that repository's files are not under an open license).
  const PACK = {
    format_version: 2,
    header: { name: "Example pack", uuid: "00000000-0000-4000-8000-000000000001", version: [1, 0, 0] },
    modules: [{ type: "data", uuid: "00000000-0000-4000-8000-000000000002", version: [1, 0, 0] }],
  };

  it("a pack manifest has a format_version, a header with a uuid and modules", () => {
    expect(isBedrockPackManifest(PACK)).toBe(true);
    expect(isBedrockPackManifest({ ...PACK, modules: undefined })).toBe(false);
    expect(isBedrockPackManifest({ ...PACK, header: { name: "x" } })).toBe(false);
    expect(isBedrockPackManifest({ manifest_version: 3, name: "ext", version: "1" })).toBe(false);
    expect(isBedrockPackManifest([PACK])).toBe(false);
  });

  it("the manifests that could own a file are the manifest.json of each folder above it, nearest first", () => {
    expect(packManifestCandidates("rp/textures/blocks/stone.texture_set.json")).toEqual([
      "rp/textures/blocks/manifest.json",
      "rp/textures/manifest.json",
      "rp/manifest.json",
      "manifest.json",
    ]);
    expect(packManifestCandidates("rp/manifest.json")).toEqual(["manifest.json"]);
    expect(packManifestCandidates("manifest.json")).toEqual([]);
  });
});

describe("JSONC without trailing commas (trailingCommas: false)", () => {
  const read = (text: string) => parseDocument(text, { path: "bp/entities/cow.json", ...dialectParseOptions(BEDROCK_PACK) });

  it("skips comments and a leading BOM, and keeps the values", () => {
    const doc = read('\ufeff{\n  // the cow\n  "format_version": "1.21.0", /* block */ "a": [1, 2]\n}\n');
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ format_version: "1.21.0", a: [1, 2] });
  });

  it("a trailing comma is a syntax error at the comma, with a fix for this reader", () => {
    for (const [text, line, column] of [
      ['{\n  "a": 1,\n}\n', 2, 9],
      ['{ "a": [1, 2, // two\n ] }', 1, 13],
    ] as const) {
      const doc = read(text);
      expect(doc.ok).toBe(false);
      expect(doc.findings[0]).toMatchObject({ rule: "parse/syntax", line, column });
      expect(doc.findings[0]!.fix).toMatch(/rejects trailing commas/);
    }
    // The default JSONC reading still accepts them.
    expect(parseDocument('{\n  "a": 1,\n}\n', { path: "x.jsonc", format: "jsonc" }).ok).toBe(true);
  });

  // Reduced from Mojang/bedrock-samples resource_pack/animations/strider.animation.json (1.19.30 to
  // 1.26, shipped in the game's vanilla pack): the bone `bristle3` twice, the same rotation both times.
  const BONES =
    '{\n  "bones": {\n    "bristle3": {\n      "rotation": [ 0, 0, "variable.bristle_flow * 34.3775" ]\n    },\n    "bristle3": {\n      // again\n      "rotation": [ 0, 0, "variable.bristle_flow * 34.3775" ]\n    }\n  }\n}\n';

  it("a member repeated with the same value is a notice naming the reader (JsonCpp keeps one), and the file parses", () => {
    const doc = read(BONES);
    expect(doc.ok).toBe(true);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ rule: "parse/duplicate-key", level: "notice", line: 6, column: 5, key: "bristle3" });
    expect(doc.findings[0]!.message).toMatch(/same value: Minecraft Bedrock add-on pack keeps one of them/);
    expect(doc.value).toEqual({ bones: { bristle3: { rotation: [0, 0, "variable.bristle_flow * 34.3775"] } } });
    // Another reader of the same text still blocks it: only this reader is known to keep either copy.
    expect(parseDocument(BONES, { path: "x.jsonc", format: "jsonc" }).findings[0]).toMatchObject({ level: "error" });
  });

  it("a member repeated with a different value stays an error (the first is dropped), and so does a repeat in a broken file", () => {
    const changed = read(BONES.replace('"variable.bristle_flow * 34.3775" ]\n    }\n  }', '"variable.bristle_flow * 30" ]\n    }\n  }'));
    expect(changed.ok).toBe(false);
    expect(changed.findings[0]).toMatchObject({ rule: "parse/duplicate-key", level: "error", line: 6 });
    const cut = read(BONES.slice(0, -6));
    expect(cut.ok).toBe(false);
    expect(cut.findings.some((f) => f.level === "error" && f.rule !== "parse/duplicate-key")).toBe(true);
  });
});

describe("jsoncDialectByContent: .NET global.json", () => {
  // The shape of microsoft/reverse-proxy's global.json (MIT), with a comment as hostfxr allows.
  const GLOBAL =
    '{\n  // pin the SDK the repository builds with\n  "sdk": {\n    "version": "10.0.100",\n    "rollForward": "latestFeature"\n  },\n  "msbuild-sdks": { "Microsoft.DotNet.Arcade.Sdk": "10.0.0-beta.25080.7" }\n}\n';

  it("a global.json naming an sdk or msbuild-sdks is read as hostfxr reads it: comments and a BOM, no trailing comma", () => {
    for (const text of [GLOBAL, '{ /* tools */ "msbuild-sdks": { "Microsoft.Build.Traversal": "4.1.0" } }', "\ufeff" + GLOBAL]) {
      const dialect = jsoncDialectByContent("global.json", text);
      expect(dialect?.trailingCommas, text).toBe(false);
      expect(parseDocument(text, { path: "global.json", ...dialectParseOptions(dialect!) }).findings, text).toEqual([]);
    }
    // hostfxr parses with rapidjson's comments flag only: a trailing comma fails the file, and it
    // then ignores the SDK pin ("Ignoring SDK settings in global.json"), so it stays an error.
    const trailing = GLOBAL.replace('"latestFeature"', '"latestFeature",');
    const doc = parseDocument(trailing, {
      path: "src/global.json",
      ...dialectParseOptions(jsoncDialectByContent("src/global.json", trailing)!),
    });
    expect(doc.findings.map((f) => [f.rule, f.line])).toEqual([["parse/syntax", 5]]);
  });

  it("another file named global.json (an app's own settings) stays strict", () => {
    expect(jsoncDialectByContent("src/i18n/global.json", '{ // x\n "title": "Home" }')).toBeUndefined();
    expect(jsoncDialectByContent("global.json", '{ "sdk": "8.0" // a string, not .NET\'s object\n}')).toBeUndefined();
    expect(jsoncDialectByContent("settings.json", GLOBAL)).toBeUndefined();
  });
});
