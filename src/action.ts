/**
 * The GitHub Action entry (bundled to dist/action/index.js): run the steps in src/action/run.ts
 * and fail the step on anything thrown, including a non-Error value.
 */
import { failStep } from "./action/fail.js";
import { runAction } from "./action/run.js";

runAction().catch(failStep);
