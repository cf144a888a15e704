import type { ParsedDocument, ParseOptions } from "./types.js";
/** True when `path` names a lockfile whose reader parses it with js-yaml. */
export declare function isJsYamlLockfile(path: string): boolean;
/**
 * The documents of a js-yaml lockfile when js-yaml reads it cleanly and nothing in it needs the
 * full reading; undefined otherwise (the caller then reads it fully).
 */
export declare function cleanLockfileDocuments(text: string, options: ParseOptions): unknown[] | undefined;
/**
 * A clean lockfile as a ParsedDocument: no findings; positions from the full reading, made once
 * on the first ask (a schema finding on a lockfile is rare, and the reading is what gives them).
 */
export declare function cleanLockfile(documents: unknown[], fullReading: () => ParsedDocument): ParsedDocument;
