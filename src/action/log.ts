/**
 * The Action's plain log lines. `core.info` writes its text raw, and the runner takes every line
 * of the step's output that starts with `::` for a workflow command (it splits on CR as well as
 * LF): a file name or config value holding a line break could stop every later annotation
 * (`::stop-commands::`), mask the findings (`::add-mask::`) or add fake annotations. Text
 * reaching the log is shown escaped instead; annotations escape their own fields (report/github).
 */
import * as core from "@actions/core";
import { displayText } from "../core/names.js";

/** Write one line to the step's log, with line breaks and other control characters escaped. */
export function logInfo(line: string): void {
  core.info(displayText(line));
}
