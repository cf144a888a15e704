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
}

export interface Summary {
  errors: number;
  warnings: number;
  notices: number;
  files: number;
  [key: string]: unknown;
}

export function summarize(findings: readonly Finding[], extra: Record<string, unknown> = {}): Summary {
  let errors = 0;
  let warnings = 0;
  let notices = 0;
  const files = new Set<string>();
  for (const f of findings) {
    if (f.level === "error") errors++;
    else if (f.level === "warning") warnings++;
    else notices++;
    if (f.file) files.add(f.file);
  }
  return { ...extra, errors, warnings, notices, files: files.size };
}

/** Stable order: by file, then line, column, rule. Findings without a file come first. */
export function sortFindings(findings: Finding[]): Finding[] {
  // One collator, the order localeCompare gives: localeCompare sets one up per call, which was
  // most of the sort's time for a report of thousands of findings. Made only when there is
  // something to sort: the first one costs about 13 ms (ICU), which a clean hook run must not pay.
  if (findings.length < 2) return findings;
  const collate = (collator ??= new Intl.Collator()).compare;
  // Equal strings (findings of one file) are decided without ICU.
  const compare = (x: string, y: string) => (x === y ? 0 : collate(x, y));
  return findings.sort(
    (a, b) =>
      compare(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.rule, b.rule),
  );
}

let collator: Intl.Collator | undefined;

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === "error");
}
