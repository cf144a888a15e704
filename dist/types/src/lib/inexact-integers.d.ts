/**
 * Integer literals of a JSON text that a JavaScript number cannot hold exactly (beyond 2^53:
 * `9007199254740993` reads as 9007199254740992). JSON.parse rounds them silently, so a
 * read-modify-write (updateJson) would write back a different ID in a field the caller never
 * touched, while readers in other languages (Python, Go's json.Number, Java's long) read the
 * original exactly. Fractions and exponents are not looked at: every reader reads those as the
 * same double, so writing the double back changes no reader's value.
 */
/** The first such literal: its text and 1-based line and column; undefined when there is none. */
export declare function firstInexactInteger(text: string): {
    literal: string;
    line: number;
    column: number;
} | undefined;
