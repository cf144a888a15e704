/**
 * A strict RFC 8259 validator in one pass over the string (charCodeAt, explicit stack, no
 * recursion), reporting the first syntax error with its exact position, every duplicate key,
 * and numbers that overflow a double. It does not build values: when the text is valid,
 * JSON.parse (native, iterative in V8, several times faster than JS) builds them.
 *
 * Hand-written because no available library gives strict RFC 8259 + positions + duplicate keys
 * + bounded, non-recursive depth (jsonc-parser is lenient and does not flag duplicates;
 * JSON.parse gives no positions on Node 20 and keeps the last duplicate silently).
 */
import type { Finding } from "../finding.js";
import type { LineIndex } from "./lines.js";
interface ScanOptions {
    file: string;
    jsonc: boolean;
    maxDepth: number;
    /** Offset to start at (1 after a byte order mark). */
    start: number;
    /** Accept raw line breaks in strings (ARM templates); each is recorded in `breaks`. */
    lineBreaksInStrings?: boolean;
    /** Accept a comma before a closing bracket (JSONC whose reader allows it; JSON read by Godot's JSON class). */
    trailingCommas: boolean;
    /**
     * The reader, when it accepts NaN, Infinity and -Infinity as numbers (Python's json.loads):
     * each is a `parse/non-finite` warning and recorded in `nonFinite`. Unset: a syntax error.
     */
    nonFinite?: string;
    /** The reader, when it keeps one of a repeated member silently: a repeat with the same value is then a notice (ParseOptions.repeatsKeptBy). */
    repeatsKeptBy?: string;
}
interface ScanResult {
    findings: Finding[];
    /** True when the text is well-formed (duplicate keys and out-of-range numbers aside). */
    wellFormed: boolean;
    /** JSONC: [start, end) ranges (comments, trailing commas) to blank before JSON.parse. */
    strip: [number, number][];
    /** lineBreaksInStrings: offsets of the raw line breaks accepted inside strings, to escape before JSON.parse. */
    breaks: number[];
    /** nonFinite: [start, end) of each NaN, Infinity and -Infinity accepted, to replace before JSON.parse. */
    nonFinite: [number, number][];
}
/** The `found` of a JSONC file's parse/empty error when comments were all it held (checks/empty-document.ts). */
export declare const EMPTY_BUT_COMMENTS = "only comments";
export declare class JsonScanner {
    private readonly text;
    private readonly lines;
    private readonly options;
    private readonly len;
    private readonly kinds;
    private readonly opens;
    private readonly indices;
    private readonly keys;
    private depth;
    private readonly findings;
    private readonly strip;
    private readonly breaks;
    private readonly nonFinite;
    /** Each repeated key's finding and the offsets of its two names (their values compared at the end). */
    private readonly repeats;
    private fatal;
    /** Set by string(): whether the last string had a backslash escape. */
    private escaped;
    constructor(text: string, lines: LineIndex, options: ScanOptions);
    run(): ScanResult;
    private scan;
    /** At a member name: parses `"name" :` and returns the offset of the value (or -1). */
    private member;
    /** At an opening quote: returns the offset after the closing quote (or -1). */
    private string;
    /** At "-" or a digit: returns the offset after the number (or -1). */
    private number;
    private digitExpected;
    /** Skips whitespace (and, in JSONC, comments). Returns -1 after reporting an error. */
    private ws;
    private unexpectedValue;
    private extraData;
    private hintAfterValue;
    /** The file ends where more was needed: a truncated write, named after the innermost open container. */
    private eof;
    private numberRange;
    /**
     * At NaN, Infinity or -Infinity (`length` characters), for a reader that takes them as numbers
     * (options.nonFinite): a warning, since most other readers of the file refuse it. Returns the
     * offset after the word.
     */
    private nonFiniteWord;
    /** Re-words the repeated keys whose two values are equal (./json-same-value.ts): same level. */
    private sameValueRepeats;
    private duplicate;
    private fail;
    /** `{ pointer }` for the current position; nothing at the top or when too deep to be readable. */
    private pointerField;
    /** Pointer of the current position inside the first `depth` open containers. */
    private pointer;
    /** A short quoted rendering of what is at `i`, for messages. */
    private describe;
    /** The word or number at `i` (up to 24 characters), e.g. NaN, -Infinity, 0123. */
    private token;
}
export {};
