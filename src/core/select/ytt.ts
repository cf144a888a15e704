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

/**
 * Whether every duplicate is separated from its first definition by a ytt control line: the two
 * stand in different branches or function bodies, which ytt evaluates as one key. A duplicate
 * with no such line between (two keys in the same branch) is one for ytt too, and stays reported.
 */
export function yttExplainsDuplicates(controlLines: readonly number[], duplicates: readonly DuplicateAt[]): boolean {
  if (controlLines.length === 0 || duplicates.length === 0) return false;
  return duplicates.every((d) => controlLines.some((l) => l > d.first && l < d.repeat));
}
