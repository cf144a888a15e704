/**
 * Application ecosystems with the defaults (`init`, then `check`): a Hydra ML project, a Flutter
 * app, an Xcode asset catalog and a VS Code extension pass as their readers read them (an empty
 * Hydra option file is a warning, not an error), and corruption in each is an error at its line.
 * The files are reduced from the real-world corpus (test/fixtures/real-world/, session 12).
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function findingsOf(repo: TestRepo): Promise<Finding[]> {
  const r = await repo.cli(["check", "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

// ashleve/lightning-hydra-template (MIT), configs/experiment/example.yaml: a package header,
// `override` entries in the defaults list, OmegaConf interpolations (plain scalars to YAML).
const HYDRA_EXPERIMENT = [
  "# @package _global_",
  "",
  "defaults:",
  "  - override /data: mnist",
  "  - override /trainer: default",
  "  - _self_",
  "",
  'tags: ["mnist", "simple_dense_net"]',
  "seed: ${oc.env:SEED,12345}",
  "",
  "trainer:",
  "  min_epochs: 10",
  "  default_root_dir: ${paths.output_dir}",
  "",
].join("\n");
// flutter/gallery (BSD-3-Clause): pubspec.yaml, analysis_options.yaml including a package's file, l10n.yaml.
const PUBSPEC = [
  "name: gallery",
  "version: 2.10.2+021002 # See README.md for details on versioning.",
  "",
  "environment:",
  "  flutter: ^3.13.0",
  "  sdk: ^3.1.0",
  "",
  "dependencies:",
  "  flutter:",
  "    sdk: flutter",
  "",
  "flutter:",
  "  generate: true",
  "  uses-material-design: true",
  "",
].join("\n");
const ANALYSIS_OPTIONS = "include: package:flutter_lints/flutter.yaml\n\nlinter:\n  rules:\n    - avoid_print\n";
const L10N = "template-arb-file: intl_en.arb\noutput-localization-file: gallery_localizations.dart\nuse-deferred-loading: true\n";
// CodeEditApp/CodeEdit (MIT): an Xcode asset catalog entry, written by Xcode with `"key" : value`.
const CONTENTS =
  '{\n  "colors" : [\n    {\n      "idiom" : "universal"\n    }\n  ],\n  "info" : {\n    "author" : "xcode",\n    "version" : 1\n  }\n}\n';
// vuejs/language-tools (MIT): a language configuration with comments and a launch.json starting with one.
const LANGUAGE_CONFIGURATION = '{\n\t"brackets": [\n\t\t// html\n\t\t["<!--", "-->"],\n\t\t["{", "}"]\n\t]\n}\n';
const LAUNCH =
  '// A launch configuration that compiles the extension\n{\n\t"version": "0.2.0",\n\t"configurations": [\n\t\t{ "type": "extensionHost", "request": "launch", "name": "Launch Client" }\n\t]\n}\n';

function writeValid(repo: TestRepo): void {
  repo.write("configs/experiment/example.yaml", HYDRA_EXPERIMENT);
  repo.write("configs/callbacks/none.yaml", ""); // Hydra's "no callbacks" option: empty on purpose
  repo.write("pubspec.yaml", PUBSPEC);
  repo.write("analysis_options.yaml", ANALYSIS_OPTIONS);
  repo.write("l10n.yaml", L10N);
  repo.write("ios/Runner/Assets.xcassets/AccentColor.colorset/Contents.json", CONTENTS);
  repo.write("extensions/vscode/languages/vue-language-configuration.json", LANGUAGE_CONFIGURATION);
  repo.write(".vscode/launch.json", LAUNCH);
}

describe("application ecosystems with the defaults", () => {
  it("Hydra configs, Flutter configs, an Xcode asset catalog and a VS Code extension pass; the empty Hydra option is a warning", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      repo.commitAll("app files");
      expect((await repo.cli(["init"])).code).toBe(0);
      const findings = await findingsOf(repo);
      expect(findings.filter((f) => f.level === "error")).toEqual([]);
      expect(findings.filter((f) => f.file === "configs/callbacks/none.yaml").map((f) => [f.rule, f.level])).toEqual([
        ["parse/empty", "warning"],
      ]);
    }));

  it("corruption in each is an error at its line", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      repo.commitAll("app files");
      expect((await repo.cli(["init"])).code).toBe(0);
      // A key written twice in a Hydra config (OmegaConf refuses duplicate keys), a tab in the
      // pubspec's indentation, a truncated Contents.json, a missing comma in the language configuration.
      repo.write("configs/experiment/example.yaml", HYDRA_EXPERIMENT.replace("seed: ${oc.env:SEED,12345}", "seed: 1\nseed: 2"));
      repo.write("pubspec.yaml", PUBSPEC.replace("  sdk: ^3.1.0", "\tsdk: ^3.1.0"));
      repo.write("ios/Runner/Assets.xcassets/AccentColor.colorset/Contents.json", CONTENTS.slice(0, CONTENTS.indexOf('"info"'))); // cut short
      repo.write("extensions/vscode/languages/vue-language-configuration.json", LANGUAGE_CONFIGURATION.replace('"-->"],', '"-->"]'));
      const errors = (await findingsOf(repo)).filter((f) => f.level === "error");
      const first = (file: string) => errors.find((f) => f.file === file);
      expect(first("configs/experiment/example.yaml")).toMatchObject({ rule: "parse/duplicate-key", line: 10 });
      expect(first("pubspec.yaml")).toMatchObject({ rule: "parse/syntax", line: 6 });
      expect(first("ios/Runner/Assets.xcassets/AccentColor.colorset/Contents.json")).toMatchObject({ rule: "parse/truncated" });
      expect(first("extensions/vscode/languages/vue-language-configuration.json")).toMatchObject({ rule: "parse/syntax", line: 5 });
      expect([...new Set(errors.map((f) => f.file))].sort()).toEqual([
        "configs/experiment/example.yaml",
        "extensions/vscode/languages/vue-language-configuration.json",
        "ios/Runner/Assets.xcassets/AccentColor.colorset/Contents.json",
        "pubspec.yaml",
      ]);
    }));
});
