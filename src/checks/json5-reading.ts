/**
 * Files whose reader is JSON5 (Babel's `.babelrc`/`babel.config.json`, `*.json5` such as
 * Renovate's `renovate.json5`): single quotes, unquoted keys, hex numbers, `Infinity`, a leading
 * `+`, escaped line breaks in strings. The JSONC parse runs first, for its exact positions and its
 * duplicate keys; only a text it refuses for its syntax is read again with the `json5` package
 * (the reader Babel itself uses), which decides: what it accepts passes, what it refuses is an
 * error where it stopped. The package is loaded only then: most runs (and hooks) never need it.
 */
import type { Finding } from "../core/finding.js";
import type { ParsedDocument } from "../core/parse/index.js";

/**
 * The JSON5 reading of `text`, given its JSONC parse `doc`. With `deprecated` (the reader reaches
 * JSON5 only through a fallback it warns about), text only JSON5 reads passes with the JSONC
 * parse's errors kept as warnings that say so.
 */
export async function json5Reading(
  doc: ParsedDocument,
  text: string,
  file: string,
  reader: string,
  deprecated?: string,
): Promise<ParsedDocument> {
  if (doc.ok) return doc;
  const errors = doc.findings.filter((f) => f.level === "error");
  // A repeated key is no syntax a JSON5 reader adds: it keeps the last one silently, as JSON.parse does, so it stays an error.
  if (errors.every((f) => f.rule === "parse/duplicate-key")) return doc;
  const { default: JSON5 } = await import("json5");
  try {
    const value: unknown = JSON5.parse(text);
    // Positions are the JSONC parser's, which refused the text: every pointer is reported at the start.
    const start = () => ({ line: 1, column: 1 });
    const findings: Finding[] =
      deprecated === undefined
        ? []
        : errors.map((f) => ({
            ...f,
            level: "warning",
            message: `${f.message}: ${deprecated}`,
            fix: "write strict JSON here (or rename the file to .json5, which the reader reads as JSON5 without a warning)",
          }));
    return { format: doc.format, ok: true, value, documents: [value], findings, locate: start, locateKey: () => undefined };
  } catch (error) {
    const e = error as SyntaxError & { lineNumber?: number; columnNumber?: number };
    // The text ends too soon for JSON5 too: the JSONC parse's parse/truncated says more (where the
    // unclosed value opened, the truncated-write fix).
    if (/invalid end of input/.test(e.message) && doc.findings.some((f) => f.rule === "parse/truncated")) return doc;
    const finding: Finding = {
      rule: text.trim() === "" ? "parse/empty" : "parse/syntax",
      level: "error",
      file,
      line: e.lineNumber ?? 1,
      column: e.columnNumber ?? 1,
      message: `${e.message.replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, "")}, as ${reader} reads it`,
      fix: "fix the JSON5 syntax at this position (JSON5 allows comments, trailing commas, single quotes and unquoted keys, not this)",
    };
    return { ...doc, ok: false, value: undefined, documents: [], findings: [finding] };
  }
}
