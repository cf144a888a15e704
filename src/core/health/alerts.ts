/**
 * Alerts: what `health --alert` sends. Levels INFO < WARNING < ERROR < CRITICAL; a route gets
 * every alert at or above its level. Derivation, routing and payloads are pure here; delivery
 * lives in src/io/alerts/.
 */
import type { AlertLevel } from "../../config/types.js";
import type { Dashboard, HealthStatus } from "./types.js";

const ALERT_LEVELS: readonly AlertLevel[] = ["INFO", "WARNING", "ERROR", "CRITICAL"];

function levelRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

export interface Alert {
  /** Stable identity: one GitHub issue per key (e.g. health/backups, health/overall). */
  key: string;
  level: AlertLevel;
  title: string;
  message: string;
  /** True while a condition lasts (issues are opened and closed for it); false for one-off events. */
  persistent: boolean;
}

/** What every payload carries besides the alerts. */
export interface AlertContext {
  repository: string;
  score: number;
  status: HealthStatus;
  time: string;
}

/**
 * Alerts for a dashboard: one per non-healthy scored component (DEGRADED -> WARNING,
 * CRITICAL -> ERROR), one for a non-healthy overall status (DEGRADED -> WARNING, CRITICAL ->
 * CRITICAL), and a one-off status change against the previous run (to HEALTHY -> INFO).
 */
export function deriveAlerts(d: Dashboard, previous: HealthStatus | undefined): Alert[] {
  const h = d.system_health;
  const alerts: Alert[] = [];
  if (h.status !== "HEALTHY") {
    alerts.push({
      key: "health/overall",
      level: h.status === "CRITICAL" ? "CRITICAL" : "WARNING",
      title: `Repository health is ${h.status} (${h.overall_score}/100)`,
      message: Object.entries(h.components)
        .filter(([, c]) => c.included && c.weight > 0 && c.status !== "HEALTHY")
        .map(([n, c]) => `${n}: ${c.score} ${c.status}: ${c.summary}`)
        .join("\n"),
      persistent: true,
    });
  }
  for (const [name, c] of Object.entries(h.components)) {
    // Left out of the score (nothing configured, or weight 0): left out of the alerts too.
    if (!c.included || c.weight <= 0 || c.status === "HEALTHY") continue;
    alerts.push({
      key: `health/${name}`,
      level: c.status === "CRITICAL" ? "ERROR" : "WARNING",
      title: `${name} is ${c.status} (${c.score}/100)`,
      message: c.summary,
      persistent: true,
    });
  }
  if (previous !== undefined && previous !== h.status) {
    alerts.push({
      key: "health/status-change",
      level: h.status === "HEALTHY" ? "INFO" : h.status === "DEGRADED" ? "WARNING" : "CRITICAL",
      title: `Health changed from ${previous} to ${h.status} (${h.overall_score}/100)`,
      message:
        h.status === "HEALTHY"
          ? "All scored components are back within their thresholds."
          : `Now ${h.status}; see the components above their thresholds.`,
      persistent: false,
    });
  }
  return alerts;
}

/** Alerts a route with minimum `level` receives. */
export function routeAlerts(alerts: readonly Alert[], level: AlertLevel): Alert[] {
  return alerts.filter((a) => levelRank(a.level) >= levelRank(level));
}

/** The highest level among alerts (INFO when none). */
export function topLevel(alerts: readonly Alert[]): AlertLevel {
  return alerts.reduce<AlertLevel>((top, a) => (levelRank(a.level) > levelRank(top) ? a.level : top), "INFO");
}

// ---------------------------------------------------------------- payloads

/** Slack incoming webhook: `{"text": ...}` with mrkdwn. */
export function slackPayload(alerts: readonly Alert[], ctx: AlertContext): { text: string } {
  const lines = [`*integrity-guard* ${ctx.repository}: health ${ctx.score}/100 ${ctx.status}`];
  for (const a of alerts) lines.push(`• [${a.level}] ${a.title}${a.message ? `\n    ${a.message.replace(/\n/g, "\n    ")}` : ""}`);
  return { text: lines.join("\n") };
}

/** Microsoft Teams (workflows / incoming webhook): a message carrying one Adaptive Card. */
export function teamsPayload(alerts: readonly Alert[], ctx: AlertContext): Record<string, unknown> {
  const color = ctx.status === "HEALTHY" ? "Good" : ctx.status === "DEGRADED" ? "Warning" : "Attention";
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Medium", weight: "Bolder", text: `integrity-guard: ${ctx.repository}` },
            { type: "TextBlock", color, weight: "Bolder", text: `Health ${ctx.score}/100 ${ctx.status}` },
            { type: "FactSet", facts: alerts.map((a) => ({ title: a.level, value: a.title })) },
            ...alerts
              .filter((a) => a.message)
              .map((a) => ({ type: "TextBlock", wrap: true, isSubtle: true, text: `${a.key}: ${a.message}` })),
            { type: "TextBlock", isSubtle: true, size: "Small", text: ctx.time },
          ],
        },
      },
    ],
  };
}

/** Generic JSON: everything, machine-readable. */
export function jsonPayload(alerts: readonly Alert[], ctx: AlertContext): Record<string, unknown> {
  return {
    source: "integrity-guard",
    repository: ctx.repository,
    overall_score: ctx.score,
    status: ctx.status,
    level: topLevel(alerts),
    timestamp: ctx.time,
    alerts,
  };
}

/** E-mail subject and plain-text body. */
export function emailMessage(alerts: readonly Alert[], ctx: AlertContext): { subject: string; text: string } {
  return {
    subject: `[integrity-guard] ${topLevel(alerts)}: ${ctx.repository} health ${ctx.score}/100 ${ctx.status}`,
    text: [
      `Repository: ${ctx.repository}`,
      `Health: ${ctx.score}/100 ${ctx.status} at ${ctx.time}`,
      "",
      ...alerts.map((a) => `[${a.level}] ${a.title}${a.message ? `\n  ${a.message.replace(/\n/g, "\n  ")}` : ""}`),
      "",
      "Sent by integrity-guard health --alert.",
    ].join("\n"),
  };
}

/** Hidden marker that identifies the issue of an alert key (never shown by GitHub). */
export function issueMarker(key: string): string {
  return `<!-- integrity-guard:alert-key=${key} -->`;
}

const KEY_RE = /<!-- integrity-guard:alert-key=([^\s]+) -->/;

/** The alert key an issue body carries, if any. */
export function keyFromIssueBody(body: string | null | undefined): string | undefined {
  return body ? KEY_RE.exec(body)?.[1] : undefined;
}

/**
 * What an alert issue last said, kept in its body as a hidden marker: the level and when. A
 * scheduled health check runs many times a day; the issue is commented on when the level
 * changes, and otherwise once per REMINDER_HOURS, not on every run.
 */
export const REMINDER_HOURS = 24;

function issueStateMarker(level: string, time: string): string {
  return `<!-- integrity-guard:alert-state=${level}@${time} -->`;
}

const STATE_RE = /<!-- integrity-guard:alert-state=([A-Z]+)@(\S+) -->/;

/** The state an issue body records, if any (issues opened by older versions have none). */
export function stateFromIssueBody(body: string | null | undefined): { level: string; time: string } | undefined {
  const m = body ? STATE_RE.exec(body) : null;
  return m ? { level: m[1]!, time: m[2]! } : undefined;
}

/** The body with its state marker set to `level` at `time` (added after the key marker when missing). */
export function withIssueState(body: string, level: string, time: string): string {
  const marker = issueStateMarker(level, time);
  if (STATE_RE.test(body)) return body.replace(STATE_RE, marker);
  const key = KEY_RE.exec(body);
  return key ? body.replace(key[0], `${key[0]}\n${marker}`) : `${marker}\n${body}`;
}

/**
 * Whether a persisting alert is worth a comment: no state recorded, the level changed, or the
 * last one is REMINDER_HOURS old (or its time does not parse, or lies in the future).
 */
export function shouldComment(previous: { level: string; time: string } | undefined, level: string, now: string): boolean {
  if (!previous || previous.level !== level) return true;
  const then = Date.parse(previous.time);
  const at = Date.parse(now);
  if (Number.isNaN(then) || Number.isNaN(at) || then > at) return true;
  return at - then >= REMINDER_HOURS * 3_600_000;
}

/** Title and body of a new alert issue, and of the comment while it persists. */
export function issueTexts(
  a: Alert,
  ctx: AlertContext,
  /** The level the issue last reported, when it differs (the comment then says so). */
  previousLevel?: string,
): { title: string; body: string; comment: string; resolved: string } {
  const detail = a.message ? `\n\n\`\`\`\n${a.message}\n\`\`\`` : "";
  return {
    title: `[integrity-guard] ${a.title.replace(/ \(\d+\/100\)$/, "")}`,
    body: `${issueMarker(a.key)}\n${issueStateMarker(a.level, ctx.time)}\n**${a.level}**: ${a.title}\n\nRepository health: ${ctx.score}/100 ${ctx.status} at ${ctx.time}.${detail}\n\nThis issue is managed by \`integrity-guard health --alert\`: it is commented on when the level changes (and once a day while the condition lasts) and closed when it clears.`,
    comment:
      previousLevel !== undefined && previousLevel !== a.level
        ? `${issueMarker(a.key)}\nNow **${a.level}** (was ${previousLevel}) at ${ctx.time}: ${a.title}${detail}`
        : `${issueMarker(a.key)}\nStill **${a.level}** at ${ctx.time}: ${a.title}${detail}`,
    resolved: `${issueMarker(a.key)}\nResolved at ${ctx.time}: health is ${ctx.score}/100 ${ctx.status}; \`${a.key}\` no longer alerts at this level.`,
  };
}
