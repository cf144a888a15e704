/**
 * The per-file cap (issue 13, item 5): at most `max` findings are listed per file, the most
 * important first (compareInFile), and the rest become one `report/capped` line per rule and
 * level, "and K more <rule> errors in this file", which the summary still counts. One broken
 * file (a Helm template read as YAML: one error per line) then cannot bury the others, and a
 * report of a million findings stays a report of a few thousand lines.
 */
import { type Finding, type Level } from "./finding.js";
/** Findings listed per file when validate.max_findings_per_file is not set. */
export declare const DEFAULT_MAX_FINDINGS_PER_FILE = 50;
/**
 * Keep at most `max` findings per file (findings without a file are never capped). Capped
 * lines already in the input (from a check that stopped early, e.g. schema errors) are merged
 * with what this cap drops, so each file ends with at most one line per rule and level.
 * Returns a new array; the order of files is kept, a capped file's findings come sorted.
 */
export declare function capFindings(findings: readonly Finding[], max: number): Finding[];
/** The "and K more of rule R in this file" line. */
export declare function cappedFinding(file: string, rule: string, level: Level, count: number, max: number): Finding;
