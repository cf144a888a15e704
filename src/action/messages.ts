/** User-facing text of the Action's reports that more than one step uses. */
import type { Finding } from "../core/finding.js";

/** GitHub shows at most this many error and this many warning annotations per step. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/**
 * Where every finding is when the job summary runs out of room: the JSON report, which lives in
 * RUNNER_TEMP and is deleted with the runner, so it has to be uploaded to be kept.
 */
export const FINDINGS_FILE_HINT =
  "every finding is in the JSON report named by the step's `findings-file` output. It is written to " +
  "RUNNER_TEMP, which is deleted when the job ends: to keep it, give this step an `id` and add a step " +
  "`uses: actions/upload-artifact@v6` with `if: always()`, `name: integrity-guard-findings` and " +
  "`path: ${{ steps.<id>.outputs.findings-file }}` (see docs/action.md)";

/**
 * The summary's note when GitHub's per-step cap hides annotations (10 errors and 10 warnings
 * shown); undefined when every annotation is shown. GitHub says nothing about the hidden ones.
 */
export function annotationCapNote(findings: readonly Finding[]): string | undefined {
  const errors = findings.filter((f) => f.level === "error").length;
  const warnings = findings.filter((f) => f.level === "warning").length;
  const hidden = Math.max(0, errors - ANNOTATIONS_SHOWN_PER_LEVEL) + Math.max(0, warnings - ANNOTATIONS_SHOWN_PER_LEVEL);
  if (hidden === 0) return undefined;
  return (
    `> **Annotations:** GitHub shows ${ANNOTATIONS_SHOWN_PER_LEVEL} error and ${ANNOTATIONS_SHOWN_PER_LEVEL} warning annotations per step; ` +
    `this run wrote ${errors} error and ${warnings} warning annotations, so ${hidden} are not shown on the diff. ` +
    "The first ones shown are the worst and most varied; every finding is counted below, worst first."
  );
}
