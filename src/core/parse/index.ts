/**
 * parseDocument: bytes -> value + parse/* findings with positions, for JSON, JSONC and YAML.
 * Pure: no fs. Encoding problems (NUL bytes, invalid UTF-8, a UTF-16 BOM) are reported
 * before the syntax is looked at.
 */
import { YamlNotLoadedError } from "../../errors.js";
import type { Finding } from "../finding.js";
import { parseJson } from "./json.js";
import { isJsonLinesName, parseJsonLines } from "./json-lines.js";
import type { DocumentFormat, ParsedDocument, ParseOptions } from "./types.js";

export type { DocumentFormat, ParsedDocument, ParseOptions, Position } from "./types.js";

export function formatFor(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return undefined;
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/*
 * The YAML parser (the `yaml` package, about a third of the CLI bundle) loads on demand: the
 * pre-commit hook on a JSON-only commit never pays for it. Two ways in, so no caller has to
 * remember a separate import:
 * - parseDocumentAsync loads what the document's format needs, then parses (hot-path code);
 * - ./with-yaml.ts exports a parseDocument that links the parser in statically, for code that
 *   parses YAML synchronously and is never on the hook's path (the library; the config
 *   validator, itself loaded only when the config cache misses).
 * The synchronous parseDocument below parses YAML only once it is loaded, and otherwise throws
 * YamlNotLoadedError (an internal error, exit 2): loud, never a silent pass.
 */
type YamlParser = (text: string, options: ParseOptions) => ParsedDocument;
let loadedYaml: YamlParser | undefined;

/** Make parseDocument able to parse YAML. Cheap after the first call. */
export async function loadYamlSupport(): Promise<void> {
  loadedYaml ??= (await import("./yaml.js")).parseYaml;
}

/** True when a file of this path (and optional explicit format) would be parsed as YAML. */
export function isYamlPath(path: string, format?: DocumentFormat): boolean {
  return (format ?? formatFor(path)) === "yaml";
}

/**
 * parseDocument after loading the parser the document's format needs (the YAML parser only for
 * YAML). The entry for asynchronous code: it cannot be called too early.
 */
export async function parseDocumentAsync(input: Buffer | Uint8Array | string, options: ParseOptions): Promise<ParsedDocument> {
  if (isYamlPath(options.path, options.format)) await loadYamlSupport();
  return parseDocumentWith(input, options, loadedYaml);
}

/**
 * Parse a JSON, JSONC or YAML document. Never throws on bad input: every problem is a parse/*
 * finding with a line and column (ok: false), so a corrupt file can never crash a check.
 * YAML needs the parser loaded first (parseDocumentAsync, loadYamlSupport, or ./with-yaml.ts):
 * YamlNotLoadedError otherwise.
 */
export function parseDocument(input: Buffer | Uint8Array | string, options: ParseOptions): ParsedDocument {
  return parseDocumentWith(input, options, loadedYaml);
}

/** parseDocument with the YAML parser given (undefined: not loaded). For ./with-yaml.ts. */
export function parseDocumentWith(
  input: Buffer | Uint8Array | string,
  options: ParseOptions,
  yaml: YamlParser | undefined,
): ParsedDocument {
  const format = options.format ?? formatFor(options.path) ?? "json";
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    const decoded = decode(input, options.path);
    if (typeof decoded !== "string") return failed(format, [decoded]);
    text = decoded;
  }
  // A JSON Lines name, with no format forced: a value per line (the library's callers get every record).
  if (options.format === undefined && isJsonLinesName(options.path)) return parseJsonLines(text, { path: options.path, keepValues: true });
  if (format === "yaml") {
    if (!yaml) throw new YamlNotLoadedError(options.path);
    return yaml(text, options);
  }
  return parseJson(text, { ...options, jsonc: format === "jsonc" });
}

function failed(format: DocumentFormat, findings: Finding[]): ParsedDocument {
  return { format, ok: false, value: undefined, documents: [], findings, locate: () => undefined, locateKey: () => undefined };
}

/**
 * The text of a file's bytes, or the parse/encoding finding when they are not UTF-8 text (binary
 * formats, UTF-16, NUL bytes, invalid UTF-8). Decodes once (a 50 MB file must not be decoded
 * twice). Callers that hold a big file decode with this, drop the bytes, then parseDocument the
 * text: the bytes, the text and the parsed value are then never all alive at once.
 */
export function decodeDocument(bytes: Uint8Array, file: string): string | Finding {
  return decode(bytes, file);
}

function decode(bytes: Uint8Array, file: string): string | Finding {
  const early = checkMarkers(bytes, file);
  if (early) return early;
  try {
    return decoder.decode(bytes);
  } catch {
    return invalidUtf8(bytes, file);
  }
}

/** NUL bytes, UTF-16/32 byte order marks and invalid UTF-8, with the line and column of the first bad byte. */
export function checkEncoding(bytes: Uint8Array, file: string): Finding | undefined {
  const early = checkMarkers(bytes, file);
  if (early) return early;
  try {
    decoder.decode(bytes);
  } catch {
    return invalidUtf8(bytes, file);
  }
  return undefined;
}

// Magic numbers of binary formats that end up under a .json/.yaml name (a misnamed download,
// an image saved over a state file): naming the format beats "invalid UTF-8 at offset 0".
const MAGIC: [string, number[]][] = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["an executable (ELF)", [0x7f, 0x45, 0x4c, 0x46]],
  ["a SQLite database", [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

const RESTORE = "restore the file from git (git restore --source=HEAD -- FILE) or from a snapshot (integrity-guard restore)";

function checkMarkers(bytes: Uint8Array, file: string): Finding | undefined {
  for (const [name, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) {
      return {
        rule: "parse/encoding",
        level: "error",
        file,
        line: 1,
        column: 1,
        message: `file is binary (${name}), not UTF-8 text`,
        found: name,
        expected: "UTF-8 text",
        fix: RESTORE,
      };
    }
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      rule: "parse/encoding",
      level: "error",
      file,
      line: 1,
      column: 1,
      message: "file is UTF-16 (byte order mark found); JSON and YAML here must be UTF-8",
      expected: "UTF-8",
      found: "UTF-16",
      fix: "re-save the file as UTF-8 without a byte order mark (iconv -f UTF-16 -t UTF-8)",
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = lineColOfByte(bytes, nul);
    // Text with every other byte NUL is UTF-16 without a byte order mark.
    const utf16 =
      bytes.length >= 4 &&
      ((bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) ||
        (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0));
    if (utf16) {
      return {
        rule: "parse/encoding",
        level: "error",
        file,
        line,
        column,
        message: "file looks like UTF-16 without a byte order mark (NUL bytes between characters); JSON and YAML here must be UTF-8",
        expected: "UTF-8",
        found: "UTF-16",
        fix: "re-save the file as UTF-8 (iconv -f UTF-16LE -t UTF-8, or UTF-16BE)",
      };
    }
    return {
      rule: "parse/encoding",
      level: "error",
      file,
      line,
      column,
      message: `NUL byte at offset ${nul}: the file is binary or was truncated/zero-filled by a crash`,
      expected: "text",
      found: "NUL byte",
      fix: RESTORE,
    };
  }
  return undefined;
}

function invalidUtf8(bytes: Uint8Array, file: string): Finding {
  const bad = firstInvalidUtf8(bytes);
  const { line, column } = lineColOfByte(bytes, bad);
  const byte = `0x${bytes[bad]?.toString(16).padStart(2, "0") ?? "??"}`;
  return {
    rule: "parse/encoding",
    level: "error",
    file,
    line,
    column,
    message: `invalid UTF-8 at offset ${bad} (byte ${byte})`,
    expected: "UTF-8",
    found: `byte ${byte}`,
    fix: "re-save the file as UTF-8; if it was written as Latin-1, convert it with iconv -f latin1 -t utf-8",
  };
}

/** 1-based line and column (in characters) of a byte offset. */
function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0xff >> (n + 2));
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
