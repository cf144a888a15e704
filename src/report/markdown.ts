/**
 * Findings -> Markdown for the job summary and the sticky PR comment: a count line, counts per
 * rule (and, with many findings, per file), then one row per finding, the worst and most diverse
 * first (rankForDisplay), trimmed at a size budget in UTF-8 bytes with a note saying how many
 * rows were left out and where they are. So whatever the number of findings, a truncated file or
 * a schema error is in the first screen (issue 17). Cell text is escaped so file content can
 * neither break the table nor inject HTML (a hostile file name must not forge the sticky-comment
 * marker).
 */
import type { Finding, Summary } from "../core/finding.js";
import { displayText } from "../core/names.js";
import { rankForDisplay } from "./rank.js";

interface MarkdownOptions {
  /** Heading, e.g. "integrity-guard check". */
  title: string;
  summary: Summary;
  /** Budget for the whole text in UTF-8 bytes (job summary 1 MiB, comment 65536 characters). */
  maxChars?: number;
  /** Link for a file (and line), e.g. the blob URL at the PR's head commit. */
  link?: (file: string, line?: number) => string | undefined;
  /** Extra Markdown after the counts (command output, what was restored). */
  details?: string;
  /** Said in the truncation note: where the rest is. */
  moreAt?: string;
}

/**
 * Characters written as HTML character references in a cell: a reference is always literal text
 * in CommonMark/GFM, never syntax. `|` as `&#124;` (not `\|`): a backslash in a name could
 * otherwise escape the escape; `\` itself so it cannot escape what follows.
 */
const CELL_ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "\\": "&#92;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&#126;",
  "[": "&#91;",
  "]": "&#93;",
  "(": "&#40;",
  ")": "&#41;",
  "#": "&#35;",
  "@": "&#64;",
  $: "&#36;",
};

/**
 * Escape text for a Markdown table cell, so file names, keys and values (all attacker-controlled
 * in a pull request) can neither break the table nor inject Markdown, HTML, links or mentions
 * (issue 14): line breaks of every kind (CRLF, a lone CR, LF, U+2028/2029) become `<br>`, other
 * control and bidi characters are shown escaped, syntax characters become character references,
 * and a zero-width space follows an `@` or `#` that starts a word and breaks `://` and `www.`:
 * GitHub finds mentions (`@user`), issue references (`#12`) and autolinks in the rendered text,
 * after character references are decoded.
 */
export function escapeCell(s: string): string {
  return s
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) =>
      shown(line)
        .replace(/[&<>|\\`*_~[\]()#@$]/g, (c) => CELL_ENTITY[c]!)
        .replace(/&#(64|35);(?=[\p{L}\p{N}_-])/gu, "&#$1;\u200b")
        .replace(/:\/\//g, ":\u200b//")
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`),
    )
    .join("<br>");
}

/**
 * Text as one Markdown code span, for names a pull request controls (a workflow file's path from
 * GITHUB_WORKFLOW_REF, a schema's path): inside a code span nothing is Markdown, a mention or a
 * link, so only what could end the span early is changed: a backtick becomes `'`, and line
 * breaks and other controls are shown escaped (displayText), so the span stays on its line.
 */
export function codeSpan(s: string): string {
  return `\`${shown(s).replace(/`/g, "'")}\``;
}

/** Text as shown in a report: displayText (controls, bidi controls and characters that render as nothing escaped). */
function shown(s: string): string {
  return displayText(s);
}

/**
 * A link destination that cannot end the link early or add Markdown: spaces, parentheses, angle
 * brackets, backslashes, backticks, pipes and control characters percent-encoded.
 */
function linkDestination(url: string): string {
  return url.replace(/[\s<>()\\`|\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}

const ICON: Record<Finding["level"], string> = { error: "❌ error", warning: "⚠️ warning", notice: "ℹ️ notice" };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The one-line verdict, e.g. "❌ 2 errors, 1 warning in 2 files". */
export function verdict(s: Summary): string {
  if (s.errors === 0 && s.warnings === 0 && s.notices === 0) return "✅ no findings";
  const icon = s.errors > 0 ? "❌" : s.warnings > 0 ? "⚠️" : "ℹ️";
  const parts = [plural(s.errors, "error"), plural(s.warnings, "warning")];
  if (s.notices) parts.push(plural(s.notices, "notice"));
  return `${icon} ${parts.join(", ")}${s.files ? ` in ${plural(s.files, "file")}` : ""}`;
}

function location(f: Finding, link: MarkdownOptions["link"]): string {
  if (!f.file) return "(repository)";
  const pos = f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : "";
  const text = escapeCell(displayText(f.file) + pos);
  const url = link?.(f.file, f.line);
  return url ? `[${text}](${linkDestination(url)})` : text;
}

/** The message, expected/found and related places, one per line (escapeCell makes any line break `<br>`). */
function messageCell(f: Finding): string {
  const lines = [f.message];
  if (f.expected !== undefined) lines.push(`expected: ${f.expected}`);
  if (f.found !== undefined) lines.push(`found: ${f.found}`);
  for (const r of f.related ?? [])
    lines.push(`see ${r.file}${r.line ? `:${r.line}${r.column ? `:${r.column}` : ""}` : ""}${r.message ? ` (${r.message})` : ""}`);
  return escapeCell(lines.join("\n"));
}

/** With more findings than this, the report also counts them per file before listing them. */
const FILE_OVERVIEW_AFTER = 20;
/** Files listed in the per-file overview. */
const FILE_OVERVIEW_ROWS = 25;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** How many findings a listed finding stands for (a capped "and K more" line: K). */
const weight = (f: Finding) => f.omitted?.count ?? 1;
const levelOf = (f: Finding) => f.omitted?.level ?? f.level;

/** Counts per rule, in the order the ranked list first shows each rule (errors' rules first). */
function ruleTable(ranked: readonly Finding[]): string[] {
  const byRule = new Map<string, number>();
  for (const f of ranked) {
    const rule = f.omitted?.rule ?? f.rule;
    byRule.set(rule, (byRule.get(rule) ?? 0) + weight(f));
  }
  return ["| rule | findings |", "| --- | ---: |", ...[...byRule].map(([r, n]) => `| ${escapeCell(r)} | ${n} |`), ""];
}

/**
 * A file name in the per-file overview is shown to this many characters (its start and end):
 * names are the pull request's to choose, and 25 names of 4,000 characters, each written as
 * character references, made the overview alone several times GitHub's 65,536-character limit
 * for a comment. The finding rows below name each file whole, within the budget.
 */
const OVERVIEW_NAME_CHARS = 100;

/** `s` cut to `n` code points, keeping its start and end around an ellipsis. */
function clipMiddle(s: string, n: number): string {
  const points = [...s];
  if (points.length <= n) return s;
  const keep = Math.floor((n - 1) / 2);
  return points.slice(0, keep).join("") + "…" + points.slice(points.length - keep).join("");
}

/**
 * Counts per file, in the order the ranked list first shows each file, at most FILE_OVERVIEW_ROWS
 * rows and at most `maxBytes` in all (a third of the report's budget: the findings come first).
 */
function fileTable(ranked: readonly Finding[], maxBytes: number): string[] {
  const byFile = new Map<string, { errors: number; warnings: number; rules: Set<string> }>();
  for (const f of ranked) {
    const key = f.file ?? "";
    const e = byFile.get(key) ?? { errors: 0, warnings: 0, rules: new Set<string>() };
    if (levelOf(f) === "error") e.errors += weight(f);
    else if (levelOf(f) === "warning") e.warnings += weight(f);
    e.rules.add(f.omitted?.rule ?? f.rule);
    byFile.set(key, e);
  }
  const rows = [...byFile].filter(([, e]) => e.errors + e.warnings > 0);
  if (rows.length < 2) return [];
  const out = ["| file | errors | warnings | rules |", "| --- | ---: | ---: | --- |"];
  let size = bytes(out.join("\n"));
  let listed = 0;
  for (const [file, e] of rows.slice(0, FILE_OVERVIEW_ROWS)) {
    const name = file ? escapeCell(clipMiddle(displayText(file), OVERVIEW_NAME_CHARS)) : "(repository)";
    const row = `| ${name} | ${e.errors} | ${e.warnings} | ${escapeCell([...e.rules].join(", "))} |`;
    if (size + bytes(row) + 1 > maxBytes) break;
    out.push(row);
    size += bytes(row) + 1;
    listed++;
  }
  if (listed < 2) return [];
  if (rows.length > listed) out.push(`| … ${rows.length - listed} more files |  |  |  |`);
  out.push("");
  return out;
}

/** Render findings as Markdown (see the module comment). */
export function renderMarkdown(findings: readonly Finding[], options: MarkdownOptions): string {
  const max = options.maxChars ?? 1_000_000;
  const head = [`## ${options.title}: ${verdict(options.summary)}`, ""];
  if (options.details) head.push(options.details.trim(), "");
  if (findings.length === 0) return head.join("\n");
  const ranked = rankForDisplay(findings);
  head.push(...ruleTable(ranked));
  if (findings.length > FILE_OVERVIEW_AFTER) head.push(...fileTable(ranked, Math.floor(max / 3)));
  const tableHead = ["| level | location | rule | message | pointer | fix |", "| --- | --- | --- | --- | --- | --- |"];
  const out = [...head, ...tableHead];
  let size = bytes(out.join("\n"));
  const reserve = 600; // room for the truncation note
  let shown = 0;
  for (const f of ranked) {
    const row = `| ${ICON[f.level]} | ${location(f, options.link)} | ${escapeCell(f.rule)} | ${messageCell(f)} | ${f.pointer ? escapeCell(displayText(f.pointer)) : ""} | ${f.fix ? escapeCell(f.fix) : ""} |`;
    const n = bytes(row) + 1;
    if (size + n > max - reserve) break;
    out.push(row);
    size += n;
    shown++;
  }
  if (shown < ranked.length) {
    const left = ranked.length - shown;
    out.push(
      "",
      `**${left} more finding${left === 1 ? "" : "s"} not shown here** (size limit)${options.moreAt ? `: ${options.moreAt}` : ""}.`,
    );
  }
  return out.join("\n") + "\n";
}

/** One point of the health history (health --history --format json). */
export interface ScorePoint {
  time: string;
  score: number;
  status: string;
}

/**
 * The health score over time for the job summary: a Mermaid line chart (GitHub renders
 * ```mermaid blocks) of the last `max` points, and a table of the latest few.
 */
export function renderScoreHistory(points: readonly ScorePoint[], max = 50): string {
  const valid = points
    .filter((p) => Number.isFinite(Date.parse(p.time)) && Number.isFinite(p.score))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  if (valid.length === 0) return "";
  const last = valid.slice(-max);
  const out = ["### Health score over time", ""];
  if (last.length >= 2) {
    const labels = last.map((p) => JSON.stringify(p.time.slice(5, 16).replace("T", " ")));
    out.push(
      "```mermaid",
      "xychart-beta",
      '  title "overall score"',
      `  x-axis [${labels.join(", ")}]`,
      '  y-axis "score" 0 --> 100',
      `  line [${last.map((p) => Math.round(p.score * 10) / 10).join(", ")}]`,
      "```",
      "",
    );
  }
  out.push("| time | score | status |", "| --- | ---: | --- |");
  for (const p of valid.slice(-10).reverse()) out.push(`| ${escapeCell(p.time)} | ${p.score} | ${escapeCell(p.status)} |`);
  return out.join("\n") + "\n";
}
