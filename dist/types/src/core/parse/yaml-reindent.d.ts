/** A re-indented text: the spaces added in front of each line (by 1-based line). */
export interface Reindent {
    text: string;
    /** 1-based line numbers whose start got `pad` spaces. */
    padded: Map<number, number>;
    /** 1-based column the continuation lines must start at, at least (right of the key's). */
    needed: number;
}
/**
 * Offset of the quote opening the quoted-scalar token that ends at `errorOffset` (where the
 * yaml package reports "Missing closing quote": the string's last line that it could read),
 * or -1. Lexes the text once; called only for that error.
 */
export declare function openingQuoteBefore(text: string, errorOffset: number, quote: '"' | "'"): number;
/**
 * Offset of the first quoted-scalar token the lexer ended before its closing quote (it ends one
 * at a line indented no deeper than its key), or -1; also -1 when that string is never closed
 * (a truncated file, reported as such). Lexes the text once; called only for a file with errors.
 */
export declare function quoteCutShort(text: string): number;
/** Offset of the quote closing the string opened at `open`, or -1 at the end of the text. */
export declare function closingQuote(text: string, open: number): number;
/**
 * Offset of the `[` or `{` opening the outermost flow collection still open at `errorOffset`
 * (where the yaml package reports "Flow sequence/map in block collection must be sufficiently
 * indented"), or -1.
 */
export declare function openingFlowBefore(text: string, errorOffset: number): number;
/**
 * Offset of the bracket closing the flow collection opened at `open`, skipping quoted strings
 * and comments, or -1 when the text ends first (a truncated file).
 */
export declare function closingFlow(text: string, open: number): number;
/**
 * `text` with the lines after the one holding `open`, up to the one holding `close`, indented
 * to one column right of the key or sequence entry on the first line; undefined when no line
 * needed it, a line in between is a document marker (PyYAML ends the document there too), or
 * (unless `tabs`: quoted strings, whose continuation lines may start with tabs for PyYAML too)
 * a line to indent starts with a tab, which PyYAML refuses inside [ ] and { }.
 */
export declare function reindentSpan(text: string, open: number, close: number, tabs: boolean): Reindent | undefined;
/** One string of a batch: where it opens and closes in the original text. */
interface QuoteSpan {
    open: number;
    close: number;
}
/** A re-indented span of a batch: its opening in the original and in the re-indented text. */
interface BatchPart extends Reindent {
    open: number;
    /** `open` in the re-indented text (the spaces added above it moved it). */
    openAfter: number;
    close: number;
}
/**
 * The quoted strings cut short after the one closing at `close` (generated Kubernetes CRDs hold
 * hundreds: yaml.v3 folds long CEL rules at the sequence entry's column), up to `limit`. The
 * lexer cannot resume inside a string it cut, so each search lexes afresh from the line after
 * the previous string's closing quote. That fresh start is a guess (that line might sit inside
 * a block scalar or a flow collection), so a batch is kept only when confirmedBatch agrees.
 */
export declare function laterCutShortQuotes(text: string, close: number, limit: number): QuoteSpan[];
/**
 * `text` with every span re-indented as reindentSpan does (quoted strings: tabs allowed), and
 * each span's part; undefined when a span in it needs no re-indenting or cannot be re-indented.
 * Spans are in text order and do not overlap.
 */
export declare function reindentSpans(text: string, spans: readonly QuoteSpan[]): {
    text: string;
    parts: BatchPart[];
} | undefined;
/**
 * True when, lexed from the start (so in step), the re-indented text has a quoted string
 * starting at each part's opening and none cut short any more: the fresh starts of
 * laterCutShortQuotes found real strings, not quotes inside a block scalar or a plain scalar.
 */
export declare function confirmedBatch(reindentedText: string, parts: readonly BatchPart[]): boolean;
export {};
