/** The health dashboard's shapes (DESIGN.md, contract: `health --format json`). */

export type HealthStatus = "HEALTHY" | "DEGRADED" | "CRITICAL";

/** Names of the components `health` scores, in display order. */
export const COMPONENT_NAMES = ["critical_files", "schemas", "manifest", "configuration", "sync", "backups", "disk", "checks"] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** One scored component: a 0-100 score, its status and the facts behind it. */
export interface ComponentScore {
  score: number;
  status: HealthStatus;
  /** False when the component does not apply (nothing configured): shown, but left out of the overall score. */
  included: boolean;
  /** Weight in the overall score (health.weights; default 1). */
  weight: number;
  /** One line for people: why this score. */
  summary: string;
  detail: Record<string, unknown>;
}

/** Score thresholds: score >= healthy is HEALTHY, >= degraded is DEGRADED, else CRITICAL. */
export interface StatusThresholds {
  healthy: number;
  degraded: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { healthy: 85, degraded: 60 };

interface SystemHealth {
  overall_score: number;
  status: HealthStatus;
  last_updated: string;
  components: Record<string, ComponentScore>;
  thresholds: StatusThresholds;
}

/** The dashboard object printed by `health --format json` (the seed's shape plus detail). */
export interface Dashboard {
  system_health: SystemHealth;
}

const RANK: Record<HealthStatus, number> = { HEALTHY: 0, DEGRADED: 1, CRITICAL: 2 };

/** The worse of two statuses. */
export function worse(a: HealthStatus, b: HealthStatus): HealthStatus {
  return RANK[a] >= RANK[b] ? a : b;
}

/** True when `a` is at least as bad as `b`. */
export function atLeast(a: HealthStatus, b: HealthStatus): boolean {
  return RANK[a] >= RANK[b];
}
