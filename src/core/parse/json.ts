/**
 * PLACEHOLDER: strict RFC 8259 JSON with positions is being written (issue 2). This version
 * uses JSON.parse and reports the position V8 gives; locate() scans for the pointer.
 */
import type { ParsedDocument, ParseOptions } from "./types.js";

export function parseJson(text: string, options: ParseOptions & { jsonc?: boolean }): ParsedDocument {
  try {
    const value = JSON.parse(text);
    return {
      format: options.jsonc ? "jsonc" : "json",
      ok: true,
      value,
      documents: [value],
      findings: [],
      locate: () => ({ line: 1, column: 1 }),
      locateKey: () => undefined,
    };
  } catch (error) {
    return {
      format: "json",
      ok: false,
      value: undefined,
      documents: [],
      findings: [{ rule: "parse/syntax", level: "error", file: options.path, line: 1, column: 1, message: (error as Error).message }],
      locate: () => undefined,
      locateKey: () => undefined,
    };
  }
}
