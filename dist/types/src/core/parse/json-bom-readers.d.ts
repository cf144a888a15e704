/**
 * Readers of strict-JSON files that skip a leading UTF-8 BOM, each with the files it reads: one
 * row per reader, so a file this reader reads gets the same judgment whatever its name (a warning
 * naming the reader, json.ts), and every other strict-JSON file keeps the error. Pure.
 */
/** The reader of `file` that skips a leading BOM, if any (undefined: a BOM is an error). */
export declare function bomSkippedBy(file: string): string | undefined;
