/**
 * Map ajv errors to findings at the line and column of the offending value. For "missing
 * property" and "unknown property" errors the pointer is refined to the property itself, so
 * the message can point at the exact key (unknown) or at the object that lacks it (missing).
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../finding.js";
import { escapeToken, pointerToDotted } from "../pointer.js";
import type { ParsedDocument } from "../parse/types.js";

export interface AjvFindingOptions {
  file: string;
  schemaPath: string;
  doc: ParsedDocument;
  docIndex?: number;
  rule?: string;
}

export function ajvErrorsToFindings(errors: readonly ErrorObject[], options: AjvFindingOptions): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of pruneNoise(errors)) {
    let pointer = e.instancePath;
    let atKey = false;
    let expected: string | undefined;
    let found: string | undefined;
    let message = e.message ?? "is invalid";
    let fix: string | undefined;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case "additionalProperties": {
        const name = String(p.additionalProperty);
        pointer = `${pointer}/${escapeToken(name)}`;
        atKey = true;
        const allowed = allowedKeys(e);
        const guess = allowed ? closest(name, allowed) : undefined;
        message = `unknown key "${name}"`;
        if (allowed) expected = `one of: ${allowed.join(", ")}`;
        fix = guess ? `did you mean "${guess}"? rename the key` : "remove the key, or fix its spelling";
        break;
      }
      case "required": {
        message = `missing required key "${String(p.missingProperty)}"`;
        fix = `add "${String(p.missingProperty)}" here`;
        break;
      }
      case "enum":
        expected = `one of ${JSON.stringify(p.allowedValues)}`;
        found = JSON.stringify(valueAt(options, pointer));
        message = `must be one of ${JSON.stringify(p.allowedValues)}`;
        break;
      case "const":
        expected = JSON.stringify(p.allowedValue);
        found = JSON.stringify(valueAt(options, pointer));
        message = `must be ${expected}`;
        break;
      case "type":
        expected = String(p.type);
        found = typeName(valueAt(options, pointer));
        message = `must be ${p.type}, found ${found}`;
        break;
      case "pattern":
        expected = `a string matching ${String(p.pattern)}`;
        found = JSON.stringify(valueAt(options, pointer));
        message = `${found} does not match the pattern ${String(p.pattern)}`;
        break;
      case "format":
        expected = `a valid ${String(p.format)}`;
        found = JSON.stringify(valueAt(options, pointer));
        message = `${found} is not a valid ${String(p.format)}`;
        break;
      default:
        break;
    }
    const key = `${pointer}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = (atKey ? options.doc.locateKey(pointer, options.docIndex) : undefined) ?? options.doc.locate(pointer, options.docIndex);
    const where = pointer === "" ? "the document" : pointerToDotted(pointer);
    out.push({
      rule: options.rule ?? "schema/violation",
      level: "error",
      file: options.file,
      ...(pos ? { line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn } : {}),
      pointer,
      message: `${where}: ${message} (schema ${options.schemaPath}, ${e.schemaPath})`,
      ...(expected ? { expected } : {}),
      ...(found !== undefined ? { found } : {}),
      ...(fix ? { fix } : {}),
    });
  }
  return out;
}

/** Drop the generic "must match a schema in anyOf/oneOf" wrapper when its branches already explain. */
function pruneNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf" && e.keyword !== "if");
  return specific.length > 0 ? specific : [...errors];
}

function allowedKeys(e: ErrorObject): string[] | undefined {
  const schema = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties ? Object.keys(schema.properties) : undefined;
}

function valueAt(options: AjvFindingOptions, pointer: string): unknown {
  let cur: unknown = options.doc.documents[options.docIndex ?? 0];
  for (const raw of pointer.split("/").slice(1)) {
    const t = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[t] : undefined;
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** The candidate within edit distance 2 (or a shared prefix), for "did you mean". */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
