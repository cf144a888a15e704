/**
 * operator-registry file-based catalogs (FBC): `opm render` writes a package's catalog as several
 * JSON objects one after another in one `.json` file (an olm.package, its olm.channel and
 * olm.bundle blobs), and opm reads every catalog file as a stream of values (alpha/declcfg/load.go:
 * WalkMetasReader decodes with k8s.io/apimachinery's NewYAMLOrJSONDecoder in a loop until EOF).
 * Such a file is known by its content: it starts with an object whose `"schema"` is an `olm.*`
 * schema, and every value in it is an object with a `"schema"` string (opm's Meta: a blob
 * without one is refused). Each value is then checked as strict JSON with its own positions, so a
 * cut or broken value is still an error at its line and column. Pure.
 */
import type { Finding } from "../finding.js";
import { JsonLocator } from "./json-locate.js";
import { JsonScanner } from "./json-scan.js";
import { LineIndex } from "./lines.js";
import type { ParsedDocument, Position } from "./types.js";
import { DEFAULT_MAX_DEPTH } from "./json.js";

/** The marker: an `olm.*` schema near the start (opm render writes `"schema"` first). */
const OLM_SCHEMA = /"schema"\s*:\s*"olm\.[^"]*"/;
const HEAD = 4096;

/** True when the text starts with a JSON object and names an `olm.*` schema near its start (cheap pre-test). */
export function looksLikeOlmCatalog(text: string): boolean {
  const first = text.search(/\S/);
  return first >= 0 && text[first] === "{" && OLM_SCHEMA.test(text.slice(first, first + HEAD));
}

/** The end (exclusive) of the object or array that opens at `open`, or -1 when the text ends first. */
function valueEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string (escapes included); an unterminated one runs to the end.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The file read as opm reads a catalog, or undefined when it is not one (a value that is not an
 * object with a `"schema"` string, or no `olm.*` schema first): the caller keeps the JSON findings.
 */
export function parseOlmCatalogStream(text: string, file: string): ParsedDocument | undefined {
  if (!looksLikeOlmCatalog(text)) return undefined;
  const lines = new LineIndex(text);
  const spans: [number, number][] = [];
  const documents: unknown[] = [];
  const ws = /\S/g;
  for (let i = 0; ;) {
    ws.lastIndex = i;
    const m = ws.exec(text);
    if (!m) break;
    const start = m.index;
    const end = valueEnd(text, start);
    // Each value is scanned alone (a prefix of the text keeps the offsets, so the positions are the file's).
    const scan = new JsonScanner(end < 0 ? text : text.slice(0, end), lines, {
      file,
      jsonc: false,
      maxDepth: DEFAULT_MAX_DEPTH,
      start,
      lineBreaksInStrings: false,
      trailingCommas: false,
    }).run();
    const errors = scan.findings.filter((f) => f.level === "error");
    if (!scan.wellFormed || errors.length > 0 || end < 0) {
      // A broken value inside a catalog: its own error (a cut last value is parse/truncated).
      if (spans.length === 0) return undefined; // not even the first value: plain JSON's findings say it
      return failed(scan.findings.length > 0 ? scan.findings : [truncatedAt(file, lines.position(start))]);
    }
    const value: unknown = JSON.parse(text.slice(start, end));
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const schema = (value as Record<string, unknown>).schema;
    if (typeof schema !== "string" || schema === "" || (spans.length === 0 && !schema.startsWith("olm."))) return undefined;
    spans.push([start, end]);
    documents.push(value);
    i = end;
  }
  if (spans.length < 2) return undefined; // one value: plain JSON already reads it
  const locators: JsonLocator[] = [];
  const find = (pointer: string, doc: number, key: boolean): Position | undefined => {
    const span = spans[doc];
    if (!span) return undefined;
    locators[doc] ??= new JsonLocator(text.slice(0, span[1]), span[0], false);
    const hit = locators[doc].locate(pointer);
    if (!hit) return undefined;
    if (key) return hit.exact && hit.span.ks >= 0 ? lines.span(hit.span.ks, hit.span.ke) : undefined;
    return lines.span(hit.span.vs, hit.span.ve);
  };
  return {
    format: "json",
    ok: true,
    value: documents[0],
    documents,
    findings: [],
    locate: (pointer, doc = 0) => find(pointer, doc, false),
    locateKey: (pointer, doc = 0) => find(pointer, doc, true),
  };
}

function failed(findings: Finding[]): ParsedDocument {
  return { format: "json", ok: false, value: undefined, documents: [], findings, locate: () => undefined, locateKey: () => undefined };
}

function truncatedAt(file: string, at: Position | { line: number; column: number }): Finding {
  return {
    rule: "parse/truncated",
    level: "error",
    file,
    line: at.line,
    column: at.column,
    message: "the last value of this operator catalog stream is cut off",
    found: "end of file",
    fix: "restore the file from git or a snapshot, or re-run opm render",
  };
}
