/**
 * One `parse/quoted-indent` (or `parse/flow-indent`) warning per file when a file has many.
 * Generated YAML repeats the shape: controller-gen folds every long CEL `rule:` of a CRD at its
 * list item's column, so Gateway API's experimental bundle gave 197 identical warnings per copy
 * (traefik/traefik, fb27), which buried everything else and hit the per-file cap. Every reader of
 * such a file (go-yaml, PyYAML, libyaml) reads them all the same way, and the fix is the same
 * for each, so one finding says how many there are, where the first is, and where each one is
 * (`related`, the first MAX_RELATED; every line number in `found`): none is dropped. Errors are
 * never grouped, and a few warnings stay one per string. Pure.
 */
import type { Finding, RelatedLocation } from "../finding.js";

/** Up to this many warnings of one rule in a file are listed one by one. */
export const MAX_SEPARATE_INDENT_WARNINGS = 3;
/** Places listed under `related` in the grouped warning (SARIF, text); `found` has every line. */
const MAX_RELATED = 20;

const GROUPED = new Set(["parse/quoted-indent", "parse/flow-indent"]);

/** `findings` with the indent warnings of each rule folded into one when there are more than a few. */
export function groupIndentWarnings(findings: readonly Finding[]): Finding[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!GROUPED.has(f.rule) || f.level !== "warning") continue;
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const grouped = [...byRule.values()].filter((list) => list.length > MAX_SEPARATE_INDENT_WARNINGS);
  if (grouped.length === 0) return [...findings];
  const folded = new Set<Finding>(grouped.flat());
  const out: Finding[] = [];
  for (const f of findings) {
    if (!folded.has(f)) out.push(f);
    else {
      const list = grouped.find((l) => l[0] === f);
      if (list) out.push(groupWarning(list));
    }
  }
  return out;
}

/** The one warning standing for `list` (same rule, same file, in the order found). */
function groupWarning(list: readonly Finding[]): Finding {
  const first = list[0]!;
  const quoted = first.rule === "parse/quoted-indent";
  const what = quoted ? "quoted strings" : "flow collections";
  const related: RelatedLocation[] = list.slice(0, MAX_RELATED).map((f) => ({
    file: f.file!,
    line: f.line!,
    column: f.column!,
    message: `${f.expected ?? "indent it further right"} (found ${f.found ?? "less"})`,
  }));
  const lines = list.map((f) => f.line).join(", ");
  return {
    rule: first.rule,
    level: "warning",
    file: first.file,
    line: first.line,
    column: first.column,
    message:
      `${list.length} ${what} in this file continue on lines not indented more than their key ` +
      `(the first: ${first.message.replace(/^the /, "")})`,
    expected: `continuation lines indented more than their key, in each of the ${list.length}`,
    found: `${list.length} ${what} continued left of their key, on lines ${lines}`,
    fix: `${first.fix ?? "indent the continuation lines further right"}; the same for the other ${list.length - 1} (their lines are under found)`,
    related,
  };
}
