/**
 * JSON files whose reader skips comments, known by what they are rather than by a name a glob
 * can hold: `manifest.json` and `app.json` are common names whose other readers (a web app
 * manifest, Heroku's app.json, Unity's Packages/manifest.json) are strict, so the file's own
 * content, or the pack it sits in, decides. Asked only after a strict parse failed, so valid
 * files never pay for it. Pure.
 */
import type { ParseOptions } from "../parse/types.js";
import { isEslintrcContent } from "./eslintrc-content.js";
import { minecraftLangNamespace } from "./minecraft-lang.js";
import { docfxDialect } from "./docfx-content.js";

/** How a file known here is re-read: JSONC, with the reader's own limits. */
export interface JsoncDialect {
  /** Who reads it, for comments and tests. */
  reader: string;
  /** False where the reader skips comments but rejects a trailing comma. */
  trailingCommas: boolean;
  /**
   * False where the reader strips comments and then hands the text to JSON.parse, which fails on
   * a leading BOM: such a file is not read as this dialect, so its BOM stays an error.
   */
  leadingBom?: boolean;
  /**
   * True where the reader is JSON5 (single quotes, unquoted keys, hex numbers): text the JSONC
   * parse refuses is read again with the json5 package (checks/json5-reading.ts), which decides.
   */
  json5?: boolean;
  /**
   * True where the reader parses JSON as YAML 1.2 (cwltool's job orders): the text is read as
   * YAML instead of JSONC, which decides (a YAML single-quoted string passes, a `//` comment or a
   * missing comma does not).
   */
  yaml?: boolean;
  /**
   * False where the reader has no comments but takes trailing commas (Godot's JSON class): the
   * file is read as JSON with trailing commas, so a comment stays an error.
   */
  comments?: false;
  /** True where the reader keeps a raw line break inside a string (Godot's JSON class). */
  lineBreaksInStrings?: true;
  /**
   * True where the reader keeps one of a repeated member silently (ParseOptions.repeatsKeptBy): a
   * repeat with the same value is a notice, one with different values stays the error.
   */
  keepsRepeats?: true;
}

/** Chromium's JSON reader for extensions (comments, a BOM; no trailing comma) and Firefox's (`//` comments). */
const WEB_EXTENSION: JsoncDialect = { reader: "browser extension (Chromium, Firefox)", trailingCommas: false };
/** @expo/config's getStaticConfig reads app.json and app.config.json with `JsonFile.read(path, { json5: true })`. */
const EXPO: JsoncDialect = { reader: "Expo (@expo/config reads app.json as JSON5)", trailingCommas: true, json5: true };
/**
 * cwltool loads a job order (the inputs of a CWL run, often `*.json`) through schema-salad's
 * Loader, which parses every document with ruamel.yaml: YAML 1.2, of which JSON is a subset. A
 * job order says what it is by its File or Directory inputs.
 */
const CWL_JOB_ORDER: JsoncDialect = { reader: "cwltool (job order read as YAML by schema-salad)", trailingCommas: false, yaml: true };
const CWL_FILE_INPUT = /"class"\s*:\s*"(?:File|Directory)"/;
/**
 * vcrpy's cassettes: VCR() writes and reads them with its default serializer, YAML (PyYAML's
 * dump and load), whatever the cassette's name, so `use_cassette("http.json")` records YAML in a
 * `.json` file (Mergifyio/mergify-engine has 116). The serializer writes the keys sorted, so a
 * cassette starts with `interactions:` and its list of `- request:` entries and ends with
 * `version: 1`: a cassette cut short (without that last line) keeps the strict JSON reading.
 */
const VCR_YAML_CASSETTE: JsoncDialect = {
  reader: "vcrpy (a cassette written by its default YAML serializer)",
  trailingCommas: false,
  yaml: true,
};
const VCR_CASSETTE_START = /^interactions:\r?\n- request:\r?\n/;
const VCR_CASSETTE_END = /\nversion: 1\r?\n?$/;

/** Whether `text` is a whole vcrpy YAML cassette (VCR_YAML_CASSETTE); only its first and last bytes are looked at. */
function isVcrYamlCassette(text: string): boolean {
  return VCR_CASSETTE_START.test(text.slice(0, 40)) && VCR_CASSETTE_END.test(text.slice(-16));
}
/**
 * Bedrock's add-on loader skips comments and a BOM; a trailing comma fails the file. It parses with
 * JsonCpp's classic Json::Reader (the game's exported symbols: Json::Reader with Json::Features,
 * readObject, skipCommentTokens), which stores each member with `currentValue()[name]`: a repeated
 * member replaces the first without a word (only JsonCpp's newer CharReader has rejectDupKeys).
 * The vanilla resource pack itself ships one (Mojang/bedrock-samples,
 * resource_pack/animations/strider.animation.json writes the bone `bristle3` twice with the same
 * rotation, unchanged from 1.19.30 to 1.26), so a repeat of the same value is no error there.
 */
export const BEDROCK_PACK: JsoncDialect = { reader: "Minecraft Bedrock add-on pack", trailingCommas: false, keepsRepeats: true };

/**
 * Minecraft Java's translations, `assets/<namespace>/lang/<locale>.json` in a mod's resources or
 * a resource pack: Language.loadFromJson reads them with `GSON.fromJson(reader, JsonObject.class)`,
 * and Gson's fromJson switches a reader at its default strictness to LENIENT, so comments pass;
 * a trailing comma in the object ("Expected name") and a leading BOM (an unquoted string, not the
 * object) fail, and the whole language is then not loaded. Lenient Gson also takes `#` comments
 * and unquoted or single-quoted strings, which the JSONC reading still refuses (never seen in a
 * lang file). The file must say it is Minecraft's: a key naming the folder's namespace, as the
 * game's description ids do (`item.twilightforest.x`, `block.minecraft.stone`).
 */
const MINECRAFT_LANG: JsoncDialect = {
  reader: "Minecraft Java (lang file read by lenient Gson)",
  trailingCommas: false,
  leadingBom: false,
};

/** A translation key naming `namespace` as a whole segment: `"item.<namespace>.name"` or `"itemGroup.<namespace>"`. */
function minecraftKeys(namespace: string): RegExp {
  const ns = namespace.replace(/[.-]/g, "\\$&");
  return new RegExp(`"[A-Za-z0-9_]+(?:\\.[^"\\\\\\n]*)?\\.${ns}(?:\\.[^"\\\\\\n]*)?"\\s*:`);
}

/** A browser extension's manifest declares its manifest_version (2 or 3) at the top level. */
const WEB_EXTENSION_MANIFEST = /"manifest_version"\s*:\s*\d/;
/** Chrome's native messaging host manifest: a stdio host allowed for chrome-extension:// origins. */
const NATIVE_HOST = /"type"\s*:\s*"stdio"/;
const NATIVE_HOST_ORIGINS = /"allowed_origins"\s*:\s*\[\s*"chrome-extension:\/\//;
/**
 * An Expo app config keeps its settings under an "expo" object; JSON5 lets the key be written
 * unquoted or in single quotes. (Expo also reads a config without the `expo` key, its settings
 * at the root; nothing but a package.json depending on `expo` would say so, and such a file
 * stays strict JSON, as Heroku's and other app.json files are.)
 */
const EXPO_CONFIG = /(?:^|[{,\s])(?:"expo"|'expo'|expo)\s*:\s*\{/;
/**
 * TypeScript reads every config it loads (a tsconfig.json and each file its `extends` names) with
 * its own JSONC reader: comments and trailing commas. A shared config of any name (a monorepo's
 * `tooling/typescript/base.json`, the @tsconfig/bases files) says what it is by its `$schema`.
 */
const TYPESCRIPT: JsoncDialect = { reader: "TypeScript (a tsconfig extended by name)", trailingCommas: true };
const TSCONFIG_SCHEMA = /"\$schema"\s*:\s*"https?:\/\/(?:json|www)\.schemastore\.org\/tsconfig(?:\.json)?"/;
/**
 * Rush Stack's tools (Rush, Heft, rig-package, API Extractor) load every config file with
 * `JsonFile` of @rushstack/node-core-library, whose default syntax is JSON5 (comments, trailing
 * commas). Their files name their schema under developer.microsoft.com/json-schemas/<tool>/;
 * other Microsoft schemas there (the Teams app manifest) are read by strict readers, so only
 * these tools' folders count.
 */
const RUSH_STACK: JsoncDialect = { reader: "Rush Stack (JsonFile, JSON5)", trailingCommas: true, leadingBom: false, json5: true };
const RUSH_STACK_SCHEMA =
  /"\$schema"\s*:\s*"https?:\/\/developer\.microsoft\.com\/json-schemas\/(?:rush|heft|rig-package|api-extractor|api-documenter|lockfile-explorer)\//;
/**
 * API Extractor loads its config with `JsonFile` too: `api-extractor.json`, each file its
 * `extends` names, and its own `api-extractor-defaults.json`, which it merges under every config.
 * Files named `api-extractor*.json` (defaults, templates, shared bases, per-test overrides) that
 * hold API Extractor's settings, or any file whose `$schema` is api-extractor.schema.json by a
 * path (a copy in node_modules or in the repository), are that config.
 */
const API_EXTRACTOR: JsoncDialect = { reader: "API Extractor (JsonFile, JSON5)", trailingCommas: true, leadingBom: false, json5: true };
const API_EXTRACTOR_NAME = /^api-extractor[\w.-]*\.json$/;
const API_EXTRACTOR_KEYS =
  /"(?:mainEntryPointFilePath|bundledPackages|apiReport|docModel|dtsRollup|tsdocMetadata|extractorMessageReporting|compilerMessageReporting|tsdocMessageReporting)"\s*:/;
const API_EXTRACTOR_SCHEMA = /"\$schema"\s*:\s*"[^"]*\/api-extractor\.schema\.json"/;
/** @microsoft/tsdoc-config reads tsdoc.json with jju in its `cjson` mode: comments, but no trailing comma. */
const TSDOC: JsoncDialect = { reader: "TSDoc (tsdoc-config, jju cjson)", trailingCommas: false, leadingBom: false };
const TSDOC_SCHEMA = /"\$schema"\s*:\s*"https?:\/\/developer\.microsoft\.com\/json-schemas\/tsdoc\//;
/**
 * Rush keeps its repository settings in common/config/rush/ (and per subspace in
 * common/config/subspaces/<name>/), all loaded by JsonFile; the files Rush writes itself
 * (repo-state.json, the approved-packages lists) carry a comment header and no `$schema`.
 */
const RUSH_CONFIG_FOLDER = /(^|\/)common\/config\/(?:rush|subspaces\/[^/]+)\/[^/]+\.json$/;
/**
 * Rush Stack files known by name: a project's rush-project.json and Heft's config/heft.json,
 * a Rush plugin's manifests, and tsdoc-metadata.json (API Extractor writes it with a comment
 * header and reads it with JsonFile).
 */
const RUSH_STACK_NAMES = new Set(["rush-project.json", "rush-plugin-manifest.json", "rush-mcp-plugin.json", "tsdoc-metadata.json"]);
const HEFT_CONFIG = /(^|\/)config\/heft\.json$/;
/** Jest reads a jest.config.json as JSON.parse(stripJsonComments(text)): comments, no trailing comma. */
const JEST: JsoncDialect = { reader: "Jest (strip-json-comments, then JSON.parse)", trailingCommas: false, leadingBom: false };
/**
 * The Firebase CLI loads firebase.json with cjson (comments stripped, then JSON.parse), and
 * firebaseopensource.com reads a repository's .opensource/project.json the same way (its
 * documented form has comments).
 */
const CJSON: JsoncDialect = { reader: "cjson (Firebase CLI, firebaseopensource.com)", trailingCommas: false, leadingBom: false };
/**
 * Firebase Realtime Database security rules (`database.rules.json`, or any file firebase.json's
 * `database.rules` names) are parsed by the database itself: the Firebase CLI reads the file as
 * text (Config.readProjectFile without its JSON option) and PUTs it to `/.settings/rules.json`,
 * and the emulator and the console's editor take the same text. That parser skips comments and
 * takes a trailing comma: the rules the console writes for a database in test mode are
 * `".write": "now < 1620496800000",  // 2021-5-9` before the closing brace. The file says what it
 * is: its first member is a `rules` object, and it names the database's `.read`, `.write`,
 * `.validate` or `.indexOn` keys (an ESLint config has `rules`, never these). Whether the server
 * skips a leading BOM is not documented, so such a file stays strict.
 */
const FIREBASE_DATABASE_RULES: JsoncDialect = {
  reader: "Firebase Realtime Database rules (the database's rules parser: comments, trailing commas)",
  trailingCommas: true,
  leadingBom: false,
};
const DATABASE_RULES_KEY = /"\.(?:read|write|validate|indexOn)"\s*:/;
const SPACES = /\s*/y;
const RULES_MEMBER = /"rules"\s*:\s*\{/y;

/**
 * The offset after the whitespace and comments that start at `i`, or -1 in an unclosed `/*`.
 * Scanned once, never a regex: `(?:\s|//[^\n]*|/\*[\s\S]*?\*\/)*` backtracked exponentially on a
 * comment holding many `//` (rushstack's `// ////////` banners held `check` for minutes).
 */
function afterGap(text: string, i: number): number {
  for (;;) {
    SPACES.lastIndex = i;
    SPACES.test(text);
    i = SPACES.lastIndex;
    if (text.startsWith("//", i)) {
      const nl = text.indexOf("\n", i);
      if (nl < 0) return text.length;
      i = nl;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else return i;
  }
}

/** Whether the first member of the root object (comments allowed around it) is a `rules` object. */
function databaseRulesRoot(text: string): boolean {
  const open = afterGap(text, 0);
  if (open < 0 || text[open] !== "{") return false;
  const key = afterGap(text, open + 1);
  if (key < 0) return false;
  RULES_MEMBER.lastIndex = key;
  return RULES_MEMBER.test(text);
}

/**
 * Bicep loads bicepconfig.json (the nearest one above a .bicep file, and its own built-in
 * defaults) with System.Text.Json, comments skipped and trailing commas not allowed
 * (Bicep.Core/Json/JsonElementFactory.cs); the stream reader skips a UTF-8 BOM.
 */
const BICEP: JsoncDialect = { reader: "Bicep (bicepconfig.json, System.Text.Json with comments skipped)", trailingCommas: false };

/**
 * A Semgrep rule's test target: `semgrep --test` runs the rule `X.yaml` on its sibling `X.json`
 * and compares the matches with the `// ruleid: X` / `// ok: X` comments above the lines (also
 * `todoruleid`, `todook`, `deepruleid`, `deepok`). Semgrep parses JSON with its JavaScript
 * parser, so comments and trailing commas are read; a file that carries these annotations is
 * written for that reader. A `ruleid` annotation is required (an `// ok:` comment alone is too
 * common a phrase to name the reader).
 */
/** ESLint's legacy JSON loader: comments stripped, then JSON.parse (a BOM is dropped first); core/select/eslintrc-content.ts. */
const ESLINTRC: JsoncDialect = { reader: "ESLint (a legacy eslintrc config: comments stripped, then JSON.parse)", trailingCommas: false };
const SEMGREP_TEST: JsoncDialect = { reader: "Semgrep rule test target (semgrep --test)", trailingCommas: true };
const SEMGREP_ANNOTATION = /^[ \t]*\/\/[ \t]*(?:todo|deep)?ruleid[ \t]*:[ \t]*[\w.-]/m;

/**
 * VS Code reads a workspace's launch.json and tasks.json with its JSONC parser (comments,
 * trailing commas). Copies kept elsewhere to be dropped into .vscode/ (docs, project templates)
 * say what they are by VS Code's schema versions and their list of configurations or tasks.
 */
const VSCODE: JsoncDialect = { reader: "VS Code (a launch or tasks configuration outside .vscode/)", trailingCommas: true };
const VSCODE_LAUNCH = /"version"\s*:\s*"0\.2\.0"/;
const VSCODE_TASKS = /"version"\s*:\s*"2\.0\.0"/;

/**
 * A .NET file-based app (`dotnet run app.cs`) takes its launch profiles from `app.run.json` beside
 * it, read like `Properties/launchSettings.json` (System.Text.Json with comments skipped and
 * trailing commas allowed; Visual Studio saves it with a BOM, which the reader skips). Other tools
 * write `*.run.json` records too, so the file must look like launch settings: a `profiles` object
 * whose profiles name their `commandName`.
 */
const DOTNET_LAUNCH: JsoncDialect = { reader: ".NET launch profiles (<app>.run.json of a file-based app)", trailingCommas: true };
const DOTNET_PROFILES = /"profiles"\s*:\s*\{/;
const DOTNET_COMMAND_NAME = /"commandName"\s*:\s*"/;

/**
 * The devcontainer CLI's `features test` reads a Features collection's test/<feature>/scenarios.json
 * (and test/_global/scenarios.json) with jsonc-parser and fails on any parse error it reports:
 * comments, but no trailing comma and no BOM. Each scenario is a dev container configuration
 * naming the features under test, which tells this file from another tool's scenarios.json.
 */
const DEVCONTAINER_SCENARIOS: JsoncDialect = {
  reader: "devcontainer CLI (features test scenarios, jsonc-parser)",
  trailingCommas: false,
  leadingBom: false,
};
const DEVCONTAINER_SCENARIOS_PATH = /(^|\/)test\/[^/]+\/scenarios\.json$/;
const DEVCONTAINER_FEATURES = /"features"\s*:\s*\{/;

/**
 * librdkafka's test scenarios (tests/scenarios/<name>.json, vendored with librdkafka into many C
 * projects: fluent-bit's lib/librdkafka-<version>/): tests/cluster_testing.py reads them with
 * `JsonComment(json)`, which drops whole-line `#`, `;` and `//` comments and `/* *\/` blocks and
 * removes a comma before `]` or `}` (trailing commas), then calls json.loads. The JSONC reading
 * takes those commas and `//` comments (a `#` line stays an error here: rare, and never written in
 * librdkafka's own). Each scenario is a trivup cluster configuration, which tells it from another
 * project's scenarios.
 */
const LIBRDKAFKA_SCENARIO: JsoncDialect = { reader: "librdkafka test scenario (JsonComment)", trailingCommas: true };
const LIBRDKAFKA_SCENARIO_PATH = /(^|\/)tests\/scenarios\/[^/]+\.json$/;
const TRIVUP_KEYS = /"(?:auto_create_topics|num_partitions|replication_factor)"\s*:/;

/**
 * A .NET workload manifest under another name than WorkloadManifest.json (the test assets of
 * dotnet/arcade's workload tasks, `mauiWorkloadManifest.json` or `AbstractWorkloadsNonWindowsPacks.json`,
 * read with the SDK's WorkloadManifestReader: Utf8JsonReader with AllowTrailingCommas and
 * CommentHandling.Skip). It says what it is by its `workloads` object and its `packs` object whose
 * packs name their `kind`.
 */
const WORKLOAD_MANIFEST: JsoncDialect = {
  reader: ".NET SDK workload manifest reader (comments and trailing commas)",
  trailingCommas: true,
};
const WORKLOADS_OBJECT = /"workloads"\s*:\s*\{/;
const PACKS_OBJECT = /"packs"\s*:\s*\{/;
const PACK_KIND = /"kind"\s*:\s*"(?:sdk|framework|library|template|tool)"/i;

/**
 * The .NET SDK's global.json. hostfxr picks the SDK from it with rapidjson and only the comments
 * flag (dotnet/runtime, src/native/corehost/json_parser.cpp), skipping a BOM; a file it cannot
 * parse is ignored with a warning and the SDK pin is lost, so a trailing comma stays an error
 * (the workload and MSBuild SDK resolvers, System.Text.Json, accept both). Other programs keep a
 * `global.json` of their own, so the file must name .NET's `sdk` or `msbuild-sdks` object.
 */
const DOTNET_GLOBAL_JSON: JsoncDialect = { reader: ".NET SDK (hostfxr reads global.json with comments)", trailingCommas: false };
const DOTNET_GLOBAL_KEYS = /"(?:sdk|msbuild-sdks)"\s*:\s*\{/;

/**
 * Nx loads every `project.json` of its workspace with readJsonFile, whose parseJson
 * (nx/src/utils/json.ts) tries JSON.parse, then jsonc-parser with comments and trailing commas
 * allowed: the reader of nx.json (a JSONC default). Other tools keep a project.json too
 * (.opensource/project.json above, .NET Core 1's), so the file must say it is Nx's: its `$schema`
 * (nx/schemas/project-schema.json, what Nx's generators write) or a target's `executor` (Nx's word;
 * Angular's workspace says `builder`).
 */
const NX_PROJECT: JsoncDialect = { reader: "Nx (project.json read with parseJson: comments, trailing commas)", trailingCommas: true };
const NX_PROJECT_MARK = /"\$schema"\s*:\s*"[^"]*nx\/schemas\/project-schema\.json"|"executor"\s*:\s*"/;

/**
 * Rojo (the Roblox project tool, 7.5 and later) reads a project (`*.project.json`), a model
 * (`*.model.json`) and an instance's meta file (`*.meta.json`) with jsonc_parser's default options
 * (src/json.rs: `parse_to_serde_value(text, &Default::default())`): comments and trailing commas
 * allowed (its tests read a project with both: project.rs, project_with_jsonc_features; #1144).
 * The suffixes are not Rojo's alone, so the content must be Rojo's: a project's `tree` naming an
 * instance (`$className`, `$path`), a model's `className` (`ClassName` in older models), a meta
 * file's `className` or `ignoreUnknownInstances`. A meta file holding only `properties` or
 * `attributes` stays strict JSON (JSON Schema files use those words too).
 */
const ROJO: JsoncDialect = { reader: "Rojo (jsonc_parser: comments, trailing commas)", trailingCommas: true };
const ROJO_TREE = /"tree"\s*:\s*\{/;
const ROJO_INSTANCE = /"\$(?:className|path)"\s*:/;
const ROJO_MODEL_CLASS = /"(?:className|ClassName)"\s*:\s*"/;
const ROJO_META_KEYS = /"(?:className|ignoreUnknownInstances)"\s*:/;

/**
 * Unreal Engine's `.uplugin` and `.uproject` (selected by name, well-known-names.ts). TJsonReader
 * (Runtime/Json/Public/Serialization/JsonReader.h) has no comment syntax, but after a comma in an
 * array it takes `]` as the end (a trailing comma read); in an object it wants a member name, so
 * `,}` fails there, which this reading cannot tell apart (it lets that one through, as before the
 * names were selected). A repeated member replaces the first (FJsonObject's map).
 */
const UNREAL_DESCRIPTOR: JsoncDialect = {
  reader: "Unreal Engine (TJsonReader: a trailing comma, no comments)",
  comments: false,
  trailingCommas: true,
  keepsRepeats: true,
};
const UNREAL_DESCRIPTOR_NAME = /\.(?:uplugin|uproject)$/i;

function rojoDialect(base: string, text: string): JsoncDialect | undefined {
  if (base.endsWith(".project.json")) return ROJO_TREE.test(text) && ROJO_INSTANCE.test(text) ? ROJO : undefined;
  if (base.endsWith(".model.json")) return ROJO_MODEL_CLASS.test(text) ? ROJO : undefined;
  if (base.endsWith(".meta.json")) return ROJO_META_KEYS.test(text) ? ROJO : undefined;
  return undefined;
}

/**
 * The dialect of `file` (repo-relative) with text `text`, when its content says which reader
 * skips its comments: a browser extension's manifest.json (Chromium's JSONFileValueDeserializer
 * reads it with comments allowed; Firefox strips `//` comments, MDN), its `_locales/<lang>/messages.json`
 * (read the same way), a Chrome native messaging host manifest, an Expo app.json, a TypeScript
 * config of any name whose `$schema` is SchemaStore's tsconfig schema, a Rush Stack config (by its
 * `$schema`, by Rush's own folder, or by a name only Rush Stack uses), an API Extractor config (an
 * `api-extractor*.json` holding its settings, or its schema by path), a VS Code launch.json or
 * tasks.json outside .vscode/ (by its version and list), a .NET `<app>.run.json` (its profiles
 * and commandName), a jest.config.json, a Dev Container Features test scenarios.json (in
 * test/<feature>/, naming features), a
 * firebase.json and a .opensource/project.json, Firebase Realtime Database rules of any name (a top-level
 * `rules` object with `.read`/`.write`/`.validate`/`.indexOn` keys), an Nx project.json (its `$schema` or an `executor`), a Rojo
 * project, model or meta file (by its suffix and Rojo's keys), a .NET global.json (its sdk or msbuild-sdks),
 * a bicepconfig.json, librdkafka's test scenarios (tests/scenarios/*.json holding a trivup
 * configuration), a .NET workload manifest of any name (its workloads and packs), a Semgrep rule's test target (its
 * `// ruleid:` annotations) and a legacy ESLint config of any name (eslintrc-content.ts), a CWL job order (its File or
 * Directory inputs), a DocFX config or document schema of any name (docfx-content.ts), a Flatpak manifest or module, an oxlint or
 * oxfmt config of any name (its `$schema`), Windows Terminal settings and an XAML Styler config. A reader that does not skip a leading BOM
 * (leadingBom false) leaves a file that starts with one to the strict reading.
 */
export function jsoncDialectByContent(file: string, text: string): JsoncDialect | undefined {
  const dialect = dialectOf(file, text);
  if (dialect?.leadingBom === false && text.charCodeAt(0) === 0xfeff) return undefined;
  return dialect;
}

function dialectOf(file: string, text: string): JsoncDialect | undefined {
  const slash = file.lastIndexOf("/");
  const base = file.slice(slash + 1);
  if (base === "manifest.json") return WEB_EXTENSION_MANIFEST.test(text) ? WEB_EXTENSION : undefined;
  if (base === "messages.json") return /(^|\/)_locales\/[^/]+\/messages\.json$/.test(file) ? WEB_EXTENSION : undefined;
  if (base === "app.json" || base === "app.config.json") return EXPO_CONFIG.test(text) ? EXPO : undefined;
  const langNamespace = minecraftLangNamespace(file);
  if (langNamespace !== undefined && minecraftKeys(langNamespace).test(text)) return MINECRAFT_LANG;
  if (NATIVE_HOST_ORIGINS.test(text) && NATIVE_HOST.test(text)) return WEB_EXTENSION;
  if (base === "launch.json") return VSCODE_LAUNCH.test(text) && /"configurations"\s*:\s*\[/.test(text) ? VSCODE : undefined;
  if (base === "tasks.json") return VSCODE_TASKS.test(text) && /"tasks"\s*:\s*\[/.test(text) ? VSCODE : undefined;
  if (base === "jest.config.json") return JEST;
  if (base.endsWith(".i18n.json") && VSCODE_NLS_HEADER.test(text)) return VSCODE_NLS_I18N;
  if (base.endsWith(".run.json") && DOTNET_PROFILES.test(text) && DOTNET_COMMAND_NAME.test(text)) return DOTNET_LAUNCH;
  if (base === "scenarios.json")
    return DEVCONTAINER_SCENARIOS_PATH.test(file) && DEVCONTAINER_FEATURES.test(text) ? DEVCONTAINER_SCENARIOS : undefined;
  if (base === "firebase.json" || /(^|\/)\.opensource\/project\.json$/.test(file)) return CJSON;
  if (DATABASE_RULES_KEY.test(text) && databaseRulesRoot(text)) return FIREBASE_DATABASE_RULES;
  if (base === "project.json" && NX_PROJECT_MARK.test(text)) return NX_PROJECT;
  if (UNREAL_DESCRIPTOR_NAME.test(base)) return UNREAL_DESCRIPTOR;
  const rojo = rojoDialect(base, text);
  if (rojo) return rojo;
  if (base === "global.json") return DOTNET_GLOBAL_KEYS.test(text) ? DOTNET_GLOBAL_JSON : undefined;
  if (base === "bicepconfig.json") return BICEP;
  if (LIBRDKAFKA_SCENARIO_PATH.test(file)) return TRIVUP_KEYS.test(text) ? LIBRDKAFKA_SCENARIO : undefined;
  if (WORKLOADS_OBJECT.test(text) && PACKS_OBJECT.test(text) && PACK_KIND.test(text)) return WORKLOAD_MANIFEST;
  if (RUSH_STACK_NAMES.has(base) || RUSH_CONFIG_FOLDER.test(file) || HEFT_CONFIG.test(file)) return RUSH_STACK;
  if (TSCONFIG_SCHEMA.test(text)) return TYPESCRIPT;
  if (RUSH_STACK_SCHEMA.test(text)) return RUSH_STACK;
  if ((API_EXTRACTOR_NAME.test(base) && API_EXTRACTOR_KEYS.test(text)) || API_EXTRACTOR_SCHEMA.test(text)) return API_EXTRACTOR;
  if (TSDOC_SCHEMA.test(text)) return TSDOC;
  const docfx = docfxDialect(text);
  if (docfx) return docfx;
  if (SEMGREP_ANNOTATION.test(text)) return SEMGREP_TEST;
  if (isEslintrcContent(text)) return ESLINTRC;
  if (CWL_FILE_INPUT.test(text)) return CWL_JOB_ORDER;
  if (isFlatpakManifest(text) || isFlatpakModule(text)) return FLATPAK;
  if (OXC_SCHEMA.test(text)) return OXC_CONFIG;
  if (isWindowsTerminalSettings(text)) return WINDOWS_TERMINAL;
  if (XAML_STYLER_KEYS.test(text)) return XAML_STYLER;
  if (isVcrYamlCassette(text)) return VCR_YAML_CASSETTE;
  if (WATCH_SCHEDULE.test(text) && WATCH_ACTIONS.test(text)) return ELASTICSEARCH_WATCH;
  return undefined;
}

/**
 * An Elasticsearch Watcher watch, the body of `PUT _watcher/watch/<id>` kept as a file (elastic/examples'
 * Alerting/Sample Watches, uploaded with `curl -d @watch.json` or pasted into Kibana's console):
 * Elasticsearch parses every JSON request body with its JsonXContent, a Jackson JsonFactory with
 * ALLOW_COMMENTS (`//` and `/* *\/`) and STRICT_DUPLICATE_DETECTION, without trailing commas. A
 * watch says what it is by its `trigger` holding a `schedule` and its `actions` object.
 */
const ELASTICSEARCH_WATCH: JsoncDialect = {
  reader: "Elasticsearch Watcher (JsonXContent: Jackson with ALLOW_COMMENTS)",
  trailingCommas: false,
};
const WATCH_SCHEDULE = /"trigger"\s*:\s*\{\s*"schedule"\s*:\s*\{/;
const WATCH_ACTIONS = /"actions"\s*:\s*\{/;

/**
 * oxlint and oxfmt read their config (`.oxlintrc.json`, `.oxfmtrc.json`, or any file given with
 * `-c`/`--config`) with json_strip_comments::strip, which blanks comments and trailing commas,
 * then serde_json, which refuses a leading BOM. A config of another name (oxc-project/oxc's own
 * root `oxlintrc.json`) says what it is by the `$schema` the tools ship,
 * `node_modules/oxlint/configuration_schema.json` (or oxfmt's).
 */
const OXC_CONFIG: JsoncDialect = {
  reader: "oxlint / oxfmt (json_strip_comments, then serde_json)",
  trailingCommas: true,
  leadingBom: false,
};
const OXC_SCHEMA = /"\$schema"\s*:\s*"[^"\n]*\box(?:lint|fmt)\/configuration_schema\.json"/;

/**
 * Windows Terminal reads its settings (settings.json, the defaults.json and userDefaults.json it
 * builds in, JSON fragments extensions install) with JsonCpp's CharReaderBuilder at its defaults
 * (TerminalSettingsModel/CascadiaSettingsSerialization.cpp): comments and trailing commas pass
 * (allowComments, allowTrailingCommas), a BOM is skipped. Dotfiles repositories keep the file under
 * any name, so its content says what it is: the `$schema` Terminal writes
 * (aka.ms/terminal-profiles-schema, or its -preview twin), a `defaultProfile` naming a profile by
 * its GUID, the `profiles` object holding Terminal's `defaults`/`list` members, or an `actions`
 * list whose commands are Terminal's `{ "action": ... }` objects (enableColorSelection.json).
 */
const WINDOWS_TERMINAL: JsoncDialect = { reader: "Windows Terminal (JsonCpp: comments, trailing commas)", trailingCommas: true };
const TERMINAL_SCHEMA = /"\$schema"\s*:\s*"https?:\/\/aka\.ms\/terminal-profiles-schema(?:-preview)?"/;
const TERMINAL_DEFAULT_PROFILE = /"defaultProfile"\s*:\s*"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}"/;
const TERMINAL_PROFILES_OBJECT = /"profiles"\s*:\s*\{\s*"(?:defaults|list)"\s*:/;
const TERMINAL_ACTIONS = /"actions"\s*:\s*\[/;
const TERMINAL_ACTION_COMMAND = /"command"\s*:\s*\{\s*"action"\s*:/;

/** Whether `text` is a Windows Terminal settings file (WINDOWS_TERMINAL). */
function isWindowsTerminalSettings(text: string): boolean {
  if (TERMINAL_SCHEMA.test(text)) return true;
  if (TERMINAL_ACTIONS.test(text) && TERMINAL_ACTION_COMMAND.test(text)) return true;
  return /"profiles"\s*:/.test(text) && (TERMINAL_DEFAULT_PROFILE.test(text) || TERMINAL_PROFILES_OBJECT.test(text));
}

/**
 * XAML Styler (the Visual Studio extension and `dotnet xstyler -c <file>`) loads an external
 * configuration with File.ReadAllText (BOM dropped) and Json.NET's JsonConvert.DeserializeObject
 * (comments and trailing commas pass; a file it cannot read silently falls back to the defaults).
 * The file (`Settings.XamlStyler`, or a `XamlStyler.json` as microsoft/terminal names it) says what
 * it is by XAML Styler's own option names.
 */
const XAML_STYLER: JsoncDialect = { reader: "XAML Styler (Json.NET)", trailingCommas: true };
const XAML_STYLER_KEYS = /"(?:AttributesTolerance|AttributeOrderingRuleGroups|KeepFirstAttributeOnSameLine)"\s*:/;

/**
 * flatpak-builder reads its manifests (flathub's `<app-id>.json`) with json-glib, whose scanner
 * skips `//` and `/* *\/` comments; its parser refuses a trailing comma
 * (JSON_PARSER_ERROR_TRAILING_COMMA). A manifest says what it is: an `app-id` (or `id`), a
 * `runtime` and `sdk`, and its `modules` list.
 */
const FLATPAK: JsoncDialect = { reader: "flatpak-builder (json-glib: comments, no trailing comma)", trailingCommas: false };
const FLATPAK_ID = /"(?:app-)?id"\s*:\s*"[^"]+"/;
const FLATPAK_KEYS = [/"runtime"\s*:\s*"/, /"sdk"\s*:\s*"/, /"modules"\s*:\s*\[/];

/** Whether `text` is a flatpak-builder manifest (FLATPAK). */
function isFlatpakManifest(text: string): boolean {
  return FLATPAK_ID.test(text) && FLATPAK_KEYS.every((k) => k.test(text));
}

/**
 * A Flatpak module file: a manifest lists it by path ("modules": ["shared-modules/libsecret/
 * libsecret.json", "python3-deps.json"]) and flatpak-builder loads it with the same json-glib
 * parser. It holds one module: a `name`, a `sources` list whose entries have a Flatpak source
 * type, and a build key (or a source pinned by checksum, commit or tag), so a data file with a
 * name and an RSS "sources" list stays strict.
 */
const FLATPAK_MODULE_NAME = /"name"\s*:\s*"[^"]*"/;
const FLATPAK_MODULE_SOURCES = /"sources"\s*:\s*\[/;
const FLATPAK_SOURCE_TYPE = /"type"\s*:\s*"(?:archive|git|bzr|svn|dir|file|script|inline|shell|patch|extra-data)"/;
const FLATPAK_MODULE_DETAIL =
  /"(?:buildsystem|config-opts|build-commands|make-args|make-install-args|build-options|rm-configure|no-autogen|post-install|builddir|cleanup|sha256|sha512|commit|tag)"\s*:/;

/** Whether `text` is a Flatpak module file (FLATPAK). */
function isFlatpakModule(text: string): boolean {
  return (
    FLATPAK_MODULE_NAME.test(text) &&
    FLATPAK_MODULE_SOURCES.test(text) &&
    FLATPAK_SOURCE_TYPE.test(text) &&
    FLATPAK_MODULE_DETAIL.test(text)
  );
}

/**
 * The translations vscode-nls-dev imports into a VS Code extension (`i18n/<lang>/**\/*.i18n.json`,
 * microsoft/vscode-cpptools has 689) carry the header it writes, a copyright block comment and
 * `// Do not edit this file. It is machine generated.`; its createLocalizedMessages reads them with
 * `JSON.parse(stripComments(readFileSync(file, 'utf8')))`: comments pass, a trailing comma or a
 * BOM fails. Other `*.i18n.json` files (Meteor's, an Electron app's, read with JSON.parse) have
 * no such header and stay strict.
 */
const VSCODE_NLS_I18N: JsoncDialect = {
  reader: "vscode-nls-dev (comments stripped, then JSON.parse)",
  trailingCommas: false,
  leadingBom: false,
};
const VSCODE_NLS_HEADER = /^\/\/ Do not edit this file\. It is machine generated\.\r?$/m;

/** Parser options for a file of this dialect. */
export function dialectParseOptions(
  dialect: JsoncDialect,
): Pick<ParseOptions, "format" | "trailingCommas" | "lineBreaksInStrings" | "repeatsKeptBy"> {
  return {
    format: dialect.comments === false ? "json" : "jsonc",
    trailingCommas: dialect.trailingCommas,
    ...(dialect.lineBreaksInStrings ? { lineBreaksInStrings: true } : {}),
    ...(dialect.keepsRepeats ? { repeatsKeptBy: dialect.reader } : {}),
  };
}

/** The manifest.json files that could make `file` part of a Bedrock pack, nearest first (never the file itself). */
export function packManifestCandidates(file: string): string[] {
  const parts = file.split("/").slice(0, -1);
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), "manifest.json"].join("/");
    if (candidate !== file) out.push(candidate);
  }
  return out;
}

/**
 * True when `manifest` (a parsed manifest.json) is a Minecraft Bedrock resource or behavior
 * pack's: a format_version, a header with a uuid, and a list of modules. Every JSON file below
 * such a manifest is read by the game's add-on loader.
 */
export function isBedrockPackManifest(manifest: unknown): boolean {
  if (!isObject(manifest) || manifest.format_version === undefined) return false;
  const header = manifest.header;
  return isObject(header) && typeof header.uuid === "string" && Array.isArray(manifest.modules);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
