/**
 * Unresolved git merge-conflict markers. A file with them is never valid data, and naming them
 * ("unresolved merge conflict") is far more useful than the syntax error they cause.
 */
import type { Finding } from "../finding.js";
import type { LineIndex } from "./lines.js";

// git writes "<<<<<<< ours", "=======", ">>>>>>> theirs" (and "||||||| base" with diff3) at column 1.
const MARKER = /^(?:<{7}(?: |\r?$)|={7}\r?$|>{7}(?: |\r?$)|\|{7}(?: |\r?$))/m;
const MARKER_GLOBAL = new RegExp(MARKER.source, "gm");

/** A parse/merge-conflict finding at the first marker line, or undefined. */
export function findMergeConflict(text: string, lines: LineIndex, file: string): Finding | undefined {
  const first = MARKER.exec(text);
  if (!first) return undefined;
  let count = 0;
  MARKER_GLOBAL.lastIndex = 0;
  while (MARKER_GLOBAL.exec(text)) count++;
  const { line, column } = lines.position(first.index);
  const lineEnd = text.indexOf("\n", first.index);
  const marker = text
    .slice(first.index, lineEnd < 0 ? text.length : lineEnd)
    .replace(/\r$/, "")
    .slice(0, 80);
  return {
    rule: "parse/merge-conflict",
    level: "error",
    file,
    line,
    column,
    message: `unresolved merge conflict markers (${count} marker line${count === 1 ? "" : "s"}, first "${marker}" here)`,
    found: marker,
    fix: "resolve the conflict: keep the right side, delete the <<<<<<< ======= >>>>>>> lines, then git add the file",
  };
}

/** True when the text holds a merge-conflict marker line (what findMergeConflict reports). */
export function hasMergeConflictMarker(text: string): boolean {
  return MARKER.test(text);
}
