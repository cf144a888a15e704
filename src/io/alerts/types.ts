/** What a sink reports after (or instead of, with --dry-run) delivering. */
import type { Alert, AlertContext } from "../../core/health/alerts.js";
import type { Redactor } from "./redact.js";
import type { RetryOptions } from "./retry.js";

export interface SinkReport {
  /** e.g. "webhook slack http://127.0.0.1:4000", "github_issue acme/app", "email smtp://mail.example.com". Never a secret. */
  sink: string;
  ok: boolean;
  dry_run: boolean;
  /** Alert keys this sink handled. */
  alerts: string[];
  /** What was (or would be) done, one line each. */
  actions: string[];
  /** The payload sent (or that would be sent), already redacted. */
  payload?: unknown;
  /** Why the sink failed (redacted). */
  error?: string;
  /** How to fix it. */
  fix?: string;
}

export interface SinkRun {
  alerts: readonly Alert[];
  ctx: AlertContext;
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  redactor: Redactor;
  retry?: RetryOptions;
}

/** A sink failure with a fix (messages redacted by the caller). */
export class SinkError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
  }
}

/**
 * Run a sink's work; whatever it throws becomes `report.error` (redacted) instead of escaping:
 * a failing sink must not stop the others.
 */
export async function runSink(report: SinkReport, run: SinkRun, work: () => Promise<void>): Promise<SinkReport> {
  try {
    await work();
    report.ok = true;
  } catch (error) {
    report.ok = false;
    report.error = run.redactor.apply(error instanceof Error ? error.message : String(error));
    if (error instanceof SinkError && error.fix) report.fix = run.redactor.apply(error.fix);
  }
  if (report.payload !== undefined) report.payload = JSON.parse(run.redactor.apply(JSON.stringify(report.payload))) as unknown;
  report.actions = report.actions.map((a) => run.redactor.apply(a));
  return report;
}
