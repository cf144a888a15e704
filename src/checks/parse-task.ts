/**
 * What a parse worker does with one file (src/checks/parse-worker.ts), and the messages between
 * the pool and its workers. The steps are validateFile's (validate.ts), shared through
 * file-steps.ts, so a file's findings are the same whichever thread produced them; anything that needs the
 * main thread (a file's own `$schema`, the JSONC fallback that reads a package.json) is
 * answered with "main" and the file is validated there instead.
 */
import type { Finding } from "../core/finding.js";
import { decodeDocument, loadYamlSupport, type DocumentFormat } from "../core/parse/index.js";
import { readableUtf16 } from "../core/select/arm-encoding.js";
import type { Validator } from "../core/schema/compile.js";
import { loadStandalone } from "../core/schema/standalone.js";
import { allOfOtherRoot, commentOnlyAccepted, headerReader, legacyFormat, schemaPieceReader } from "./root-kind.js";
import { firstParse, ownSchema, schemaStep, templateSuspect, type YamlReadOptions } from "./file-steps.js";
import { isTemplateByContent } from "./validate-select.js";
import { templateResidue } from "./template-residue.js";
import type { FormatAnnotation } from "../core/schema/ajv-findings.js";

/** One schema to validate a file against: its compiled standalone code is sent once per worker. */
export interface ParseStep {
  /** The schema's repo path (the key of its code). */
  key: string;
  /** How findings name the schema (a catalog entry's label, or the path). */
  label: string;
  describeKeys: boolean;
  /**
   * A built-in catalog entry's root type: a file whose every document has the other root type
   * is another kind of file and skips this step (notThisKind in validate-catalog.ts).
   */
  rootType?: "object" | "array";
  /** A built-in catalog entry's id (commentOnlyAccepted in root-kind.ts). */
  builtinId?: string;
  /** Set for a schema the user did not map: `format` failures are warnings (format-annotation.ts). */
  formatAnnotation?: FormatAnnotation;
}

/** One file of a task: its bytes are [start, end) of the task's buffer. */
export interface ParseJob {
  file: string;
  start: number;
  end: number;
  format: DocumentFormat;
  yaml?: YamlReadOptions;
  /** validate.templates detects templates by content for this file. */
  detectTemplates: boolean;
  /** The schemas that apply when the file has no `$schema` of its own. */
  steps: ParseStep[];
  /** validate.max_findings_per_file. */
  budget: number;
}

export interface ParseTaskMessage {
  id: number;
  buffer: ArrayBuffer;
  jobs: ParseJob[];
  /** Standalone code of schemas this worker has not been sent yet. */
  codes: [string, string][];
}

/**
 * A file's outcome: its bytes back to validate it on the main thread, "template", or its findings: those
 * of the parse, then per step the schema findings (before the catalog level is applied).
 */
export type ParseOutcome =
  | { main: Uint8Array }
  | "template"
  | { parse: Finding[]; schema: (Finding[] | "other-kind" | { otherReader: string } | { legacy: string })[] };

export interface ParseResultMessage {
  id: number;
  outcomes: ParseOutcome[];
}

/** Compiled validators of one worker, by schema key. */
export class WorkerValidators {
  private readonly codes = new Map<string, string>();
  private readonly loaded = new Map<string, Promise<Validator>>();

  add(codes: readonly [string, string][]): void {
    for (const [k, c] of codes) this.codes.set(k, c);
  }

  get(key: string): Promise<Validator> {
    let v = this.loaded.get(key);
    if (!v) {
      const code = this.codes.get(key);
      if (code === undefined) throw new Error(`internal error: no compiled code for schema ${key} in the parse worker`);
      v = loadStandalone(code);
      this.loaded.set(key, v);
    }
    return v;
  }
}

/** The outcome of one job (see validateFile in validate.ts: both run the steps of file-steps.ts). */
export async function runParseJob(bytes: Uint8Array, job: ParseJob, validators: WorkerValidators): Promise<ParseOutcome> {
  const { file } = job;
  if (job.format === "yaml") await loadYamlSupport();
  const text = decodeDocument(bytes, file);
  if (typeof text !== "string") {
    // An ARM deployment file in UTF-16 with a BOM (core/select/arm-encoding.ts): the main thread asks the base.
    // So is an appsettings file in UTF-16 with a BOM (known by name): its reading is on the main thread too.
    if (text.found === "UTF-16" && readableUtf16(bytes, file) !== undefined) return { main: bytes.slice() };
    return { parse: [text], schema: [] };
  }
  const { doc, format, dialectCandidate, byContent } = firstParse(text, file, job.format, job.yaml);
  // The JSONC retries ask the source (a VS Code extension's package.json, a Bedrock pack's
  // manifest): main thread. A leading BOM alone does not rule them out: those readers skip it.
  // So does a reading the content asks for (an ARM template), or a YAML dialect's tags: a pull request's base must agree.
  if (dialectCandidate || byContent || doc.dialectsUsed) return { main: bytes.slice() };
  if (templateSuspect(doc) && job.detectTemplates && isTemplateByContent(doc, text, format)) {
    const used: string[] = [];
    const residue = format === "yaml" ? templateResidue(text, file, job.yaml, used) : [];
    // Tags of a YAML dialect read in the masked text: a pull request's base must agree (validate.ts: agreedResidue).
    if (used.length > 0) return { main: bytes.slice() };
    return residue.length > 0 ? { parse: residue, schema: [] } : "template";
  }
  const parse = [...doc.findings];
  if (!doc.ok) return { parse, schema: [] };
  // A `$schema` of its own changes which schemas apply: the main thread maps it.
  if (ownSchema(doc) !== undefined) return { main: bytes.slice() };
  const schema: (Finding[] | "other-kind" | { otherReader: string } | { legacy: string })[] = [];
  let budget = job.budget;
  for (const step of job.steps) {
    const reader = step.builtinId !== undefined ? (headerReader(text) ?? schemaPieceReader(step.builtinId, doc.documents)) : undefined;
    if (reader !== undefined) {
      schema.push({ otherReader: reader });
      continue;
    }
    if (step.rootType && allOfOtherRoot(doc.documents, step.rootType)) {
      schema.push("other-kind");
      continue;
    }
    const legacy = legacyFormat(step.builtinId, doc.documents);
    if (legacy !== undefined) {
      schema.push({ legacy });
      continue;
    }
    if (commentOnlyAccepted(step.builtinId, text, doc.documents)) {
      schema.push([]);
      continue;
    }
    const out = schemaStep(await validators.get(step.key), doc, {
      file,
      label: step.label,
      describeKeys: step.describeKeys,
      budget,
      ...(step.formatAnnotation ? { formatAnnotation: step.formatAnnotation } : {}),
      ...(step.builtinId !== undefined ? { builtinId: step.builtinId } : {}),
    });
    budget = out.budget;
    schema.push(out.findings);
  }
  return { parse, schema };
}
