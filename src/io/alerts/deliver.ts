/** Route alerts to the configured sinks and deliver them all (in parallel; each failure isolated). */
import type { AlertRoute } from "../../config/types.js";
import { routeAlerts, type Alert, type AlertContext } from "../../core/health/alerts.js";
import type { Finding } from "../../core/finding.js";
import { deliverEmail } from "./email.js";
import { deliverGithubIssues } from "./github-issue.js";
import { Redactor } from "./redact.js";
import type { RetryOptions } from "./retry.js";
import type { SinkReport, SinkRun } from "./types.js";
import { deliverWebhook } from "./webhook.js";

interface DeliverOptions {
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  retry?: RetryOptions;
  /** Shared so the caller can redact its own output with the same secrets. */
  redactor?: Redactor;
}

interface DeliveryOutcome {
  reports: SinkReport[];
  /** alert/sink-failed warnings, one per failing sink. */
  findings: Finding[];
}

/**
 * Deliver `alerts` through `routes`. A route gets the alerts at or above its level; a webhook or
 * e-mail route with nothing to send is skipped, a GitHub issue route always runs (it closes the
 * issues of alerts that cleared).
 */
export async function deliverAlerts(
  routes: readonly AlertRoute[],
  alerts: readonly Alert[],
  ctx: AlertContext,
  options: DeliverOptions,
): Promise<DeliveryOutcome> {
  const redactor = options.redactor ?? new Redactor();
  const jobs: Promise<SinkReport>[] = [];
  routes.forEach((route, i) => {
    const routed = routeAlerts(alerts, route.level);
    const run: SinkRun = { alerts: routed, ctx, env: options.env, dryRun: options.dryRun, redactor, retry: options.retry };
    const tag = (r: SinkReport) => ({ ...r, sink: `alerts[${i}] ${r.sink}` });
    if (route.webhook && routed.length > 0) jobs.push(deliverWebhook(route.webhook, run).then(tag));
    if (route.email && routed.length > 0) jobs.push(deliverEmail(route.email, run).then(tag));
    if (route.github_issue) jobs.push(deliverGithubIssues(route.github_issue, run).then(tag));
  });
  const reports = await Promise.all(jobs);
  const findings: Finding[] = reports
    .filter((r) => !r.ok)
    .map((r) => ({
      rule: "alert/sink-failed",
      level: "warning",
      message: `alert sink ${r.sink} failed: ${r.error ?? "unknown error"}`,
      fix: r.fix ?? "check the sink's settings in .integrity-guard/config.yml (alerts) and that it is reachable",
    }));
  return { reports, findings };
}
