import type { ParsedDocument, ParseOptions } from "./types.js";
/**
 * Parse a JSON, JSONC or YAML document. Never throws on bad input: every problem is a parse/*
 * finding with a line and column (ok: false), so a corrupt file can never crash a check.
 */
export declare function parseDocument(input: Buffer | Uint8Array | string, options: ParseOptions): ParsedDocument;
