/**
 * DocFX's own JSON, known by content under any name. Pure.
 *
 * DocFX reads its config with Docfx.Common's JsonUtility (Docset.GetConfig:
 * `JsonUtility.Deserialize<DocfxConfig>(configFile)`), System.Text.Json with
 * `ReadCommentHandling = Skip` and `AllowTrailingCommas = true` over a file stream (a UTF-8 BOM is
 * skipped). `docfx.json` is a JSONC default by name (jsonc.ts), but `docfx build <config>` takes any
 * name (dotnet/docfx keeps `docfx.sample.1.json` in its tests), so a config says what it is: a
 * `build` object with a `content` list of `files` and one of DocFX's build keys, a `metadata` list
 * whose `src` lists `files` with a key only DocFX's metadata section has (`filter`,
 * `namespaceLayout`...: a config that only generates API pages, as dotnet/docfx's
 * `docfxWithFilter.json`), a `markdigExtensions` list (DocFX's MarkdownServiceProperties, the
 * `markdownEngineProperties` of a build section, a name only DocFX gives Markdig's extension list),
 * or its `$schema` naming docfx.schema.json.
 *
 * A template's document schemas (`schemas/*.schema.json`, the schema-driven processors) go through
 * DocumentSchema.Load: the text (read by a BOM-detecting reader) deserialized by System.Text.Json
 * with `AllowTrailingCommas = true` and comments left at their default, refused. They name DocFX's
 * meta-schema, `https://dotnet.github.io/docfx/schemas/v1.0/schema.json#`, in `$schema`.
 *
 * Every pattern here is a run of literals around `\s*` or one `[^"]*` that stops at a quote:
 * linear on any text.
 */
import type { JsoncDialect } from "./jsonc-by-content.js";

const DOCFX_CONFIG: JsoncDialect = {
  reader: "DocFX (a docfx config: JsonUtility, comments and trailing commas)",
  trailingCommas: true,
};
const DOCFX_SCHEMA: JsoncDialect = {
  reader: "DocFX (a template's document schema: DocumentSchema.Load, trailing commas, no comments)",
  trailingCommas: true,
  comments: false,
};

const BUILD_OBJECT = /"build"\s*:\s*\{/;
const CONTENT_LIST = /"content"\s*:\s*\[/;
const FILES_KEY = /"files"\s*:/;
/** Keys of DocFX's BuildJsonConfig besides `content` (one of them is in every build section seen). */
const BUILD_KEY = /"(?:dest|output|resource|template|globalMetadata|fileMetadata|overwrite|xref|postProcessors)"\s*:/;
const METADATA_LIST = /"metadata"\s*:\s*\[/;
const SRC_KEY = /"src"\s*:/;
/** Keys of DocFX's MetadataJsonItemConfig that no build section has (`dest`, `src`, `files` are too common alone). */
const METADATA_KEY =
  /"(?:filter|namespaceLayout|memberLayout|enumSortOrder|outputFormat|globalNamespaceId|includePrivateMembers|includeExplicitInterfaceImplementations|disableDefaultFilter|noRestore|allowCompilationErrors|useClrTypeNames|categoryLayout|shouldSkipMarkup)"\s*:/;
const MARKDIG_EXTENSIONS = /"markdigExtensions"\s*:\s*\[/;
const CONFIG_SCHEMA = /"\$schema"\s*:\s*"[^"]*\/docfx\.schema\.json"/;
const DOCUMENT_SCHEMA = /"\$schema"\s*:\s*"https?:\/\/dotnet\.github\.io\/docfx\/schemas\/v1\.0\/schema\.json#?"/;

/** DocFX's reading of `text` when its content is a DocFX config or a DocFX document schema. */
export function docfxDialect(text: string): JsoncDialect | undefined {
  if (DOCUMENT_SCHEMA.test(text)) return DOCFX_SCHEMA;
  if (CONFIG_SCHEMA.test(text)) return DOCFX_CONFIG;
  if (BUILD_OBJECT.test(text) && CONTENT_LIST.test(text) && FILES_KEY.test(text) && BUILD_KEY.test(text)) return DOCFX_CONFIG;
  if (METADATA_LIST.test(text) && SRC_KEY.test(text) && FILES_KEY.test(text) && METADATA_KEY.test(text)) return DOCFX_CONFIG;
  if (MARKDIG_EXTENSIONS.test(text)) return DOCFX_CONFIG;
  return undefined;
}
