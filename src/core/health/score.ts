/**
 * The overall score: a weighted mean of the included components, pulled a third of the way
 * toward the weakest one, so one failing component cannot hide behind many healthy ones:
 *
 *   overall = round((2 × weighted_mean + lowest) / 3)
 *
 * The seed's example dashboard (90, 85, 80, 95 -> 85) is exactly this rule with equal weights.
 * A CRITICAL component makes the overall status at least DEGRADED whatever the score.
 */
import { statusFor } from "./thresholds.js";
import type { ComponentScore, HealthStatus, StatusThresholds } from "./types.js";
import { worse } from "./types.js";

/** The part of a component the overall score reads. */
interface ScoredPart {
  score: number;
  weight?: number;
  included?: boolean;
}

interface Overall {
  score: number;
  status: HealthStatus;
  /** Weighted mean of the included components before the weakest-link pull (for the detail). */
  mean: number;
  lowest: number;
}

/** Overall score and status from component scores (pure; see the rule above). */
export function overallScore(parts: Record<string, ScoredPart>, thresholds: StatusThresholds): Overall {
  const counted = Object.values(parts).filter((p) => p.included !== false && (p.weight ?? 1) > 0);
  if (counted.length === 0) return { score: 100, status: "HEALTHY", mean: 100, lowest: 100 };
  let sum = 0;
  let weights = 0;
  let lowest = 100;
  let anyCritical = false;
  for (const p of counted) {
    const w = p.weight ?? 1;
    sum += w * p.score;
    weights += w;
    lowest = Math.min(lowest, p.score);
    if (statusFor(p.score, thresholds) === "CRITICAL") anyCritical = true;
  }
  const mean = sum / weights;
  const score = clampScore(Math.round((2 * mean + lowest) / 3));
  let status = statusFor(score, thresholds);
  if (anyCritical) status = worse(status, "DEGRADED");
  return { score, status, mean: Math.round(mean * 10) / 10, lowest };
}

/** Keep a score an integer in 0..100. */
function clampScore(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.max(0, Math.min(100, Math.round(n)));
}

/** Build a component from a score (status from the thresholds). */
export function component(
  score: number,
  thresholds: StatusThresholds,
  fields: { summary: string; detail: Record<string, unknown>; included?: boolean; weight?: number },
): ComponentScore {
  const s = clampScore(score);
  return {
    score: s,
    status: statusFor(s, thresholds),
    included: fields.included ?? true,
    weight: fields.weight ?? 1,
    summary: fields.summary,
    detail: fields.detail,
  };
}
