/**
 * Which files the validate check reads and how, beyond validate.files: templates decided by path
 * (never read) or by content (after a failed parse), and the VS Code extension files that are
 * JSONC by their package.json. Everything here is asked only where it can matter, so the hook on
 * valid files pays nothing for it.
 */
import { parseDocument, type DocumentFormat, type ParsedDocument } from "../core/parse/index.js";
import { LineIndex } from "../core/parse/lines.js";
import { erbTagLines, hasTemplateStructure, jsonPlaceholderValueAt, yamlPlaceholderLines } from "../core/select/template-syntax.js";
import { chartYamlCandidates, type SkippedTemplates, type TemplateRules } from "../core/select/templates.js";
import { yttControlLines, yttExplainsDuplicates } from "../core/select/ytt.js";
import { condaSelectorFile, selectorsExplainDuplicates } from "../core/select/conda-selectors.js";
import { packageJsonCandidates, vscodeJsoncFiles } from "../core/select/vscode-contributions.js";
import { BEDROCK_PACK, isBedrockPackManifest, packManifestCandidates, type JsoncDialect } from "../core/select/jsonc-by-content.js";
import { isSmapiManifest, SMAPI_MOD } from "../core/select/smapi-mod.js";
import { godotDialectOf, godotMarkerCandidates } from "../core/select/godot-project.js";
import { SHOPIFY_THEME, shopifyThemeMarker } from "../core/select/shopify-theme.js";
import type { FileSource } from "../io/file-source.js";
import type { BaseReadings } from "./base-readings.js";

/**
 * The contributedJsonc lookup of a run. The nearest package.json above a file decides; each is
 * read and parsed at most once. Asked only for a .json file that failed to parse as strict JSON,
 * so valid files (and the hook on them) never pay for it.
 */
export function contributedJsoncLookup(source: FileSource): (file: string) => Promise<boolean> {
  const byPackage = new Map<string, Promise<Set<string> | undefined>>();
  return async (file) => {
    const candidates = packageJsonCandidates(file);
    const unknown = candidates.filter((c) => !byPackage.has(c));
    if (unknown.length) {
      const read = source.read(unknown);
      for (const c of unknown) {
        byPackage.set(
          c,
          read.then((m) => {
            const b = m.get(c);
            if (!Buffer.isBuffer(b)) return undefined;
            const doc = parseDocument(b, { path: c, format: "json" });
            return doc.ok ? vscodeJsoncFiles(c, doc.value) : new Set<string>();
          }),
        );
      }
    }
    for (const c of candidates) {
      const files = await byPackage.get(c);
      if (files) return files.has(file);
    }
    return false;
  };
}

/**
 * The pack lookup of a run: the dialect of `file` when it sits in a Minecraft Bedrock resource or
 * behavior pack, or in a Stardew Valley mod loaded by SMAPI (the nearest manifest.json above it,
 * or the file itself when it is that manifest, is such a pack's or mod's manifest). Each manifest
 * is read and parsed at most once, and only for a .json file that failed to parse as strict JSON.
 * Failing those, a file below a Godot project's `project.godot` is Godot's (godotLookup), and a
 * file in the JSON folders of a Shopify theme (its `layout/theme.liquid` exists) is Shopify's.
 */
export function packDialectLookup(source: FileSource): (file: string, text: string) => Promise<JsoncDialect | undefined> {
  const byManifest = new Map<string, Promise<JsoncDialect | null | undefined>>();
  // null: a manifest of neither kind (it decides, as the nearest); undefined: no manifest there.
  const dialectOf = (path: string, content: Buffer | string): JsoncDialect | null => {
    const doc = parseDocument(content, { path, format: "jsonc" });
    if (!doc.ok) return null;
    if (isBedrockPackManifest(doc.value)) return BEDROCK_PACK;
    return isSmapiManifest(doc.value) ? SMAPI_MOD : null;
  };
  const godot = godotLookup(source);
  const shopify = shopifyThemeLookup(source);
  return async (file, text) => {
    if (await shopify(file)) return SHOPIFY_THEME;
    if (file === "manifest.json" || file.endsWith("/manifest.json")) return dialectOf(file, text) ?? undefined;
    const candidates = packManifestCandidates(file);
    const unknown = candidates.filter((c) => !byManifest.has(c));
    if (unknown.length) {
      const read = source.read(unknown);
      for (const c of unknown)
        byManifest.set(
          c,
          read.then((m) => {
            const b = m.get(c);
            return Buffer.isBuffer(b) ? dialectOf(c, b) : undefined;
          }),
        );
    }
    for (const c of candidates) {
      const dialect = await byManifest.get(c);
      if (dialect !== undefined) return dialect ?? (await godot(file));
    }
    return godot(file);
  };
}

/**
 * The Shopify theme lookup of a run (core/select/shopify-theme.ts): whether each theme's
 * `layout/theme.liquid` exists is read through the source at most once.
 */
function shopifyThemeLookup(source: FileSource): (file: string) => Promise<boolean> {
  const exists = new Map<string, Promise<boolean>>();
  return async (file) => {
    const marker = shopifyThemeMarker(file);
    if (marker === undefined) return false;
    if (!exists.has(marker))
      exists.set(
        marker,
        source.read([marker]).then((m) => Buffer.isBuffer(m.get(marker))),
      );
    return exists.get(marker)!;
  };
}

/**
 * The Godot lookup of a run (core/select/godot-project.ts): whether each marker file
 * (`project.godot`, `package.json`) exists is read through the source at most once.
 */
function godotLookup(source: FileSource): (file: string) => Promise<JsoncDialect | undefined> {
  const exists = new Map<string, Promise<boolean>>();
  return async (file) => {
    const candidates = godotMarkerCandidates(file);
    const unknown = candidates.filter((c) => c !== file && !exists.has(c));
    if (unknown.length) {
      const read = source.read(unknown);
      for (const c of unknown)
        exists.set(
          c,
          read.then((m) => Buffer.isBuffer(m.get(c))),
        );
    }
    const known = new Map<string, boolean>();
    for (const c of candidates) if (c !== file) known.set(c, await exists.get(c)!);
    return godotDialectOf(file, (c) => known.get(c) === true);
  };
}

/**
 * `files` without the templates decided by path (Helm chart templates, template names), which
 * are added to `skipped`. Chart.yaml existence comes from `listed` (a whole-tree listing) or,
 * when the run is narrowed to some paths (the hook), from one read of the candidate Chart.yaml
 * files through the source, so the index decides in `check --staged`. Files without a
 * `templates` folder in their path cost one string split.
 */
export async function dropTemplatesByPath(
  files: string[],
  templates: TemplateRules,
  skipped: SkippedTemplates,
  source: FileSource,
  listed: readonly string[] | undefined,
  base?: BaseReadings,
): Promise<string[]> {
  const charts = new Set<string>();
  for (const f of files) if (templates.auto && f.includes("templates/")) for (const c of chartYamlCandidates(f)) charts.add(c);
  let exists: (p: string) => boolean = () => false;
  if (charts.size > 0) {
    if (listed) {
      const all = new Set(listed);
      exists = (p) => all.has(p);
    } else {
      const read = await source.read([...charts]);
      exists = (p) => read.has(p);
    }
  }
  // A file the base commit holds is a chart template only where the base has that Chart.yaml too:
  // a pull request that adds one must not have an existing file skipped unread (base-readings.ts).
  const atBase = base && [...charts].some(exists) ? await base.listing() : undefined;
  // Held as a regular file, or through a link the base holds (base-readings.ts: holds).
  const heldAtBase = new Set<string>();
  if (atBase) for (const f of files) if (await base!.holds(f)) heldAtBase.add(f);
  return files.filter((f) => {
    let match = templates.byPath(f, exists);
    if (match?.kind === "helm" && atBase && heldAtBase.has(f) && !templates.byPath(f, (p) => exists(p) && atBase.has(p))) {
      base!.overruled.set(f, "as a Helm template (skipped unread)");
      match = undefined;
    }
    if (match) skipped.add(f, match);
    return match === undefined;
  });
}

export function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "./" : file.slice(0, slash + 1);
}

/** An encoding problem or a merge-conflict marker: corruption in any dialect, so no other reading is tried. */
export function corruptWhateverTheFormat(doc: ParsedDocument): boolean {
  return doc.findings.some((f) => f.rule === "parse/encoding" || f.rule === "parse/merge-conflict");
}

/**
 * corruptWhateverTheFormat, except a leading UTF-8 BOM: the readers of the dialects in
 * core/select/jsonc-by-content.ts skip it (the JSONC parse then reports nothing for it), so a
 * file that is wrong only for that and its comments is worth the second reading.
 */
export function corruptBeyondBom(doc: ParsedDocument): boolean {
  return doc.findings.some((f) => f.rule === "parse/merge-conflict" || (f.rule === "parse/encoding" && !isLeadingBom(f)));
}

function isLeadingBom(f: { line?: number; column?: number; found?: string }): boolean {
  return f.line === 1 && f.column === 1 && f.found === "U+FEFF";
}

/**
 * A file that failed to parse is a template when its errors are syntax errors (never an
 * encoding problem or a merge-conflict marker: those are corruption whatever the file is) and
 * template tags stand where JSON/YAML cannot hold them; or, in YAML, when every error lies on
 * a line where a substitution placeholder (`{NAME}` run into text, `@name@`) stands where YAML
 * cannot hold it. Placeholders are weaker evidence than `{{ }}` tags, so an error anywhere else
 * (a truncated or broken file that also holds a placeholder) keeps the file reported. A ytt
 * template is one when its only errors are duplicate keys in different `#@` branches, and so is
 * a conda-build recipe whose only errors are duplicate keys on `# [selector]` lines.
 */
export function isTemplateByContent(doc: ParsedDocument, content: Buffer | string, format: DocumentFormat): boolean {
  if (corruptWhateverTheFormat(doc)) return false;
  const text = typeof content === "string" ? content : content.toString("utf8");
  if (format === "yaml" && (yttBranchDuplicatesOnly(doc, text) || condaSelectorDuplicatesOnly(doc, text))) return true;
  const tagged = text.includes("{{") || text.includes("{%") || text.includes("{#") || text.includes("<%") || text.includes("%{");
  if (tagged && hasTemplateStructure(text, format)) return true;
  if (format !== "yaml") return !doc.ok && (erbTagHoldsJsonError(doc, text) || placeholderHoldsJsonError(doc, text));
  return !doc.ok && (placeholdersExplainErrors(doc, text) || erbExplainsErrors(doc, text));
}

/**
 * JSON whose parse error stands inside a closed ERB-style tag, `<%` through `%>`, that spans
 * lines: the nf-core pipeline template's assets/slackreport.json is rendered by Groovy's
 * SimpleTemplateEngine, whose scriptlets open on one line and close on the next (`<%` then
 * `if (!success) { %>`), and a tag's own string literals end the JSON string it stands in. A
 * tag closed on its line is found by hasTemplateStructure already. The span, not the line,
 * must hold the error, so a broken comma beside a tag (or before or after it) is still
 * reported; JSON stops at its first error, so that one decides.
 */
function erbTagHoldsJsonError(doc: ParsedDocument, text: string): boolean {
  if (!text.includes("<%")) return false;
  const error = doc.findings.find((f) => f.level === "error");
  if (error?.line === undefined || error.column === undefined || !error.rule.startsWith("parse/syntax")) return false;
  const at = (p: { line: number; column: number }) => p.line * 1e9 + p.column;
  const target = at({ line: error.line, column: error.column });
  const lines = new LineIndex(text);
  for (let open = text.indexOf("<%"); open >= 0; open = text.indexOf("<%", open + 2)) {
    const close = text.indexOf("%>", open + 2);
    if (close < 0) return false;
    if (at(lines.position(open)) <= target && target < at(lines.position(close + 2))) return true;
    open = close;
  }
  return false;
}

/**
 * JSON whose parse error stands at a substitution placeholder standing for a whole value
 * (`[%s, %s]`, `"port": %d`, `"year": %YYYY%`, `"createdAt": @datetime@`: template-syntax.ts,
 * jsonPlaceholderValueAt), and that parses once every such placeholder outside a string reads as
 * a number: a test resource filled by Java's String.format or Python's `%`, a sed or configure
 * template, or a PHP-Matcher expected response, before it is parsed. A
 * broken comma before the first placeholder, or a truncation after it, is still reported.
 */
function placeholderHoldsJsonError(doc: ParsedDocument, text: string): boolean {
  if (!text.includes("%") && !text.includes("@")) return false;
  const error = doc.findings.find((f) => f.level === "error");
  if (error?.line === undefined || error.column === undefined || !error.rule.startsWith("parse/syntax")) return false;
  if (jsonPlaceholderValueAt(text, offsetOf(text, error.line, error.column)) === 0) return false;
  return parseDocument(maskJsonPlaceholders(text), { path: error.file ?? "template.json", format: doc.format }).ok;
}

/** `text` with each placeholder outside a string (jsonPlaceholderValueAt) turned into `0` and blanks, in one pass. */
function maskJsonPlaceholders(text: string): string {
  let out = "";
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"' || c === "\n") inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "%" || c === "@") {
      const length = jsonPlaceholderValueAt(text, i);
      if (length === 0) continue;
      out += text.slice(copied, i) + "0".padEnd(length, " ");
      copied = i + length;
      i = copied - 1;
    }
  }
  return out + text.slice(copied);
}

/** The UTF-16 offset of a 1-based line and column (columns count code points, a leading BOM none: LineIndex). */
function offsetOf(text: string, line: number, column: number): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf("\n", i);
    if (nl < 0) return text.length;
    i = nl + 1;
  }
  for (let c = 1; c < column && i < text.length && text[i] !== "\n"; c++) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

/**
 * A ytt template whose only errors are duplicate keys that ytt's `#@` branches, function bodies,
 * template.replace or yaml/map-key-override explain (core/select/ytt.ts): ytt reads no duplicate. A syntax error is reported all the same,
 * since ytt parses the file as YAML first.
 */
function yttBranchDuplicatesOnly(doc: ParsedDocument, text: string): boolean {
  const errors = doc.findings.filter((f) => f.level === "error");
  if (errors.length === 0 || errors.some((f) => f.rule !== "parse/duplicate-key")) return false;
  const duplicates = errors.map((f) => ({ first: f.related?.[0]?.line ?? 0, repeat: f.line ?? 0 }));
  return yttExplainsDuplicates(yttControlLines(text), duplicates, text.split("\n"));
}

/**
 * A conda-build recipe, variant config or migration whose only errors are duplicate keys that its
 * `# [selector]` lines explain (core/select/conda-selectors.ts): conda-build drops the lines of
 * other platforms before it loads the YAML. A syntax error is reported all the same.
 */
function condaSelectorDuplicatesOnly(doc: ParsedDocument, text: string): boolean {
  const errors = doc.findings.filter((f) => f.level === "error");
  if (errors.length === 0 || errors.some((f) => f.rule !== "parse/duplicate-key" || !condaSelectorFile(f.file ?? ""))) return false;
  const duplicates = errors.map((f) => ({ first: f.related?.[0]?.line ?? 0, repeat: f.line ?? 0 }));
  return selectorsExplainDuplicates(duplicates, text.split("\n"));
}

/**
 * Every error stands on a line an ERB tag covers (Rails fixtures and config are rendered with
 * ERB before Psych reads them). A plain scalar may start with `<`, so a tag is no evidence by
 * itself: only errors it explains are, and an error anywhere else keeps the file reported. A
 * repeated key is never explained: `pool: <%= a %>` twice still repeats `pool` after rendering.
 */
function erbExplainsErrors(doc: ParsedDocument, text: string): boolean {
  if (!text.includes("<%")) return false;
  const errors = doc.findings.filter((f) => f.level === "error");
  if (errors.length === 0) return false;
  const lines = erbTagLines(text);
  return errors.every((f) => f.rule !== "parse/duplicate-key" && f.line !== undefined && lines.has(f.line));
}

function placeholdersExplainErrors(doc: ParsedDocument, text: string): boolean {
  // A cheap test first: `{NAME}`, `@name@`, `%NAME%`, `${NAME}` or `${fn(...)}` (template-syntax.ts).
  if (!/\{[A-Z]|@[A-Za-z_]|%[A-Z1-9sd]|\$\{[a-z_]/.test(text)) return false;
  const errors = doc.findings.filter((f) => f.level === "error");
  if (errors.length === 0) return false;
  const lines = yamlPlaceholderLines(text);
  return errors.every((f) => f.line !== undefined && lines.has(f.line));
}
