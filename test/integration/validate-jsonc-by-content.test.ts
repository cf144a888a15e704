/**
 * JSON files whose reader skips comments, known by content or by the pack they sit in
 * (src/core/select/jsonc-by-content.ts), through `check`, `check --staged` (the hook) and the
 * parse workers: browser extension manifests and locales, Chrome native messaging hosts, Expo's
 * app.json and Minecraft Bedrock packs pass with their comments (and a BOM where the reader
 * skips it); the same text where the reader is strict, a trailing comma where the reader rejects
 * it, and corruption are still errors at their line.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errorsOf(repo: TestRepo, args: string[], env: Record<string, string> = {}): Promise<Finding[]> {
  const r = await repo.cli([...args, "--format", "json"], env);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
}
const filesOf = (fs: Finding[]) => [...new Set(fs.map((f) => f.file))].sort();

// Reduced from GoogleChrome/chrome-extensions-samples (Apache-2.0), commit 0133d651f39f:
// _archive/mv2/api/notifications/manifest.json, .../host/com.google.chrome.example.echo.json and
// a _locales/<lang>/messages.json; Chromium reads all three with comments allowed (Firefox: `//`).
const MANIFEST = [
  "{",
  '  "name": "Notifications API Sample",',
  '  "version": "1.1",',
  '  "manifest_version": 2,',
  "",
  "  // crbug.com/134315",
  '  "web_accessible_resources": [',
  '    "48.png"',
  "  ]",
  "}",
  "",
].join("\n");
const LOCALE = '{\n  // shown in the toolbar\n  "name": {\n    "message": "News reader",\n    "description": "Extension name."\n  }\n}\n';
const NATIVE_HOST = [
  "// Copyright 2013 The Chromium Authors. All rights reserved.",
  "",
  "{",
  '  "name": "com.google.chrome.example.echo",',
  '  "path": "HOST_PATH",',
  '  "type": "stdio",',
  '  "allowed_origins": ["chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/"]',
  "}",
  "",
].join("\n");
// Reduced from expo/examples (MIT), commit b8ec4ef500e4, stickersmash/app.json: Expo reads app.json as JSON5.
const EXPO_APP = '{\n  "expo": {\n    "name": "StickerSmash",\n    "ios": {\n      "supportsTablet": true,\n    }\n  }\n}\n';
// A Bedrock pack, written here in the shape of Mojang/bedrock-samples (whose files are not
// under an open license): the game's loader skips comments and a BOM, and fails on a trailing comma.
const PACK_MANIFEST =
  '{\n  // the pack\n  "format_version": 2,\n  "header": { "name": "Example", "uuid": "00000000-0000-4000-8000-000000000001", "version": [1, 0, 0] },\n  "modules": [{ "type": "data", "uuid": "00000000-0000-4000-8000-000000000002", "version": [1, 0, 0] }]\n}\n';
const ENTITY =
  '\ufeff{\n  "format_version": "1.21.0",\n  "minecraft:entity": {\n    // rides on a minecart\n    "description": { "identifier": "example:cart" }\n  }\n}\n';
// Reduced from t3-oss/create-t3-turbo (MIT), commit e69b5858fc42, tooling/typescript/base.json: a
// shared tsconfig the packages extend by name; TypeScript reads it with comments and trailing commas.
const SHARED_TSCONFIG =
  '{\n  "$schema": "https://json.schemastore.org/tsconfig",\n  "compilerOptions": {\n    /** Base Options */\n    "esModuleInterop": true,\n    "incremental": true,\n  },\n}\n';
// Reduced from microsoft/rushstack (MIT), commit ae8073b330ea: apps/heft/config/rig.json (a
// Rush Stack $schema) and common/config/rush/version-policies.json (Rush's folder, no $schema);
// Rush Stack's JsonFile reads both as JSON5.
const RIG =
  '{\n  // The "rig.json" file directs tools to look for their config files in an external package.\n  "$schema": "https://developer.microsoft.com/json-schemas/rig-package/rig.schema.json",\n  "rigPackageName": "local-node-rig",\n}\n';
const VERSION_POLICIES = '/**\n * Advanced publishing configurations with Rush.\n */\n[\n  // { "policyName": "x" }\n]\n';
// Reduced from firebase/quickstart-js (Apache-2.0), commit 96f190542916: .opensource/project.json,
// read by firebaseopensource.com with cjson (comments stripped, then JSON.parse).
const OPENSOURCE =
  '{\n  "name": "Firebase Quickstarts for Web",\n\n  // Other markdown pages that should be rendered nicely\n  "pages": ["auth/README.md"]\n}\n';
// Jest strips comments from jest.config.json, then JSON.parse; the Firebase CLI reads firebase.json with cjson.
const JEST = '{\n  // jsdom for the React components\n  "testEnvironment": "jsdom"\n}\n';
const FIREBASE = '{\n  "hosting": {\n    // the built site\n    "public": "dist"\n  }\n}\n';
// Reduced from angular-eslint/angular-eslint (MIT), commit a666e1b45c97: .github/renovate.json
// (Renovate reads it with jsonc-parser).
const RENOVATE = '{\n  "extends": ["config:recommended"],\n  // well over npm\'s three day window\n  "minimumReleaseAge": "7 days"\n}\n';
const UI = '{\n  "namespace": "hud",\n  //-----------\n  // Hud Screen\n  //-----------\n  "hud_panel": { "type": "panel" }\n}\n';

function writeValid(repo: TestRepo): void {
  repo.write("ext/manifest.json", MANIFEST);
  repo.write("ext/_locales/en/messages.json", LOCALE);
  repo.write("host/com.google.chrome.example.echo.json", NATIVE_HOST);
  repo.write("mobile/app.json", EXPO_APP);
  repo.write("packs/bp/manifest.json", PACK_MANIFEST);
  repo.write("packs/bp/entities/cart.json", ENTITY);
  repo.write("packs/rp/manifest.json", `\ufeff${PACK_MANIFEST}`);
  repo.write("packs/rp/ui/hud_screen.json", UI);
  repo.write("tooling/typescript/base.json", SHARED_TSCONFIG);
  repo.write("apps/heft/config/rig.json", RIG);
  repo.write("common/config/rush/version-policies.json", VERSION_POLICIES);
  repo.write(".opensource/project.json", OPENSOURCE);
  repo.write("web/jest.config.json", JEST);
  repo.write("web/firebase.json", FIREBASE);
  repo.write(".github/renovate.json", RENOVATE);
}

describe("JSON with comments known by content or by its pack", () => {
  it("passes with the defaults in check, the hook and the parse workers; the same text for a strict reader is still an error", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      // Strict readers: a web app manifest (no manifest_version), Heroku's app.json (no expo
      // key), a locale outside _locales/, a pack's file without its manifest, a Firefox native host.
      repo.write("web/manifest.json", '{\n  "name": "App",\n  // installable\n  "display": "standalone"\n}\n');
      repo.write("app.json", '{\n  "name": "web",\n  "buildpacks": [],\n}\n');
      repo.write("i18n/en/messages.json", LOCALE);
      repo.write("loose/entities/cart.json", ENTITY.slice(1));
      repo.write("loose/bom.json", '\ufeff{ "format_version": "1.21.0" }\n');
      repo.write("host/firefox.json", NATIVE_HOST.replace('"allowed_origins": ["chrome-extension://', '"allowed_extensions": ["'));
      // The same comments without the tsconfig $schema: nothing says TypeScript reads it.
      repo.write("tooling/other/base.json", SHARED_TSCONFIG.replace("/tsconfig", "/package"));
      // Another schema on Microsoft's host (the Teams manifest is read strictly), a version-policies
      // list outside Rush's folder, a jest config under another name, and a BOM before firebase.json
      // (the CLI ends in JSON.parse, which rejects it).
      repo.write("teams/manifest.json", RIG.replace("json-schemas/rig-package/rig", "json-schemas/teams/v1.16/MicrosoftTeams"));
      repo.write("common/config/version-policies.json", VERSION_POLICIES);
      repo.write("web/jest.base.json", JEST);
      repo.write("bom/firebase.json", `\ufeff${FIREBASE}`);
      repo.commitAll("fixtures");
      const strict = [
        "app.json",
        "bom/firebase.json",
        "common/config/version-policies.json",
        "host/firefox.json",
        "i18n/en/messages.json",
        "loose/bom.json",
        "loose/entities/cart.json",
        "teams/manifest.json",
        "tooling/other/base.json",
        "web/jest.base.json",
        "web/manifest.json",
      ];
      repo.write("ext/manifest.json", MANIFEST.replace('"1.1"', '"1.2"')); // a staged change for --staged
      repo.git("add", "-A");
      for (const [args, env] of [
        [["check"], {}],
        [["check", "--staged"], {}],
        [["check"], { IG_PARSE_WORKERS: "2" }],
      ] as const) {
        const errors = await errorsOf(repo, [...args], env);
        if (args.length > 1)
          expect(filesOf(errors)).toEqual([]); // only ext/manifest.json is staged, and it is valid
        else expect(filesOf(errors), JSON.stringify(env)).toEqual(strict);
      }
    }));

  it("a trailing comma where the reader rejects one, and corruption, are errors at their line", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      repo.commitAll("valid");
      expect(await errorsOf(repo, ["check"])).toEqual([]);
      const broken: [string, string, string, number][] = [
        // Chromium and Firefox reject a trailing comma in a manifest; so does Bedrock in a pack.
        ["ext/manifest.json", MANIFEST.replace('"48.png"\n  ]', '"48.png",\n  ]'), "parse/syntax", 8],
        ["packs/bp/entities/cart.json", ENTITY.replace('"example:cart" }', '"example:cart", }'), "parse/syntax", 5],
        ["ext/_locales/en/messages.json", LOCALE.slice(0, 60), "parse/truncated", 4],
        [
          "packs/rp/ui/hud_screen.json",
          UI.replace('  "hud_panel"', '<<<<<<< HEAD\n  "hud_panel"').replace("\n}", "\n=======\n>>>>>>> b\n}"),
          "parse/merge-conflict",
          6,
        ],
        ["mobile/app.json", EXPO_APP.replace('"StickerSmash",', '"StickerSmash"'), "parse/syntax", 4],
        ["host/com.google.chrome.example.echo.json", NATIVE_HOST.replace('"type": "stdio",', '"type": "stdio"'), "parse/syntax", 7],
        ["tooling/typescript/base.json", SHARED_TSCONFIG.replace('"esModuleInterop": true,', '"esModuleInterop": true'), "parse/syntax", 6],
        // Jest and cjson end in JSON.parse: no trailing comma; Rush Stack's JSON5 still needs its commas.
        ["web/jest.config.json", JEST.replace('"jsdom"', '"jsdom",'), "parse/syntax", 3],
        [".opensource/project.json", OPENSOURCE.replace('README.md"]', 'README.md"],'), "parse/syntax", 5],
        ["apps/heft/config/rig.json", RIG.replace('rig.schema.json",', 'rig.schema.json"'), "parse/syntax", 4],
        ["common/config/rush/version-policies.json", VERSION_POLICIES.slice(0, 70), "parse/truncated", 5],
        [".github/renovate.json", RENOVATE.replace('["config:recommended"],', '["config:recommended"]'), "parse/syntax", 4],
        // A BOM further down is not the leading one a reader skips.
        ["packs/bp/entities/cart.json", ENTITY.replace('  "minecraft:entity"', '\ufeff  "minecraft:entity"'), "parse/syntax", 3],
      ];
      for (const [file, text, rule, line] of broken) {
        writeValid(repo);
        repo.write(file, text);
        for (const env of [{}, { IG_PARSE_WORKERS: "2" }] as Record<string, string>[]) {
          const errors = await errorsOf(repo, ["check"], env);
          expect(filesOf(errors), `${file} ${rule}`).toEqual([file]);
          expect([errors[0]!.rule, errors[0]!.line], `${file} ${rule} ${JSON.stringify(env)}`).toEqual([rule, line]);
        }
      }
    }));

  // Reduced from Mojang/bedrock-samples resource_pack/animations/strider.animation.json, shipped in
  // the game's vanilla pack since 1.19.30: the bone `bristle3` twice with the same rotation. The
  // game's JsonCpp reader keeps one without a word (core/select/jsonc-by-content.ts, BEDROCK_PACK).
  it("a Bedrock pack's member repeated with the same value is a notice; a different value, or the same text outside a pack, is an error", () =>
    withRepo(async (repo) => {
      const bone = (angle: string) => `    "bristle3": {\n      "rotation": [ 0, 0, "variable.bristle_flow * ${angle}" ]\n    }`;
      const animation = (second: string) =>
        `{\n  "format_version": "1.8.0",\n  // walking\n  "bones": {\n${bone("34.3775")},\n${bone(second)}\n  }\n}\n`;
      writeValid(repo);
      repo.write("packs/rp/animations/strider.animation.json", animation("34.3775"));
      repo.write("loose/animations/strider.animation.json", animation("34.3775").replace("  // walking\n", ""));
      repo.commitAll("packs");
      repo.write("packs/rp/animations/strider.animation.json", animation("34.3775").replace("1.8.0", "1.10.0"));
      repo.git("add", "-A");
      for (const [args, env] of [
        [["check"], {}],
        [["check", "--staged"], {}],
        [["check"], { IG_PARSE_WORKERS: "2" }],
      ] as const) {
        const r = await repo.cli([...args, "--format", "json"], env);
        const all = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
        const where = `${args.join(" ")} ${JSON.stringify(env)}`;
        const inPack = all.filter((f) => f.file === "packs/rp/animations/strider.animation.json");
        expect(
          inPack.map((f) => [f.rule, f.level, f.line, f.key]),
          where,
        ).toEqual([["parse/duplicate-key", "notice", 8, "bristle3"]]);
        expect(inPack[0]!.message, where).toMatch(/Minecraft Bedrock add-on pack keeps one of them/);
        // Outside a pack nothing says which reader reads it: the repeat stays the error (not staged for --staged).
        const loose = all.filter((f) => f.file === "loose/animations/strider.animation.json" && f.level === "error");
        expect(
          loose.map((f) => f.rule),
          where,
        ).toEqual(args.length > 1 ? [] : ["parse/duplicate-key"]);
        expect(r.code, where).toBe(args.length > 1 ? 0 : 1);
      }
      // A different value: JsonCpp keeps the second, the first rotation is lost.
      repo.write("packs/rp/animations/strider.animation.json", animation("30"));
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const errors = (await errorsOf(repo, args)).filter((f) => f.file?.startsWith("packs/"));
        expect(
          errors.map((f) => [f.file, f.rule, f.line]),
          args.join(" "),
        ).toEqual([["packs/rp/animations/strider.animation.json", "parse/duplicate-key", 8]]);
      }
    }));
});
