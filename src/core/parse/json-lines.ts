/**
 * JSON Lines (`.jsonl`, `.ndjson`, `.jsonlines`): one JSON value per line. The rules follow the
 * readers: Python's `json.loads` per line (datasets, OpenAI evals and fine-tuning files, the
 * `jsonlines` package), `pandas.read_json(lines=True)`, jq, and Elasticsearch's `_bulk` API
 * (every line must be JSON; `\r\n` is accepted):
 * - each non-empty line is one complete JSON value (RFC 8259, strict: no comments, no trailing
 *   comma, no second value on the line), its duplicate keys an error as in any JSON file;
 * - a `\r` before the `\n` belongs to the line break (CRLF files), and lines of only white space
 *   are skipped (NDJSON: "parsers MAY silently ignore empty lines"), so a last line with or
 *   without its newline, or an empty line after it, is fine;
 * - a last line that ends inside a value is `parse/truncated`: a write cut short, the usual
 *   corruption of an append-only file;
 * - a UTF-8 byte order mark is an error, as in JSON (`json.loads` refuses it on the first line).
 * A finding names the line (and the column inside it). The file is parsed a line at a time, never
 * into one value: the values are kept only when a schema is to check each record.
 */
import type { Finding } from "../finding.js";
import { appendAll } from "../append.js";
import { parseJson } from "./json.js";
import type { ParsedDocument, Position } from "./types.js";

/** The extensions of JSON Lines files (lower case). */
const EXTENSIONS = [".jsonl", ".ndjson", ".jsonlines"];

/** Bad lines reported one by one; beyond them one finding counts the rest (a CSV renamed .jsonl must not give a million findings). */
const MAX_BAD_LINES = 100;

/** Whether `path` is a JSON Lines file by its name (the extension in any letter case). */
export function isJsonLinesName(path: string): boolean {
  const lower = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return EXTENSIONS.some((e) => lower.endsWith(e) && lower.length > e.length);
}

interface JsonLinesOptions {
  path: string;
  /** Keep each record's value (in `documents`), for a schema to check; otherwise none are kept. */
  keepValues?: boolean;
}

/** One record: where its line starts in the text, its 1-based line number, and its text's end. */
interface RecordAt {
  start: number;
  end: number;
  line: number;
}

/**
 * Parse JSON Lines text. `documents` holds one value per record (when `keepValues`), and
 * `locate(pointer, d)` positions record d's values at their line in the file.
 */
export function parseJsonLines(text: string, options: JsonLinesOptions): ParsedDocument {
  const file = options.path;
  const findings: Finding[] = [];
  const documents: unknown[] = [];
  const records: RecordAt[] = [];
  let badLines = 0;
  let firstUnreported: number | undefined;
  let inConflict = false;
  let line = 0;
  for (let start = 0; start < text.length;) {
    line++;
    const nl = text.indexOf("\n", start);
    const next = nl < 0 ? text.length : nl + 1;
    let end = nl < 0 ? text.length : nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--; // CRLF
    const body = text.slice(start, end);
    const at = start;
    start = next;
    if (/^[ \t\r]*$/.test(body)) continue;
    // Conflict markers: one finding for the block, not one per marker line and per side.
    if (/^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/.test(body)) {
      if (!inConflict) {
        const marker = parseJson(body, { path: file, format: "json" }).findings.find((f) => f.rule === "parse/merge-conflict");
        if (marker && findings.length < MAX_BAD_LINES) findings.push(shifted(marker, line, false));
        if (marker) inConflict = true;
      }
      if (body.startsWith(">>>>>>>")) inConflict = false;
      continue;
    }
    const doc = parseJson(body, { path: file, format: "json" });
    if (doc.ok) {
      records.push({ start: at, end, line });
      if (options.keepValues) documents.push(doc.value);
      // Warnings (none today for strict JSON) still count.
      for (const f of doc.findings) findings.push(shifted(f, line, false));
      continue;
    }
    badLines++;
    const crFindings = body.includes("\r") ? bareCrRecords(body, file, line, next >= text.length) : undefined;
    if (crFindings) {
      if (badLines <= MAX_BAD_LINES) appendAll(findings, crFindings);
      else firstUnreported ??= line;
      continue;
    }
    if (badLines > MAX_BAD_LINES) {
      firstUnreported ??= line;
      continue;
    }
    const last = next >= text.length;
    for (const f of doc.findings) findings.push(shifted(f, line, last));
  }
  if (badLines > MAX_BAD_LINES) {
    findings.push({
      rule: "parse/syntax",
      level: "error",
      file,
      line: firstUnreported!,
      column: 1,
      message: `${badLines - MAX_BAD_LINES} more lines from line ${firstUnreported} on are not JSON values (${badLines} in all): is this file JSON Lines at all?`,
      fix: "if the file is another format under a .jsonl/.ndjson name, rename it or list it under validate.exclude; otherwise fix or drop the broken lines",
    });
  }
  if (records.length === 0 && badLines === 0 && !findings.some((f) => f.level === "error")) {
    findings.push({
      rule: "parse/empty",
      level: "warning",
      file,
      line: 1,
      column: 1,
      message:
        "no records: the JSON Lines file is empty or blank (valid, zero records; an empty file is also what a write cut short leaves)",
      fix: "if records are expected, restore the file from git (git checkout -- <file>) or regenerate it",
    });
  }
  const ok = !findings.some((f) => f.level === "error");
  // Record d's position: its line parsed again (cheap; only for the findings of a schema).
  const locateIn = (d: number | undefined, how: (doc: ParsedDocument) => Position | undefined): Position | undefined => {
    const rec = records[d ?? 0];
    if (!rec) return undefined;
    const pos = how(parseJson(text.slice(rec.start, rec.end), { path: file, format: "json" }));
    return pos && shiftPosition(pos, rec.line);
  };
  return {
    format: "json",
    ok,
    value: ok ? documents[0] : undefined,
    documents: ok ? documents : [],
    findings,
    locate: (pointer, d) => locateIn(d, (doc) => doc.locate(pointer)),
    locateKey: (pointer, d) => locateIn(d, (doc) => doc.locateKey(pointer)),
  };
}

/**
 * The findings of a line that holds records separated by bare `\r`s (old Mac line ends), or
 * undefined when the `\r`s are not line ends (the line is not at least two records, one of them
 * valid: a raw CR inside a string stays that string's error). JSON Lines separates records with
 * `\n`: pandas (newline="", split("\n")), Elasticsearch's _bulk and Python reading bytes see one
 * line and fail; only text-mode Python, Node's readline and jq split at a CR. So one error names
 * the line ends, and each record is parsed where it stands, so a broken or cut one is reported too.
 */
function bareCrRecords(body: string, file: string, line: number, last: boolean): Finding[] | undefined {
  const segments: { at: number; text: string }[] = [];
  for (let at = 0; at <= body.length;) {
    const cr = body.indexOf("\r", at);
    const end = cr < 0 ? body.length : cr;
    if (body.slice(at, end).trim() !== "") segments.push({ at, text: body.slice(at, end) });
    at = end + 1;
  }
  if (segments.length < 2) return undefined;
  // Padded to its column, so positions (and the ones a message names) are the file's.
  const parsed = segments.map((seg) => parseJson(" ".repeat(seg.at) + seg.text, { path: file, format: "json" }));
  if (!parsed.some((d) => d.ok)) return undefined;
  const findings: Finding[] = [
    {
      rule: "parse/syntax",
      level: "error",
      file,
      line,
      column: body.indexOf("\r") + 1,
      message: `line ${line} holds ${segments.length} records separated by bare CR (\\r, old Mac) line ends: JSON Lines ends each record with \\n, and pandas.read_json(lines=True), Elasticsearch and byte-wise readers see one line that is not one JSON value`,
      found: "\\r",
      expected: "\\n or \\r\\n after each record",
      fix: "convert the line ends to \\n (e.g. tr '\\r' '\\n' < FILE > FILE.new, or your editor's line-ending setting)",
    },
  ];
  parsed.forEach((d, i) => {
    for (const f of d.findings) findings.push(shifted(f, line, last && i === parsed.length - 1));
  });
  return findings;
}

function shiftPosition(pos: Position, line: number): Position {
  return {
    ...pos,
    line: pos.line + line - 1,
    ...(pos.endLine !== undefined ? { endLine: pos.endLine + line - 1 } : {}),
  };
}

/**
 * A finding of one line's parse, at that line of the file: its positions, and the positions its
 * message names ("opened at 1:5", "on line 1"). "file ends inside" becomes the line's end: only
 * the last line's is a truncated write; an earlier one is a record cut short and written over.
 */
function shifted(f: Finding, line: number, last: boolean): Finding {
  const d = line - 1;
  const message = f.message
    .replace(/\b(at|on line|defined on line) (\d+)(?=[:, )]|$)/g, (_m, word: string, n: string) => `${word} ${Number(n) + d}`)
    .replace(/^file ends inside /, last ? `the last line (${line}) ends inside ` : `line ${line} ends inside `);
  return {
    ...f,
    message:
      !last && f.rule === "parse/truncated"
        ? message.replace(/: truncated write\?$/, ": a record cut short, then more written after it")
        : message,
    ...(f.line !== undefined ? { line: f.line + d } : {}),
    ...(f.endLine !== undefined ? { endLine: f.endLine + d } : {}),
    ...(f.related ? { related: f.related.map((r) => (r.line !== undefined ? { ...r, line: r.line + d } : r)) } : {}),
  };
}
