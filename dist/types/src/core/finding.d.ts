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
export declare const CAPPED_RULE = "report/capped";
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
export declare function summarize(findings: readonly Finding[], extra?: Record<string, unknown>): Summary;
/** Rank of a finding within its file: level first (errors before warnings before notices), then area. */
export declare function importance(f: Finding): number;
/** Within one file: most important first (see importance), then line, column, rule. */
export declare function compareInFile(a: Finding, b: Finding): number;
/**
 * Stable order, the worst first. Findings without a file come first; then files with an error,
 * then those with only warnings, then only notices, each group by name; within a file the most
 * important finding first (see compareInFile): parse errors, schema errors, other errors,
 * manifest errors, then warnings and notices in the same order, each by line and column.
 */
export declare function sortFindings(findings: Finding[]): Finding[];
/**
 * Intl.Collator's order for two PLAIN_NAME names, without ICU: character by character by
 * PRIMARY (a name that is a prefix of the other first); names equal but for case then differ
 * at the first letter whose case differs, the lower case first. Checked against Intl.Collator on
 * random names (test/unit/sort-findings.test.ts).
 */
export declare function comparePlainNames(a: string, b: string): number;
/** True when any finding is an error (a capped line counts as the findings it stands for). */
export declare function hasErrors(findings: readonly Finding[]): boolean;
export {};
