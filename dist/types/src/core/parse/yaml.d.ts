import type { ParsedDocument, ParseOptions } from "./types.js";
export declare function parseYaml(text: string, options: ParseOptions): ParsedDocument;
