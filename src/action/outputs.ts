/** The Action's outputs, derived from a command's result (names as in action.yml). */
import * as core from "@actions/core";
import type { Summary } from "../core/finding.js";
import type { CommandResult } from "../commands/types.js";
import type { ActionCommand } from "./inputs.js";

interface ActionOutputs {
  errors: string;
  warnings: string;
  "findings-file": string;
  /** With input keep-report: the folder holding findings.json and findings.sarif, else "". */
  "report-dir": string;
  "health-score": string;
  status: string;
  snapshot: string;
}

function pick(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/**
 * `status`: for `health` the dashboard's HEALTHY|DEGRADED|CRITICAL; otherwise `passed` or
 * `failed` (an error finding, or a command exit code of 1). `snapshot`: the id a snapshot or
 * restore command reports (summary `snapshot_id`, or the JSON's snapshot id).
 */
export function computeOutputs(
  command: ActionCommand,
  result: CommandResult,
  summary: Summary,
  report: { findingsFile: string; dir: string },
  failed: boolean,
): ActionOutputs {
  const dash = pick(result.json, "system_health");
  const score = pick(dash, "overall_score") ?? pick(result.summary, "overall_score") ?? pick(result.summary, "score");
  const healthStatus = pick(dash, "status") ?? pick(result.summary, "status");
  const snap =
    pick(result.summary, "snapshot_id") ??
    pick(result.summary, "snapshot") ??
    pick(result.json, "snapshot", "id") ??
    pick(result.json, "restore", "snapshot") ??
    pick(result.summary, "id");
  const snapshotId = typeof snap === "string" ? snap : typeof snap === "object" && snap !== null ? pick(snap, "id") : undefined;
  return {
    errors: String(summary.errors),
    warnings: String(summary.warnings),
    "findings-file": report.findingsFile,
    "report-dir": report.dir,
    "health-score": typeof score === "number" ? String(score) : "",
    status: command === "health" && typeof healthStatus === "string" ? healthStatus : failed ? "failed" : "passed",
    snapshot: typeof snapshotId === "string" ? snapshotId : "",
  };
}

let written = false;

/** Set every output (once per step). */
export function setOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  written = true;
}

/**
 * The outputs of a step that could not run (bad input, missing folder, no git): status `error`
 * and every other output empty, so a later step (`if: always()`) reading them finds each one
 * set, and never mistakes a step that checked nothing for a clean one (issue 17).
 */
export function setOutputsOnFailure(): void {
  // Outside a runner there is no output file; @actions/core would print deprecated commands.
  if (written || !process.env.GITHUB_OUTPUT) return;
  setOutputs({ errors: "", warnings: "", "findings-file": "", "report-dir": "", "health-score": "", status: "error", snapshot: "" });
}
