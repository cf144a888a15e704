/**
 * The pure parts of the two inherited-dialect rules: which files can extend others and how
 * their `extends` entries resolve (core/select/extends-dialect.ts), and which package.json makes
 * a config/*.json a Heft config (core/select/heft-project.ts), and which plugin manifest makes a
 * command-line.json a Rush plugin's (core/select/rush-plugin.ts).
 */
import { describe, expect, it } from "vitest";
import {
  MAX_EXTENDS_PER_FILE,
  extendsReaderOf,
  extendsSpecifiers,
  packageFolderName,
  packagePaths,
  resolveExtends,
} from "../../src/core/select/extends-dialect.js";
import { dependsOnHeft, heftProjectCandidates } from "../../src/core/select/heft-project.js";
import { rushPluginManifestCandidates, rushPluginNames } from "../../src/core/select/rush-plugin.js";

describe("extendsReaderOf", () => {
  it("knows tsconfig/jsconfig, api-extractor.json and a config/ folder's JSON by name", () => {
    expect(extendsReaderOf("tsconfig.json")).toBe("typescript");
    expect(extendsReaderOf("packages/a/tsconfig.build.json")).toBe("typescript");
    expect(extendsReaderOf("web/jsconfig.json")).toBe("typescript");
    expect(extendsReaderOf("apps/x/config/api-extractor.json")).toBe("rush-stack");
    expect(extendsReaderOf("apps/x/config/jest.config.json")).toBe("heft-candidate");
    expect(extendsReaderOf("config/typescript.json")).toBe("heft-candidate");
  });
  it("knows nothing else, and nothing under node_modules/", () => {
    expect(extendsReaderOf("configs/base.json")).toBeUndefined();
    expect(extendsReaderOf("apps/x/config/sub/a.json")).toBeUndefined();
    expect(extendsReaderOf("apps/x/config/a.yaml")).toBeUndefined();
    expect(extendsReaderOf("node_modules/@tsconfig/node20/tsconfig.json")).toBeUndefined();
    expect(extendsReaderOf("apps/x/node_modules/y/config/a.json")).toBeUndefined();
  });
});

describe("extendsSpecifiers", () => {
  it("reads a string or an array of strings, and nothing else", () => {
    expect(extendsSpecifiers({ extends: "./base.json" })).toEqual(["./base.json"]);
    expect(extendsSpecifiers({ extends: ["./a.json", 3, "", "b/c"] })).toEqual(["./a.json", "b/c"]);
    expect(extendsSpecifiers({ extends: { path: "./a.json" } })).toEqual([]);
    expect(extendsSpecifiers(["./a.json"])).toEqual([]);
    expect(extendsSpecifiers(null)).toEqual([]);
  });
  it("follows a bounded number of entries", () => {
    const many = Array.from({ length: 100 }, (_, i) => `./c${i}.json`);
    expect(extendsSpecifiers({ extends: many })).toHaveLength(MAX_EXTENDS_PER_FILE);
  });
});

describe("resolveExtends", () => {
  it("resolves relative entries inside the repository; TypeScript also tries .json", () => {
    expect(resolveExtends("apps/x/tsconfig.json", "../../configs/base.json", true)).toEqual({ paths: ["configs/base.json"] });
    expect(resolveExtends("apps/x/tsconfig.json", "./tsconfig.base", true)).toEqual({
      paths: ["apps/x/tsconfig.base", "apps/x/tsconfig.base.json"],
    });
    expect(resolveExtends("apps/x/config/jest.config.json", "./shared", false)).toEqual({ paths: ["apps/x/config/shared"] });
  });
  it("never leaves the repository, never reads absolute paths or node_modules/", () => {
    expect(resolveExtends("apps/x/tsconfig.json", "../../../outside.json", true)).toBeUndefined();
    expect(resolveExtends("tsconfig.json", "/etc/base.json", true)).toBeUndefined();
    expect(resolveExtends("tsconfig.json", "C:/base.json", true)).toBeUndefined();
    expect(resolveExtends("tsconfig.json", "./node_modules/x/base.json", true)).toBeUndefined();
    expect(resolveExtends("tsconfig.json", "@scope/pkg/../../../etc/x.json", true)).toBeUndefined();
    expect(resolveExtends("tsconfig.json", "pkg/node_modules/x/base.json", true)).toBeUndefined();
  });
  it("returns a package entry for the caller to resolve; a bare package is a JSON file only for TypeScript", () => {
    expect(resolveExtends("a/config/jest.config.json", "@rushstack/heft-jest-plugin/includes/jest-shared.config.json", false)).toEqual({
      packageName: "@rushstack/heft-jest-plugin",
      subpath: "includes/jest-shared.config.json",
    });
    expect(resolveExtends("tsconfig.json", "@acme/tsconfig", true)).toEqual({ packageName: "@acme/tsconfig", subpath: "" });
    expect(resolveExtends("a/config/x.json", "some-package", false)).toBeUndefined();
    expect(resolveExtends("tsconfig.json", "@scope", true)).toBeUndefined();
  });
  it("maps a package entry into the package's folder", () => {
    expect(packagePaths("heft-plugins/heft-jest-plugin", "includes/jest-shared.config.json", false)).toEqual([
      "heft-plugins/heft-jest-plugin/includes/jest-shared.config.json",
    ]);
    expect(packagePaths("tooling/ts", "", true)).toEqual(["tooling/ts/tsconfig.json"]);
    expect(packagePaths("", "base", true)).toEqual(["base", "base.json"]);
    expect(packageFolderName("@rushstack/heft-node-rig")).toBe("heft-node-rig");
    expect(packageFolderName("local-rig")).toBe("local-rig");
  });
});

describe("Heft projects", () => {
  it("names the project of a config/*.json, and the rig package of a rig profile", () => {
    expect(heftProjectCandidates("libraries/x/config/typescript.json")).toEqual([
      { packageJson: "libraries/x/package.json", rigJson: "libraries/x/config/rig.json" },
    ]);
    expect(heftProjectCandidates("config/typescript.json")).toEqual([{ packageJson: "package.json", rigJson: "config/rig.json" }]);
    expect(heftProjectCandidates("rigs/r/profiles/default/config/jest.config.json")).toEqual([
      { packageJson: "rigs/r/profiles/default/package.json", rigJson: "rigs/r/profiles/default/config/rig.json" },
      { packageJson: "rigs/r/package.json", rigJson: "rigs/r/config/rig.json" },
    ]);
    expect(heftProjectCandidates("libraries/x/config/sub/a.json")).toEqual([]);
    expect(heftProjectCandidates("libraries/x/typescript.json")).toEqual([]);
    expect(heftProjectCandidates("libraries/x/config/a.yaml")).toEqual([]);
  });
  it("a dependency of any kind on @rushstack/heft, or Heft itself, makes it a Heft project", () => {
    expect(dependsOnHeft({ devDependencies: { "@rushstack/heft": "workspace:*" } })).toBe(true);
    expect(dependsOnHeft({ peerDependencies: { "@rushstack/heft": "^1" } })).toBe(true);
    expect(dependsOnHeft({ name: "@rushstack/heft" })).toBe(true);
    expect(dependsOnHeft({ devDependencies: { "@rushstack/heft-jest-plugin": "1" } })).toBe(false);
    expect(dependsOnHeft({ dependencies: ["@rushstack/heft"] })).toBe(false);
    expect(dependsOnHeft({ dependencies: Object.create({ "@rushstack/heft": "1" }) as object })).toBe(false);
    expect(dependsOnHeft([])).toBe(false);
    expect(dependsOnHeft("@rushstack/heft")).toBe(false);
  });
});

describe("Rush plugin command lines", () => {
  const store = "common/autoinstallers/plugins/rush-plugins/rush-build-command-plugin";
  it("looks for the plugin manifests above a .json file, never under node_modules/", () => {
    expect(rushPluginManifestCandidates(`${store}/rush-build-command-plugin/command-line.json`)).toEqual([
      `${store}/rush-build-command-plugin/rush-plugin-manifest.json`,
      `${store}/rush-plugin-manifest.json`,
      "common/autoinstallers/plugins/rush-plugins/rush-plugin-manifest.json",
      "common/autoinstallers/plugins/rush-plugin-manifest.json",
      "common/autoinstallers/rush-plugin-manifest.json",
      "common/rush-plugin-manifest.json",
      "rush-plugin-manifest.json",
    ]);
    expect(rushPluginManifestCandidates("node_modules/p/command-line.json")).toEqual([]);
    expect(rushPluginManifestCandidates("p/rush-plugin-manifest.json")).toEqual([]);
    expect(rushPluginManifestCandidates("p/command-line.yaml")).toEqual([]);
  });
  it("a manifest names the autoinstaller copy of a plugin's command line, or its commandLineJsonFilePath", () => {
    const manifest = { plugins: [{ pluginName: "rush-build-command-plugin" }] };
    const at = `${store}/rush-plugin-manifest.json`;
    expect(rushPluginNames(at, manifest, `${store}/rush-build-command-plugin/command-line.json`)).toBe(true);
    expect(rushPluginNames(at, manifest, `${store}/other-plugin/command-line.json`)).toBe(false);
    expect(rushPluginNames(at, manifest, `${store}/rush-build-command-plugin/options.json`)).toBe(false);
    const own = { plugins: [{ pluginName: "p", commandLineJsonFilePath: "./config/command-line.json" }] };
    expect(rushPluginNames("plugins/p/rush-plugin-manifest.json", own, "plugins/p/config/command-line.json")).toBe(true);
    expect(rushPluginNames("plugins/p/rush-plugin-manifest.json", own, "plugins/q/config/command-line.json")).toBe(false);
    expect(rushPluginNames("p/rush-plugin-manifest.json", { plugins: [{ pluginName: ".." }] }, "command-line.json")).toBe(false);
    expect(rushPluginNames("p/rush-plugin-manifest.json", { plugins: "x" }, "p/x/command-line.json")).toBe(false);
    expect(rushPluginNames("p/rush-plugin-manifest.json", null, "p/x/command-line.json")).toBe(false);
  });
});
