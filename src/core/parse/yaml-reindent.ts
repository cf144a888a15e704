/**
 * Content continued on lines indented no deeper than its key, which PyYAML, libyaml (so Ruby's
 * Psych) and js-yaml read but YAML 1.2 (and the yaml package) rejects:
 *
 *     key:                          key: [a, b,
 *       sub: "first line            c, d]
 *     second line"
 *
 * A quoted string's continuation lines are folded (their leading white space dropped), and
 * PyYAML and libyaml ignore indentation inside [ ] and { } altogether, so indenting those lines
 * just enough gives the same value. This module finds the string or flow collection from the
 * yaml package's error, checks that it really ends further down, and returns the re-indented
 * text. Pure; the caller parses the result and keeps the original errors unless it is clean.
 */
import { Lexer } from "yaml";

/** The lexer's marker tokens, which stand for no source text (yaml's cst.ts: DOCUMENT, FLOW_END, SCALAR). */
const DOCUMENT = "\x02";
const FLOW_END = "\x18";
const SCALAR = "\x1f";

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
export function openingQuoteBefore(text: string, errorOffset: number, quote: '"' | "'"): number {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === DOCUMENT || token === FLOW_END || token === SCALAR) continue;
    const end = offset + token.length;
    if (token[0] === quote && offset < errorOffset && end >= errorOffset) return offset;
    if (offset > errorOffset) return -1;
    offset = end;
  }
  return -1;
}

/**
 * Offset of the first quoted-scalar token the lexer ended before its closing quote (it ends one
 * at a line indented no deeper than its key), or -1; also -1 when that string is never closed
 * (a truncated file, reported as such). Lexes the text once; called only for a file with errors.
 */
export function quoteCutShort(text: string): number {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === DOCUMENT || token === FLOW_END || token === SCALAR) continue;
    if (token[0] === '"' || token[0] === "'") {
      const close = closingQuote(text, offset);
      if (close < 0) return -1;
      if (close >= offset + token.length) return offset;
    }
    offset += token.length;
  }
  return -1;
}

/** Offset of the quote closing the string opened at `open`, or -1 at the end of the text. */
export function closingQuote(text: string, open: number): number {
  const quote = text[open];
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

/**
 * Offset of the `[` or `{` opening the outermost flow collection still open at `errorOffset`
 * (where the yaml package reports "Flow sequence/map in block collection must be sufficiently
 * indented"), or -1.
 */
export function openingFlowBefore(text: string, errorOffset: number): number {
  let offset = 0;
  let depth = 0;
  let open = -1;
  for (const token of new Lexer().lex(text)) {
    if (offset >= errorOffset) break;
    if (token === FLOW_END) depth = 0;
    if (token === DOCUMENT || token === FLOW_END || token === SCALAR) continue;
    if (token === "[" || token === "{") {
      if (depth === 0) open = offset;
      depth++;
    } else if ((token === "]" || token === "}") && depth > 0) depth--;
    offset += token.length;
  }
  return depth > 0 ? open : -1;
}

/**
 * Offset of the bracket closing the flow collection opened at `open`, skipping quoted strings
 * and comments, or -1 when the text ends first (a truncated file).
 */
export function closingFlow(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      if (--depth === 0) return i;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? " ")) {
      const end = closingQuote(text, i);
      if (end < 0) return -1;
      i = end;
    } else if (c === "#" && /\s/.test(text[i - 1] ?? " ")) {
      const eol = text.indexOf("\n", i);
      if (eol < 0) return -1;
      i = eol;
    }
  }
  return -1;
}

/**
 * `text` with the lines after the one holding `open`, up to the one holding `close`, indented
 * to one column right of the key or sequence entry on the first line; undefined when no line
 * needed it, a line in between is a document marker (PyYAML ends the document there too), or
 * (unless `tabs`: quoted strings, whose continuation lines may start with tabs for PyYAML too)
 * a line to indent starts with a tab, which PyYAML refuses inside [ ] and { }.
 */
export function reindentSpan(text: string, open: number, close: number, tabs: boolean): Reindent | undefined {
  const lineStart = text.lastIndexOf("\n", Math.max(0, open - 1)) + 1;
  // The key or sequence entry the content belongs to: the first line's indentation, past any "- ".
  let owner = lineStart;
  for (;;) {
    while (text[owner] === " ") owner++;
    if (text[owner] === "-" && (text[owner + 1] === " " || text[owner + 1] === "\t")) owner++;
    else break;
  }
  const needed = owner - lineStart + 1; // spaces: strictly deeper than the owner

  const padded = new Map<number, number>();
  let out = text.slice(0, lineStart);
  let pos = lineStart;
  let line = lineNumber(text, lineStart);
  let first = true;
  while (pos <= close) {
    const end = text.indexOf("\n", pos);
    const stop = end < 0 ? text.length : end + 1;
    const content = text.slice(pos, stop);
    if (!first) {
      if (/^(---|\.\.\.)(\s|$)/.test(content)) return undefined;
      let indent = 0;
      while (content[indent] === " ") indent++;
      if (!/^[ \t]*\r?\n?$/.test(content) && indent < needed) {
        if (!tabs && content[indent] === "\t") return undefined;
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
  return { text: out + text.slice(pos), padded, needed: needed + 1 };
}

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
export function laterCutShortQuotes(text: string, close: number, limit: number): QuoteSpan[] {
  const found: QuoteSpan[] = [];
  let from = close;
  while (found.length < limit) {
    const eol = text.indexOf("\n", from);
    if (eol < 0) break;
    const base = eol + 1;
    const at = quoteCutShort(text.slice(base));
    if (at < 0) break;
    const end = closingQuote(text, base + at);
    if (end < 0) break;
    found.push({ open: base + at, close: end });
    from = end;
  }
  return found;
}

/**
 * `text` with every span re-indented as reindentSpan does (quoted strings: tabs allowed), and
 * each span's part; undefined when a span in it needs no re-indenting or cannot be re-indented.
 * Spans are in text order and do not overlap.
 */
export function reindentSpans(text: string, spans: readonly QuoteSpan[]): { text: string; parts: BatchPart[] } | undefined {
  let out = text;
  const parts: BatchPart[] = [];
  // From the last span back, so the offsets of the earlier ones still hold in `out`.
  for (let i = spans.length - 1; i >= 0; i--) {
    const { open, close } = spans[i]!;
    const r = reindentSpan(out, open, close, true);
    if (!r) return undefined;
    out = r.text;
    parts.unshift({ ...r, text: "", open, openAfter: open, close });
  }
  let added = 0;
  for (const part of parts) {
    part.openAfter = part.open + added;
    for (const pad of part.padded.values()) added += pad;
  }
  return { text: out, parts };
}

/**
 * True when, lexed from the start (so in step), the re-indented text has a quoted string
 * starting at each part's opening and none cut short any more: the fresh starts of
 * laterCutShortQuotes found real strings, not quotes inside a block scalar or a plain scalar.
 */
export function confirmedBatch(reindentedText: string, parts: readonly BatchPart[]): boolean {
  if (quoteCutShort(reindentedText) >= 0) return false;
  const starts = new Set<number>();
  let offset = 0;
  for (const token of new Lexer().lex(reindentedText)) {
    if (token === DOCUMENT || token === FLOW_END || token === SCALAR) continue;
    if (token[0] === '"' || token[0] === "'") starts.add(offset);
    offset += token.length;
  }
  return parts.every((p) => starts.has(p.openAfter));
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
