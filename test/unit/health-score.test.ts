import { describe, expect, it } from "vitest";
import { overallScore } from "../../src/core/health/score.js";
import { statusFor } from "../../src/core/health/thresholds.js";
import { resolveHealthSettings } from "../../src/core/health/settings.js";
import { DEFAULT_THRESHOLDS } from "../../src/core/health/types.js";

describe("overall score", () => {
  it("reproduces the seed's example dashboard from its component scores", () => {
    // seed/corruption-prevention-protocols.md, "Health Metrics Dashboard".
    const seed = { file_system: 90, database: 85, integration: 80, configuration: 95 };
    const parts = Object.fromEntries(Object.entries(seed).map(([k, score]) => [k, { score }]));
    const overall = overallScore(parts, DEFAULT_THRESHOLDS);
    const dashboard = {
      system_health: {
        overall_score: overall.score,
        status: overall.status,
        components: Object.fromEntries(
          Object.entries(seed).map(([k, score]) => [k, { score, status: statusFor(score, DEFAULT_THRESHOLDS) }]),
        ),
      },
    };
    expect(dashboard).toEqual({
      system_health: {
        overall_score: 85,
        status: "HEALTHY",
        components: {
          file_system: { score: 90, status: "HEALTHY" },
          database: { score: 85, status: "HEALTHY" },
          integration: { score: 80, status: "DEGRADED" },
          configuration: { score: 95, status: "HEALTHY" },
        },
      },
    });
  });

  it.each([
    // [scores, expected overall]: round((2 * mean + lowest) / 3)
    [[100, 100, 100], 100],
    [[100, 100, 0], 44], // mean 66.7, lowest 0: one dead component pulls hard
    [[90, 90, 60], 73],
    [[85], 85],
  ])("scores %j as %i", (scores, expected) => {
    const parts = Object.fromEntries(scores.map((s, i) => [`c${i}`, { score: s }]));
    expect(overallScore(parts, DEFAULT_THRESHOLDS).score).toBe(expected);
  });

  it("applies weights and leaves out excluded and zero-weight components", () => {
    const parts = {
      a: { score: 100, weight: 3 },
      b: { score: 40, weight: 1 },
      c: { score: 0, included: false },
      d: { score: 0, weight: 0 },
    };
    // weighted mean 85, lowest 40 -> (170 + 40) / 3 = 70
    expect(overallScore(parts, DEFAULT_THRESHOLDS)).toMatchObject({ score: 70, mean: 85, lowest: 40, status: "DEGRADED" });
  });

  it("is HEALTHY at 100 with nothing to score", () => {
    expect(overallScore({}, DEFAULT_THRESHOLDS)).toMatchObject({ score: 100, status: "HEALTHY" });
  });

  it("makes the whole at least DEGRADED when one component is CRITICAL", () => {
    // 10 healthy components at 100 and one at 50: score 83... still the status cannot be HEALTHY.
    const parts: Record<string, { score: number }> = { bad: { score: 50 } };
    for (let i = 0; i < 30; i++) parts[`ok${i}`] = { score: 100 };
    const o = overallScore(parts, { healthy: 80, degraded: 60 });
    expect(o.score).toBeGreaterThanOrEqual(80);
    expect(o.status).toBe("DEGRADED");
  });

  it.each([
    [85, "HEALTHY"],
    [84, "DEGRADED"],
    [60, "DEGRADED"],
    [59, "CRITICAL"],
    [0, "CRITICAL"],
  ] as const)("statusFor(%i) with the default thresholds is %s", (score, status) => {
    expect(statusFor(score, DEFAULT_THRESHOLDS)).toBe(status);
  });

  it("honours configured thresholds", () => {
    expect(statusFor(75, { healthy: 70, degraded: 50 })).toBe("HEALTHY");
    expect(statusFor(49, { healthy: 70, degraded: 50 })).toBe("CRITICAL");
  });
});

describe("health settings", () => {
  it("defaults", () => {
    const { settings, problems } = resolveHealthSettings(undefined);
    expect(problems).toEqual([]);
    expect(settings.thresholds).toEqual({ healthy: 85, degraded: 60 });
    expect(settings.checkLimits).toEqual({ maxErrorCount: 5, maxCheckSeconds: 5 });
    expect(settings.minFreeDisk).toEqual({ percent: 5 });
  });

  it("names every problem", () => {
    const { problems } = resolveHealthSettings({
      thresholds: { healthy: 50, degraded: 70 },
      weights: { disks: 2 },
      max_snapshot_age: { hourly: "2 hours" },
    });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/degraded \(70\) is above .*healthy \(50\)/);
    expect(problems.join("\n")).toMatch(/health\.weights\.disks: unknown component; use one of critical_files/);
    expect(problems.join("\n")).toMatch(/max_snapshot_age\.hourly "2 hours" is not a duration/);
  });

  it("parses durations and sizes", () => {
    const { settings } = resolveHealthSettings({
      max_snapshot_age: { hourly: "2h", daily: "26h", weekly: "1.5w" },
      min_free_disk: "500MB",
    });
    expect(settings.maxSnapshotAge).toEqual({ hourly: 7_200_000, daily: 93_600_000, weekly: 907_200_000 });
    expect(settings.minFreeDisk).toEqual({ bytes: 500_000_000 });
  });
});
