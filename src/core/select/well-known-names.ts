/**
 * Files that are JSON or YAML to the program that reads them although their name has no
 * `.json`/`.yaml`/`.yml` extension (lockfiles, rc files, editor and data formats), selected with
 * the default `validate.files`; and `.json` names whose reader is not strict JSON (Mocha strips
 * comments but rejects a trailing comma). Each entry is read as its reader reads it, never
 * stricter: a false block is as bad as a missed corruption. Pure.
 *
 * Left out on purpose (docs/validation.md lists them with the reason):
 * - `yarn.lock` of Yarn 1 and `.yarnrc`: Yarn 1's own format, not YAML (only Yarn 2+'s lockfile,
 *   with `__metadata`, and `.yarnrc.yml` are YAML).
 * - `.markdownlintrc` that does not start with `{`: `rc` reads it as INI.
 * - `.csslintrc` (JSON or command-line options), `.jsbeautifyrc` (config-chain: JSON, else INI):
 *   text that is not JSON is still a config to them.
 * - `.bowerrc`, `.jscsrc`, `.npmpackagejsonlintrc`, `.vsconfig`: their readers' handling of
 *   comments was not confirmed from their source (and differs between versions).
 * - `pack.mcmeta` and other `.mcmeta` files: Minecraft reads them with Gson, lenient in some
 *   versions (comments, unquoted strings) and ignoring text after the object in others; no
 *   reading matches every version, so none is checked rather than one that blocks a pack the
 *   game loads.
 * - `.sequelizerc`: JavaScript.
 */
import type { DocumentFormat } from "../parse/types.js";
import { isUnityYaml, UNITY_EXTENSIONS } from "../parse/unity-yaml.js";
import { ansibleRoleFile, ansibleVarsFile } from "./ansible-vars.js";

/** How a file known by its name is read. */
export interface WellKnownName {
  /** Who reads it (for comments, tests and messages). */
  reader: string;
  /** The format it is parsed as. */
  format: DocumentFormat;
  /** JSONC only: false where the reader skips comments but rejects a trailing comma (strip-json-comments, then JSON.parse). */
  trailingCommas?: false;
  /** JSONC only: false where the reader does not skip a leading BOM (it ends in JSON.parse): a BOM stays an error. */
  leadingBom?: false;
  /**
   * YAML only: the reader strips JSON comments before its YAML parser (ESLint's `.eslintrc`), so
   * JSON with comments (and trailing commas, which YAML flow collections allow) is read too.
   */
  orJsonc?: true;
  /**
   * YAML only: read by js-yaml, which (as PyYAML) refuses a plain key that runs over two lines
   * in a flow mapping; the yaml package accepts it (YAML 1.2 allows it), so a `//` comment in a
   * JSON-looking rc file would otherwise pass as part of the next key.
   */
  jsYaml?: true;
  /**
   * JSONC only: the reader is JSON5 (single quotes, unquoted keys, hex numbers, Infinity): text
   * the JSONC parse refuses is read again by the json5 package (checks/json5-reading.ts).
   */
  json5?: true;
  /**
   * With json5 only: the reader reaches JSON5 only as a fallback it warns is going away (Renovate's
   * renovate.json): text only JSON5 reads passes, its JSONC error kept as a warning saying this.
   */
  json5Deprecated?: string;
  /**
   * YAML with orJsonc only: text that both the YAML and the JSONC readings refuse is read with
   * the json5 package (rc-config-loader tries JSON5, then js-yaml, for `.textlintrc`).
   */
  orJson5?: true;
  /** JSON only: the reader is Minecraft's SNBT reader; text the JSON parse refuses is read as SNBT (core/parse/snbt.ts). */
  snbt?: true;
  /** Only files whose text passes this are this format (Yarn 2+'s yarn.lock); others are skipped unread. */
  when?: (text: string) => boolean;
  /**
   * JSONC only: loaded by Microsoft.Extensions.Configuration.Json, which also refuses a root that
   * is not an object and a setting path given twice in any case (checks/dotnet-configuration.ts).
   */
  dotnetConfiguration?: true;
}

/** Strict JSON readers (RFC 8259): a comment, a trailing comma or a BOM fails them. */
const strict = (reader: string): WellKnownName => ({ reader, format: "json" });
/** JSON with comments and trailing commas (VS Code, Sublime Text, swc, Bun): a leading BOM is skipped. */
const jsonc = (reader: string): WellKnownName => ({ reader, format: "jsonc" });
/** Comments stripped, then JSON.parse: no trailing comma, no BOM. */
const stripped = (reader: string): WellKnownName => ({ reader, format: "jsonc", trailingCommas: false, leadingBom: false });
const yaml = (reader: string): WellKnownName => ({ reader, format: "yaml" });
/** JSON5: JSONC's comments and trailing commas, and more (checks/json5-reading.ts). */
const json5 = (reader: string): WellKnownName => ({ reader, format: "jsonc", json5: true });
/** Renovate's JSON config: JSONC first, JSON5 only as its deprecated fallback. */
const RENOVATE: WellKnownName = {
  ...json5("Renovate (jsonc-parser, then its JSON5 fallback)"),
  json5Deprecated: "Renovate reads it only through its JSON5 fallback, which it warns will be removed",
};
/** Babel reads every JSON config file of its own with json5 (@babel/core config-chain loading). */
const BABEL = json5("Babel (json5)");
/** cosmiconfig, lilconfig and Prettier read an rc file without extension with js-yaml: JSON or YAML. */
const rcYaml = (tool: string): WellKnownName => ({
  reader: `${tool} (an rc file without extension is read with js-yaml, so JSON too)`,
  format: "yaml",
  jsYaml: true,
});

/** JSDoc 3/4: `new Config(stripBom(text))`, which is JSON.parse(stripJsonComments(text)): comments, a BOM, no trailing comma. */
const JSDOC: WellKnownName = { reader: "JSDoc (strip-json-comments, then JSON.parse)", format: "jsonc", trailingCommas: false };

/** Ansible's host_group_vars plugin loads group_vars/host_vars files without extension as YAML (ansible-vars.ts). */
const ANSIBLE_VARS = yaml("Ansible (a group_vars/host_vars file without extension is YAML)");
/** Ansible's role loader reads `tasks/main`, `vars/main`... without extension as YAML (ansible-vars.ts). */
const ANSIBLE_ROLE = yaml("Ansible (a role's main file without extension is YAML)");

/**
 * Text that is JavaScript, not JSON or YAML: rc-config-loader (textlint, npm-check-updates before
 * it moved to lilconfig) tries JSON5, then js-yaml, then requires the file as JavaScript, so a
 * `module.exports = {...}` rc file is a valid config there. A JSON or YAML config has no statement
 * of these forms at a line's start (a YAML key is followed by `:`).
 */
const JS_TEXT =
  /^\s*(?:module\.exports\b|exports\.\w|export\s+default\b|(?:const|let|var)\s+\w+\s*=|['"]use strict['"]|import\s|require\s*\()/m;
/** rc-config-loader's reading of a file without extension: JSON5, then js-yaml; JavaScript is left alone. */
const RC_CONFIG_LOADER = { format: "yaml", orJsonc: true, orJson5: true, when: (t: string) => !JS_TEXT.test(t) } as const;

/**
 * Rush Stack's JsonFile (@rushstack/node-core-library) reads with jju in its default JSON5 mode:
 * rush.json and API Extractor's config (their other files are known by content, jsonc-by-content.ts).
 */
const RUSH_STACK_JSON5 = (tool: string): WellKnownName => json5(`${tool} (Rush Stack JsonFile, JSON5)`);
/**
 * dprint's deserialize_config parses its config with jsonc-parser's default options: comments,
 * trailing commas, single quotes, unquoted keys, hex numbers (and missing commas, which the JSON5
 * reading still refuses: the one difference left, a file with one is rare and reported).
 */
const DPRINT = json5("dprint (jsonc-parser with its loose defaults)");
/**
 * ASP.NET Core's appsettings.json and its environment variants: JsonConfigurationFileParser reads
 * them with System.Text.Json, comments skipped and trailing commas allowed (a BOM skipped by its
 * StreamReader), then flattens them into case-insensitive keys (checks/dotnet-configuration.ts).
 */
const DOTNET_APPSETTINGS: WellKnownName = {
  reader: ".NET configuration (Microsoft.Extensions.Configuration.Json)",
  format: "jsonc",
  dotnetConfiguration: true,
};

/**
 * Ocelot's route configuration: `ocelot.json`, loaded with AddJsonFile (the appsettings reader),
 * and the `ocelot.*.json` files AddOcelot(folder) merges into it, read with File.ReadAllText and
 * Json.NET's JToken.Parse (comments, trailing commas; the BOM dropped) before the merged file is
 * loaded as configuration (ThreeMammals/Ocelot, DependencyInjection/ConfigurationBuilderExtensions).
 */
const OCELOT: WellKnownName = {
  reader: "Ocelot (.NET configuration: AddJsonFile, and Json.NET for the ocelot.*.json it merges)",
  format: "jsonc",
  dotnetConfiguration: true,
};

/**
 * The .NET host (hostfxr's sdk_resolver) reads global.json with its json_parser_t: rapidjson with
 * kParseCommentsFlag and no kParseTrailingCommasFlag, after skipping a UTF-8 BOM
 * (dotnet/runtime src/native/corehost/json_parser.cpp): comments pass, a trailing comma does not.
 */
const DOTNET_GLOBAL_JSON: WellKnownName = {
  reader: ".NET host (hostfxr: rapidjson with comments, no trailing comma)",
  format: "jsonc",
  trailingCommas: false,
};

/**
 * Whether a `global.json` is the .NET SDK's: not a translation catalog under an `i18n/` folder
 * (JHipster apps keep `src/main/webapp/i18n/<lang>/global.json`, merged with JSON.parse), which
 * stays strict JSON.
 */
function dotnetGlobalJson(file: string): boolean {
  return !file.startsWith("i18n/") && !file.includes("/i18n/");
}

/** OmniSharp's omnisharp.json: loaded with AddJsonFile, .NET configuration as appsettings.json is. */
const OMNISHARP: WellKnownName = { reader: "OmniSharp (.NET configuration: AddJsonFile)", format: "jsonc", dotnetConfiguration: true };

/**
 * `ocelot.json` or `ocelot.<anything>.json` (a base name), in the case Ocelot's docs and samples
 * write them; not a Postman export saved beside them (`ocelot.postman_collection.json`, which
 * Postman and newman read as strict JSON).
 */
export function isOcelotConfigName(base: string): boolean {
  return base.startsWith("ocelot.") && base.endsWith(".json") && !base.includes(".postman_");
}

/**
 * Just Enough Calculation (a Minecraft mod whose files modpacks ship in config/) writes
 * record.json, default.json and data/*.json with its own SNBT printer and reads them with
 * Minecraft's JsonToNBT.getTagFromJson (Utilities.Json): `"inventory": 0b` is a byte there. Text
 * that is not JSON is read as SNBT (core/parse/snbt.ts), which decides.
 */
const JEC_FILE = /(^|\/)JustEnoughCalculation\/(?:record|default|data\/[^/]+)\.json$/;
const JEC_SNBT: WellKnownName = {
  reader: "Just Enough Calculation (SNBT, read with Minecraft's JsonToNBT)",
  format: "json",
  snbt: true,
};

/** DVC reads its lockfile and `.dvc` files with ruamel.yaml (dvc/utils/serialize/_yaml.py). */
const DVC = yaml("DVC (ruamel.yaml)");

/**
 * The .NET SDK reads a workload pack's WorkloadManifest.json with Utf8JsonReader,
 * AllowTrailingCommas and CommentHandling.Skip, a BOM skipped (dotnet/sdk
 * Microsoft.NET.Sdk.WorkloadManifestReader, WorkloadManifestReader.SystemTextJson.cs).
 */
const WORKLOAD_MANIFEST = jsonc(".NET SDK workload manifest reader (comments and trailing commas)");
/** `<prefix>WorkloadManifest.json`, the prefix a plain name (letters, digits, `_`, `-`; no dots). */
const WORKLOAD_MANIFEST_NAME = /^[\w-]*WorkloadManifest\.json$/;

/**
 * renv (R) reads renv.lock with renv_json_read: jsonlite's fromJSON when jsonlite is loaded (yajl's
 * tree parser, comments allowed, a BOM skipped), then, if that fails or jsonlite is not loaded,
 * renv's own reader, which rewrites the JSON into an R call and parses it with R (a `#` line is
 * an R comment there). A trailing comma fails both (an empty argument to `list()`), as does a cut
 * or a missing comma. A file with a `#` line in its head is left unread rather than blocked.
 */
const RENV_LOCK: WellKnownName = {
  reader: "renv (jsonlite, then renv's own JSON reader)",
  format: "jsonc",
  trailingCommas: false,
  when: (t) => !/^[ \t]*#/m.test(t),
};

/** Yarn 2+ (berry) writes its lockfile as YAML whose first key is `__metadata`; Yarn 1's has none. */
const YARN_BERRY = /^__metadata:/m;

/** StyleCop Analyzers' stylecop.json (SettingsJsonHelper: SourceText, then LightJson's JsonReader). */
const STYLECOP = jsonc("StyleCop Analyzers (Roslyn SourceText, then LightJson)");

const BY_NAME = new Map<string, WellKnownName>([
  ["Package.resolved", strict("SwiftPM (JSONDecoder)")],
  ["composer.lock", strict("Composer (json_decode)")],
  // Symfony Flex reads its recipe lock with Composer's JsonFile (json_decode; a parse failure stops composer).
  ["symfony.lock", strict("Symfony Flex (Composer's JsonFile: json_decode)")],
  ["Pipfile.lock", strict("Pipenv (json.load)")],
  ["flake.lock", strict("Nix flakes")],
  // devenv's lock is a flake lock: devenv loads it with Nix's LockFile::parse (devenv-nix-backend
  // load_lock_file; older devenv passed it to `nix --reference-lock-file`), strict JSON.
  ["devenv.lock", strict("devenv (Nix's flake lock reader)")],
  ["deno.lock", strict("Deno (serde_json)")],
  // Bun's text lockfile is JSONC: Bun writes it with trailing commas.
  ["bun.lock", jsonc("Bun (bun.lock is JSONC)")],
  // swc parses it with jsonc_parser, comments and trailing commas allowed, a BOM trimmed (swc-project/swc#4236).
  [".swcrc", jsonc("swc (jsonc_parser)")],
  // JSHint: JSON.parse(stripJsonComments(text)).
  [".jshintrc", stripped("JSHint (strip-json-comments, then JSON.parse)")],
  // firebase-tools loads .firebaserc with cjson, as firebase.json (jsonc-by-content.ts).
  [".firebaserc", stripped("Firebase CLI (cjson)")],
  // Mocha's JSON config loader: JSON.parse(stripJsonComments(text)), for .mocharc.json and .mocharc.jsonc alike.
  [".mocharc.json", stripped("Mocha (strip-json-comments, then JSON.parse)")],
  [".mocharc.jsonc", stripped("Mocha (strip-json-comments, then JSON.parse)")],
  // EAS CLI reads eas.json with JSON.parse, falling back to JSON5 (EasJsonAccessor, golden-fleece).
  ["eas.json", json5("Expo EAS CLI (JSON5)")],
  // Renovate reads renovate.json and .renovaterc.json with jsonc-parser, then, where that fails,
  // with JSON5 and a warning that this fallback will be removed (lib/util/common.ts,
  // parseJsonWithFallback): `"\."` in a regex string reads (jenkinsci/configuration-as-code-plugin).
  // `.renovaterc` (one of its configFileNames, lib/config/app-strings.ts) has no extension: only a
  // `.json5` name goes straight to JSON5 (parseFileConfig), so it is read as renovate.json is.
  ["renovate.json", RENOVATE],
  [".renovaterc.json", RENOVATE],
  [".renovaterc", RENOVATE],
  [".babelrc", BABEL],
  [".babelrc.json", BABEL],
  ["babel.config.json", BABEL],
  [".clang-format", yaml("clang-format (LLVM YAML)")],
  ["_clang-format", yaml("clang-format (LLVM YAML)")],
  [".clang-tidy", yaml("clang-tidy (LLVM YAML)")],
  [".clangd", yaml("clangd (LLVM YAML)")],
  [".yamllint", yaml("yamllint (PyYAML)")],
  ["CITATION.cff", yaml("Citation File Format (YAML 1.2)")],
  ["MLproject", yaml("MLflow (PyYAML)")],
  // A logged MLflow model's metadata (mlruns/<exp>/<run>/artifacts/<model>/MLmodel, committed with
  // the model): Model.save writes it with yaml.safe_dump, Model.load reads it with yaml.safe_load
  // (mlflow/models/model.py); a broken one is a model that no longer loads or serves.
  ["MLmodel", yaml("MLflow model (PyYAML safe_load)")],
  [".condarc", yaml("conda (ruamel.yaml)")],
  ["pubspec.lock", yaml("Dart pub (package:yaml)")],
  ["Podfile.lock", yaml("CocoaPods (Psych)")],
  ["Chart.lock", yaml("Helm (sigs.k8s.io/yaml)")],
  // kpt decodes a package's Kptfile with kyaml (go-yaml v3: a duplicate key fails; pkg/kptfile/kptfileutil).
  ["Kptfile", yaml("kpt (kyaml)")],
  // ansible-lint's load_config reads its `.ansible-lint` with yaml.safe_load (ansiblelint/config.py).
  [".ansible-lint", yaml("ansible-lint (PyYAML safe_load)")],
  [".prettierrc", rcYaml("Prettier")],
  [".stylelintrc", rcYaml("stylelint (cosmiconfig)")],
  [".lintstagedrc", rcYaml("lint-staged (lilconfig)")],
  [".releaserc", rcYaml("semantic-release (cosmiconfig)")],
  // ESLint's legacy loader: yaml.load(stripComments(text)) with js-yaml, for JSON and YAML alike.
  [".eslintrc", { reader: "ESLint (js-yaml after strip-json-comments)", format: "yaml", orJsonc: true, jsYaml: true }],
  ["yarn.lock", { reader: "Yarn 2+ (berry writes its lockfile as YAML)", format: "yaml", when: (t) => YARN_BERRY.test(t) }],
  // Docusaurus reads a docs folder's category metadata, _category_.json as _category_.yml, with
  // js-yaml's Yaml.load (plugin-content-docs, sidebars/index.ts readCategoriesMetadata): a trailing
  // comma or single quotes pass, a // comment or a missing comma does not.
  ["_category_.json", { reader: "Docusaurus (_category_.json is read with js-yaml)", format: "yaml", jsYaml: true }],
  ["dvc.lock", DVC],
  ["renv.lock", RENV_LOCK],
  // @istanbuljs/load-nyc-config: a `.nycrc` without extension goes to JSON.parse (.yml/.yaml to js-yaml).
  [".nycrc", strict("nyc (@istanbuljs/load-nyc-config: JSON.parse)")],
  // unified-engine (remark-cli): an rc file without extension is read by its default loader, parse-json.
  [".remarkrc", strict("remark (unified-engine: parse-json)")],
  // `rc` (markdownlint-cli): text starting with `{` is JSON.parse(stripJsonComments(text)), anything else INI (not checked).
  [".markdownlintrc", { ...stripped("markdownlint-cli (rc: comments stripped, then JSON.parse)"), when: (t) => /^\s*\{/.test(t) }],
  // rc-config-loader (textlint): JSON5 first, then js-yaml (an empty file is an empty config).
  [".textlintrc", { reader: "textlint (rc-config-loader: JSON5, then js-yaml)", ...RC_CONFIG_LOADER, jsYaml: true }],
  // watchman: json_load_file (its jansson), no comment, no trailing comma (tests/integration/test_wm_config).
  [".watchmanconfig", strict("watchman (jansson)")],
  // htmlhint's CLI: JSON.parse(stripJsonComments(readFileSync(path, "utf-8"))), a BOM kept.
  [".htmlhintrc", stripped("htmlhint (strip-json-comments, then JSON.parse)")],
  // all-contributors CLI (util/config-file.js) and bot: JSON.parse ("Configuration file has malformed JSON").
  [".all-contributorsrc", strict("all-contributors (JSON.parse)")],
  // graphql-config: cosmiconfig whose noExt loader is its js-yaml loader (after ${ENV} interpolation).
  [".graphqlrc", rcYaml("GraphQL Config (cosmiconfig)")],
  [".graphqlconfig", rcYaml("GraphQL Config (cosmiconfig, legacy name)")],
  // yamlfmt: its config file is YAML (docs/config-file.md lists `.yamlfmt` first).
  [".yamlfmt", yaml("yamlfmt")],
  // @commitlint/load: cosmiconfig with its default noExt loader (js-yaml).
  [".commitlintrc", rcYaml("commitlint (cosmiconfig)")],
  // commitizen (configLoader/getContent.js): stripBom, then JSON.parse(stripJSONComments(text)) for an rc file.
  [".czrc", { reader: "commitizen (BOM and comments stripped, then JSON.parse)", format: "jsonc", trailingCommas: false }],
  // c8 (lib/load-config.js): a name of its CONFIG_FILE_NAMES without a known extension goes to
  // JSON.parse(readFileSync(path, 'utf8')): no comment, no BOM.
  [".c8rc", strict("c8 (JSON.parse)")],
  // npm-check-updates: rc-config-loader with ['.json', '.yml', '.js'] (JSON5, js-yaml, JavaScript)
  // until it moved to lilconfig, whose noExt loader is the yaml package; JavaScript is skipped.
  [".ncurc", { reader: "npm-check-updates (JSON5 or YAML)", ...RC_CONFIG_LOADER }],
  [".jsdoc.json", JSDOC],
  ["jsdoc.json", JSDOC],
  ["jsdoc.conf.json", JSDOC],
  // Angular CLI reads its workspace with jsonc-parser's parseTree, allowTrailingComma on and
  // comments allowed (@angular-devkit/core workspace/json/reader.ts); the scanner skips a BOM.
  ["angular.json", jsonc("Angular CLI (jsonc-parser, comments and trailing commas)")],
  // Lerna (v7+) loads lerna.json through cosmiconfig with a loader of its own, @nx/devkit's
  // parseJson (jsonc-parser: comments, trailing commas); its spec loads a lerna.json holding both.
  ["lerna.json", jsonc("Lerna (@nx/devkit parseJson: comments, trailing commas)")],
  // LSP-json (Sublime Text) reads every package's sublime-package.json with sublime.decode_value,
  // Sublime's own lenient JSON: sublimelsp/LSP's has `//` comments, LSP-json's a trailing comma.
  ["sublime-package.json", jsonc("Sublime Text LSP-json (sublime.decode_value)")],
  // TSLint's readConfigurationFile: a BOM dropped, then JSON.parse(stripComments(text)): no trailing comma.
  // coc.nvim (Vim, Neovim) reads coc-settings.json (the user's, and a workspace's .vim/coc-settings.json)
  // with jsonc-parser's visit at its defaults (configuration/parser.ts): comments pass; a trailing
  // comma is a parse error coc reports for the file, and the text is read as utf8 with a BOM kept.
  ["coc-settings.json", stripped("coc.nvim (jsonc-parser visit: comments, no trailing comma)")],
  ["tslint.json", { reader: "TSLint (comments stripped, then JSON.parse)", format: "jsonc", trailingCommas: false }],
  // OmniSharp loads omnisharp.json (the project's, and ~/.omnisharp/omnisharp.json) with AddJsonFile,
  // the appsettings reader (OmniSharp.Host Startup), so .NET configuration's rules come with it.
  ["omnisharp.json", OMNISHARP],
  // The Azure Functions host reads host.json with File.ReadAllText (a BOM dropped) and Json.NET's
  // JObject.Parse (HostJsonFileConfigurationSource.LoadHostConfig): comments, trailing commas.
  ["host.json", jsonc("Azure Functions host (File.ReadAllText, then Json.NET)")],
  // Azure Functions Core Tools (`func start`, `func settings`) reads local.settings.json with
  // FileSystemHelpers.ReadAllTextFromFile and Json.NET's JsonConvert.DeserializeObject
  // (Common/AppSettingsFile.cs), and its worker host with System.Text.Json, CommentHandling.Skip
  // and AllowTrailingCommas (CoreToolsHost LocalSettingsJsonParser): comments, trailing commas.
  ["local.settings.json", jsonc("Azure Functions Core Tools (Json.NET)")],
  // TSDoc's loader (@microsoft/tsdoc-config TSDocConfigFile, used by API Extractor and
  // eslint-plugin-tsdoc) finds tsdoc.json by name beside tsconfig.json or package.json and reads it
  // with jju.parse(text, { mode: "cjson" }): comments, no trailing comma; readFileSync keeps a BOM.
  // A tsdoc.json with the `$schema` TSDoc requires is known by content too (jsonc-by-content.ts).
  ["tsdoc.json", { reader: "TSDoc (tsdoc-config: jju in cjson mode)", format: "jsonc", trailingCommas: false, leadingBom: false }],
  // Angular's dev-infra (ng-dev caretaker, utils/g3-sync-config.ts) reads .ng-dev/google-sync-config.json
  // with jsonc-parser's parse(content, errors) and fails on any collected error: comments pass, a
  // trailing comma (allowTrailingComma unset) does not.
  ["google-sync-config.json", { reader: "Angular ng-dev (jsonc-parser, no trailing comma)", format: "jsonc", trailingCommas: false }],
  // TypeDoc reads typedoc.json with ts.readConfigFile: TypeScript's JSONC (comments, trailing commas).
  ["typedoc.json", jsonc("TypeDoc (ts.readConfigFile)")],
  // The Lua language server's loadRCConfig: jsonc.decode_jsonc (comments, trailing commas).
  [".luarc.json", jsonc("Lua language server (jsonc)")],
  ["dprint.json", DPRINT],
  [".dprint.json", DPRINT],
  ["dprint.jsonc", DPRINT],
  [".dprint.jsonc", DPRINT],
  ["rush.json", RUSH_STACK_JSON5("Rush")],
  ["api-extractor.json", RUSH_STACK_JSON5("API Extractor")],
  // ember-cli reads .ember-cli with yam: comments stripped by regular expressions, then JSON.parse.
  [".ember-cli", stripped("Ember CLI (yam: comments stripped, then JSON.parse)")],
  // Web Compiler (Visual Studio, as BundlerMinifier's bundleconfig.json): it writes its
  // compilerconfig.json with a BOM and reads it with File.ReadAllText (BOM dropped) and Json.NET
  // (comments, trailing commas); dotnet-architecture/eShopOnWeb keeps one with a BOM.
  ["compilerconfig.json", jsonc("Web Compiler (File.ReadAllText, then Json.NET)")],
  ["WorkloadManifest.json", WORKLOAD_MANIFEST],
  // The .NET SDK's GenerateRuntimeConfigurationFiles merges the project's runtimeconfig.template.json
  // (its UserRuntimeConfig) into runtimeconfig.json with Json.NET's JObject.Load, which skips
  // comments (PowerShell's start with a `//` line) and trailing commas; File.OpenText drops a BOM.
  ["runtimeconfig.template.json", jsonc("the .NET SDK (runtimeconfig.template.json, read with Json.NET)")],
  // StyleCop Analyzers reads its settings as an AdditionalText (Roslyn's SourceText: a BOM dropped;
  // microsoft/winget-cli's has one) with its own LightJson: comments skipped, trailing commas allowed.
  ["stylecop.json", STYLECOP],
  [".stylecop.json", STYLECOP],
]);

const AD7_ENGINE = jsonc("OpenDebugAD7 (File.ReadAllText, then Json.NET)");

/** Sublime Text reads its resource files with its own JSON reader: comments and trailing commas. */
const SUBLIME = [
  "build",
  "color-scheme",
  "commands",
  "completions",
  "keymap",
  "macro",
  "menu",
  "mousemap",
  "project",
  "settings",
  "theme",
  "workspace",
].map((kind) => [`.sublime-${kind}`, jsonc("Sublime Text")] as const);

const TFSTATE = strict("Terraform (encoding/json)");
/** Tiled (QJsonDocument::fromJson): strict JSON; the game engines that load its exports are strict too. */
const TILED = strict("Tiled (Qt's JSON reader)");

/**
 * LDtk's projects and the levels it saves beside them (`.ldtkl`): the editor (Electron) reads both
 * with haxe.Json.parse, JSON.parse on its JavaScript target (ui/ProjectLoader.hx), so a comment,
 * a trailing comma or a BOM stops the project from opening; it writes them itself (JsonPretty).
 */
const LDTK = strict("LDtk (haxe.Json.parse: JSON.parse)");

/** Excalidraw (JSON.parse of the file's text; the UTF-8 decode drops a BOM: json-bom-readers.ts). */
const EXCALIDRAW = strict("Excalidraw (JSON.parse)");

const JSON_LINES = strict("JSON Lines readers (json.loads per line, jq, Elasticsearch _bulk)");

/**
 * Unity's text-serialized assets (core/parse/unity-yaml.ts): YAML 1.1 with Unity's `!u!` class tags,
 * loaded by the editor, which cannot open a scene or prefab cut short or left with conflict markers
 * (the objects it cannot read are dropped: lost references on the next save). Selected only when
 * the text starts with Unity's `%YAML 1.1` / `%TAG !u!` header: these extensions are short, and a
 * binary-serialized asset, or another program's `.asset`, is not YAML. Not `.meta` (their own key
 * lines, no header) nor `.asmdef`/`.asmref` (JSON read by Unity's native parser, whose leniency was
 * not confirmed): left out rather than read stricter than Unity reads them.
 */
const UNITY = yaml("Unity (text-serialized asset: YAML 1.1 with `!u!` tags)");
const UNITY_ASSET = { ...UNITY, when: isUnityYaml };

/**
 * Unreal Engine's plugin and project descriptors. The engine reads them with FJsonSerializer
 * (TJsonReader, Runtime/Json/Public/Serialization/JsonReader.h): no comments (`/` is "Invalid Json
 * Token"), a file cut short or a missing comma fails, and a plugin that does not load is missing
 * from the editor. First read as JSON; what that refuses is read again as Unreal reads it
 * (jsonc-by-content.ts: a trailing comma passes, as sideeffects/HoudiniEngineForUnreal#242 shipped).
 */
const UNREAL_DESCRIPTOR = strict("Unreal Engine (FJsonSerializer)");

/** By extension (lower case); `.tfstate.backup` is looked up by its last part. */
const BY_EXTENSION = new Map<string, WellKnownName>([
  [".tfstate", TFSTATE],
  [".arb", strict("Flutter gen-l10n (json.decode)")],
  [".geojson", strict("GeoJSON (RFC 7946)")],
  // TopoJSON is JSON (topojson-specification); d3 and topojson-client load it with JSON.parse.
  [".topojson", strict("TopoJSON readers (JSON.parse)")],
  // JSON-LD 1.1 documents are JSON: jsonld.js parses them with JSON.parse, pyld with json.loads.
  [".jsonld", strict("JSON-LD processors (jsonld.js, pyld)")],
  [".ipynb", strict("Jupyter (nbformat, json.loads)")],
  // JSON Lines: one JSON value a line (json.loads per line, jq, Elasticsearch _bulk); the JSON
  // parse of such a name reads it a line at a time (core/parse/json-lines.ts).
  [".jsonl", JSON_LINES],
  [".ndjson", JSON_LINES],
  [".jsonlines", JSON_LINES],
  // Browsers decode the manifest as UTF-8 (a BOM dropped) and parse it as JSON: json.ts warns on a BOM.
  [".webmanifest", strict("browsers (Web App Manifest)")],
  [".har", strict("HTTP Archive readers (JSON.parse)")],
  // Excalidraw's scenes and libraries: the file's decoded text goes to JSON.parse
  // (loadSceneOrLibraryFromBlob, parseLibraryJSON in packages/excalidraw/data/blob.ts).
  [".excalidraw", EXCALIDRAW],
  [".excalidrawlib", EXCALIDRAW],
  [".gltf", strict("glTF 2.0 (JSON, no BOM)")],
  [".xcstrings", strict("Xcode string catalogs")],
  // Avro's Java Schema.Parser enables Jackson's ALLOW_COMMENTS; no trailing comma; Jackson skips a BOM.
  [".avsc", { reader: "Apache Avro (Jackson with comments allowed)", format: "jsonc", trailingCommas: false }],
  // Renovate's renovate.json5 and other JSON5 files: the json5 package is the reference reader.
  [".json5", json5("JSON5 readers (json5)")],
  [".code-workspace", jsonc("VS Code (JSONC)")],
  [".dvc", DVC],
  // Sublime Text's syntax definitions are YAML (a `%YAML 1.2` header and `---`); their tests are text.
  [".sublime-syntax", yaml("Sublime Text (YAML syntax definition)")],
  [".code-snippets", jsonc("VS Code (JSONC)")],
  ...SUBLIME,
  // cwltool loads every CWL document through schema-salad, which parses JSON and YAML alike with
  // ruamel.yaml (YAML 1.2, a repeated key refused); the `#!/usr/bin/env cwl-runner` line is a comment.
  [".cwl", yaml("CWL (schema-salad, ruamel.yaml)")],
  // Galaxy imports a .ga workflow with json.loads; the name is short, so only Galaxy's own key selects it.
  [".ga", { reader: "Galaxy (json.loads)", format: "json", when: (t) => /"a_galaxy_workflow"\s*:/.test(t) }],
  // Tiled reads its JSON maps, tilesets, templates, worlds and projects with QJsonDocument::fromJson.
  [".tmj", TILED],
  [".tsj", TILED],
  [".tiled-project", TILED],
  [".uplugin", UNREAL_DESCRIPTOR],
  [".uproject", UNREAL_DESCRIPTOR],
  [".ldtk", LDTK],
  [".ldtkl", LDTK],
  // Short or common extensions: only what Tiled writes (a template's or world's `"type"`, a world's map list).
  [".tj", { ...TILED, when: (t) => /"type"\s*:\s*"template"/.test(t) }],
  [".world", { ...TILED, when: (t) => /^\s*\{[\s\S]*"(?:maps|patterns)"\s*:\s*\[/.test(t) }],
  // JSON Canvas (jsoncanvas.org), Obsidian's canvases: Obsidian writes them with JSON.stringify
  // and reads them with JSON.parse, and a vault kept in git (obsidian-git) carries them. The name
  // is a common word, and Obsidian creates a new canvas as an empty file: only text that opens an
  // object and names the format's `nodes` or `edges` is one (a cut canvas still does).
  [".canvas", { reader: "Obsidian (JSON Canvas, JSON.parse)", format: "json", when: jsonCanvas }],
  ...UNITY_EXTENSIONS.map((ext): [string, WellKnownName] => [ext, UNITY_ASSET]),
]);

/** Whether `text` is a JSON Canvas document: an object first, with a `"nodes"` or `"edges"` key (two linear scans). */
function jsonCanvas(text: string): boolean {
  return /^\s*\{/.test(text) && /"(?:nodes|edges)"\s*:/.test(text);
}

/**
 * An `.arb` that is an Arbre view template (Ruby: Arbre registers Rails' `:arb` template handler;
 * ActiveAdmin's own views, such as `app/views/active_admin/page/index.html.arb`), not Flutter's ARB
 * catalog: it sits in a Rails view path (`app/views/`, an engine's too), or its name carries a
 * Rails format (or a format+variant) before the handler, `show.html.arb`, which gen-l10n's
 * `<prefix>_<locale>.arb` names never do.
 */
function arbreTemplate(file: string): boolean {
  return (
    /(^|\/)app\/views\//.test(file) ||
    /\.(?:html|text|txt|js|css|xml|rss|atom|json|csv|ics|svg|pdf|turbo_stream)(?:\+\w+)?\.arb$/i.test(file)
  );
}

/** The entry for `file` (repo-relative), when its name makes it JSON or YAML to its reader. Costs a map lookup or two. */
export function wellKnownName(file: string): WellKnownName | undefined {
  const base = file.slice(file.lastIndexOf("/") + 1);
  const named = BY_NAME.get(base);
  if (named) return named;
  if (base.startsWith("appsettings") && base.endsWith(".json")) return DOTNET_APPSETTINGS;
  if (isOcelotConfigName(base)) return OCELOT;
  if (base === "global.json") return dotnetGlobalJson(file) ? DOTNET_GLOBAL_JSON : undefined;
  // Workload manifests kept under a prefixed name (dotnet/arcade's test assets
  // `mauiWorkloadManifest.json`, `BlazorWorkloadManifest.json`) are read by the same reader;
  // other names holding one are known by content (jsonc-by-content.ts).
  if (base.endsWith("WorkloadManifest.json") && WORKLOAD_MANIFEST_NAME.test(base)) return WORKLOAD_MANIFEST;
  // A debug adapter's engine description (`cppdbg.ad7Engine.json`): OpenDebugAD7 (MIEngine's
  // EngineConfiguration.TryGet) reads `<adapterId>.ad7Engine.json` with File.ReadAllText (a BOM
  // dropped) and Json.NET (comments, trailing commas); vscode-cpptools' starts with a BOM.
  if (base.endsWith(".ad7Engine.json")) return AD7_ENGINE;
  if (base.endsWith(".json") && JEC_FILE.test(file)) return JEC_SNBT;
  if (file.includes("_vars/") && ansibleVarsFile(file)) return ANSIBLE_VARS;
  if (file.includes("roles/") && ansibleRoleFile(file)) return ANSIBLE_ROLE;
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return undefined; // no extension, or a dot file's own name (".har")
  const ext = base.slice(dot).toLowerCase();
  if (ext === ".backup") return /.\.tfstate\.backup$/i.test(base) ? TFSTATE : undefined;
  if (ext === ".arb" && arbreTemplate(file)) return undefined;
  return BY_EXTENSION.get(ext);
}

/**
 * The entry that decides how `file` is read: none for a `.yaml`/`.yml` name (always YAML), so a
 * name listed here stays what its extension says when it has one of those.
 */
export function wellKnownOf(file: string): WellKnownName | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return undefined;
  return wellKnownName(file);
}

/** Bytes looked at for an entry's `when` (Yarn's `__metadata` follows a two-line header). */
export const WHEN_HEAD_BYTES = 16 * 1024;

/**
 * True when a configured `validate.files` list means "the default selection" (absent, or holding
 * every default glob, as the starter config writes it): well-known names are then selected too,
 * also those added in a later version, for a config an earlier `init` wrote.
 */
export function selectsWellKnownNames(files: readonly string[] | undefined, defaults: readonly string[]): boolean {
  return files === undefined || defaults.every((g) => files.includes(g));
}
