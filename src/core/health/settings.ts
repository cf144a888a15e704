/** health.* config -> resolved settings, with every problem named (pure; the command throws them). */
import type { HealthConfig } from "../../config/types.js";
import {
  DEFAULT_CHECK_THRESHOLDS,
  DEFAULT_MIN_FREE_DISK,
  parseDuration,
  parseFreeSpace,
  type CheckThresholds,
  type FreeSpaceLimit,
} from "./thresholds.js";
import { COMPONENT_NAMES, DEFAULT_THRESHOLDS, type StatusThresholds } from "./types.js";

export interface HealthSettings {
  thresholds: StatusThresholds;
  checkLimits: CheckThresholds;
  weights: Record<string, number>;
  minFreeDisk: FreeSpaceLimit;
  minFreeDiskText: string;
  /** Set name -> max age in ms. */
  maxSnapshotAge: Record<string, number>;
}

/** Resolve health settings; `problems` lists what is wrong in words (empty when fine). */
export function resolveHealthSettings(health: HealthConfig | undefined): { settings: HealthSettings; problems: string[] } {
  const problems: string[] = [];
  const t = health?.thresholds ?? {};
  const thresholds: StatusThresholds = {
    healthy: t.healthy ?? DEFAULT_THRESHOLDS.healthy,
    degraded: t.degraded ?? DEFAULT_THRESHOLDS.degraded,
  };
  if (thresholds.degraded > thresholds.healthy) {
    problems.push(
      `health.thresholds.degraded (${thresholds.degraded}) is above health.thresholds.healthy (${thresholds.healthy}); degraded must be <= healthy`,
    );
  }
  const weights: Record<string, number> = {};
  for (const [name, w] of Object.entries(health?.weights ?? {})) {
    if (!(COMPONENT_NAMES as readonly string[]).includes(name)) {
      problems.push(`health.weights.${name}: unknown component; use one of ${COMPONENT_NAMES.join(", ")}`);
    } else weights[name] = w;
  }
  const minFreeDiskText = health?.min_free_disk ?? DEFAULT_MIN_FREE_DISK;
  const minFreeDisk = parseFreeSpace(minFreeDiskText);
  if (!minFreeDisk) problems.push(`health.min_free_disk ${JSON.stringify(minFreeDiskText)} is not a size like 500MB, 2GiB or 5%`);
  const maxSnapshotAge: Record<string, number> = {};
  for (const [set, text] of Object.entries(health?.max_snapshot_age ?? {})) {
    const ms = parseDuration(text);
    if (ms === undefined) problems.push(`health.max_snapshot_age.${set} ${JSON.stringify(text)} is not a duration like 2h or 26h`);
    else maxSnapshotAge[set] = ms;
  }
  return {
    settings: {
      thresholds,
      checkLimits: {
        maxErrorCount: t.max_error_count ?? DEFAULT_CHECK_THRESHOLDS.maxErrorCount,
        maxCheckSeconds: t.max_check_seconds ?? DEFAULT_CHECK_THRESHOLDS.maxCheckSeconds,
      },
      weights,
      minFreeDisk: minFreeDisk ?? { percent: 5 },
      minFreeDiskText,
      maxSnapshotAge,
    },
    problems,
  };
}
