/**
 * JSON with comments where the ecosystem writes it. Each entry names a file whose reader accepts
 * comments and trailing commas; a strict-JSON file must never be here (a comment in it would then
 * pass, while its reader, JSON.parse, rejects it).
 */
import { matcher } from "../glob.js";
import type { DocumentFormat } from "../parse/types.js";
import { isOcelotConfigName, wellKnownOf } from "./well-known-names.js";
import { lowerBaseName } from "./default-extensions.js";

/** The `validate.jsonc` default (when the key is absent); the starter config lists the same. */
export const DEFAULT_JSONC = [
  "**/*.jsonc", // the name says so
  "**/.vscode/*.json", // VS Code settings, launch, tasks, extensions (read with its JSONC parser)
  "**/tsconfig*.json", // TypeScript reads its configs as JSONC
  "**/jsconfig*.json",
  "**/devcontainer.json", // Dev Containers spec: JSON with comments
  "**/.devcontainer.json",
  "**/.devcontainer/**/*.json",
  "**/.eslintrc.json", // ESLint strips comments before parsing
  "**/*language-configuration.json", // VS Code language configuration (extensions)
  "**/*-color-theme.json", // VS Code color, icon and product icon themes
  "**/*-icon-theme.json",
  "**/.babelrc.json", // Babel reads these as JSON5: well-known-names.ts reads them so
  "**/babel.config.json",
  // .NET: Microsoft.Extensions.Configuration.Json skips comments and allows trailing commas, and
  // Visual Studio saves these with a BOM (dotnet/eShop has both); launch profiles and the
  // BundlerMinifier config are read the same way (System.Text.Json / Json.NET, comments allowed).
  "**/appsettings*.json",
  "**/launchSettings.json",
  "**/bundleconfig.json",
  // Ocelot (the .NET API gateway) loads ocelot.json with AddJsonFile, the appsettings reader, and
  // merges ocelot.*.json with Json.NET's JToken.Parse after File.ReadAllText (comments, trailing
  // commas, a BOM dropped): ThreeMammals/Ocelot's own samples have `//` comments and BOMs there.
  "**/ocelot.json",
  "**/ocelot.*.json",
  // OmniSharp loads omnisharp.json with AddJsonFile too; the Azure Functions host reads host.json
  // with Json.NET (comments, trailing commas). The .NET host's global.json (comments only) is read
  // by name alone (well-known-names.ts): a JHipster `i18n/<lang>/global.json` stays strict.
  "**/omnisharp.json",
  "**/host.json",
  "**/.markdownlint.json", // markdownlint-cli and -cli2 parse it as JSONC
  "**/turbo.json", // Turborepo reads comments since 1.1.4
  "**/nx.json", // Nx parses its config with comments and trailing commas allowed
  "**/deno.json", // Deno: deno.json and deno.jsonc are both JSONC
  "**/tslint.json", // TSLint strips comments (well-known-names.ts: no trailing comma)
  "**/api-extractor.json", // Rush Stack's JsonFile (well-known-names.ts reads it as JSON5)
  // cspell parses every JSON config it loads with comment-json (comments, trailing commas since
  // its 2.2.0): the names it searches for, and `cspell-ext.json`, the name dictionary packages
  // give the config other configs `import` (streetsidesoftware/cspell-dicts has 61, most with a
  // `//` header).
  "**/cspell.json",
  "**/.cspell.json",
  "**/cSpell.json",
  "**/.cSpell.json",
  "**/cspell.config.json",
  "**/cspell-ext.json",
  "**/pyrightconfig.json", // Pyright parses it as JSONC
  "**/wrangler.json", // Cloudflare Wrangler: JSONC
  // Amazon.Lambda.Tools (`dotnet lambda`, Visual Studio's AWS toolkit) reads its defaults with
  // comments allowed; Visual Studio saves it with a BOM (aws-samples/aws-cdk-examples).
  "**/aws-lambda-tools-defaults.json",
  "**/.codesandbox/tasks.json", // CodeSandbox writes and reads it with comments (excalidraw/excalidraw)
  // Renovate parses renovate.json and .renovaterc.json with jsonc-parser (comments, trailing
  // commas) before its JSON5 fallback (angular-eslint/angular-eslint has comments there).
  "**/renovate.json",
  "**/.renovaterc.json",
  // airspeed velocity (asv) loads its config with js_comments=True (json5 today, comments and
  // trailing commas stripped before); pydata/xarray's asv_bench/asv.conf.json has `//` comments.
  "**/asv.conf.json",
  // JSLint.NET (Visual Studio) reads its settings with File.ReadAllText and Json.NET (BOM skipped,
  // comments allowed) and writes them with a BOM (OfficeDev/Office-Add-in-samples has two).
  "**/JSLintNet.json",
  // GitHub Linguist's "JSON with Comments" (lib/linguist/languages.yml) lists these too: a
  // `*.tsconfig.json` is a tsconfig (`tsc -p jest.tsconfig.json`, ts-jest), read as JSONC; oxlint
  // strips comments and trailing commas from `.oxlintrc.json` before parsing it.
  "**/*.tsconfig.json",
  "**/.oxlintrc.json",
  "**/.oxfmtrc.json", // oxfmt reads it as oxlint does (json_strip_comments, then serde_json)
  // DocFX loads docfx.json into DocfxConfig through Newtonsoft.Json (Docfx.Common's JsonUtility),
  // which skips comments and allows trailing commas (microsoft/reverse-proxy comments out a glob).
  "**/docfx.json",
  // Zed reads a project's .zed/settings.json, tasks.json and debug.json with serde_json_lenient
  // (settings crate, parse_json_with_comments): `//` and `/* */` comments, trailing commas.
  "**/.zed/*.json",
  // `dotnet new` templates: the template engine (dotnet/templating, JExtensions.ReadJObjectFromIFile)
  // reads template.json, the host files beside it and localize/templatestrings.*.json with
  // Json.NET's JObject.Load, today System.Text.Json with comments skipped and trailing commas
  // allowed, after a BOM-detecting StreamReader (dotnet/dotnet-template-samples has `//` comments there).
  "**/.template.config/**/*.json",
  // A generator's templates (Yeoman's generators/<name>/templates/, Rails' lib/generators/<name>/
  // templates/) are copied to other names: yo code copies templates/.../vscode/ to .vscode/ and
  // esbuild-tsconfig.json to tsconfig.json. The target is not in the path, so they read as JSONC.
  "**/generators/*/templates/**/*.json",
  // bsconfig.json: BuckleScript's and ReScript's (through 11) bsb reads it with its own lexer
  // (ext_json_parse.mll), which skips `//` and `/* */` comments and takes a trailing comma, and
  // `bsb -init` templates ship a comment in it (hasura/learn-graphql); BrighterScript and
  // roku-deploy, the name's other readers, parse it with jsonc-parser. ReScript 12's rewatch reads
  // rescript.json strictly, so rescript.json stays strict JSON.
  "**/bsconfig.json",
];

/**
 * The format a selected file is parsed as. `jsonc` (the validate.jsonc globs) applies only to
 * JSON names (`.json`, `.jsonc`, or a name without a JSON/YAML extension such as `.babelrc`):
 * a YAML file under a JSONC folder (`.devcontainer/docker-compose.yml`) stays YAML. A name known
 * to its reader (well-known-names.ts: `.eslintrc`, `Package.resolved`, `.mocharc.json`) is read
 * as that reader reads it. Any other name (one a user glob selects: `conf/*.state`, a lockfile
 * of a tool not listed) says nothing, so its `content` decides (formatByContent).
 */
export function formatForSelected(file: string, jsonc: (p: string) => boolean, content?: Buffer): DocumentFormat {
  // The extension in any case, of the name a Windows checkout writes (default-extensions.ts).
  const lower = lowerBaseName(file);
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  const known = wellKnownOf(file);
  if (known) return known.format;
  if (lower.endsWith(".jsonc") || jsonc(file)) return "jsonc";
  if (lower.endsWith(".json") || content === undefined) return "json";
  return formatByContent(content);
}

/** Bytes of blank lines and spaces looked past for formatByContent's first character. */
const HEAD_BYTES = 4096;

/**
 * The format of a file whose name does not say: JSON when its text starts (after a BOM and
 * white space) as a JSON text can (`{`, `[`, or a `//`/`/*` comment, which no YAML starts with),
 * YAML otherwise (`schema: '2.0'`, `- item`, `# comment`, `---`). JSON text that starts so is
 * YAML too (a flow collection), so a JSON reader's file is still read as strict JSON, and a YAML
 * reader's file (DVC's `dvc.lock` listed in validate.files) is no longer a JSON syntax error at
 * 1:1. An empty or blank file stays JSON (an error): a user listed it to be checked, and 0 bytes
 * is what a truncated write leaves.
 */
export function formatByContent(content: Buffer): DocumentFormat {
  const head = content.toString("utf8", 0, Math.min(content.length, HEAD_BYTES)).replace(/^\uFEFF/, "");
  const first = /\S/.exec(head);
  if (!first) return "json";
  const c = head[first.index]!;
  if (c === "{" || c === "[") return "json";
  if (c === "/" && (head[first.index + 1] === "/" || head[first.index + 1] === "*")) return "json";
  // Not UTF-8, NUL bytes: the JSON path reports the encoding as for any file.
  if (head.includes("\uFFFD") || head.includes("\0")) return "json";
  return "yaml";
}

/**
 * The defaults the first starter config listed. Every later default list holds all of them, so a
 * configured list that holds them too is a starter list of some version, perhaps with globs the
 * user added: it means "the defaults, and mine".
 */
const FIRST_DEFAULT_JSONC = [
  "**/*.jsonc",
  "**/.vscode/*.json",
  "**/tsconfig*.json",
  "**/jsconfig*.json",
  "**/devcontainer.json",
  "**/.devcontainer.json",
  "**/.devcontainer/**/*.json",
  "**/.eslintrc.json",
  "**/*language-configuration.json",
  "**/*-color-theme.json",
  "**/*-icon-theme.json",
  "**/.babelrc.json",
  "**/babel.config.json",
];

/**
 * The JSONC matcher of a run: the defaults when validate.jsonc is absent; the current defaults
 * plus the user's own globs when the list holds every glob of the first starter list (`init`
 * writes the defaults of its day into the config, so without this a name added to the defaults
 * later, a reader accepting comments, would stay a false block for everyone who ran `init`
 * before); otherwise exactly the globs listed (dropping a starter glob makes the list the user's
 * own). The defaults are matched by isDefaultJsonc, which compiles nothing: the hook does not pay
 * for thirty globs.
 */
export function jsoncMatcher(globs: readonly string[] | undefined): (p: string) => boolean {
  if (globs === undefined) return isDefaultJsonc;
  if (!FIRST_DEFAULT_JSONC.every((g) => globs.includes(g))) return matcher(globs);
  const own = globs.filter((g) => !DEFAULT_JSONC.includes(g));
  if (own.length === 0) return isDefaultJsonc;
  const ownMatch = matcher(own);
  return (p) => isDefaultJsonc(p) || ownMatch(p);
}

const DEFAULT_JSONC_NAMES = new Set([
  "devcontainer.json",
  ".devcontainer.json",
  ".eslintrc.json",
  ".babelrc.json",
  "babel.config.json",
  "launchSettings.json",
  "bundleconfig.json",
  ".markdownlint.json",
  "turbo.json",
  "nx.json",
  "deno.json",
  "tslint.json",
  "api-extractor.json",
  "cspell.json",
  ".cspell.json",
  "cSpell.json",
  ".cSpell.json",
  "cspell.config.json",
  "cspell-ext.json",
  "pyrightconfig.json",
  "wrangler.json",
  "aws-lambda-tools-defaults.json",
  "renovate.json",
  ".renovaterc.json",
  "asv.conf.json",
  "JSLintNet.json",
  ".oxlintrc.json",
  ".oxfmtrc.json",
  "docfx.json",
  "bsconfig.json",
  "omnisharp.json",
  "host.json",
]);
const DEFAULT_JSONC_SUFFIXES = ["language-configuration.json", "-color-theme.json", "-icon-theme.json", ".tsconfig.json"];

/** DEFAULT_JSONC as code (test/unit/select-jsonc.test.ts proves they agree). */
export function isDefaultJsonc(p: string): boolean {
  const slash = p.lastIndexOf("/");
  const base = p.slice(slash + 1);
  // The extension in any letter case (default-extensions.ts): VS Code, TypeScript and the other
  // readers here take the file they are pointed at, `.vscode/Settings.JSON` included; a name
  // below is the reader's own spelling and stays exact.
  const lowerBase = lowerBaseName(base);
  if (lowerBase.endsWith(".jsonc")) return true;
  if (!lowerBase.endsWith(".json")) return false;
  if (
    DEFAULT_JSONC_NAMES.has(base) ||
    base.startsWith("tsconfig") ||
    base.startsWith("jsconfig") ||
    base.startsWith("appsettings") ||
    isOcelotConfigName(base)
  )
    return true;
  if (DEFAULT_JSONC_SUFFIXES.some((s) => lowerBase.endsWith(s))) return true;
  const dirs = slash < 0 ? [] : p.slice(0, slash).split("/");
  const parent = dirs[dirs.length - 1];
  return (
    parent === ".vscode" ||
    parent === ".zed" ||
    dirs.includes(".devcontainer") ||
    dirs.includes(".template.config") ||
    dirs.some((d, i) => d === "templates" && i >= 2 && dirs[i - 2] === "generators") ||
    (parent === ".codesandbox" && base === "tasks.json")
  );
}
