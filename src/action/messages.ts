/** User-facing text of the Action's reports that more than one step uses. */
import type { Finding } from "../core/finding.js";

/** GitHub shows at most this many error and this many warning annotations per step. */
const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/**
 * Where every finding is when the job summary runs out of room: the JSON report, which lives in
 * RUNNER_TEMP and is deleted with the runner, so it has to be uploaded to be kept.
 */
export const FINDINGS_FILE_HINT =
  "every finding is in the JSON report named by the step's `findings-file` output. It is written to " +
  "RUNNER_TEMP, which is deleted when the job ends: to keep it, give this step an `id` and add a step " +
  "`uses: actions/upload-artifact@v6` with `if: always()`, `name: integrity-guard-findings` and " +
  "`path: ${{ steps.<id>.outputs.findings-file }}` (see docs/action.md)";

/** Where the report is kept when the `keep-report` input is on (the `report-dir` output). */
export const REPORT_DIR_HINT =
  "every finding is in `findings.json` and `findings.sarif` in the folder named by the step's `report-dir` output; " +
  "upload it with `actions/upload-artifact` (`if: always()`, `path: ${{ steps.<id>.outputs.report-dir }}`) to keep it after the job, " +
  "as the workflow `init --workflows` writes does (see docs/action.md)";

/** Annotations hidden by GitHub's per-step cap (10 errors and 10 warnings shown). */
export function hiddenAnnotations(findings: readonly Finding[]): number {
  const errors = findings.filter((f) => f.level === "error").length;
  const warnings = findings.filter((f) => f.level === "warning").length;
  return Math.max(0, errors - ANNOTATIONS_SHOWN_PER_LEVEL) + Math.max(0, warnings - ANNOTATIONS_SHOWN_PER_LEVEL);
}

/** Where the annotations the per-step cap hides went (see annotationCapNote). */
export interface HiddenAnnotationsPlace {
  /** A check run holds every annotation. */
  checkRunUrl?: string;
  /** Why there is no complete check run (no `checks: write`, an API failure). */
  checkRunFailure?: string;
  /** The full report is kept (input `keep-report`). */
  reportKept?: boolean;
}

/**
 * The summary's note when GitHub's per-step cap hides annotations (10 errors and 10 warnings
 * shown); undefined when every annotation is shown. GitHub says nothing about the hidden ones,
 * so the note says how many and where they are: the check run, else the kept report.
 */
export function annotationCapNote(findings: readonly Finding[], place: HiddenAnnotationsPlace = {}): string | undefined {
  const errors = findings.filter((f) => f.level === "error").length;
  const warnings = findings.filter((f) => f.level === "warning").length;
  const hidden = hiddenAnnotations(findings);
  if (hidden === 0) return undefined;
  const where = place.checkRunUrl
    ? ` All ${errors + warnings} are on the check run [integrity-guard](${place.checkRunUrl}) (its annotations also show on the pull request's diff).`
    : (place.checkRunFailure ? ` No check run carries them: ${place.checkRunFailure}.` : "") +
      (place.reportKept ? ` ${REPORT_DIR_HINT[0]!.toUpperCase()}${REPORT_DIR_HINT.slice(1)}.` : "");
  return (
    `> **Annotations:** GitHub shows ${ANNOTATIONS_SHOWN_PER_LEVEL} error and ${ANNOTATIONS_SHOWN_PER_LEVEL} warning annotations per step; ` +
    `this run wrote ${errors} error and ${warnings} warning annotations, so ${hidden} are not shown on the diff.${where} ` +
    "The first ones shown are the worst and most varied; every finding is counted below, worst first."
  );
}
