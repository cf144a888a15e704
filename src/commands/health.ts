/**
 * `health`: score the repository's integrity (the seed's dashboard), draw it (badge, history
 * chart), and route alerts to webhooks, GitHub issues and e-mail. Collecting is in
 * src/io/health, scoring in src/core/health, delivery in src/io/alerts.
 */
import path from "node:path";
import { deriveAlerts, type Alert, type AlertContext } from "../core/health/alerts.js";
import { renderBadge } from "../core/health/badge.js";
import { renderHistoryChart, type HistoryPoint } from "../core/health/chart.js";
import { buildDashboard } from "../core/health/dashboard.js";
import { resolveHealthSettings, type HealthSettings } from "../core/health/settings.js";
import { renderDashboardText, renderHistoryText } from "../core/health/text.js";
import { atLeast, type Dashboard } from "../core/health/types.js";
import type { Finding } from "../core/finding.js";
import { ConfigError } from "../errors.js";
import { deliverAlerts } from "../io/alerts/deliver.js";
import { Redactor } from "../io/alerts/redact.js";
import type { SinkReport } from "../io/alerts/types.js";
import { worktreeBaseline } from "../io/baseline-file.js";
import { collectHealth } from "../io/health/collect.js";
import { hookFindings, hookStatuses, hooksNotExpected, type HookStatus } from "../io/hook-status.js";
import { runChecksTimed } from "../checks/run-checks.js";
import { appendHistory, mergeHistory, readHistory } from "../io/health/history.js";
import { readSnapshotFacts } from "../io/health/snapshots.js";
import { fetchUnlessOffline, NO_FETCH_OPTION } from "../io/snapshot/remote.js";
import type { CommandContext, CommandResult, CommandSpec } from "./types.js";
import { appendAll } from "../core/append.js";

export const command: CommandSpec = {
  name: "health",
  usage: "integrity-guard health [--format text|json|svg] [--history] [--alert [--dry-run]] [--fail-on LEVEL] [--no-fetch]",
  description: `
Scores eight components from 0 to 100 and the whole repository from them: critical_files (exist,
readable, non-empty, parse), schemas (share of files valid), manifest (drift), configuration
(conflicts), sync (drift), backups (age of each snapshot set's newest snapshot against
health.max_snapshot_age), disk (free space against health.min_free_disk, and inodes) and checks
(each check's errors and time against health.thresholds.max_error_count / max_check_seconds).
A component with nothing configured is shown as n/a and left out of the overall score.
Files in .integrity-guard/baseline.json, unchanged since recorded, count as valid, as in check.

overall = round((2 x weighted mean + lowest) / 3); HEALTHY >= 85 > DEGRADED >= 60 > CRITICAL
(health.thresholds.healthy / degraded; weights in health.weights). A CRITICAL component makes
the whole at least DEGRADED. Every run appends its score to .git/integrity-guard/
health-history.jsonl; --history reads it (and Health-Score trailers of snapshot commits).

--alert sends the alerts (INFO, WARNING, ERROR, CRITICAL) to the sinks under \`alerts:\` in the
config; --dry-run shows what would be sent and sends nothing. A failing sink is a warning
(alert/sink-failed); the others still deliver and the exit code does not change.
Exit code: 1 when the status is at or beyond --fail-on (default critical), else 0; 2 when it
could not run. See docs/health.md for every rule and threshold.`,
  examples: [
    "integrity-guard health",
    "integrity-guard health --format json",
    "integrity-guard health --format svg > health.svg",
    "integrity-guard health --history --format svg > health-history.svg",
    "integrity-guard health --alert --dry-run",
    "integrity-guard health --alert --fail-on degraded",
  ],
  options: {
    alert: { type: "boolean", description: "send alerts to the sinks configured under `alerts:`" },
    "dry-run": { type: "boolean", description: "with --alert: show what would be sent, send nothing, record nothing" },
    history: { type: "boolean", description: "show the score over time instead of scoring now (svg: a line chart)" },
    "fail-on": {
      type: "string",
      valueName: "LEVEL",
      choices: ["degraded", "critical", "never"],
      description: "exit 1 when the status is this bad or worse (default critical)",
    },
    "no-record": { type: "boolean", description: "do not append this run to the local health history" },
    ...NO_FETCH_OPTION,
  },
  formats: ["text", "json", "svg"],
  run,
};

async function run(ctx: CommandContext): Promise<CommandResult> {
  const { settings, problems } = resolveHealthSettings(ctx.loaded.config.health);
  if (problems.length > 0) {
    throw new ConfigError(`invalid health settings in ${ctx.loaded.path}:\n${problems.map((p) => `  ${p}`).join("\n")}`, {
      fix: "correct the health: section; docs/health.md lists every key",
    });
  }
  // Backups pushed from another clone count: the remote's snapshot refs are read first.
  if (ctx.loaded.config.snapshots) await fetchUnlessOffline(ctx.git, ctx.loaded.config.snapshots, ctx.options, ctx.log);
  if (ctx.options.history) return history(ctx, settings);

  const collected = await collectHealth({
    root: ctx.root,
    git: ctx.git,
    loaded: ctx.loaded,
    settings,
    log: ctx.log,
    interactive: ctx.interactive,
    runChecks: runChecksTimed,
    baseline: worktreeBaseline(ctx.root),
  });
  const dashboard = buildDashboard(collected.facts, settings, new Date());
  const h = dashboard.system_health;
  const dryRun = ctx.options["dry-run"] === true;
  const previous = (await readHistory(ctx.git.stateDir()).catch(() => [])).at(-1)?.status;
  if (!dryRun && !ctx.options["no-record"]) {
    await appendHistory(ctx.git.stateDir(), { time: h.last_updated, score: h.overall_score, status: h.status }).catch((error: Error) =>
      ctx.log(`health: could not record the score in ${ctx.git.stateDir()}: ${error.message}`),
    );
  }

  const findings = componentFindings(dashboard);
  // Not a scored component (CI has no hooks): a check that silently stopped running is said here.
  const hooks = hooksNotExpected(ctx.env) ? undefined : await hookStatuses(ctx.git);
  if (hooks) appendAll(findings, hookFindings(hooks));
  let alertSection: Record<string, unknown> | undefined;
  let alertText = "";
  if (ctx.options.alert || dryRun) {
    const alerts = deriveAlerts(dashboard, previous);
    const routes = ctx.loaded.config.alerts ?? [];
    const redactor = new Redactor();
    const actx: AlertContext = {
      repository: ctx.env.GITHUB_REPOSITORY || path.basename(ctx.root),
      score: h.overall_score,
      status: h.status,
      time: h.last_updated,
    };
    const outcome = routes.length
      ? await deliverAlerts(routes, alerts, actx, { env: ctx.env, dryRun, redactor })
      : { reports: [], findings: [] };
    appendAll(findings, outcome.findings);
    alertSection = { dry_run: dryRun, previous_status: previous ?? null, alerts, deliveries: outcome.reports };
    alertText = renderAlertsText(alerts, outcome.reports, dryRun, routes.length);
  }

  const failOn = (ctx.options["fail-on"] as string | undefined) ?? "critical";
  const failing = failOn !== "never" && atLeast(h.status, failOn === "degraded" ? "DEGRADED" : "CRITICAL");
  return {
    findings,
    summary: { overall_score: h.overall_score, status: h.status },
    json: { ...dashboard, ...(hooks ? { hooks } : {}), ...(alertSection ? { alerts: alertSection } : {}) },
    text: renderDashboardText(dashboard, false) + (hooks ? renderHooksText(hooks) : "") + alertText,
    raw: renderBadge(h.overall_score, h.status),
    exitCode: failing ? 1 : 0,
  };
}

/** `--history`: local points plus those recorded with snapshots. */
async function history(ctx: CommandContext, settings: HealthSettings): Promise<CommandResult> {
  const [local, snaps] = await Promise.all([
    readHistory(ctx.git.stateDir()),
    readSnapshotFacts(ctx.git, ctx.loaded.config, settings.maxSnapshotAge),
  ]);
  const points: HistoryPoint[] = mergeHistory(local, snaps.history);
  return {
    findings: [],
    summary: { points: points.length },
    json: { history: points, thresholds: settings.thresholds },
    text: renderHistoryText(points),
    raw: renderHistoryChart(points, settings.thresholds),
    exitCode: 0,
  };
}

/** One finding per scored component that is not HEALTHY (health/degraded, health/critical). */
function componentFindings(d: Dashboard): Finding[] {
  const out: Finding[] = [];
  for (const [name, c] of Object.entries(d.system_health.components)) {
    if (!c.included || c.weight <= 0 || c.status === "HEALTHY") continue;
    out.push({
      rule: c.status === "CRITICAL" ? "health/critical" : "health/degraded",
      level: c.status === "CRITICAL" ? "error" : "warning",
      key: name,
      message: `${name} is ${c.status} (${c.score}/100): ${c.summary}`,
      expected: `score >= ${d.system_health.thresholds.healthy}`,
      found: String(c.score),
      fix: FIXES[name] ?? "see the component's detail in `integrity-guard health --format json`",
    });
  }
  return out;
}

const FIXES: Record<string, string> = {
  critical_files:
    "restore the broken files: integrity-guard restore latest <file> (the newest snapshot that holds it), or fix them by hand",
  schemas: "run `integrity-guard validate` and fix the files it reports",
  manifest: "run `integrity-guard verify`; reseal with `integrity-guard seal` only if the changes are intended",
  configuration: "run `integrity-guard conflicts` and settle each key in one file",
  sync: "run `integrity-guard sync` to see the drift, `integrity-guard sync --fix` to apply it",
  backups: "take a snapshot: integrity-guard snapshot --set <set> (and check the scheduled workflow)",
  disk: "free space on the repository's filesystem before a write is truncated",
  checks: "look at the slow or failing check in `integrity-guard health --format json` (detail.checks)",
};

function renderHooksText(hooks: readonly HookStatus[]): string {
  const lines = hooks.map(
    (h) =>
      `  ${h.hook.padEnd(18)} ${
        h.runs
          ? `ok  runs integrity-guard (${h.via ?? h.file})`
          : h.stopped
            ? `!!  does not run integrity-guard (${h.file})`
            : // Never installed in this clone (an install older than this hook, or none yet): not a stop.
              `--  not installed: run \`integrity-guard init --hook-only\` (${h.file})`
      }`,
  );
  return ["", "Hooks (this clone):", ...lines].join("\n") + "\n";
}

function renderAlertsText(alerts: readonly Alert[], reports: readonly SinkReport[], dryRun: boolean, routes: number): string {
  const lines = ["", dryRun ? "Alerts (dry run: nothing sent):" : "Alerts:"];
  if (alerts.length === 0) lines.push("  none: every scored component is HEALTHY and the status did not change");
  for (const a of alerts) lines.push(`  [${a.level}] ${a.key}: ${a.title}`);
  if (routes === 0) lines.push("  no sinks configured (alerts: in .integrity-guard/config.yml)");
  for (const r of reports) {
    lines.push(`  ${r.ok ? "ok  " : "FAIL"} ${r.sink}${r.error ? `: ${r.error}` : ""}`);
    for (const a of r.actions) lines.push(`       ${a}`);
    if (dryRun && r.payload !== undefined)
      lines.push(
        ...JSON.stringify(r.payload, null, 2)
          .split("\n")
          .map((l) => `       ${l}`),
      );
  }
  return lines.join("\n") + "\n";
}
