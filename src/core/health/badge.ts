/** The health badge: "health | 85 HEALTHY", coloured by status (pure SVG text). */
import { STATUS_COLOR, textWidth, xmlEscape } from "./svg.js";
import type { HealthStatus } from "./types.js";

/** Render a flat badge (shields.io layout) for a score and status. */
export function renderBadge(score: number, status: HealthStatus, label = "health"): string {
  const value = `${score} ${status}`;
  const lw = textWidth(label) + 12;
  const vw = textWidth(value) + 12;
  const w = lw + vw;
  const color = STATUS_COLOR[status];
  const title = `${label}: ${value}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${xmlEscape(title)}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${lw / 2}" y="14">${xmlEscape(label)}</text>`,
    `<text x="${lw + vw / 2}" y="14" data-score="${score}" data-status="${status}">${xmlEscape(value)}</text>`,
    `</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
