/**
 * ytt (Carvel) templates: YAML whose `#@` comments are Starlark annotations (Concourse's and Cloud
 * Foundry's pipelines, Tanzu packages). ytt parses the file as YAML, keeping every node, then runs
 * the annotations: a key written once per `#@ if` / `#@ elif` / `#@ else` branch, or once in each
 * `#@ def` function body, is one key of the output. A plain YAML reader sees those as duplicate
 * keys; ytt does not, so such duplicates are no sign of corruption. Pure.
 */

/** A ytt control line: `#@ if`, `#@ elif`, `#@ else:`, `#@ end`, `#@ def`, `#@ for` (any indent). */
const CONTROL = /^[ \t]*#@[ \t]*(?:if|elif|else|end|def|for)\b/;

/** The 1-based numbers of the ytt control lines of `text` (empty when it has none). */
export function yttControlLines(text: string): number[] {
  if (!text.includes("#@")) return [];
  const out: number[] = [];
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const row = end < 0 ? text.slice(start) : text.slice(start, end);
    if (row.includes("#@") && CONTROL.test(row)) out.push(line);
    if (end < 0) return out;
    start = end + 1;
    line++;
  }
}

/** A duplicate key as the parser reports it: the line of its first definition and of the repeat. */
interface DuplicateAt {
  first: number;
  repeat: number;
}

/** An item whose value ytt replaces by what the call returns (`_: #@ template.replace(x)`): its key is never in the output. */
const REPLACED = /:[ \t]*#@[ \t]*template\.replace\(/;
/** The annotation by which a ytt author asks for the last of two equal keys (`#@yaml/map-key-override`). */
const OVERRIDE = /^[ \t]*#@[ \t]*yaml\/map-key-override\b/;

/**
 * Whether ytt reads every duplicate as no duplicate: the two stand in different branches or
 * function bodies (a control line between them), one of them is replaced by template.replace,
 * or the repeat is annotated `#@yaml/map-key-override` (ytt keeps the last). Any other repeat
 * (two plain keys in one branch, `a: #@ x` twice) is an error for ytt too, and stays reported.
 * `lines` is the file's text split at "\n"; without it only control lines explain.
 */
export function yttExplainsDuplicates(
  controlLines: readonly number[],
  duplicates: readonly DuplicateAt[],
  lines: readonly string[] = [],
): boolean {
  if (duplicates.length === 0) return false;
  if (controlLines.length === 0 && !lines.some((l) => l.includes("#@"))) return false;
  return duplicates.every(
    (d) =>
      controlLines.some((l) => l > d.first && l < d.repeat) ||
      replaced(lines, d.first) ||
      replaced(lines, d.repeat) ||
      overridden(lines, d.repeat),
  );
}

function replaced(lines: readonly string[], line: number): boolean {
  const row = lines[line - 1];
  return row !== undefined && row.includes("#@") && REPLACED.test(row);
}

/** The `#@` annotation lines just above `line` (ytt attaches them to that node) include the override. */
function overridden(lines: readonly string[], line: number): boolean {
  for (let i = line - 2; i >= 0; i--) {
    const row = lines[i]!;
    if (!/^[ \t]*#@/.test(row)) return false;
    if (OVERRIDE.test(row)) return true;
  }
  return false;
}
