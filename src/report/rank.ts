/**
 * The order of findings on every bounded surface (the job summary, the PR comment, the first
 * annotations GitHub shows): the worst and the most diverse first, so one noisy rule (5,000
 * duplicate keys) can never bury a truncated state file or a schema error (issue 17).
 */
import { importance, type Finding, type Level } from "../core/finding.js";

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

/** The level a finding is shown under: a capped "and K more" line counts as what it stands for. */
function shownLevel(f: Finding): number {
  return LEVEL_RANK[f.omitted?.level ?? f.level];
}

/** Parse, schema, other, manifest (see importance in core/finding.ts), without the level. */
function areaRank(f: Finding): number {
  const { omitted: _omitted, ...plain } = f;
  return importance({ ...plain, level: "error" }) % 10;
}

/**
 * Rank `findings` (given worst first per file, as sortFindings leaves them) for display; a new
 * array, the input untouched. Errors before warnings before notices; within a level:
 * 1. the first finding of every rule (parse rules before schema rules before manifest rules;
 *    within an area the rarer rule first: a lone truncated file before the rule with 5,000);
 * 2. the first finding of every file not shown yet;
 * 3. the rest round-robin over (rule, file): every pair's second finding before any third;
 * 4. the "and K more" lines last.
 * Ties keep the given order. So with N findings of one rule, every other rule and every other
 * failing file still appear in the first rows.
 */
export function rankForDisplay(findings: readonly Finding[]): Finding[] {
  const tier = new Array<number>(findings.length).fill(2);
  const round = new Array<number>(findings.length).fill(0);
  const seenRule = new Set<string>();
  const seenFile = new Set<string>();
  findings.forEach((f, i) => {
    if (f.omitted) {
      tier[i] = 3;
      return;
    }
    const ruleKey = `${shownLevel(f)}\0${f.rule}`;
    if (!seenRule.has(ruleKey)) {
      seenRule.add(ruleKey);
      seenFile.add(`${shownLevel(f)}\0${f.file ?? ""}`);
      tier[i] = 0;
    }
  });
  const ruleCount = new Map<string, number>();
  for (const f of findings)
    if (!f.omitted) ruleCount.set(`${shownLevel(f)}\0${f.rule}`, (ruleCount.get(`${shownLevel(f)}\0${f.rule}`) ?? 0) + 1);
  const rarity = (i: number) => (tier[i] === 0 ? ruleCount.get(`${shownLevel(findings[i]!)}\0${findings[i]!.rule}`)! : 0);
  const perPair = new Map<string, number>();
  findings.forEach((f, i) => {
    if (tier[i] !== 2) return;
    const fileKey = `${shownLevel(f)}\0${f.file ?? ""}`;
    if (!seenFile.has(fileKey)) {
      seenFile.add(fileKey);
      tier[i] = 1;
      return;
    }
    const pair = `${fileKey}\0${f.rule}`;
    const n = perPair.get(pair) ?? 0;
    perPair.set(pair, n + 1);
    round[i] = n;
  });
  const order = findings.map((_, i) => i);
  order.sort(
    (a, b) =>
      shownLevel(findings[a]!) - shownLevel(findings[b]!) ||
      tier[a]! - tier[b]! ||
      round[a]! - round[b]! ||
      areaRank(findings[a]!) - areaRank(findings[b]!) ||
      rarity(a) - rarity(b) ||
      a - b,
  );
  return order.map((i) => findings[i]!);
}
