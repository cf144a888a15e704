/**
 * Suggested changes on a pull request: for findings whose fix is mechanical, one review comment
 * with a GitHub ```suggestion block the author can apply with a click. Only on lines the PR
 * added (the text is taken from the PR's own diff, so the suggestion replaces exactly what the
 * head commit holds) and only when the fix cannot change the data:
 *
 * - a trailing comma in JSON (`parse/syntax` "trailing comma"): the comma is removed;
 * - a duplicate key whose value is identical to the first definition's, both single-line
 *   entries: the duplicate line is removed (in JSON only when a comma follows it, so removing it
 *   leaves valid JSON);
 * - a config value that conflicts across files where precedence decides (`config/conflict`,
 *   not a secret): the losing file's single-line entry, on a line the PR added, takes the
 *   winning value as the winning file writes it (both files JSON, or both YAML).
 *
 * Comments already on the PR (found by a hidden marker) are not posted again.
 */
import { createHash } from "node:crypto";
import type { Finding } from "../core/finding.js";
import { describeApiError, type GitHubClient, type ReviewCommentDraft } from "../io/github-api.js";
import type { ChangedLines } from "./changed-lines.js";
import { displayText } from "../core/names.js";

/** At most this many suggestions per run: a review is for people, not a dump. */
const MAX_SUGGESTIONS = 50;
const MARKER = "integrity-guard:suggestion";

export interface Suggestion {
  /** Repo-relative file. */
  file: string;
  line: number;
  /** What the line becomes; undefined removes the line. */
  replacement: string | undefined;
  why: string;
}

/** `"key": value,` on one line, value a JSON scalar. */
const JSON_MEMBER = /^\s*("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)\s*(,?)\s*$/;
/** `key: value` on one line, value a plain or quoted scalar (no block, anchor, alias or flow). */
const YAML_ENTRY =
  /^(\s*)((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[&*!|>-][^:#]*?))\s*:\s+("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[&*!|>][^#]*?)\s*(?:\s#.*)?$/;

const isJson = (file: string) => /\.(json|jsonc|json5)$/i.test(file);
const isYaml = (file: string) => /\.ya?ml$/i.test(file);

/**
 * The suggestion for one finding, or undefined when its fix is not mechanical or its line is
 * not one the PR added. `lineOf` reads a line of the checked file (1-based; undefined past the
 * end): the line must equal the PR's added text, so the finding's position is the head's.
 */
export function suggestionFor(
  f: Finding,
  changed: ChangedLines,
  lineOf: (file: string, line: number) => string | undefined,
): Suggestion | undefined {
  if (!f.file || !f.line) return undefined;
  const added = changed.get(f.file)?.added.get(f.line);
  if (added === undefined || lineOf(f.file, f.line) !== added) return undefined;
  if (f.rule === "parse/syntax" && /^trailing comma before/.test(f.message) && isJson(f.file)) {
    const col = f.column ? f.column - 1 : -1;
    const at = added[col] === "," ? col : added.trimEnd().endsWith(",") ? added.trimEnd().length - 1 : -1;
    if (at < 0) return undefined;
    return {
      file: f.file,
      line: f.line,
      replacement: added.slice(0, at) + added.slice(at + 1),
      why: "remove the trailing comma (JSON does not allow one)",
    };
  }
  if (f.rule === "parse/duplicate-key") {
    const firstLine = f.related?.find((r) => r.file === f.file && r.line)?.line;
    if (!firstLine || firstLine === f.line) return undefined;
    const first = lineOf(f.file, firstLine);
    if (first === undefined) return undefined;
    if (isJson(f.file)) {
      const dup = JSON_MEMBER.exec(added);
      const orig = JSON_MEMBER.exec(first);
      if (!dup || !orig || dup[3] !== "," || dup[1] !== orig[1] || JSON.parse(dup[2]!) !== JSON.parse(orig[2]!)) return undefined;
      if (JSON.stringify(JSON.parse(dup[1]!)) !== JSON.stringify(f.key ?? JSON.parse(dup[1]!))) return undefined;
      return {
        file: f.file,
        line: f.line,
        replacement: undefined,
        why: `remove the second ${code(dup[1]!)}: it repeats the first definition (line ${firstLine}) with the same value`,
      };
    }
    if (isYaml(f.file)) {
      const dup = YAML_ENTRY.exec(added);
      const orig = YAML_ENTRY.exec(first);
      if (!dup || !orig || dup[1] !== orig[1] || dup[2] !== orig[2] || dup[3]!.trim() !== orig[3]!.trim()) return undefined;
      // A more indented line after either entry would continue its value (a multi-line scalar).
      for (const l of [f.line, firstLine]) {
        const next = lineOf(f.file, l + 1);
        if (next !== undefined && next.trim() !== "" && !next.trim().startsWith("#") && indent(next) > dup[1]!.length) return undefined;
      }
      return {
        file: f.file,
        line: f.line,
        replacement: undefined,
        why: `remove the second ${code(dup[2]!)}: it repeats the first definition (line ${firstLine}) with the same value`,
      };
    }
  }
  if (f.rule === "config/conflict") return resolvedValueSuggestion(f, changed, lineOf);
  return undefined;
}

/**
 * config/conflict: the first losing location the PR added gets the winner's value. Only
 * single-line scalar entries of the same key in files of the same format, and never when a
 * secret is involved (the fix says so): a secret is not copied between files, by hand or here.
 */
function resolvedValueSuggestion(
  f: Finding,
  changed: ChangedLines,
  lineOf: (file: string, line: number) => string | undefined,
): Suggestion | undefined {
  if (!f.file || !f.line || f.fix?.includes("a secret is never copied")) return undefined;
  const winnerText = lineOf(f.file, f.line);
  if (winnerText === undefined) return undefined;
  for (const r of f.related ?? []) {
    if (!r.file || !r.line || (r.file === f.file && r.line === f.line)) continue;
    const added = changed.get(r.file)?.added.get(r.line);
    if (added === undefined || lineOf(r.file, r.line) !== added) continue;
    if (isJson(f.file) && isJson(r.file)) {
      const win = JSON_MEMBER.exec(winnerText);
      const lose = JSON_MEMBER.exec(added);
      if (!win || !lose || win[1] !== lose[1]) return undefined;
      return {
        file: r.file,
        line: r.line,
        replacement: `${added.slice(0, indent(added))}${lose[1]!}: ${win[2]!}${lose[3]!}`,
        why: `take the value ${code(win[2]!)} that wins by precedence (${code(displayText(`${f.file}:${f.line}`))})`,
      };
    }
    if (isYaml(f.file) && isYaml(r.file)) {
      const win = YAML_ENTRY.exec(winnerText);
      const lose = YAML_ENTRY.exec(added);
      if (!win || !lose || win[2] !== lose[2]) return undefined;
      const value = win[3]!.trim();
      return {
        file: r.file,
        line: r.line,
        replacement: `${lose[1]!}${lose[2]!}: ${value}`,
        why: `take the value ${code(value)} that wins by precedence (${code(displayText(`${f.file}:${f.line}`))})`,
      };
    }
    return undefined;
  }
  return undefined;
}

const indent = (line: string) => line.length - line.trimStart().length;

/** Text from a file as an inline code span: no Markdown, link or @mention in it takes effect. */
function code(text: string): string {
  const ticks = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return `${ticks} ${text} ${ticks}`;
}

/** The review comment body: why, the suggestion block, and the hidden marker that finds it again. */
export function suggestionBody(s: Suggestion, prefix: string): string {
  const key = createHash("sha256")
    .update(`${prefix}\0${s.file}\0${s.line}\0${s.replacement ?? "\0"}`)
    .digest("hex")
    .slice(0, 16);
  // A fence longer than any backtick run in the line, so the line cannot close it.
  const ticks = "`".repeat(Math.max(3, ...[...(s.replacement ?? "").matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const block = s.replacement === undefined ? `${ticks}suggestion\n${ticks}` : `${ticks}suggestion\n${s.replacement}\n${ticks}`;
  return `<!-- ${MARKER} ${key} -->\n**integrity-guard:** ${s.why}.\n\n${block}\n`;
}

/** Post the suggestions as one review on the head commit; never throws. */
export async function postSuggestions(o: {
  client: GitHubClient;
  pull: number;
  headSha: string;
  suggestions: readonly Suggestion[];
  prefix: string;
  log: (m: string) => void;
  warn: (m: string) => void;
}): Promise<number> {
  if (o.suggestions.length === 0) return 0;
  try {
    const existing = new Set(
      (await o.client.listReviewComments(o.pull))
        .map((c) => new RegExp(`<!-- ${MARKER} ([0-9a-f]{16}) -->`).exec(c.body)?.[1])
        .filter(Boolean),
    );
    const drafts: ReviewCommentDraft[] = [];
    for (const s of o.suggestions.slice(0, MAX_SUGGESTIONS)) {
      const body = suggestionBody(s, o.prefix);
      const key = /([0-9a-f]{16}) -->/.exec(body)![1]!;
      if (existing.has(key)) continue;
      drafts.push({ path: o.prefix ? `${o.prefix}/${s.file}` : s.file, line: s.line, body });
    }
    if (drafts.length === 0) {
      o.log(`the ${o.suggestions.length} suggested change(s) are already on the pull request`);
      return 0;
    }
    const review = await o.client.createReview(o.pull, {
      commitId: o.headSha,
      body: `integrity-guard suggests ${drafts.length} mechanical fix(es); each can be applied from the pull request.`,
      comments: drafts,
    });
    o.log(`suggested ${drafts.length} change(s): ${review.url}`);
    return drafts.length;
  } catch (error) {
    o.warn(`could not post the suggested changes: ${describeApiError(error)}`);
    return 0;
  }
}
