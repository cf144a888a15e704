/** The history chart: overall score over time as an SVG line chart (pure). */
import { STATUS_COLOR, xmlEscape } from "./svg.js";
import type { HealthStatus, StatusThresholds } from "./types.js";
import { maxOf, minOf } from "../append.js";

/** One stored health result (history JSONL line, or a snapshot's Health-Score trailer). */
export interface HistoryPoint {
  time: string;
  score: number;
  status: HealthStatus;
  /** Where the point came from: "local" (history file) or "snapshot:<commit>". */
  source?: string;
}

const W = 640;
const H = 260;
const M = { left: 44, right: 16, top: 34, bottom: 40 };

/** Render the chart; an empty history gives a chart that says so (still valid SVG). */
export function renderHistoryChart(points: readonly HistoryPoint[], thresholds: StatusThresholds): string {
  const sorted = [...points].filter((p) => Number.isFinite(Date.parse(p.time))).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const y = (score: number) => round(M.top + ph - (ph * Math.max(0, Math.min(100, score))) / 100);
  const t0 = sorted.length ? Date.parse(sorted[0]!.time) : 0;
  const t1 = sorted.length ? Date.parse(sorted[sorted.length - 1]!.time) : 0;
  const x = (time: string) => (t1 === t0 ? round(M.left + pw / 2) : round(M.left + (pw * (Date.parse(time) - t0)) / (t1 - t0)));
  const out: string[] = [];
  const last = sorted[sorted.length - 1];
  const scores = sorted.map((p) => p.score);
  const heading = last
    ? `health score: now ${last.score} ${last.status}, min ${minOf(scores)}, max ${maxOf(scores)} (${sorted.length} point${sorted.length === 1 ? "" : "s"})`
    : "health score: no history yet";
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xmlEscape(heading)}">`,
  );
  out.push(`<title>${xmlEscape(heading)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<g font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" fill="#333">`);
  out.push(`<text x="${M.left}" y="20" font-size="13">${xmlEscape(heading)}</text>`);
  // Status bands behind the line: where a score would be CRITICAL, DEGRADED, HEALTHY.
  out.push(
    `<rect x="${M.left}" y="${y(thresholds.degraded)}" width="${pw}" height="${round(y(0) - y(thresholds.degraded))}" fill="${STATUS_COLOR.CRITICAL}" fill-opacity="0.08"/>`,
  );
  out.push(
    `<rect x="${M.left}" y="${y(thresholds.healthy)}" width="${pw}" height="${round(y(thresholds.degraded) - y(thresholds.healthy))}" fill="${STATUS_COLOR.DEGRADED}" fill-opacity="0.10"/>`,
  );
  out.push(
    `<rect x="${M.left}" y="${y(100)}" width="${pw}" height="${round(y(thresholds.healthy) - y(100))}" fill="${STATUS_COLOR.HEALTHY}" fill-opacity="0.08"/>`,
  );
  for (const v of [0, thresholds.degraded, thresholds.healthy, 100]) {
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc" stroke-dasharray="3,3"/>`);
    out.push(`<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#888"/>`);
  out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#888"/>`);
  if (sorted.length === 0) {
    out.push(
      `<text x="${M.left + pw / 2}" y="${M.top + ph / 2}" text-anchor="middle" fill="#888">run integrity-guard health to start recording</text>`,
    );
  } else {
    out.push(`<text x="${M.left}" y="${H - 12}">${xmlEscape(sorted[0]!.time.slice(0, 16).replace("T", " "))}</text>`);
    if (sorted.length > 1)
      out.push(`<text x="${M.left + pw}" y="${H - 12}" text-anchor="end">${xmlEscape(last!.time.slice(0, 16).replace("T", " "))}</text>`);
    if (sorted.length > 1) {
      out.push(
        `<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${sorted.map((p) => `${x(p.time)},${y(p.score)}`).join(" ")}"/>`,
      );
    }
    for (const p of sorted) {
      out.push(
        `<circle cx="${x(p.time)}" cy="${y(p.score)}" r="3" fill="${STATUS_COLOR[p.status] ?? "#888"}" data-score="${p.score}" data-time="${xmlEscape(p.time)}"><title>${xmlEscape(`${p.time}: ${p.score} ${p.status}`)}</title></circle>`,
      );
    }
  }
  out.push(`</g>`, `</svg>`, "");
  return out.join("\n");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
