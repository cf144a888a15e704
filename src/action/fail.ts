/** The Action's one catch site: anything thrown fails the step with a readable message. */
import * as core from "@actions/core";
import { describeError } from "../errors.js";

/**
 * Fail the step for `error`, whatever its type: a GuardError shows its message and fix, an
 * Error is labelled internal, and a thrown non-Error (a string, undefined) still fails the step
 * instead of leaving it green (the template's `if (error instanceof Error)` trap).
 */
export function failStep(error: unknown): void {
  core.setFailed(`integrity-guard: ${describeError(error)}`);
  process.exitCode = 1;
}
