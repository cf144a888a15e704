/**
 * Placeholder for `init --workflows` (issue 5, the Action helper replaces this file): writes the
 * GitHub workflow files (check on pull requests, scheduled snapshots, restore on dispatch).
 */
import type { Config } from "../config/types.js";
import { UsageError } from "../errors.js";

/** What installWorkflows did, for init to print. */
export interface WorkflowInstallResult {
  /** Repo-relative paths written. */
  written: string[];
  /** Lines for people (skipped files, next steps). */
  notes: string[];
}

/** Write the workflow files under .github/workflows/ (refuses to overwrite unless force). */
export async function installWorkflows(_root: string, _config: Config, _options: { force?: boolean }): Promise<WorkflowInstallResult> {
  throw new UsageError("init --workflows is not implemented yet", { fix: "run init without --workflows" });
}
