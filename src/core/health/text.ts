/** The dashboard as a table people read at a glance (pure). */
import type { HistoryPoint } from "./chart.js";
import { COMPONENT_NAMES, type Dashboard } from "./types.js";

const MARK = { HEALTHY: "ok", DEGRADED: "!!", CRITICAL: "XX" } as const;

/** Render the dashboard: one headline, one row per component, the rule in one line. */
export function renderDashboardText(d: Dashboard, color = false): string {
  const h = d.system_health;
  const paint = (status: keyof typeof MARK, s: string) =>
    color ? `\u001b[${status === "HEALTHY" ? 32 : status === "DEGRADED" ? 33 : 31}m${s}\u001b[0m` : s;
  const names = [
    ...COMPONENT_NAMES.filter((n) => n in h.components),
    ...Object.keys(h.components).filter((n) => !(COMPONENT_NAMES as readonly string[]).includes(n)),
  ];
  const width = Math.max(9, ...names.map((n) => n.length));
  const lines = [`Health: ${paint(h.status, `${h.overall_score}/100 ${h.status}`)}   (${h.last_updated})`, ""];
  lines.push(`  ${"component".padEnd(width)}  score  status     detail`);
  for (const name of names) {
    const c = h.components[name]!;
    const status = c.included ? paint(c.status, `${MARK[c.status]} ${c.status}`.padEnd(12)) : "-- n/a".padEnd(12);
    const score = c.included ? String(c.score).padStart(5) : "    -";
    lines.push(`  ${name.padEnd(width)}  ${score}  ${status}${c.summary}${c.included && c.weight !== 1 ? ` [weight ${c.weight}]` : ""}`);
  }
  lines.push(
    "",
    `HEALTHY >= ${h.thresholds.healthy} > DEGRADED >= ${h.thresholds.degraded} > CRITICAL; overall = (2 x weighted mean + lowest) / 3 over the scored components.`,
  );
  return lines.join("\n") + "\n";
}

/** The history as a small table (newest last). */
export function renderHistoryText(points: readonly HistoryPoint[]): string {
  if (points.length === 0) return "No health history yet: each `integrity-guard health` run records one point.\n";
  const rows = points.map((p) => `  ${p.time}  ${String(p.score).padStart(3)}  ${p.status.padEnd(8)}  ${p.source ?? "local"}`);
  return ["  time                      score  status    source", ...rows].join("\n") + "\n";
}

/** The dashboard as a Markdown table (for a job summary or an issue). */
export function renderDashboardMarkdown(d: Dashboard): string {
  const h = d.system_health;
  const icon = { HEALTHY: "🟢", DEGRADED: "🟡", CRITICAL: "🔴" } as const;
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = Object.entries(h.components).map(([name, c]) =>
    c.included
      ? `| ${name} | ${c.score} | ${icon[c.status]} ${c.status} | ${cell(c.summary)} |`
      : `| ${name} | – | n/a | ${cell(c.summary)} |`,
  );
  return [
    `### Health: ${icon[h.status]} ${h.overall_score}/100 ${h.status}`,
    "",
    "| component | score | status | detail |",
    "|---|---:|---|---|",
    ...rows,
    "",
  ].join("\n");
}
