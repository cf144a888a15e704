/**
 * The per-file cap (issue 13, item 5): at most `max` findings are listed per file, the most
 * important first (compareInFile), and the rest become one `report/capped` line per rule and
 * level, "and K more <rule> errors in this file", which the summary still counts. One broken
 * file (a Helm template read as YAML: one error per line) then cannot bury the others, and a
 * report of a million findings stays a report of a few thousand lines.
 */
import { CAPPED_RULE, compareInFile, type Finding, type Level } from "./finding.js";

/** Findings listed per file when validate.max_findings_per_file is not set. */
export const DEFAULT_MAX_FINDINGS_PER_FILE = 50;

/** The config key, named in every capped line so the user knows where to change it. */
const MAX_FINDINGS_KEY = "validate.max_findings_per_file";

/**
 * Keep at most `max` findings per file (findings without a file are never capped). Capped
 * lines already in the input (from a check that stopped early, e.g. schema errors) are merged
 * with what this cap drops, so each file ends with at most one line per rule and level.
 * Returns a new array; the order of files is kept, a capped file's findings come sorted.
 */
export function capFindings(findings: readonly Finding[], max: number): Finding[] {
  const byFile = new Map<string, Finding[]>();
  let over = false;
  for (const f of findings) {
    if (f.file === undefined) continue;
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
    if (list.length > max || f.omitted) over = true;
  }
  if (!over) return [...findings];
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const f of findings) {
    if (f.file === undefined) {
      out.push(f);
      continue;
    }
    if (done.has(f.file)) continue;
    done.add(f.file);
    const list = byFile.get(f.file)!;
    const listed = list.filter((x) => !x.omitted);
    if (listed.length <= max && listed.length === list.length) {
      for (const x of list) out.push(x);
      continue;
    }
    listed.sort(compareInFile);
    for (let i = 0; i < listed.length && i < max; i++) out.push(listed[i]!);
    // Per rule and level: dropped here, plus what earlier capped lines stood for.
    const more = new Map<string, { rule: string; level: Level; count: number }>();
    const add = (rule: string, level: Level, count: number) => {
      const key = `${level}\0${rule}`;
      const had = more.get(key);
      if (had) had.count += count;
      else more.set(key, { rule, level, count });
    };
    for (let i = max; i < listed.length; i++) add(listed[i]!.rule, listed[i]!.level, 1);
    for (const x of list) if (x.omitted) add(x.omitted.rule, x.omitted.level, x.omitted.count);
    for (const m of more.values()) out.push(cappedFinding(f.file, m.rule, m.level, m.count, max));
  }
  return out;
}

/** The "and K more of rule R in this file" line. */
export function cappedFinding(file: string, rule: string, level: Level, count: number, max: number): Finding {
  const what = `${level}${count === 1 ? "" : "s"}`;
  return {
    rule: CAPPED_RULE,
    level: "notice",
    file,
    message: `and ${count} more ${what} of ${rule} in this file (at most ${max} findings are listed per file; all are counted)`,
    fix: `fix the findings listed first and run again to see the rest, or raise ${MAX_FINDINGS_KEY} in .integrity-guard/config.yml`,
    omitted: { rule, level, count },
  };
}
