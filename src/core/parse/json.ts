/**
 * Strict RFC 8259 JSON (and JSONC: comments and, unless options.trailingCommas is false, trailing commas) with positions.
 * Order of checks: byte order mark, one validating pass (json-scan.ts), and when that fails,
 * merge-conflict markers (reported instead of the syntax error they cause); values come from JSON.parse once the text is known to be valid, and
 * positions from a lazy locator (json-locate.ts) only when someone asks for one.
 */
import type { Finding } from "../finding.js";
import { JsonLocator } from "./json-locate.js";
import { JsonScanner } from "./json-scan.js";
import { LineIndex } from "./lines.js";
import { findMergeConflict } from "./markers.js";
import type { ParsedDocument, ParseOptions, Position } from "./types.js";
import { appendAll } from "../append.js";
import { bomSkippedBy } from "./json-bom-readers.js";

/** Default nesting limit (ParseOptions.maxDepth). */
export const DEFAULT_MAX_DEPTH = 1000;

export function parseJson(text: string, options: ParseOptions & { jsonc?: boolean }): ParsedDocument {
  const jsonc = options.jsonc ?? options.format === "jsonc";
  const format = jsonc ? "jsonc" : "json";
  const file = options.path;
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    // RFC 8259 §8.1: senders MUST NOT add a BOM. Many readers (Python's json.loads on str,
    // jq before 1.7, JSON.parse) reject it, so it is an error with an easy fix; but the readers of
    // JSONC files (TypeScript, VS Code) skip it, so there it is nothing, and npm and Node's
    // require() skip it in package.json, where it only trips other tools: a warning.
    const bomFinding = bomFindingFor(file, jsonc, options.bomSkippedBy);
    if (bomFinding) findings.push(bomFinding);
    start = 1;
  }
  const scan = new JsonScanner(text, lines, {
    file,
    jsonc,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    start,
    lineBreaksInStrings: options.lineBreaksInStrings === true,
    // JSONC takes trailing commas unless told otherwise; JSON only when told (Godot's JSON class).
    trailingCommas: jsonc ? options.trailingCommas !== false : options.trailingCommas === true,
    ...(options.nonFiniteReader !== undefined ? { nonFinite: options.nonFiniteReader } : {}),
    ...(options.repeatsKeptBy !== undefined ? { repeatsKeptBy: options.repeatsKeptBy } : {}),
  }).run();
  if (!scan.wellFormed) {
    // Conflict markers always break JSON, so they are only looked for when the scan failed:
    // naming them beats the syntax error they cause, and valid files skip the search.
    const conflict = findMergeConflict(text, lines, file);
    return failed(format, [...findings, ...(conflict ? [conflict] : scan.findings)]);
  }
  appendAll(findings, scan.findings);

  const ok = !findings.some((f) => f.level === "error");
  // Values only for a valid document: a duplicate key's "winner" differs between readers.
  const value: unknown = ok ? JSON.parse(stripped(text, start, scan.strip, scan.breaks, scan.nonFinite)) : undefined;
  let locator: JsonLocator | undefined;
  const find = (pointer: string, doc: number, key: boolean): Position | undefined => {
    if (doc !== 0) return undefined;
    locator ??= new JsonLocator(text, start, jsonc);
    const hit = locator.locate(pointer);
    if (!hit) return undefined;
    const { span } = hit;
    if (key) return hit.exact && span.ks >= 0 ? lines.span(span.ks, span.ke) : undefined;
    return lines.span(span.vs, span.ve);
  };
  return {
    format,
    ok,
    value,
    documents: ok ? [value] : [],
    findings,
    locate: (pointer, doc = 0) => find(pointer, doc, false),
    locateKey: (pointer, doc = 0) => find(pointer, doc, true),
  };
}

/**
 * The text JSON.parse gets: without a BOM, with JSONC comments and trailing commas blanked, line
 * breaks accepted inside strings (lineBreaksInStrings) written as their escapes, and NaN and
 * ±Infinity (nonFiniteReader) as what JSON.parse can read: ±1e999 parses to ±Infinity; NaN has
 * no JSON spelling and becomes null.
 */
function stripped(text: string, start: number, ranges: [number, number][], breaks: number[], nonFinite: [number, number][]): string {
  if (ranges.length === 0 && breaks.length === 0 && nonFinite.length === 0) return start === 0 ? text : text.slice(start);
  const parts: string[] = [];
  let at = start;
  // A trailing comma is recorded after the comments that follow it: put them back in order.
  const edits: [number, number, string][] = [
    ...ranges.map(([s, e]): [number, number, string] => [s, e, " "]),
    ...breaks.map((b): [number, number, string] => [b, b + 1, text.charCodeAt(b) === 10 ? "\\n" : "\\r"]),
    ...nonFinite.map(([s, e]): [number, number, string] => [
      s,
      e,
      text.charCodeAt(s) === 78 ? "null" : text.charCodeAt(s) === 45 ? "-1e999" : "1e999",
    ]),
  ].sort((a, b) => a[0] - b[0]);
  for (const [s, e, replacement] of edits) {
    parts.push(text.slice(at, s), replacement);
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function failed(format: "json" | "jsonc", findings: Finding[]): ParsedDocument {
  return { format, ok: false, value: undefined, documents: [], findings, locate: () => undefined, locateKey: () => undefined };
}

/** What a leading UTF-8 BOM is for this file's readers (see parseJson): undefined when they all skip it. */
function bomFindingFor(file: string, jsonc: boolean, knownReader: string | undefined): Finding | undefined {
  if (jsonc) return undefined;
  const skippedBy = bomSkippedBy(file) ?? knownReader;
  return {
    rule: "parse/encoding",
    level: skippedBy ? "warning" : "error",
    file,
    line: 1,
    column: 1,
    message: skippedBy
      ? `${file.slice(file.lastIndexOf("/") + 1)} starts with a UTF-8 byte order mark (U+FEFF): ${skippedBy} skip it, but JSON forbids it (RFC 8259 §8.1) and tools that JSON.parse the file fail`
      : "file starts with a UTF-8 byte order mark (U+FEFF), which JSON forbids (RFC 8259 §8.1)",
    found: "U+FEFF",
    fix: "re-save the file as UTF-8 without BOM (e.g. sed -i '1s/^\\xEF\\xBB\\xBF//' FILE)",
  };
}
