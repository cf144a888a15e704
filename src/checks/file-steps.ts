/**
 * The steps that turn one file's text into validate findings, shared by validateFile
 * (validate.ts, the main thread) and runParseJob (parse-task.ts, a parse worker), so a file's
 * findings are the same whichever thread produced them and a new guard is added in one place
 * (issue 18: two merges once had to add the same guard to both copies). Only what needs the main
 * thread (the schema mapper, the JSONC lookup that reads a package.json) stays with the callers.
 */
import { isJsonLinesName, parseJsonLines } from "../core/parse/json-lines.js";
import type { Finding } from "../core/finding.js";
import { toPointer } from "../core/pointer.js";
import { parseDocument, type DocumentFormat, type ParsedDocument } from "../core/parse/index.js";
import { nonFiniteReaderOf } from "../core/parse/non-finite-readers.js";
import { ajvErrorsToFindings, type FormatAnnotation } from "../core/schema/ajv-findings.js";
import { brandingBelowRoot } from "./action-branding.js";
import { asActionsReads } from "./actions-runner-literals.js";
import { isSopsDocument, sopsVerdicts } from "../core/sops.js";
import type { Validator } from "../core/schema/compile.js";
import {
  endlessRefFinding,
  exhaustedFinding,
  runValidator,
  selfContainingFinding,
  selfContainingPath,
} from "../core/schema/endless-ref.js";
import { declaresArmTemplate } from "../core/select/arm-template.js";
import { ARM_BOM_READERS, declaresArmDeployment } from "../core/select/arm-encoding.js";
import { onlyLeadingBom } from "./dotnet-project.js";
import { looksLikeOlmCatalog, parseOlmCatalogStream } from "../core/parse/olm-catalog-stream.js";
import { hclJsonFindings, hclJsonReaderOf, type HclJsonReader } from "../core/select/hcl-json.js";
import { isMinecraftLangFile, minecraftLangFindings } from "../core/select/minecraft-lang.js";
import { corruptBeyondBom, corruptWhateverTheFormat } from "./validate-select.js";
import { asYaml12, declaresYaml11 } from "./yaml-11-directive.js";
import { isCoolifyTemplate } from "../core/parse/yaml-list-alias-merge.js";

/** The YAML reading options validate.yaml gives a file (merge keys, custom tags, unknown tags). */
export type YamlReadOptions = {
  mergeKeys?: boolean;
  customTags?: string[];
  unknownTags?: "error" | "warning";
  /** Dialects another file vouches for (a Home Assistant configuration that includes this one). */
  extraDialects?: readonly string[];
  /** Dialects the trusted commit did not agree to, on a pull request (validate.ts: dialectReading). */
  refusedDialects?: readonly string[];
};

/** JSON/JSONC reading options of a reader known by the file's name (core/select/well-known-names.ts). */
export type JsonReadOptions = { trailingCommas?: boolean };

/** A file parsed for validation: the document, the format it was finally read as, and whether a JSONC retry may apply. */
interface FirstParse {
  doc: ParsedDocument;
  format: DocumentFormat;
  /**
   * The JSON parse failed only in ways JSON with comments allows: the caller retries as JSONC
   * when the file's consumer reads JSONC (a VS Code extension contributes it).
   */
  jsoncCandidate: boolean;
  /**
   * The same, a leading BOM allowed: the readers of the dialects known by content or by their
   * pack (core/select/jsonc-by-content.ts) skip it. Implied by jsoncCandidate.
   */
  dialectCandidate: boolean;
  /**
   * Set when a reading the file's own content asks for (an ARM `$schema`, a Hugging Face
   * version key, an HCL 1 CLI block) excused what the plain parse refused: on a pull request
   * that reading must be the base's too (base-readings.ts: contentAgreedLookup).
   */
  byContent?: ContentReading;
}

/** A reading a file's content asks for by a marker in it, and whether another text of the file asks for it too. */
export interface ContentReading {
  /** How the file is then read, for the trust/reading-changed notice ("as ... reads it"). */
  readonly reading: string;
  /** Whether `text`, held at `file` (the file itself, or a peer of a new mapped file), asks for the reading. */
  asks(text: string, file: string): boolean;
  /**
   * The format's own declaration (`%YAML 1.1`), not a reader's marker: a new file keeps it under
   * any mapping (mapped-peers.ts asks no peer), as YAML readers that honour directives read it.
   */
  readonly declaredByFormat?: true;
}

const YAML_11_READING: ContentReading = {
  reading: "as YAML 1.1 (its `%YAML 1.1` directive: yes/no/on/off as booleans, 0755 as an octal number)",
  asks: declaresYaml11,
  declaredByFormat: true,
};

/** A Coolify service template (its path and header comments): `<<: *list` as Symfony YAML merges it. */
const COOLIFY_TEMPLATE_READING: ContentReading = {
  reading: "as Coolify reads a service template (Symfony's YAML parser: `<<: *alias` of a list merges)",
  // The path is the file's own on both sides: only the header can differ.
  asks: (t) => isCoolifyTemplate("templates/compose/t.yaml", t),
};

const ARM_READING: ContentReading = {
  reading: "as Azure Resource Manager reads a deployment template (comments, line breaks in strings)",
  asks: declaresArmTemplate,
};

/** An operator-registry file-based catalog: a stream of JSON values, as opm reads it (core/parse/olm-catalog-stream.ts). */
const OLM_CATALOG_READING: ContentReading = {
  reading: "as opm reads a file-based catalog (several JSON values in a row)",
  asks: looksLikeOlmCatalog,
};

/** A deployment parameters file (or a UTF-16 template): a BOM is a warning (core/select/arm-encoding.ts). */
export const ARM_BOM_READING: ContentReading = {
  reading: "as the Azure CLI and Azure PowerShell read an ARM deployment file (a byte order mark skipped)",
  asks: declaresArmDeployment,
};

/**
 * Parses the text as its format. An Azure Resource Manager template (known by its `$schema`) is
 * read as ARM reads it: comments, a BOM and raw line breaks inside strings ("multi-line
 * strings" in its template syntax); every real error is still reported by the JSONC parse.
 */
export function firstParse(
  text: string,
  file: string,
  format: DocumentFormat,
  yaml: YamlReadOptions | undefined,
  json?: JsonReadOptions,
  records?: { keepValues: boolean },
  /** False: no reading the content asks for by a marker (the base commit does not agree to it). */
  contentReadings = true,
): FirstParse {
  const none = { jsoncCandidate: false, dialectCandidate: false };
  // JSON Lines: a line at a time (core/parse/json-lines.ts); the values only for a schema.
  if (format === "json" && isJsonLinesName(file))
    return { doc: parseJsonLines(text, { path: file, keepValues: records?.keepValues ?? false }), format, ...none };
  // A `%YAML 1.1` directive: the yaml package reads the document with 1.1's types (yaml-11-directive.ts).
  if (format === "yaml" && declaresYaml11(text)) {
    if (contentReadings) return { doc: parseDocument(text, { path: file, format, ...yaml }), format, ...none, byContent: YAML_11_READING };
    return { doc: parseDocument(asYaml12(text), { path: file, format, ...yaml }), format, ...none };
  }
  const doc = parseDocument(text, { path: file, format, ...(format === "yaml" ? yaml : json) });
  // A Coolify template merging a list (core/parse/yaml-list-alias-merge.ts): read again as Symfony YAML does.
  if (format === "yaml" && contentReadings && hasErrors(doc) && isCoolifyTemplate(file, text)) {
    const symfony = parseDocument(text, { path: file, format, ...yaml, listAliasMerges: "Symfony YAML (Coolify)" });
    if (errorCount(symfony) < errorCount(doc)) return { doc: symfony, format, ...none, byContent: COOLIFY_TEMPLATE_READING };
  }
  if (doc.ok || format !== "json") return { doc, format, ...none };
  const hcl = doc.findings.some((f) => f.rule === "parse/duplicate-key") ? hclJsonReaderOf(file, text) : undefined;
  // `.tf.json`, `.tfrc.json` say it by name; a `provider_installation` block in another name by content.
  const hclByContent = hcl !== undefined && hclJsonReaderOf(file, "") === undefined;
  if (hcl !== undefined && (contentReadings || !hclByContent)) {
    const byContent = hclByContent ? { byContent: hclCliReading(file) } : {};
    return { doc: hclJsonDocument(doc, text, hcl), format, ...none, ...byContent };
  }
  // A Minecraft lang file: repeated `_` comment keys (core/select/minecraft-lang.ts), by name.
  if (hcl === undefined && isMinecraftLangFile(file) && doc.findings.some((f) => f.rule === "parse/duplicate-key")) {
    const findings = minecraftLangFindings(doc.findings);
    // Anything else (a repeated translation, a syntax error) is as wrong for Gson's reading.
    if (findings.some((f) => f.level === "error")) return { doc: { ...doc, findings }, format, ...none };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { doc, format, ...none };
    }
    return { doc: { ...doc, ok: true, value, documents: [value], findings }, format, ...none };
  }
  if (contentReadings && declaresArmTemplate(text)) {
    const jsonc = parseDocument(text, { path: file, format: "jsonc", lineBreaksInStrings: true });
    return { doc: jsonc, format: "jsonc", ...none, byContent: ARM_READING };
  }
  // An ARM parameters file whose one error is a leading UTF-8 BOM: its readers skip it (arm-encoding.ts).
  if (contentReadings && onlyLeadingBom(doc.findings) && declaresArmDeployment(text))
    return {
      doc: parseDocument(text, { path: file, format, ...json, bomSkippedBy: ARM_BOM_READERS }),
      format,
      ...none,
      byContent: ARM_BOM_READING,
    };
  // An operator catalog (an `olm.*` schema first): several values in a row, each checked alone.
  const catalog = contentReadings && looksLikeOlmCatalog(text) ? parseOlmCatalogStream(text, file) : undefined;
  if (catalog !== undefined) return { doc: catalog, format, ...none, byContent: OLM_CATALOG_READING };
  // A Hugging Face config: NaN and ±Infinity are warnings, as its reader (json.loads) takes them.
  const nonFiniteReader = contentReadings ? nonFiniteReaderOf(file, text) : undefined;
  if (nonFiniteReader !== undefined) {
    const byContent: ContentReading = { reading: `as ${nonFiniteReader} reads it`, asks: (t) => nonFiniteReaderOf(file, t) !== undefined };
    return { doc: parseDocument(text, { path: file, format, nonFiniteReader }), format, ...none, byContent };
  }
  return { doc, format, jsoncCandidate: !corruptWhateverTheFormat(doc), dialectCandidate: !corruptBeyondBom(doc) };
}

function errorCount(doc: ParsedDocument): number {
  return doc.findings.filter((f) => f.level === "error").length;
}

function hasErrors(doc: ParsedDocument): boolean {
  return doc.findings.some((f) => f.level === "error");
}

/** The HCL 1 CLI configuration reading of a file known as one only by its `provider_installation` block. */
function hclCliReading(file: string): ContentReading {
  return {
    reading: "as HCL 1 reads a Terraform CLI configuration (a repeated object merges)",
    asks: (t) => hclJsonReaderOf(file, t) === "hcl1-cli",
  };
}

/**
 * A `.tf.json`/`.pkr.json` (HCL 2) or a CLI configuration (HCL 1) whose only errors are repeated
 * names, as that HCL reads it (core/select/hcl-json.ts): repeated blocks are no error. When none
 * is left, the value a schema mapped by the user sees is JSON's reading (the last of the repeated members).
 */
function hclJsonDocument(doc: ParsedDocument, text: string, reader: HclJsonReader): ParsedDocument {
  const findings = hclJsonFindings(text, doc.findings, reader);
  // Anything else (a syntax error, a cut file, a BOM) is as wrong for HCL as for JSON.
  if (findings.some((f) => f.level === "error")) return { ...doc, findings };
  const value: unknown = JSON.parse(text);
  return { ...doc, ok: true, value, documents: [value], findings };
}

/**
 * Whether a template check by content is worth running: the file did not parse, or `key: {{ x }}`
 * parsed as YAML (a flow mapping used as a key, a parse/complex-key warning).
 */
export function templateSuspect(doc: ParsedDocument): boolean {
  return !doc.ok || doc.findings.some((f) => f.rule === "parse/complex-key");
}

/** The file's own `$schema` (a string on the first document's root mapping), if any. */
export function ownSchema(doc: ParsedDocument): string | undefined {
  const first = doc.documents[0];
  if (first === null || typeof first !== "object" || Array.isArray(first)) return undefined;
  const own = (first as Record<string, unknown>).$schema;
  return typeof own === "string" && own !== "" ? own : undefined;
}

/** How the findings of one schema step are named and capped. */
interface SchemaStepOptions {
  file: string;
  /** How findings name the schema (a catalog entry's label, or the path). */
  label: string;
  describeKeys: boolean;
  /** schema/violation findings still located for this file (validate.max_findings_per_file). */
  budget: number;
  /** Set for a schema the user did not map: `format` failures are warnings (format-annotation.ts). */
  formatAnnotation?: FormatAnnotation;
  /** False: judge ciphertext values as they are (a pull request made the file a sops file: base-readings.ts). */
  sops?: boolean;
  /** The built-in catalog entry whose schema this is (action-branding.ts reads it). */
  builtinId?: string;
}

/**
 * Every document of the file against one compiled schema. An empty YAML stream reads as null
 * and is validated as null, so a truncated file cannot pass its schema. Returns the findings
 * and the located-findings budget left; a schema whose `$ref`s loop is this file's error.
 */
export function schemaStep(validate: Validator, doc: ParsedDocument, opts: SchemaStepOptions): { findings: Finding[]; budget: number } {
  const documents = doc.documents.length ? doc.documents : [null];
  const findings: Finding[] = [];
  let budget = opts.budget;
  for (let d = 0; d < documents.length; d++) {
    let errors = runValidator(validate, documents[d]);
    // A sops-encrypted file: the schema judges its structure, not its ciphertext values (core/sops.ts).
    if (errors && !Array.isArray(errors) && errors !== "endless") {
      findings.push(exhaustedFinding(opts.file, opts.label, errors.exhausted));
      break;
    }
    if (errors && errors !== "endless" && errors.length > 0 && opts.sops !== false && isSopsDocument(documents[d]))
      errors = sopsVerdicts(errors, documents[d]);
    if (errors === "endless") {
      // The data, not the schema, may be what loops: a YAML alias inside its own anchor.
      const cycle = selfContainingPath(documents[d]);
      if (cycle) {
        const pointer = toPointer(cycle);
        findings.push(selfContainingFinding(opts.file, pointer, doc.locate(pointer, d), opts.label));
      } else findings.push(endlessRefFinding(opts.file, opts.label));
      break;
    }
    if (!errors || errors.length === 0) continue;
    // A workflow's `run: true`: GitHub reads a literal as a string where only a string is allowed.
    errors = asActionsReads(opts.builtinId, validate, documents[d], errors);
    if (errors.length === 0) continue;
    const mapped = ajvErrorsToFindings(errors, {
      file: opts.file,
      schemaPath: opts.label,
      // Positions of an empty stream's null are those of the file's start.
      doc: documents === doc.documents ? doc : { ...doc, documents },
      docIndex: d,
      limit: Math.max(budget, 0),
      ...(opts.describeKeys ? { describeKeys: true } : {}),
      ...(opts.formatAnnotation ? { formatAnnotation: opts.formatAnnotation } : {}),
    });
    budget -= mapped.filter((f) => f.rule === "schema/violation").length;
    for (const f of mapped) findings.push(brandingBelowRoot(opts.builtinId, f));
  }
  return { findings, budget };
}
