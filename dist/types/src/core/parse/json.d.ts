import type { ParsedDocument, ParseOptions } from "./types.js";
/** Default nesting limit (ParseOptions.maxDepth). */
export declare const DEFAULT_MAX_DEPTH = 1000;
export declare function parseJson(text: string, options: ParseOptions & {
    jsonc?: boolean;
}): ParsedDocument;
