/**
 * Offsets -> 1-based line and column. Lines end at "\n" ("\r\n" therefore counts once; a lone
 * "\r" does not start a line, as in git and most editors' status bars). Columns count Unicode
 * code points, so an emoji is one column, the same as lineColOfByte() counts for encoding errors.
 */
import type { Position } from "./types.js";
export declare class LineIndex {
    private readonly text;
    private starts;
    private last;
    constructor(text: string);
    /** The text the offsets refer to. */
    get source(): string;
    /** Length of the text in UTF-16 units. */
    get length(): number;
    /** Built on first use: most files parse cleanly and never need a position. */
    private lineStarts;
    /** 1-based line and column of a UTF-16 offset (clamped to the text). */
    position(offset: number): {
        line: number;
        column: number;
    };
    /** A span [start, end) as a Position; endColumn is exclusive (as in SARIF). */
    span(start: number, end: number): Position;
}
