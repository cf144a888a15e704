/**
 * Offsets -> 1-based line and column. Lines end at "\n" ("\r\n" therefore counts once; a lone
 * "\r" does not start a line, as in git and most editors' status bars). Columns count Unicode
 * code points, so an emoji is one column, the same as lineColOfByte() counts for encoding errors.
 */
import type { Position } from "./types.js";

export class LineIndex {
  private starts: number[] | undefined;
  private last: { line: number; offset: number; column: number } | undefined;

  constructor(private readonly text: string) {}

  /** The text the offsets refer to. */
  get source(): string {
    return this.text;
  }

  /** Length of the text in UTF-16 units. */
  get length(): number {
    return this.text.length;
  }

  /** Built on first use: most files parse cleanly and never need a position. */
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column of a UTF-16 offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo]!;
    let column = 1;
    // A byte order mark is invisible in editors: do not count it as a column.
    let from = lineStart === 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
    // Minified files are one long line: continue from the last position asked for on the same
    // line (findings come in reading order) instead of recounting from the line start.
    if (this.last && this.last.line === lo && this.last.offset <= at && this.last.offset > from) {
      from = this.last.offset;
      column = this.last.column;
    }
    for (let i = from; i < at; i++) {
      const c = this.text.charCodeAt(i);
      // A low surrogate that follows a high one is the second half of one code point.
      if (c >= 0xdc00 && c <= 0xdfff && i > lineStart) {
        const p = this.text.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      column++;
    }
    this.last = { line: lo, offset: at, column };
    return { line: lo + 1, column };
  }

  /** A span [start, end) as a Position; endColumn is exclusive (as in SARIF). */
  span(start: number, end: number): Position {
    const s = this.position(start);
    const e = this.position(end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
