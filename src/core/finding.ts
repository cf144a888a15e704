/**
 * A Finding is everything a check reports (DESIGN.md, contract). Every output format is a
 * renderer of findings; commands never print them directly.
 */

export type Level = "error" | "warning" | "notice";

export interface RelatedLocation {
  file: string;
  line?: number;
  column?: number;
  message?: string;
}

export interface Finding {
  /** `area/name`, e.g. `parse/syntax`, `schema/violation`, `manifest/modified`. */
  rule: string;
  level: Level;
  /** Repo-relative POSIX path. */
  file?: string;
  /** 1-based, where known. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** RFC 6901 JSON pointer into the file's data, where it applies. */
  pointer?: string;
  /** A dotted key (config conflicts) where it applies. */
  key?: string;
  /** What was expected / what was found, short. */
  expected?: string;
  found?: string;
  /** How to fix it, one sentence or a command. */
  fix?: string;
  /** Other places involved (the first definition of a duplicate key, the other conflicting file). */
  related?: RelatedLocation[];
  /**
   * Only on a `report/capped` line: the findings of one rule and level in this file that were
   * not listed (the per-file cap). They are still counted in the summary.
   */
  omitted?: Omitted;
}

/** What a `report/capped` line stands for (see Finding.omitted). */
interface Omitted {
  rule: string;
  level: Level;
  count: number;
}

/** The rule of the "and K more of rule R in this file" line that stands for capped findings. */
export const CAPPED_RULE = "report/capped";

export interface Summary {
  errors: number;
  warnings: number;
  notices: number;
  files: number;
  [key: string]: unknown;
}

/**
 * Count findings by level. A `report/capped` line counts as the findings it stands for (a capped
 * error is still an error); `omitted` then says how many of the counted findings are not listed.
 */
export function summarize(findings: readonly Finding[], extra: Record<string, unknown> = {}): Summary {
  const count = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  const files = new Set<string>();
  for (const f of findings) {
    if (f.omitted) {
      count[f.omitted.level] += f.omitted.count;
      omitted += f.omitted.count;
    } else count[f.level]++;
    if (f.file) files.add(f.file);
  }
  return {
    ...extra,
    errors: count.error,
    warnings: count.warning,
    notices: count.notice,
    files: files.size,
    ...(omitted > 0 ? { omitted } : {}),
  };
}

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Within a file and level: what the file's readers trip on first. A file that does not parse
 * makes its schema errors moot, and both make a manifest finding (sealed content changed) moot:
 * resealing a file that does not parse would bless the corruption. Unknown areas sit between
 * schema and manifest; the "and K more" line always ends the file's list.
 */
const AREA_RANK: Record<string, number> = { parse: 0, schema: 1, manifest: 3, report: 4 };
const OTHER_AREA_RANK = 2;

/** Rank of a finding within its file: level first (errors before warnings before notices), then area. */
export function importance(f: Finding): number {
  if (f.omitted) return 100; // the "and K more" line comes last
  const slash = f.rule.indexOf("/");
  const area = slash < 0 ? f.rule : f.rule.slice(0, slash);
  return LEVEL_RANK[f.level] * 10 + (AREA_RANK[area] ?? OTHER_AREA_RANK);
}

/** Within one file: most important first (see importance), then line, column, rule. */
export function compareInFile(a: Finding, b: Finding): number {
  return (
    importance(a) - importance(b) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * Stable order, the worst first. Findings without a file come first; then files with an error,
 * then those with only warnings, then only notices, each group by name; within a file the most
 * important finding first (see compareInFile): parse errors, schema errors, other errors,
 * manifest errors, then warnings and notices in the same order, each by line and column.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  // The worst level of each file, in one pass (a capped line counts as what it stands for).
  const worst = new Map<string, number>();
  for (const f of findings) {
    const rank = LEVEL_RANK[f.omitted?.level ?? f.level];
    const key = f.file ?? "";
    const had = worst.get(key);
    if (had === undefined || rank < had) worst.set(key, rank);
  }
  // Each distinct file name is placed once, in the order localeCompare gives: a report of 10,000
  // findings in 200 files then compares 200 names, not every pair the sort compares. Names the
  // order finds equal share a place, so they compare as equal here too.
  const names = [...worst.keys()];
  const compare = names.every((n) => PLAIN_NAME.test(n)) ? comparePlainNames : collatorCompare();
  names.sort(compare);
  const place = new Map<string, number>();
  for (let i = 0, at = 0; i < names.length; i++) {
    if (i > 0 && compare(names[i - 1]!, names[i]!) !== 0) at = i;
    place.set(names[i]!, at);
  }
  // The keys of each finding, computed once (a sort compares each finding about log2(n) times).
  const keyed = findings.map((f) => {
    const file = f.file ?? "";
    return { f, rank: file === "" ? -1 : worst.get(file)!, place: place.get(file)!, importance: importance(f) };
  });
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.place - b.place ||
      a.importance - b.importance ||
      (a.f.line ?? 0) - (b.f.line ?? 0) ||
      (a.f.column ?? 0) - (b.f.column ?? 0) ||
      (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0),
  );
  for (let i = 0; i < keyed.length; i++) findings[i] = keyed[i]!.f;
  return findings;
}

/**
 * One collator, the order localeCompare gives: localeCompare sets one up per call. Made only
 * for names comparePlainNames cannot order: the first one costs about 6 to 13 ms (ICU), which
 * most reports (and a clean hook run) need not pay.
 */
function collatorCompare(): (a: string, b: string) => number {
  return (collator ??= new Intl.Collator()).compare;
}

/** Names made only of ASCII letters, digits and _ - . / (most paths): comparePlainNames orders them. */
const PLAIN_NAME = /^[A-Za-z0-9_./-]*$/;

/**
 * Rank of each such character in the root collation's order (what Intl.Collator and
 * localeCompare use): _ - . / then digits, then letters, a letter's two cases alike.
 */
const PRIMARY = (() => {
  const order = "_-./0123456789abcdefghijklmnopqrstuvwxyz";
  const rank = new Int8Array(128).fill(-1);
  for (let i = 0; i < order.length; i++) {
    rank[order.charCodeAt(i)] = i;
    rank[order.toUpperCase().charCodeAt(i)] = i;
  }
  return rank;
})();

/**
 * Intl.Collator's order for two PLAIN_NAME names, without ICU: character by character by
 * PRIMARY (a name that is a prefix of the other first); names equal but for case then differ
 * at the first letter whose case differs, the lower case first. Checked against Intl.Collator on
 * random names (test/unit/sort-findings.test.ts).
 */
export function comparePlainNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = PRIMARY[a.charCodeAt(i)]! - PRIMARY[b.charCodeAt(i)]!;
    if (d !== 0) return d;
  }
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // a lower-case letter has the higher code
  }
  return 0;
}

let collator: Intl.Collator | undefined;

/** True when any finding is an error (a capped line counts as the findings it stands for). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => (f.omitted?.level ?? f.level) === "error");
}
