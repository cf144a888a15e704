/** Thresholds and the small unit parsers health needs (durations, sizes). Pure. */
import type { HealthStatus, StatusThresholds } from "./types.js";
import { DEFAULT_THRESHOLDS } from "./types.js";

/** Status for a score: >= healthy HEALTHY, >= degraded DEGRADED, otherwise CRITICAL. */
export function statusFor(score: number, t: StatusThresholds = DEFAULT_THRESHOLDS): HealthStatus {
  if (score >= t.healthy) return "HEALTHY";
  if (score >= t.degraded) return "DEGRADED";
  return "CRITICAL";
}

const DURATION_UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "90s", "30m", "2h", "26h", "7d", "2w" -> milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(s|m|h|d|w)$/.exec(text.trim());
  return m ? Number(m[1]) * DURATION_UNITS[m[2]!]! : undefined;
}

/** Milliseconds -> "3h 20m", "2d 4h", "45s" (two largest units). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "never";
  const s = Math.max(0, Math.round(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(s / 86400), "d"],
    [Math.floor((s % 86400) / 3600), "h"],
    [Math.floor((s % 3600) / 60), "m"],
    [s % 60, "s"],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return "0s";
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join(" ");
}

/** A minimum free space: absolute bytes, or a share of the filesystem. */
export type FreeSpaceLimit = { bytes: number } | { percent: number };

const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** "500MB", "1GiB", "5%" -> a limit; undefined when malformed (the config schema rejects those first). */
export function parseFreeSpace(text: string): FreeSpaceLimit | undefined {
  const m = /^([0-9]+)(B|KB|MB|GB|KiB|MiB|GiB|%)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "%" ? { percent: n } : { bytes: n * SIZE_UNITS[m[2]!]! };
}

/** Bytes -> "1.5 GB" (decimal units, what `df -H` prints). */
export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** Check thresholds from health.thresholds (the seed's integration alert thresholds). */
export interface CheckThresholds {
  /** More errors than this from one check makes it DEGRADED (seed: max_error_count 5). */
  maxErrorCount: number;
  /** A check slower than this loses points (seed: max_response_time 5 s). */
  maxCheckSeconds: number;
}

export const DEFAULT_CHECK_THRESHOLDS: CheckThresholds = { maxErrorCount: 5, maxCheckSeconds: 5 };

/** Default minimum free space when health.min_free_disk is absent. */
export const DEFAULT_MIN_FREE_DISK = "5%";
/** Minimum share of free inodes (not configurable: running out of inodes is as fatal as out of bytes). */
export const MIN_FREE_INODES_PERCENT = 5;
