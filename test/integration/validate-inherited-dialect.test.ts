/**
 * Dialects a JSON file inherits (src/checks/validate-inherited.ts), through `check`,
 * `check --staged` and the parse workers: a Heft project's config/*.json (its package.json
 * depends on @rushstack/heft, or it has config/rig.json) is read as Heft reads it (JSON5), and a
 * file reached only through a tsconfig's or a Heft config's `extends` (relative, or a workspace
 * package's path) as its extender's reader reads it. The same text nothing vouches for, a path
 * through a symlink or out of the repository, and real corruption are still errors.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errorsOf(repo: TestRepo, args: string[], env: Record<string, string> = {}): Promise<Finding[]> {
  const r = await repo.cli([...args, "--format", "json"], env);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
}
const filesOf = (fs: Finding[]) => [...new Set(fs.map((f) => f.file))].sort();

// Reduced from microsoft/rushstack (MIT), commit ae8073b330ea:
// libraries/localization-utilities/config/typescript.json (no $schema; Heft reads it with JsonFile)
// and heft-plugins/heft-jest-plugin/includes/jest-shared.config.json (reached only through the
// `extends` of projects' config/jest.config.json).
const HEFT_TYPESCRIPT =
  '{\n  "staticAssetsToCopy": {\n    // Copy the .resx files used by the tests\n    "fileExtensions": [".resx"],\n  }\n}\n';
const JEST_SHARED =
  '{\n  // "roots" are set by the extending config\n  "testEnvironment": "jest-environment-node",\n  "testMatch": ["<rootDir>/lib/**/*.test.js"],\n}\n';
const HEFT_PACKAGE = (name: string, field = "devDependencies") =>
  JSON.stringify({ name, version: "1.0.0", [field]: { "@rushstack/heft": "workspace:*" } }, null, 2) + "\n";
const PLAIN_PACKAGE = (name: string) =>
  JSON.stringify({ name, version: "1.0.0", devDependencies: { typescript: "5.6.0" } }, null, 2) + "\n";
// A shared tsconfig without $schema, reached only through another tsconfig's extends.
const SHARED_TSCONFIG = '{\n  "compilerOptions": {\n    /* strict everywhere */\n    "strict": true,\n  },\n}\n';

// Reduced from microsoft/rushstack (MIT), commit ae8073b330ea: libraries/rush-lib/src/cli/test/
// pluginWithBuildCommandRepo/common/autoinstallers/plugins/rush-plugins/.../command-line.json.
const COMMAND_LINE = '// the phases this plugin defines\n{\n  "commands": [],\n  "phases": [],\n}\n';
const STORE = "common/autoinstallers/plugins/rush-plugins/rush-build-plugin";

function writeValid(repo: TestRepo): void {
  // Heft project rule: a dependency, a peer dependency of a rig (its profiles), a config/rig.json.
  repo.write("libraries/loc/package.json", HEFT_PACKAGE("@acme/loc"));
  repo.write("libraries/loc/config/typescript.json", HEFT_TYPESCRIPT);
  repo.write("rigs/node-rig/package.json", HEFT_PACKAGE("@acme/node-rig", "peerDependencies"));
  repo.write("rigs/node-rig/profiles/default/config/typescript.json", HEFT_TYPESCRIPT);
  repo.write("apps/rigged/package.json", PLAIN_PACKAGE("rigged"));
  repo.write("apps/rigged/config/rig.json", '{ "rigPackageName": "@acme/node-rig" }\n');
  repo.write("apps/rigged/config/sass.json", '{\n  // no .scss here\n  "srcFolder": "src",\n}\n');
  // Extends rule, Heft: a jest config extends a workspace package's shared config by package
  // path; its folder is named like the package (heft-jest) or not at all (tools/shared-jest).
  repo.write("plugins/heft-jest/package.json", HEFT_PACKAGE("@acme/heft-jest"));
  repo.write("plugins/heft-jest/includes/jest-shared.config.json", JEST_SHARED);
  repo.write("tools/shared-jest/package.json", PLAIN_PACKAGE("@acme/jest-presets"));
  repo.write("tools/shared-jest/web.json", JEST_SHARED);
  repo.write("libraries/loc/config/jest.config.json", '{ "extends": "@acme/heft-jest/includes/jest-shared.config.json" }\n');
  repo.write("rigs/node-rig/profiles/default/config/jest.config.json", '{ "extends": "@acme/jest-presets/web.json" }\n');
  // Extends rule, TypeScript: relative, a chain two deep, an array, a name without .json.
  repo.write("tsconfig.json", '{ "extends": "./configs/base.json", "include": ["src"] }\n');
  repo.write("configs/base.json", '{\n  "extends": "./root",\n  // the shared options\n  "compilerOptions": { "strict": true, },\n}\n');
  repo.write("configs/root.json", SHARED_TSCONFIG);
  repo.write("apps/web/tsconfig.json", '{ "extends": ["../../configs/dom.json", "../../configs/paths.json"] }\n');
  repo.write("configs/dom.json", SHARED_TSCONFIG);
  repo.write("configs/paths.json", SHARED_TSCONFIG);
  // A Rush plugin's command line: the autoinstaller copy Rush commits beside the package's
  // manifest, and the file a manifest names in commandLineJsonFilePath.
  repo.write(`${STORE}/rush-plugin-manifest.json`, '{ "plugins": [{ "pluginName": "build-plugin", "description": "x" }] }\n');
  repo.write(`${STORE}/build-plugin/command-line.json`, COMMAND_LINE);
  repo.write(
    "rush-plugins/own/rush-plugin-manifest.json",
    '{ "plugins": [{ "pluginName": "own", "commandLineJsonFilePath": "./cli/command-line.json" }] }\n',
  );
  repo.write("rush-plugins/own/cli/command-line.json", COMMAND_LINE);
}

describe("dialects inherited from a Heft project or an extending config", () => {
  it("passes in check, the hook and the parse workers; the same text nothing vouches for is still an error", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      // Strict: a config/ file of a project without Heft or rig, a file below config/, a config
      // a non-Heft project's config extends, a shared config no one extends, an extends cycle's
      // target outside the repository, node_modules/ paths, and a Heft config with a leading BOM.
      repo.write("libraries/plain/package.json", PLAIN_PACKAGE("plain"));
      repo.write("libraries/plain/config/typescript.json", HEFT_TYPESCRIPT);
      repo.write("libraries/plain/config/jest.config.json", '{ "extends": "./shared-strict.json" }\n');
      repo.write("libraries/plain/config/shared-strict.json", JEST_SHARED);
      repo.write("libraries/loc/config/sub/extra.json", HEFT_TYPESCRIPT);
      repo.write("configs/orphan.json", SHARED_TSCONFIG);
      repo.write("apps/out/tsconfig.json", '{ "extends": ["../../../configs/orphan.json", "/configs/orphan.json"] }\n');
      repo.write("apps/nm/tsconfig.json", '{ "extends": "./node_modules/base/tsconfig.base.json" }\n');
      repo.write("apps/nm/vendor/base.json", SHARED_TSCONFIG);
      repo.write("libraries/loc/config/bom.json", `\ufeff${HEFT_TYPESCRIPT}`);
      repo.write(`${STORE}/other-plugin/command-line.json`, COMMAND_LINE);
      repo.commitAll("fixtures");
      const strict = [
        "apps/nm/vendor/base.json",
        `${STORE}/other-plugin/command-line.json`,
        "configs/orphan.json",
        "libraries/loc/config/bom.json",
        "libraries/loc/config/sub/extra.json",
        "libraries/plain/config/shared-strict.json",
        "libraries/plain/config/typescript.json",
      ];
      expect(filesOf(await errorsOf(repo, ["check"]))).toEqual(strict);
      expect(filesOf(await errorsOf(repo, ["check"], { IG_PARSE_WORKERS: "2" }))).toEqual(strict);
      // The hook sees the staged files only; their extenders and package.json come from the index.
      repo.write("configs/root.json", SHARED_TSCONFIG.replace("strict everywhere", "strict, always"));
      repo.write("plugins/heft-jest/includes/jest-shared.config.json", JEST_SHARED.replace("node", "jsdom"));
      repo.write("libraries/loc/config/typescript.json", HEFT_TYPESCRIPT.replace(".resx", ".resjson"));
      repo.write("configs/orphan.json", SHARED_TSCONFIG.replace("strict everywhere", "still alone"));
      repo.git("add", "-A");
      expect(filesOf(await errorsOf(repo, ["check", "--staged"]))).toEqual(["configs/orphan.json"]);
    }));

  it("never excuses corruption: an unterminated string, a cut file, a missing comma stay errors", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      repo.commitAll("fixtures");
      repo.write("configs/root.json", '{\n  "compilerOptions": {\n    // cut\n    "strict": tr');
      repo.write("plugins/heft-jest/includes/jest-shared.config.json", '{\n  // broken\n  "testEnvironment": "node\n}\n');
      repo.write("libraries/loc/config/typescript.json", '{\n  // a missing comma\n  "a": 1\n  "b": 2\n}\n');
      repo.write("configs/dom.json", "{\n  // single quotes are JSON5, not JSONC\n  'strict': true\n}\n");
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const errors = await errorsOf(repo, args);
        expect(filesOf(errors)).toEqual([
          "configs/dom.json",
          "configs/root.json",
          "libraries/loc/config/typescript.json",
          "plugins/heft-jest/includes/jest-shared.config.json",
        ]);
        const root = errors.find((f) => f.file === "configs/root.json")!;
        expect(root.rule).toBe("parse/truncated");
        expect(errors.find((f) => f.file === "libraries/loc/config/typescript.json")!.line).toBe(4);
      }
    }));

  it("does not follow extends through a symlinked folder", () =>
    withRepo(async (repo) => {
      writeValid(repo);
      repo.write("real/base.json", SHARED_TSCONFIG);
      fs.symlinkSync("real", path.join(repo.dir, "linked"));
      repo.write("apps/link/tsconfig.json", '{ "extends": "../../linked/base.json" }\n');
      repo.commitAll("fixtures");
      // The link is reported as the check reports any file under it; neither path is excused.
      expect(filesOf(await errorsOf(repo, ["check"]))).toEqual(["linked/base.json", "real/base.json"]);
      repo.write("real/base.json", SHARED_TSCONFIG.replace("strict everywhere", "changed"));
      repo.git("add", "real/base.json");
      expect(filesOf(await errorsOf(repo, ["check", "--staged"]))).toEqual(["linked/base.json", "real/base.json"]);
    }));
});
