/** SVG helpers shared by the badge and the chart (pure). */
import type { HealthStatus } from "./types.js";

/** Escape text for SVG/XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Colour per status (the palette shields.io badges use, so the badge sits well beside others). */
export const STATUS_COLOR: Record<HealthStatus, string> = { HEALTHY: "#4c1", DEGRADED: "#dfb317", CRITICAL: "#e05d44" };

/** Rough width of Verdana 11px text: enough for a badge to fit its label without measuring fonts. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[ilI.,:;|!'`]/.test(ch) ? 3.5 : /[A-Z0-9mwMW%]/.test(ch) ? 7.5 : 6.5;
  return Math.ceil(w);
}
