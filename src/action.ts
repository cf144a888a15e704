/**
 * The GitHub Action entry (bundled to dist/action/index.js): run, and fail the step on anything
 * thrown, including a non-Error value (a step must never end green when the run did not finish).
 */
import * as core from "@actions/core";
import { describeError } from "./errors.js";
import { runAction } from "./action/run.js";

runAction().catch((error: unknown) => {
  core.setFailed(`integrity-guard: ${describeError(error)}`);
});
