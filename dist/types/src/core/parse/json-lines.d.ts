import type { ParsedDocument } from "./types.js";
/** Whether `path` is a JSON Lines file by its name (the extension in any letter case). */
export declare function isJsonLinesName(path: string): boolean;
interface JsonLinesOptions {
    path: string;
    /** Keep each record's value (in `documents`), for a schema to check; otherwise none are kept. */
    keepValues?: boolean;
}
/**
 * Parse JSON Lines text. `documents` holds one value per record (when `keepValues`), and
 * `locate(pointer, d)` positions record d's values at their line in the file.
 */
export declare function parseJsonLines(text: string, options: JsonLinesOptions): ParsedDocument;
export {};
