/** Each component's scoring at its thresholds (default HEALTHY >= 85 > DEGRADED >= 60 > CRITICAL). */
import { describe, expect, it } from "vitest";
import {
  scoreBackupSet,
  scoreBackups,
  scoreChecks,
  scoreCriticalFiles,
  scoreDisk,
  scoreFindings,
  scoreFree,
  scoreSchemas,
  type CriticalFileFact,
  type DiskFacts,
} from "../../src/core/health/components.js";
import { buildDashboard } from "../../src/core/health/dashboard.js";
import { resolveHealthSettings } from "../../src/core/health/settings.js";
import { DEFAULT_THRESHOLDS as T } from "../../src/core/health/types.js";
import type { Finding } from "../../src/core/finding.js";

const ok = (path: string): CriticalFileFact => ({ path, exists: true, readable: true, size: 10, parses: true });

describe("critical_files", () => {
  it.each([
    ["all fine", [ok("a.json"), ok("b.json")], 100, "HEALTHY"],
    ["one missing of two", [ok("a.json"), { path: "b.json", exists: false, readable: false, problem: "missing" }], 50, "CRITICAL"],
    // 9 of 10 fine would be 90 by share; a broken critical file is still CRITICAL (capped at 59).
    [
      "one empty of ten",
      [
        ...Array.from({ length: 9 }, (_, i) => ok(`f${i}.json`)),
        { path: "e.json", exists: true, readable: true, size: 0, problem: "empty" },
      ],
      59,
      "CRITICAL",
    ],
  ] as const)("%s -> %i %s", (_name, files, score, status) => {
    const c = scoreCriticalFiles(files, T);
    expect([c.score, c.status, c.included]).toEqual([score, status, true]);
  });

  it("is left out when none are configured", () => {
    expect(scoreCriticalFiles([], T).included).toBe(false);
  });

  it("names the broken file and why", () => {
    const c = scoreCriticalFiles(
      [{ path: "fsm_state.json", exists: true, readable: true, size: 7, parses: false, problem: "does not parse: 1:8 unexpected end" }],
      T,
    );
    expect(c.summary).toContain("fsm_state.json (does not parse: 1:8 unexpected end)");
  });
});

describe("schemas", () => {
  const invalid = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `f${i}.json`, message: "schema/violation" }));
  it.each([
    [100, 0, 100, "HEALTHY"],
    [100, 1, 84, "DEGRADED"], // 99% valid, but any invalid file caps it below HEALTHY
    [100, 15, 84, "DEGRADED"], // 85% valid: capped at 84
    [100, 40, 60, "DEGRADED"],
    [100, 41, 59, "CRITICAL"],
    [3, 3, 0, "CRITICAL"],
  ] as const)("%i files, %i invalid -> %i %s", (total, bad, score, status) => {
    const c = scoreSchemas({ total, invalid: invalid(bad) }, T);
    expect([c.score, c.status]).toEqual([score, status]);
  });

  it("is CRITICAL at 0 when the validate check crashed", () => {
    expect(scoreSchemas({ total: 0, invalid: [], failed: "boom" }, T)).toMatchObject({ score: 0, status: "CRITICAL" });
  });
});

describe("manifest / configuration / sync (findings)", () => {
  const f = (level: Finding["level"], n: number): Finding[] =>
    Array.from({ length: n }, () => ({ rule: "manifest/modified", level, message: "m" }));
  it.each([
    [0, 0, 100, "HEALTHY"],
    [0, 3, 85, "HEALTHY"],
    [0, 4, 80, "DEGRADED"],
    [1, 0, 80, "DEGRADED"],
    [2, 0, 60, "DEGRADED"],
    [2, 1, 55, "CRITICAL"],
    [3, 0, 40, "CRITICAL"],
    [9, 0, 0, "CRITICAL"],
  ] as const)("%i errors, %i warnings -> %i %s", (errors, warnings, score, status) => {
    const c = scoreFindings("manifest", { configured: true, findings: [...f("error", errors), ...f("warning", warnings)] }, T, "n/a");
    expect([c.score, c.status]).toEqual([score, status]);
  });

  it("notices do not count; not configured is left out; a crash is 0", () => {
    expect(scoreFindings("sync", { configured: true, findings: f("notice", 5) }, T, "n/a").score).toBe(100);
    expect(scoreFindings("sync", { configured: false, findings: [] }, T, "no sync rules").included).toBe(false);
    expect(scoreFindings("sync", { configured: true, findings: [], failed: "x" }, T, "n/a").score).toBe(0);
  });
});

describe("backups", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  const hour = 3_600_000;
  const at = (hoursAgo: number) => new Date(now - hoursAgo * hour).toISOString();
  it.each([
    ["fresh", 1, 100],
    ["exactly at the limit", 2, 100],
    ["1.5x the limit", 3, 75],
    ["2x the limit", 4, 50],
    ["3x the limit", 6, 0],
    ["10x the limit", 20, 0],
  ] as const)("%s (%ih old, limit 2h) -> %i", (_n, hoursAgo, score) => {
    expect(scoreBackupSet({ name: "hourly", count: 1, newest: { commit: "c", time: at(hoursAgo) }, maxAgeMs: 2 * hour }, now).score).toBe(
      score,
    );
  });

  it("no snapshot is 0; no limit is scored on existence", () => {
    expect(scoreBackupSet({ name: "daily", count: 0 }, now).score).toBe(0);
    expect(scoreBackupSet({ name: "daily", count: 1, newest: { commit: "c", time: at(1000) } }, now).score).toBe(100);
  });

  it("takes the weakest set and caps a failed validation to CRITICAL", () => {
    const sets = [
      { name: "hourly", count: 3, newest: { commit: "a", time: at(1) }, maxAgeMs: 2 * hour },
      { name: "daily", count: 1, newest: { commit: "b", time: at(39) }, maxAgeMs: 26 * hour },
    ];
    const c = scoreBackups({ branch: "integrity-snapshots", sets }, now, T);
    expect([c.score, c.status]).toEqual([75, "DEGRADED"]);
    expect(c.summary).toContain("daily: newest is 1d 15h old (limit 1d 2h)");
    const v = scoreBackups(
      { branch: "b", sets: sets.slice(0, 1), lastValidation: { ok: false, commit: "a".repeat(40), message: "checksum" } },
      now,
      T,
    );
    expect([v.score, v.status]).toEqual([59, "CRITICAL"]);
  });
});

describe("disk", () => {
  it.each([
    // free / minimum ratio -> score
    [200, 100, 100, "HEALTHY"],
    [199, 100, 84, "DEGRADED"],
    [150, 100, 72, "DEGRADED"],
    [100, 100, 60, "DEGRADED"],
    [99, 100, 58, "CRITICAL"],
    [50, 100, 29, "CRITICAL"],
    [0, 100, 0, "CRITICAL"],
  ] as const)("free %i vs minimum %i -> %i %s", (free, min, score, status) => {
    const s = scoreFree(free, min, T);
    expect(s).toBe(score);
    const facts: DiskFacts = {
      path: "/r",
      totalBytes: 10_000,
      freeBytes: free,
      totalInodes: 0,
      freeInodes: 0,
      limit: { bytes: min },
      limitText: `${min}B`,
    };
    expect(scoreDisk(facts, T)).toMatchObject({ score, status });
  });

  it("scores a percentage limit against the filesystem size and inodes against 5%", () => {
    const facts: DiskFacts = {
      path: "/r",
      totalBytes: 1000,
      freeBytes: 500,
      totalInodes: 1000,
      freeInodes: 40,
      limit: { percent: 5 },
      limitText: "5%",
    };
    const c = scoreDisk(facts, T);
    expect(c.detail).toMatchObject({ space_score: 100, inode_score: 47, min_free_bytes: 50 });
    expect(c.status).toBe("CRITICAL");
  });

  it("is left out when statfs failed", () => {
    expect(
      scoreDisk(
        {
          path: "/r",
          totalBytes: 0,
          freeBytes: 0,
          totalInodes: 0,
          freeInodes: 0,
          limit: { percent: 5 },
          limitText: "5%",
          failed: "ENOSYS",
        },
        T,
      ).included,
    ).toBe(false);
  });
});

describe("checks (integration health)", () => {
  const limits = { maxErrorCount: 5, maxCheckSeconds: 5 };
  it.each([
    ["within limits", { errors: 5, seconds: 5 }, 100, "HEALTHY"],
    ["too many errors", { errors: 6, seconds: 1 }, 80, "DEGRADED"],
    ["too slow", { errors: 0, seconds: 5.01 }, 80, "DEGRADED"],
    ["both", { errors: 6, seconds: 6 }, 60, "DEGRADED"],
    ["crashed", { errors: 0, seconds: 0, failed: "TypeError: x" }, 0, "CRITICAL"],
  ] as const)("%s -> %i %s", (_n, run, score, status) => {
    const c = scoreChecks(
      [
        { name: "validate", warnings: 0, ...run },
        { name: "sync", errors: 0, warnings: 0, seconds: 0.1 },
      ],
      limits,
      T,
    );
    expect([c.score, c.status]).toEqual([score, status]);
  });
});

describe("dashboard", () => {
  it("scores every component and weights from the config", () => {
    const { settings } = resolveHealthSettings({ weights: { disk: 0, critical_files: 2 } });
    const d = buildDashboard(
      {
        criticalFiles: [ok("fsm_state.json")],
        schemas: { total: 4, invalid: [] },
        manifest: { configured: true, findings: [{ rule: "manifest/modified", level: "error", message: "m" }] },
        configuration: { configured: false, findings: [] },
        sync: { configured: false, findings: [] },
        backups: { branch: "integrity-snapshots", sets: [] },
        disk: { path: "/", totalBytes: 100, freeBytes: 1, totalInodes: 0, freeInodes: 0, limit: { percent: 5 }, limitText: "5%" },
        checks: [{ name: "validate", errors: 0, warnings: 0, seconds: 0.1 }],
      },
      settings,
      new Date("2026-11-26T12:00:00Z"),
    );
    const h = d.system_health;
    expect(Object.keys(h.components)).toEqual([
      "critical_files",
      "schemas",
      "manifest",
      "configuration",
      "sync",
      "backups",
      "disk",
      "checks",
    ]);
    expect(h.components.disk).toMatchObject({ status: "CRITICAL", weight: 0 });
    // counted: critical_files 100 (w2), schemas 100, manifest 80, checks 100 -> mean 96, lowest 80 -> 91
    expect([h.overall_score, h.status, h.last_updated]).toEqual([91, "HEALTHY", "2026-11-26T12:00:00.000Z"]);
  });
});
