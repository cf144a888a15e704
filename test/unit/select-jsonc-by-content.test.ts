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
});
