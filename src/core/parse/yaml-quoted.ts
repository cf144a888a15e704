/**
 * A quoted string continued on lines indented no deeper than its key:
 *
 *     key:
 *       sub: "first line
 *     second line"
 *
 * PyYAML, libyaml (so Psych) and js-yaml read it (line folding drops the leading white space
 * anyway); YAML 1.2 requires continuation lines to be indented more than the key, and the yaml
 * package stops with "Missing closing quote". `reindentQuoted` finds the string from that error,
 * checks that it is really closed further down, and returns the text with its continuation
 * lines indented just enough, which reads to exactly the same value. Pure.
 */
import { Lexer } from "yaml";

/** The lexer's marker tokens, which stand for no source text (yaml's cst.ts: DOCUMENT, FLOW_END, SCALAR). */
const MARKERS = new Set(["\x02", "\x18", "\x1f"]);

/**
 * Offset of the quote opening the quoted-scalar token that ends at `errorOffset` (where the
 * yaml package reports "Missing closing quote": the string's last line that it could read),
 * or -1. Lexes the text once; called only for that error.
 */
export function openingQuoteBefore(text: string, errorOffset: number, quote: '"' | "'"): number {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const end = offset + token.length;
    if (token[0] === quote && offset < errorOffset && end >= errorOffset) return offset;
    if (offset > errorOffset) return -1;
    offset = end;
  }
  return -1;
}

/** One repaired string: where it opens, and the spaces added in front of each line (by 1-based line). */
export interface QuotedRepair {
  text: string;
  /** Offset of the opening quote. */
  open: number;
  quote: '"' | "'";
  /** 1-based line numbers whose start got `pad` spaces. */
  padded: Map<number, number>;
  /** 1-based column the continuation lines must start at, at least (right of the key's). */
  needed: number;
}

/**
 * The text with the quoted string that opens at offset `open` re-indented, or
 * undefined when that string is not closed before the end of the file (a real unclosed quote),
 * crosses a document marker, or needs no re-indenting (so the error is something else).
 */
export function reindentQuoted(text: string, open: number, quote: '"' | "'"): QuotedRepair | undefined {
  if (text[open] !== quote) return undefined;
  const lineStart = text.lastIndexOf("\n", Math.max(0, open - 1)) + 1;
  const close = closingQuote(text, open, quote);
  if (close < 0) return undefined;

  // The key or sequence entry the string belongs to: the first line's indentation, past any "- ".
  let owner = lineStart;
  for (;;) {
    while (text[owner] === " ") owner++;
    if (text[owner] === "-" && (text[owner + 1] === " " || text[owner + 1] === "\t")) owner++;
    else break;
  }
  const needed = owner - lineStart + 1; // 0-based column + 1: strictly deeper than the owner

  const padded = new Map<number, number>();
  let out = text.slice(0, lineStart);
  let pos = lineStart;
  let line = lineNumber(text, lineStart);
  let first = true;
  while (pos <= close) {
    const end = text.indexOf("\n", pos);
    const stop = end < 0 || end > close ? text.length : end + 1;
    const content = text.slice(pos, stop);
    if (!first) {
      if (/^(---|\.\.\.)(\s|$)/.test(content)) return undefined; // PyYAML ends the document there too
      let indent = 0;
      while (content[indent] === " ") indent++;
      const blank = /^[ \t]*\r?\n?$/.test(content);
      if (!blank && indent < needed) {
        padded.set(line, needed - indent);
        out += " ".repeat(needed - indent);
      }
    }
    out += content;
    first = false;
    pos = stop;
    line++;
    if (end < 0) break;
  }
  if (padded.size === 0) return undefined;
  out += text.slice(pos);
  return { text: out, open, quote, padded, needed: needed + 1 };
}

/** Offset of the quote closing the string opened at `open`, or -1 at the end of the text. */
function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
