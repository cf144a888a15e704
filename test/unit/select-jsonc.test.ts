/** The default JSONC set and how a selected file's format is decided (src/core/select/jsonc.ts). */
import { describe, expect, it } from "vitest";
import { DEFAULT_JSONC, formatForSelected, isDefaultJsonc, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { matcher } from "../../src/core/glob.js";
import { packageJsonCandidates, vscodeJsoncFiles } from "../../src/core/select/vscode-contributions.js";

describe("the default JSONC set", () => {
  const jsonc = jsoncMatcher(undefined);

  it.each([
    ".vscode/settings.json",
    "packages/web/.vscode/settings.json",
    ".vscode/launch.json",
    "notes.jsonc",
    "deep/er/x.jsonc",
    "tsconfig.json",
    "tsconfig.build.json",
    "packages/a/tsconfig.json",
    "jsconfig.json",
    "web/jsconfig.json",
    "devcontainer.json",
    ".devcontainer.json",
    ".devcontainer/devcontainer.json",
    ".devcontainer/python/devcontainer.json",
    "app/.devcontainer/devcontainer.json",
    ".eslintrc.json",
    "web/.eslintrc.json",
    "language-configuration.json",
    "ext/syntaxes/foo.language-configuration.json",
    "themes/Monokai-color-theme.json",
    "ext/themes/seti-icon-theme.json",
    "ext/themes/my-product-icon-theme.json",
    ".babelrc.json",
    "babel.config.json",
    "src/Handler/aws-lambda-tools-defaults.json", // Amazon.Lambda.Tools; Visual Studio adds a BOM
    ".codesandbox/tasks.json", // CodeSandbox writes it with comments
    "examples/app/.codesandbox/tasks.json",
    "asv_bench/asv.conf.json", // asv reads its config with comments (pydata/xarray)
    "asv.conf.json",
    "Web/JSLintNet.json", // JSLint.NET reads it with Json.NET and writes it with a BOM (OfficeDev/Office-Add-in-samples)
    // GitHub Linguist's "JSON with Comments" names (lib/linguist/languages.yml):
    "jest.tsconfig.json", // its `.tsconfig.json` extension: tsc -p / ts-jest read it as a tsconfig
    "packages/a/app.tsconfig.json",
    ".oxlintrc.json", // oxlint strips comments and trailing commas before parsing
    "apps/web/.oxlintrc.json",
    ".oxfmtrc.json", // oxfmt reads its config as oxlint does (oxc-project/oxc)
    "apps/oxfmt/.oxfmtrc.json",
    "docfx.json", // DocFX loads DocfxConfig with Newtonsoft.Json (comments, trailing commas); microsoft/reverse-proxy
    "docs/docfx/docfx.json",
    ".zed/settings.json", // Zed reads its project files with serde_json_lenient (zed-industries/extensions)
    "crates/app/.zed/tasks.json",
    // cspell reads every JSON config with comment-json: its search names and dictionary
    // packages' cspell-ext.json (streetsidesoftware/cspell-dicts)
    "dictionaries/en_US/cspell-ext.json",
    "cspell-ext.json",
    "cSpell.json",
    ".cSpell.json",
    "cspell.config.json",
    // bsb (BuckleScript, ReScript through 11) lexes bsconfig.json with comments and trailing
    // commas, and its templates ship a comment there (hasura/learn-graphql); BrighterScript too
    "bsconfig.json",
    "tutorials/frontend/rescript-react-apollo/app-final/bsconfig.json",
  ])("%s is JSONC", (file) => {
    expect(jsonc(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe("jsonc");
  });

  it.each([
    "package.json",
    "composer.json",
    "data/settings.json",
    "vscode/settings.json", // not the .vscode folder
    ".vscode/sub/settings.json", // not read by VS Code as settings
    "themes/dark.json", // a website's theme data: strict JSON
    "tsconfig.yaml",
    "eslintrc.json",
    "tasks.json", // only CodeSandbox's, in .codesandbox/
    ".codesandbox/template.json",
    "asv.conf.json.bak",
    "benchmarks/asv.json",
    "JSLintNet.json.bak",
    "tsconfig.json.bak",
    "mytsconfig.json.txt",
    "oxlintrc.json", // oxlint's default name has the dot; a bare oxlintrc.json is not its config
    ".oxlintrc.json.bak",
    "my-docfx.json",
    "docfx.json.bak",
    "zed/settings.json", // not the .zed folder
    ".zed/sub/settings.json",
    "rescript.json", // ReScript 12's rewatch reads it with serde_json: strict
    "my-bsconfig.json",
    "bsconfig.json.bak",
  ])("%s is strict JSON", (file) => {
    expect(jsonc(file)).toBe(false);
  });

  it("a YAML file under a JSONC folder stays YAML, with the defaults and with a user's folder glob", () => {
    expect(formatForSelected(".devcontainer/docker-compose.yml", jsonc)).toBe("yaml");
    const user = matcher([".devcontainer/**", ".vscode/**"]);
    expect(formatForSelected(".devcontainer/docker-compose.yml", user)).toBe("yaml");
    expect(formatForSelected(".devcontainer/compose.YAML", user)).toBe("yaml");
    expect(formatForSelected(".devcontainer/devcontainer.json", user)).toBe("jsonc");
  });

  it("*.jsonc is JSONC even when validate.jsonc is set and does not list it; other names follow the globs", () => {
    const none = jsoncMatcher([]);
    expect(formatForSelected("a.jsonc", none)).toBe("jsonc");
    expect(formatForSelected("tsconfig.json", none)).toBe("json");
    expect(formatForSelected(".babelrc", matcher([".babelrc"]))).toBe("jsonc");
    expect(formatForSelected("x.unknown", none)).toBe("json");
  });

  it("reads Renovate's config files as JSONC by default (Renovate parses them with jsonc-parser), not every default.json", () => {
    for (const p of ["renovate.json", ".github/renovate.json", ".renovaterc.json"]) expect(isDefaultJsonc(p), p).toBe(true);
    expect(isDefaultJsonc("default.json")).toBe(false);
    expect(isDefaultJsonc("renovate-config.json")).toBe(false);
  });

  it("holds only JSON names", () => {
    for (const g of DEFAULT_JSONC) expect(g, g).toMatch(/\.jsonc?$/);
  });
});

describe("VS Code contributions", () => {
  const manifest = {
    engines: { vscode: "^1.80.0" },
    contributes: {
      themes: [{ path: "./themes/a.json" }, { path: "../outside.json" }, { path: 5 }],
      iconThemes: [{ path: "icons/i.json" }],
      productIconThemes: [{ path: "p.json" }],
      languages: [{ id: "x", configuration: "./lang/x.json" }, { id: "y" }],
      snippets: [{ path: "./s/x.json" }],
      grammars: [{ path: "./syntaxes/x.tmLanguage.json" }],
    },
  };

  it("names the contributed JSONC files, relative to the package.json", () => {
    expect([...vscodeJsoncFiles("ext/package.json", manifest)].sort()).toEqual([
      "ext/icons/i.json",
      "ext/lang/x.json",
      "ext/p.json",
      "ext/s/x.json",
      "ext/themes/a.json",
      "outside.json",
    ]);
  });

  it("nothing unless it is a VS Code extension, and nothing from odd shapes", () => {
    expect(vscodeJsoncFiles("package.json", { ...manifest, engines: { node: "20" } }).size).toBe(0);
    expect(vscodeJsoncFiles("package.json", { engines: { vscode: "1" }, contributes: [] }).size).toBe(0);
    expect(vscodeJsoncFiles("package.json", null).size).toBe(0);
    expect(vscodeJsoncFiles("package.json", { engines: { vscode: "1" }, contributes: { themes: "x" } }).size).toBe(0);
  });

  it("package.json candidates, nearest first", () => {
    expect(packageJsonCandidates("a/b/c.json")).toEqual(["a/b/package.json", "a/package.json", "package.json"]);
    expect(packageJsonCandidates("c.json")).toEqual(["package.json"]);
  });
});

describe("isDefaultJsonc agrees with the DEFAULT_JSONC globs", () => {
  const globs = matcher(DEFAULT_JSONC);
  const bases = [
    "a.jsonc",
    ".jsonc",
    "x.json",
    "settings.json",
    "tsconfig.json",
    "tsconfig.base.json",
    "tsconfigx.json",
    "tsconfig.yaml",
    "jest.tsconfig.json",
    ".tsconfig.json",
    "a.tsconfig.jsonx",
    ".oxlintrc.json",
    "oxlintrc.json",
    ".oxfmtrc.json",
    "oxfmtrc.json",
    "jsconfig.json",
    "devcontainer.json",
    ".devcontainer.json",
    "my.devcontainer.json",
    ".eslintrc.json",
    ".eslintrc",
    ".babelrc.json",
    "babel.config.json",
    "babel.config.js",
    "language-configuration.json",
    "x.language-configuration.json",
    "-color-theme.json",
    "a-color-theme.json",
    "a-color-theme.jsonc",
    "a-icon-theme.json",
    "a.icon-theme.json",
    "package.json",
    "a.json.bak",
    "appsettings.json",
    "appsettings.Development.json",
    "myappsettings.json",
    "appsettings.yaml",
    "launchSettings.json",
    "launchsettings.json",
    "ocelot.json",
    "ocelot.global.json",
    "ocelot.Development.json",
    "myocelot.json",
    "ocelot.yaml",
    "Ocelot.json",
    "omnisharp.json",
    ".omnisharp/omnisharp.json",
    "my-omnisharp.json",
    "global.json",
    "Global.json",
    "host.json",
    "my-host.json",
    "bundleconfig.json",
    ".markdownlint.json",
    ".markdownlint.yaml",
    "turbo.json",
    "nx.json",
    "project.json",
    "deno.json",
    "tslint.json",
    "api-extractor.json",
    "cspell.json",
    ".cspell.json",
    "cSpell.json",
    ".cSpell.json",
    "cspell.config.json",
    "cspell-ext.json",
    "my-cspell-ext.json",
    "cspell-ext.json5",
    "pyrightconfig.json",
    "wrangler.json",
    "wrangler.toml",
    "aws-lambda-tools-defaults.json",
    "asv.conf.json",
    "my-asv.conf.json",
    "tasks.json",
    "tasks.jsonc",
    "renovate.json",
    ".renovaterc.json",
    ".renovaterc",
    "renovate.json5",
    "default.json",
    "docfx.json",
    "my-docfx.json",
    "bsconfig.json",
    "my-bsconfig.json",
    "rescript.json",
  ];
  const dirs = [
    "",
    ".vscode/",
    "a/.vscode/",
    ".vscode/sub/",
    ".devcontainer/",
    "a/.devcontainer/b/",
    "vscode/",
    "a/b/",
    ".devcontainer.d/",
    ".codesandbox/",
    "a/.codesandbox/",
    ".codesandbox/sub/",
    ".zed/",
    "a/.zed/",
    ".zed/sub/",
  ];
  const paths = dirs.flatMap((d) => bases.map((b) => d + b));

  it.each(paths)("%s", (p) => {
    expect(isDefaultJsonc(p)).toBe(globs(p));
  });

  it("is what jsoncMatcher uses for an absent key and for exactly the defaults; other lists are globs", () => {
    expect(jsoncMatcher(undefined)).toBe(isDefaultJsonc);
    expect(jsoncMatcher([...DEFAULT_JSONC])).toBe(isDefaultJsonc);
    expect(jsoncMatcher(DEFAULT_JSONC.slice(1))).not.toBe(isDefaultJsonc);
    expect(jsoncMatcher(DEFAULT_JSONC.slice(1))("a.jsonc")).toBe(false);
  });

  it("a starter list of an earlier version, plus the user's globs, gets today's defaults as well", () => {
    // The list the first starter config wrote (13 globs), and the same with a glob of the user's.
    const first = DEFAULT_JSONC.slice(0, 13);
    expect(first).toContain("**/babel.config.json");
    expect(jsoncMatcher(first)(".oxlintrc.json")).toBe(true); // a default added since
    expect(jsoncMatcher(first)("turbo.json")).toBe(true);
    const withOwn = jsoncMatcher([...first, "config/*.json"]);
    expect(withOwn("config/app.json")).toBe(true);
    expect(withOwn("nx.json")).toBe(true);
    expect(withOwn("data/state.json")).toBe(false);
    expect(jsoncMatcher([...DEFAULT_JSONC].reverse())).toBe(isDefaultJsonc); // order does not matter
    // A starter glob dropped: the list is the user's own, exactly as written.
    const own = jsoncMatcher([...first.filter((g) => g !== "**/.eslintrc.json"), "config/*.json"]);
    expect(own(".eslintrc.json")).toBe(false);
    expect(own("turbo.json")).toBe(false);
    expect(own("config/app.json")).toBe(true);
  });
});
