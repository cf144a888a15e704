/**
 * How validate reads a file known by its name (core/select/well-known-names.ts) where its reader
 * differs from the plain format: JSONC without trailing commas or without a BOM (comments
 * stripped, then JSON.parse), JSON5 (Babel, `*.json5`), ESLint's `.eslintrc` (YAML after JSON comments are stripped),
 * textlint's `.textlintrc` (JSON5, then YAML) and Yarn's lockfile (YAML only from Yarn 2 on).
 */
import { flowDashRefusedBy } from "../core/parse/js-yaml-refusals.js";
import type { Finding } from "../core/finding.js";
import { parseDocument, type DocumentFormat, type ParsedDocument } from "../core/parse/index.js";
import { LineIndex } from "../core/parse/lines.js";
import { readSnbt } from "../core/parse/snbt.js";
import { WHEN_HEAD_BYTES, wellKnownOf, type WellKnownName } from "../core/select/well-known-names.js";
import { draftOf } from "../core/schema/draft.js";
import type { ContentReading, JsonReadOptions } from "./file-steps.js";
import { dotnetConfigurationReading } from "./dotnet-configuration.js";
import { json5Reading } from "./json5-reading.js";
import { corruptWhateverTheFormat } from "./validate-select.js";

type Settled = { doc: ParsedDocument; format: DocumentFormat };

/** The options of the first parse, and the step that settles what it found. */
interface WellKnownReading {
  json?: JsonReadOptions;
  /**
   * Set where a JSON Schema under the name is no file of the name's reader: a schema of .NET's
   * configuration files named for them (SchemaStore's src/schemas/json/appsettings.json, or a
   * copy vendored beside a project) is read by schema tools, case-sensitively, and `WebOptimizer`
   * and `webOptimizer` are two names there. The caller skips `settle` for a document whose root
   * `$schema` names a JSON Schema meta-schema (isJsonSchemaDocument), with the base's agreement
   * on a pull request (SCHEMA_DOCUMENT_READING): a `$schema` line written into an existing
   * appsettings.json must not switch the .NET reading off.
   */
  exceptSchemaDocument?: true;
  settle(doc: ParsedDocument, text: string, format: DocumentFormat): Promise<Settled>;
}

/**
 * The reading of `file` parsed as `format`, when its reader is not the plain format's; undefined
 * for every other file (also when the config made it another format).
 */
export function wellKnownReading(file: string, format: DocumentFormat): WellKnownReading | undefined {
  const entry = wellKnownOf(file);
  if (!entry || entry.format !== format) return undefined;
  if (format === "jsonc" && (entry.trailingCommas === false || entry.leadingBom === false)) {
    return {
      ...(entry.trailingCommas === false ? { json: { trailingCommas: false } } : {}),
      settle: (doc, text) => Promise.resolve({ doc: entry.leadingBom === false ? withBomError(doc, text, file, entry) : doc, format }),
    };
  }
  if (format === "jsonc" && entry.dotnetConfiguration)
    return {
      exceptSchemaDocument: true,
      settle: (doc, text) => Promise.resolve({ doc: dotnetConfigurationReading(doc, text, file, entry.reader), format }),
    };
  if (format === "jsonc" && entry.json5)
    return { settle: async (doc, text) => ({ doc: await json5Reading(doc, text, file, entry.reader, entry.json5Deprecated), format }) };
  if (format === "json" && entry.snbt)
    return { settle: (doc, text) => Promise.resolve({ doc: snbtReading(doc, text, file, entry), format }) };
  if (format === "yaml" && entry.orJsonc && entry.orJson5) return { settle: (doc, text) => json5OrYamlReading(doc, text, file, entry) };
  if (format === "yaml" && entry.orJsonc) return { settle: (doc, text) => eslintrcReading(doc, text, file, entry) };
  if (format === "yaml" && entry.jsYaml) return { settle: async (doc, text) => ({ doc: await asJsYaml(doc, text, file, entry), format }) };
  return undefined;
}

/**
 * Whether `value` (a document's root) is a JSON Schema: an object whose `$schema` names a JSON
 * Schema meta-schema (draft-04 to 2020-12). An appsettings.json pointing at its own schema
 * (`https://json.schemastore.org/appsettings.json`) is configuration, not a schema.
 */
export function isJsonSchemaDocument(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return typeof (value as Record<string, unknown>).$schema === "string" && typeof draftOf(value) === "string";
}

/** The reading a JSON Schema under a configuration reader's name asks for by its `$schema` (exceptSchemaDocument). */
export const SCHEMA_DOCUMENT_READING: ContentReading = {
  reading: "as a JSON Schema (its `$schema` names a JSON Schema meta-schema), not as its name's reader reads configuration",
  asks: (text) => {
    const doc = parseDocument(text, { path: "", format: "jsonc" });
    return doc.ok && isJsonSchemaDocument(doc.documents[0]);
  },
};

/** True when `file` is a name that is its format only by content (Yarn 1's yarn.lock is not YAML) and this content is not. */
export function skipsUnlessItsFormat(file: string, content: Buffer): boolean {
  const when = wellKnownOf(file)?.when;
  if (!when) return false;
  return !when(content.toString("utf8", 0, Math.min(content.length, WHEN_HEAD_BYTES)));
}

/**
 * A file its reader reads as SNBT (Minecraft's stringified NBT) under a `.json` name: what the JSON
 * parse refuses (`0b`, bare keys) is read as SNBT, which decides; its error replaces the JSON one.
 */
function snbtReading(doc: ParsedDocument, text: string, file: string, entry: WellKnownName): ParsedDocument {
  if (doc.ok || corruptWhateverTheFormat(doc)) return doc; // merge-conflict markers, NUL bytes: the JSON finding says it best
  const read = readSnbt(text);
  if (read.ok) {
    const value = read.value;
    return {
      ...doc,
      ok: true,
      value,
      documents: [value],
      findings: [],
      locate: () => ({ line: 1, column: 1 }),
      locateKey: () => undefined,
    };
  }
  const finding: Finding = {
    rule: read.truncated ? "parse/truncated" : "parse/syntax",
    level: "error",
    file,
    ...new LineIndex(text).position(read.offset),
    message: `${read.message} (read as SNBT: ${entry.reader})`,
    fix: read.truncated
      ? "restore the file from git or a snapshot (it was cut short)"
      : "fix the SNBT at this position, or restore the file from git",
  };
  return { ...doc, findings: [finding] };
}

/** A leading BOM, which the JSONC parse skips but a reader ending in JSON.parse fails on: an error at 1:1. */
function withBomError(doc: ParsedDocument, text: string, file: string, entry: WellKnownName): ParsedDocument {
  if (text.charCodeAt(0) !== 0xfeff) return doc;
  const bom: Finding = {
    rule: "parse/encoding",
    level: "error",
    file,
    line: 1,
    column: 1,
    message: `file starts with a UTF-8 byte order mark (U+FEFF), which ${entry.reader} fails on`,
    found: "U+FEFF",
    fix: "re-save the file as UTF-8 without BOM (e.g. sed -i '1s/^\\xEF\\xBB\\xBF//' FILE)",
  };
  return { ...doc, ok: false, value: undefined, documents: [], findings: [bom, ...doc.findings] };
}

/** JSON text (after a BOM, blanks and comments): what a JSON-or-YAML reader gets as a flow collection. */
const LOOKS_JSON = /^\uFEFF?\s*(?:[{[]|\/[/*])/;

/**
 * ESLint reads `.eslintrc` as js-yaml(stripJsonComments(text)): JSON with comments (a trailing
 * comma is allowed in a YAML flow collection), or YAML. A file that looks like JSON is read as
 * JSONC first (the comments ESLint strips would be parts of keys to a YAML reading), YAML being
 * the fallback; other files are read as YAML first, JSONC the fallback. When both fail, the
 * reading the file looks like gives the errors.
 */
async function eslintrcReading(doc: ParsedDocument, text: string, file: string, entry: WellKnownName): Promise<Settled> {
  const asJsonc = () => parseDocument(text, { path: file, format: "jsonc" });
  if (LOOKS_JSON.test(text)) {
    const json = asJsonc();
    if (json.ok) return { doc: json, format: "jsonc" };
    const yaml = await asJsYaml(doc, text, file, entry);
    return yaml.ok ? { doc: yaml, format: "yaml" } : { doc: json, format: "jsonc" };
  }
  const yaml = await asJsYaml(doc, text, file, entry);
  if (yaml.ok) return { doc: yaml, format: "yaml" };
  const json = asJsonc();
  return json.ok ? { doc: json, format: "jsonc" } : { doc: yaml, format: "yaml" };
}

/**
 * rc-config-loader's reading of an rc file without extension (`.textlintrc`): JSON5 first, then
 * js-yaml. The JSONC-or-YAML reading decides first (exact positions); only text both refuse is
 * read with the json5 package, which then has the last word for a file that looks like JSON.
 */
async function json5OrYamlReading(doc: ParsedDocument, text: string, file: string, entry: WellKnownName): Promise<Settled> {
  const settled = await eslintrcReading(doc, text, file, entry);
  if (settled.doc.ok || !LOOKS_JSON.test(text) || corruptWhateverTheFormat(settled.doc)) return settled;
  const json = parseDocument(text, { path: file, format: "jsonc" });
  return { doc: await json5Reading(json, text, file, entry.reader), format: "jsonc" };
}

/**
 * The YAML reading as js-yaml (and PyYAML) give it: a plain key in a flow mapping that runs over
 * two lines is an error there (`{ // note` followed by `"semi": false` reads as one key to the
 * yaml package, YAML 1.2 allowing it). Only a file that parsed is looked at again.
 */
async function asJsYaml(doc: ParsedDocument, text: string, file: string, entry: WellKnownName): Promise<ParsedDocument> {
  if (!doc.ok) return doc;
  // `[-]`: a warning for libyaml's readers, an error for js-yaml (core/parse/js-yaml-refusals.ts).
  doc = flowDashRefusedBy(doc, entry.reader);
  if (!doc.ok) return doc;
  const at = await multiLineFlowKey(text);
  if (at === undefined) return doc;
  const { line, column } = new LineIndex(text).position(at);
  const finding: Finding = {
    rule: "parse/syntax",
    level: "error",
    file,
    line,
    column,
    message: `a key in a flow mapping runs over more than one line, which ${entry.reader} refuses ("missed comma between flow collection entries")`,
    fix: "a // or /* */ comment is not YAML: remove it (or write the file as YAML with # comments); otherwise add the missing comma",
  };
  return { ...doc, ok: false, value: undefined, documents: [], findings: [finding, ...doc.findings] };
}

/**
 * Offset of the first plain key of a flow mapping that spans a line break, if any: YAML 1.2 and
 * the yaml package allow it, PyYAML, ruamel.yaml and js-yaml do not.
 */
export async function multiLineFlowKey(text: string): Promise<number | undefined> {
  if (!text.includes("{")) return undefined;
  const YAML = await import("yaml");
  let at: number | undefined;
  const docs = YAML.parseAllDocuments(text);
  for (const d of Array.isArray(docs) ? docs : []) {
    YAML.visit(d, {
      Map(_, map) {
        if (!map.flow) return undefined;
        for (const pair of map.items) {
          const key = pair.key;
          if (YAML.isScalar(key) && key.type === "PLAIN" && key.range && /[\r\n]/.test(text.slice(key.range[0], key.range[1]))) {
            at = key.range[0];
            return YAML.visit.BREAK;
          }
        }
        return undefined;
      },
    });
    if (at !== undefined) return at;
  }
  return undefined;
}
