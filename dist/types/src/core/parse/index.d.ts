import type { Finding } from "../finding.js";
import type { DocumentFormat, ParsedDocument, ParseOptions } from "./types.js";
export type { DocumentFormat, ParsedDocument, ParseOptions, Position } from "./types.js";
export declare function formatFor(path: string): DocumentFormat | undefined;
type YamlParser = (text: string, options: ParseOptions) => ParsedDocument;
/** Make parseDocument able to parse YAML. Cheap after the first call. */
export declare function loadYamlSupport(): Promise<void>;
/** True when a file of this path (and optional explicit format) would be parsed as YAML. */
export declare function isYamlPath(path: string, format?: DocumentFormat): boolean;
/**
 * parseDocument after loading the parser the document's format needs (the YAML parser only for
 * YAML). The entry for asynchronous code: it cannot be called too early.
 */
export declare function parseDocumentAsync(input: Buffer | Uint8Array | string, options: ParseOptions): Promise<ParsedDocument>;
/**
 * Parse a JSON, JSONC or YAML document. Never throws on bad input: every problem is a parse/*
 * finding with a line and column (ok: false), so a corrupt file can never crash a check.
 * YAML needs the parser loaded first (parseDocumentAsync, loadYamlSupport, or ./with-yaml.ts):
 * YamlNotLoadedError otherwise.
 */
export declare function parseDocument(input: Buffer | Uint8Array | string, options: ParseOptions): ParsedDocument;
/** parseDocument with the YAML parser given (undefined: not loaded). For ./with-yaml.ts. */
export declare function parseDocumentWith(input: Buffer | Uint8Array | string, options: ParseOptions, yaml: YamlParser | undefined): ParsedDocument;
/**
 * The text of a file's bytes, or the parse/encoding finding when they are not UTF-8 text (binary
 * formats, UTF-16, NUL bytes, invalid UTF-8). Decodes once (a 50 MB file must not be decoded
 * twice). Callers that hold a big file decode with this, drop the bytes, then parseDocument the
 * text: the bytes, the text and the parsed value are then never all alive at once.
 */
export declare function decodeDocument(bytes: Uint8Array, file: string): string | Finding;
/** NUL bytes, UTF-16/32 byte order marks and invalid UTF-8, with the line and column of the first bad byte. */
export declare function checkEncoding(bytes: Uint8Array, file: string): Finding | undefined;
