/**
 * Unresolved git merge-conflict markers. A file with them is never valid data, and naming them
 * ("unresolved merge conflict") is far more useful than the syntax error they cause.
 */
import type { Finding } from "../finding.js";
import type { LineIndex } from "./lines.js";
/** A parse/merge-conflict finding at the first marker line, or undefined. */
export declare function findMergeConflict(text: string, lines: LineIndex, file: string): Finding | undefined;
/** True when the text holds a merge-conflict marker line (what findMergeConflict reports). */
export declare function hasMergeConflictMarker(text: string): boolean;
