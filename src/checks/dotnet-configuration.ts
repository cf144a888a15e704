/**
 * How Microsoft.Extensions.Configuration.Json loads an `appsettings*.json` beyond its syntax
 * (JsonConfigurationFileParser): the root must be an object ("Unsupported JSON token"), and the
 * file is flattened into `Section:Sub:Key` keys in a dictionary that ignores case, a leaf key met
 * twice throwing FormatException ("A duplicate key 'logging:loglevel:default' was found"), so the
 * host does not start. `"Logging"` and `"logging"` with the same leaf below are that: valid JSON,
 * no repeated member name, but a crash at startup. Objects met twice merge (no error), an empty
 * object or array records its path as null without the check, array items are keyed by index.
 *
 * A member name repeated in one object with the very same spelling is no JSON error to it either:
 * JsonDocument keeps both members and VisitObjectElement enumerates every one (EnumerateObject),
 * so `"Logging": {"LogLevel": ...}` and a second `"Logging": {"Console": ...}` merge into one
 * section, and only a setting path met twice (a leaf under both, or a value set twice) throws.
 * Pure.
 */
import type { Finding } from "../core/finding.js";
import { parseDocument } from "../core/parse/index.js";
import type { ParsedDocument } from "../core/parse/types.js";
import { toPointer } from "../core/pointer.js";

/** Appended to a repeated member's name so both survive a JSON reading: `\u0000` + a count (a NUL is in no real key). */
const REPEAT_MARK = /\u0000\d+$/;

/**
 * `doc` (the JSONC parse of an appsettings file) as .NET's configuration reader takes it: when
 * its only errors are member names repeated with the same spelling, they are read as .NET reads
 * them (both kept, sections merged; see above), each becoming a notice unless a setting under it
 * is met twice, which stays an error; then the findings of dotnetConfigurationFindings.
 */
export function dotnetConfigurationReading(doc: ParsedDocument, text: string, file: string, reader: string): ParsedDocument {
  const repeats = doc.findings.filter((f) => f.rule === "parse/duplicate-key" && f.level === "error");
  if (doc.ok || repeats.length === 0 || doc.findings.some((f) => f.level === "error" && !repeats.includes(f))) {
    return withErrors(doc, dotnetConfigurationFindings(doc, file, reader));
  }
  const renamed = renameRepeats(text, repeats);
  if (renamed === undefined) return doc;
  const both = parseDocument(renamed.text, { path: file, format: "jsonc" });
  if (!both.ok) return doc;
  const errors = dotnetConfigurationFindings(both, file, reader).map((f) => renamed.unshift(f));
  const notices = repeats
    .filter((f) => !errors.some((e) => e.pointer !== undefined && (e.pointer === f.pointer || e.pointer.startsWith(`${f.pointer}/`))))
    .map((f): Finding => ({
      ...f,
      level: "notice",
      message: `${JSON.stringify(f.key ?? "")} repeated on line ${f.line}${f.related?.[0]?.line ? ` (first on line ${f.related[0].line})` : ""}: ${reader} reads both members and merges their settings into one section`,
      expected: "unique member names, or sections .NET merges",
      fix: "nothing to do for .NET; to read it with a plain JSON reader, merge the two objects",
    }));
  const kept = doc.findings.filter((f) => !repeats.includes(f));
  if (errors.length > 0) return { ...doc, findings: [...kept, ...notices, ...errors] };
  const value = merged(both.value);
  return { ...both, value, documents: [value], findings: [...kept, ...notices] };
}

/**
 * `text` with each repeated member name (where its finding points) made unique by REPEAT_MARK,
 * and `unshift`, which puts a finding's columns on the renamed text back where they are in `text`;
 * undefined if a name is not where its finding says.
 */
function renameRepeats(text: string, repeats: readonly Finding[]): { text: string; unshift: (f: Finding) => Finding } | undefined {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const at: number[] = [];
  for (const f of repeats) {
    if (f.line === undefined || f.column === undefined) return undefined;
    let i = starts[f.line - 1];
    if (i === undefined) return undefined;
    if (i === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
    for (let c = 1; c < f.column && i < text.length; c++) {
      const code = text.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    if (text.charCodeAt(i) !== 34) return undefined;
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
    if (end >= text.length) return undefined;
    at.push(end);
  }
  let out = "";
  let from = 0;
  // Where each mark went in the renamed text (line, first column after the name), and its length.
  const marks: { line: number; column: number; length: number }[] = [];
  let line = 1;
  at.sort((a, b) => a - b).forEach((end, n) => {
    const mark = `\\u0000${n + 1}`;
    const piece = text.slice(from, end);
    line += countNewlines(piece);
    out += piece;
    const column = [...out.slice(out.lastIndexOf("\n") + 1)].length + 1 - (line === 1 && out.charCodeAt(0) === 0xfeff ? 1 : 0);
    marks.push({ line, column, length: mark.length });
    out += mark;
    from = end;
  });
  const shift = (line: number | undefined, column: number | undefined): number =>
    marks.filter((m) => m.line === line && column !== undefined && m.column < column).reduce((n, m) => n + m.length, 0);
  const unshift = (f: Finding): Finding => ({
    ...f,
    ...(f.column !== undefined ? { column: f.column - shift(f.line, f.column) } : {}),
    ...(f.endColumn !== undefined ? { endColumn: f.endColumn - shift(f.endLine, f.endColumn) } : {}),
    ...(f.related
      ? { related: f.related.map((r) => (r.column !== undefined ? { ...r, column: r.column - shift(r.line, r.column) } : r)) }
      : {}),
  });
  return { text: out + text.slice(from), unshift };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The value with each renamed repeat merged into its first member, as .NET's sections merge (a later value wins). */
function merged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(merged);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const name = k.replace(REPEAT_MARK, "");
    const next = merged(v);
    const prev = out[name];
    out[name] = isObject(prev) && isObject(next) ? deepMerge(prev, next) : next;
  }
  return out;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

/** `doc` with errors its reader adds after the parse: the file then fails as a whole. */
function withErrors(doc: ParsedDocument, errors: Finding[]): ParsedDocument {
  if (errors.length === 0) return doc;
  return { ...doc, ok: false, value: undefined, documents: [], findings: [...doc.findings, ...errors] };
}

/** The findings .NET's JSON configuration reader adds to a parsed `doc`: none when it loads the file. */
export function dotnetConfigurationFindings(doc: ParsedDocument, file: string, reader: string): Finding[] {
  if (!doc.ok) return [];
  const root = doc.value;
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    return [
      {
        rule: "parse/syntax",
        level: "error",
        file,
        ...(doc.locate("") ?? { line: 1, column: 1 }),
        message: `the root of the file is ${Array.isArray(root) ? "an array" : root === null ? "null" : `a ${typeof root}`}, which ${reader} refuses ("Unsupported JSON token"): the host does not start`,
        expected: "a JSON object at the root",
        fix: "wrap the settings in one object: { ... }",
      },
    ];
  }
  // Paths as written (`raw`, a repeated member's name with its REPEAT_MARK: where to point) and
  // as .NET names them (`path`, the mark dropped).
  const seen = new Map<string, { path: string[]; raw: string[] }>();
  const findings: Finding[] = [];
  const visit = (value: unknown, raw: (string | number)[]): void => {
    const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : isObject(value) ? Object.entries(value) : undefined;
    if (children && children.length > 0) {
      for (const [k, v] of children) visit(v, [...raw, k]);
      return;
    }
    const path = raw.map((k) => String(k).replace(REPEAT_MARK, ""));
    const key = path.join(":").toLowerCase();
    const here = { path, raw: raw.map(String) };
    // An empty object or array sets its key to null without looking (it never throws).
    if (children) {
      seen.set(key, here);
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) findings.push(duplicate(doc, file, reader, here, first));
    else seen.set(key, here);
  };
  for (const [k, v] of Object.entries(root)) visit(v, [k]);
  return findings;
}

function duplicate(
  doc: ParsedDocument,
  file: string,
  reader: string,
  here: { path: string[]; raw: string[] },
  first: { path: string[]; raw: string[] },
): Finding {
  const name = here.path.join(":");
  const firstName = first.path.join(":");
  const rawPointer = toPointer(here.raw);
  const firstPointer = toPointer(first.raw);
  const at = doc.locateKey(rawPointer) ?? doc.locate(rawPointer) ?? { line: 1, column: 1 };
  const firstAt = doc.locateKey(firstPointer) ?? doc.locate(firstPointer);
  const sameSpelling = name === firstName;
  return {
    rule: "parse/duplicate-key",
    level: "error",
    file,
    ...at,
    pointer: toPointer(here.path),
    key: here.path[here.path.length - 1]!,
    message: sameSpelling
      ? `the setting ${name} is set twice: ${reader} refuses a setting given twice ("A duplicate key '${name.toLowerCase()}' was found"), so the host does not start`
      : `the setting ${name} is also ${firstName}: ${reader} ignores case in setting names and refuses a setting given twice ("A duplicate key '${name.toLowerCase()}' was found"), so the host does not start`,
    expected: "each setting path once, whatever its case",
    found: sameSpelling ? `${name} twice` : `${name} and ${firstName}`,
    fix: sameSpelling
      ? "remove one of the two values"
      : "merge the two sections under one spelling (configuration keys are case-insensitive)",
    ...(firstAt ? { related: [{ file, line: firstAt.line, column: firstAt.column, message: `${firstName} is set here` }] } : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
