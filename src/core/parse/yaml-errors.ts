/** The yaml package's errors as parse/* findings, each with a fix for its error code. */
import type { YAMLError } from "yaml";
import type { Finding } from "../finding.js";
import type { LineIndex } from "./lines.js";

const FIXES: Record<string, string> = {
  BAD_INDENT: "indent with spaces, each child deeper than its parent key and siblings at the same column",
  TAB_AS_INDENT: "YAML does not allow tabs for indentation: use spaces",
  MISSING_CHAR: "add the missing character: close the quoted string, bracket or brace",
  BLOCK_AS_IMPLICIT_KEY:
    'a key must fit on one line: check for a missing ":", a value indented too little, or a "key:" line indented deeper than the line above (it continues that value)',
  MULTILINE_IMPLICIT_KEY:
    'a key must fit on one line: check for a missing ":", an unclosed quote above, or a "key:" line indented deeper than the line above (it continues that value)',
  UNEXPECTED_TOKEN: 'remove or quote the unexpected character (quote values that start with @, `, %, or contain ": ")',
  BAD_ALIAS: "define the anchor (&name) before using the alias (*name)",
  BAD_DQ_ESCAPE: 'fix the escape inside the double-quoted string (\\n, \\t, \\", \\\\, \\uXXXX), or use single quotes',
  BAD_SCALAR_START: "quote the value: plain values cannot start with this character",
  BLOCK_IN_FLOW: "inside [ ] or { } write values inline; move block content out of the brackets",
  MULTIPLE_DOCS: "separate documents with a line containing only ---",
  MULTIPLE_ANCHORS: "give the node one anchor",
  MULTIPLE_TAGS: "give the node one tag",
  KEY_OVER_1024_CHARS: "shorten the key or use the explicit '? key' form",
  BAD_DIRECTIVE: "fix or remove the % directive line",
  BAD_PROP_ORDER: "put the anchor and tag before the value, on the same node",
  ALIAS_PROPS: "an alias (*name) cannot have a tag or anchor",
};

/** A YAMLError (from doc.errors) as a finding; positions counted by our LineIndex (code points). */
export function yamlErrorFinding(e: YAMLError, file: string, lines: LineIndex, contentEnd: number): Finding {
  const [start, end] = e.pos;
  const at = pastCommentsAndBlanks(lines.source, start, contentEnd);
  const pos = lines.span(at, Math.max(at, end));
  const text = e.message
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?$/, "")
    .trim();
  if (e.code === "RESOURCE_EXHAUSTION") {
    return {
      rule: "parse/too-deep",
      level: "error",
      file,
      ...pos,
      message: "the YAML is nested too deeply to read (the reader ran out of stack)",
      fix: "flatten the data; validators and most readers crash on nesting this deep",
    };
  }
  if (e.code === "DUPLICATE_KEY") {
    return { rule: "parse/duplicate-key", level: "error", file, ...pos, message: text, fix: "remove one of the two entries or rename one" };
  }
  // An error at the very end of the content (an unclosed quote, bracket or brace) is what a cut-short write looks like.
  const truncated = start >= contentEnd && (e.code === "MISSING_CHAR" || e.code === "BAD_INDENT" || e.code === "UNEXPECTED_TOKEN");
  const quote = truncated ? /closing (["'])quote/.exec(text)?.[1] : undefined;
  if (quote) {
    // Point at the quote that opened the string, not at the end of the file.
    const open = openingQuote(lines.source, quote, contentEnd);
    const where = lines.position(open);
    return {
      rule: "parse/truncated",
      level: "error",
      file,
      ...where,
      message: `${quote === '"' ? "double" : "single"}-quoted string opened at ${where.line}:${where.column} is never closed: the file ends inside it (truncated write?)`,
      expected: `closing ${quote}`,
      found: "end of file",
      fix: `close the string with ${quote}, or restore the file from git or a snapshot if the write was cut short`,
    };
  }
  return {
    rule: truncated ? "parse/truncated" : "parse/syntax",
    level: "error",
    file,
    ...pos,
    message: truncated ? `${text}: the file ends before it is closed (truncated write?)` : text,
    fix: truncated
      ? "close it, or restore the file from git or a snapshot if the write was cut short"
      : (FIXES[e.code] ?? "fix the YAML syntax at this position"),
  };
}

/**
 * The yaml package places some errors (a sibling key indented one column too far: "All mapping
 * items must start at the same column") at the start of the comments and blank lines before the
 * offending line. From the start of such a line, skip them to the first content; anywhere else
 * (mid-line, inside a value) the position stands.
 */
function pastCommentsAndBlanks(text: string, start: number, contentEnd: number): number {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, start))) return start;
  let i = start;
  // Only whole lines that are blank or a comment are skipped: a line with content keeps its
  // position (column 1 of an over-indented key is where the fix goes).
  for (;;) {
    let j = i;
    while (j < contentEnd && (text[j] === " " || text[j] === "\t")) j++;
    if (j >= contentEnd) return start;
    if (text[j] !== "#" && text[j] !== "\n" && text[j] !== "\r") break;
    const eol = text.indexOf("\n", j);
    if (eol < 0) return start;
    i = eol + 1;
  }
  return i;
}

/** Offset of the last unescaped `quote` before `end` (the one left open). */
function openingQuote(text: string, quote: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--; // '' is an escaped quote inside a single-quoted string
      continue;
    }
    if (quote === '"') {
      let slashes = 0;
      while (text[i - 1 - slashes] === "\\") slashes++;
      if (slashes % 2 === 1) continue;
    }
    return i;
  }
  return end;
}
