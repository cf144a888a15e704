/**
 * parseDocument with the YAML parser linked in by a static import: for code that parses YAML
 * synchronously and is never on the pre-commit hook's path (the library; the config validator,
 * itself loaded only when the config cache misses). Hot-path code imports ./index.ts instead, where the parser loads on demand
 * (parseDocumentAsync), so a JSON-only commit never loads it.
 */
import { parseDocumentWith } from "./index.js";
import type { ParsedDocument, ParseOptions } from "./types.js";
import { parseYaml } from "./yaml.js";

/**
 * Parse a JSON, JSONC or YAML document. Never throws on bad input: every problem is a parse/*
 * finding with a line and column (ok: false), so a corrupt file can never crash a check.
 */
export function parseDocument(input: Buffer | Uint8Array | string, options: ParseOptions): ParsedDocument {
  return parseDocumentWith(input, options, parseYaml);
}
