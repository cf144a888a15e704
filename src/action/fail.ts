/** The Action's one catch site: anything thrown fails the step with a readable message. */
import fs from "node:fs";
import * as core from "@actions/core";
import { describeError } from "../errors.js";
import { setOutputsOnFailure } from "./outputs.js";

/**
 * Fail the step for `error`, whatever its type: a GuardError shows its message and fix, an
 * Error is labelled internal, and a thrown non-Error (a string, undefined) still fails the step
 * instead of leaving it green (the template's `if (error instanceof Error)` trap). The job
 * summary says so too, so a run that could not check anything never looks like a clean one.
 */
export function failStep(error: unknown): void {
  const text = describeError(error);
  core.setFailed(`integrity-guard: ${text}`);
  process.exitCode = 1;
  try {
    setOutputsOnFailure();
  } catch {
    // GITHUB_OUTPUT unwritable: the step has already failed, which is what matters
  }
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    // The first paragraph only: a stack trace belongs in the log, not the summary.
    const brief = text
      .split("\n")
      .filter((l) => !/^\s+at /.test(l))
      .join("\n")
      .trim();
    fs.appendFileSync(file, `## integrity-guard: could not run\n\n\`\`\`text\n${brief.replace(/```/g, "'''")}\n\`\`\`\n`);
  } catch {
    // the summary is best effort; the step has already failed
  }
}
