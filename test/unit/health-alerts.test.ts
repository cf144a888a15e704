import { describe, expect, it } from "vitest";
import {
  deriveAlerts,
  issueMarker,
  issueTexts,
  keyFromIssueBody,
  routeAlerts,
  slackPayload,
  topLevel,
} from "../../src/core/health/alerts.js";
import { renderDashboardMarkdown, renderDashboardText } from "../../src/core/health/text.js";
import { formatDuration, parseDuration, parseFreeSpace } from "../../src/core/health/thresholds.js";
import type { Dashboard, HealthStatus } from "../../src/core/health/types.js";
import { retryAfterMs } from "../../src/io/alerts/retry.js";
import { parseHistory } from "../../src/io/health/history.js";
import { parseTrailers } from "../../src/io/health/snapshots.js";

function dash(status: HealthStatus, comps: Record<string, readonly [number, HealthStatus, boolean?]>): Dashboard {
  return {
    system_health: {
      overall_score: 50,
      status,
      last_updated: "2026-11-26T12:00:00.000Z",
      thresholds: { healthy: 85, degraded: 60 },
      components: Object.fromEntries(
        Object.entries(comps).map(([n, [score, st, included]]) => [
          n,
          { score, status: st, included: included ?? true, weight: 1, summary: `${n} | why`, detail: {} },
        ]),
      ),
    },
  };
}

describe("deriveAlerts", () => {
  it.each([
    // [overall, components, previous, expected key:level]
    ["HEALTHY", { disk: [100, "HEALTHY"] }, undefined, []],
    ["HEALTHY", { disk: [100, "HEALTHY"] }, "HEALTHY", []],
    ["HEALTHY", { disk: [100, "HEALTHY"] }, "CRITICAL", ["health/status-change:INFO"]],
    ["HEALTHY", { disk: [80, "DEGRADED"] }, undefined, ["health/disk:WARNING"]],
    ["DEGRADED", { disk: [40, "CRITICAL"] }, "HEALTHY", ["health/overall:WARNING", "health/disk:ERROR", "health/status-change:WARNING"]],
    ["CRITICAL", { disk: [0, "CRITICAL"], sync: [0, "CRITICAL", false] }, "CRITICAL", ["health/overall:CRITICAL", "health/disk:ERROR"]],
  ] as const)("%s %j after %s", (status, comps, previous, expected) => {
    const alerts = deriveAlerts(dash(status, comps), previous);
    expect(alerts.map((a) => `${a.key}:${a.level}`)).toEqual(expected);
  });

  it("leaves out components with weight 0", () => {
    const d = dash("HEALTHY", { disk: [10, "CRITICAL"] });
    d.system_health.components.disk!.weight = 0;
    expect(deriveAlerts(d, undefined)).toEqual([]);
  });

  it("routes by minimum level and finds the top level", () => {
    const alerts = deriveAlerts(dash("DEGRADED", { disk: [40, "CRITICAL"], sync: [70, "DEGRADED"] }), "HEALTHY");
    expect(routeAlerts(alerts, "INFO")).toHaveLength(4);
    expect(routeAlerts(alerts, "ERROR").map((a) => a.key)).toEqual(["health/disk"]);
    expect(routeAlerts(alerts, "CRITICAL")).toEqual([]);
    expect(topLevel(alerts)).toBe("ERROR");
    expect(topLevel([])).toBe("INFO");
  });

  it("marks issues so they are found again, and only by an exact marker", () => {
    const a = deriveAlerts(dash("HEALTHY", { critical_files: [0, "CRITICAL"] }), undefined)[0]!;
    const t = issueTexts(a, { repository: "r", score: 50, status: "DEGRADED", time: "t" });
    expect(keyFromIssueBody(t.body)).toBe("health/critical_files");
    expect(keyFromIssueBody(t.comment)).toBe("health/critical_files");
    expect(t.title).toBe("[integrity-guard] critical_files is CRITICAL");
    expect(keyFromIssueBody("no marker here")).toBeUndefined();
    expect(keyFromIssueBody(null)).toBeUndefined();
    expect(issueMarker("health/x")).toBe("<!-- integrity-guard:alert-key=health/x -->");
  });

  it("Slack payload is exactly {text}", () => {
    const p = slackPayload(deriveAlerts(dash("DEGRADED", { disk: [70, "DEGRADED"] }), undefined), {
      repository: "acme/app",
      score: 70,
      status: "DEGRADED",
      time: "t",
    });
    expect(Object.keys(p)).toEqual(["text"]);
    expect(p.text.split("\n")[0]).toBe("*integrity-guard* acme/app: health 70/100 DEGRADED");
  });
});

describe("text renderings", () => {
  it("table and markdown show every component, n/a for the left-out ones, and escape pipes", () => {
    const d = dash("DEGRADED", { disk: [70, "DEGRADED"], sync: [100, "HEALTHY", false] });
    const text = renderDashboardText(d);
    expect(text).toMatch(/disk\s+70\s+!! DEGRADED\s+disk \| why/);
    expect(text).toMatch(/sync\s+-\s+-- n\/a/);
    const md = renderDashboardMarkdown(d);
    expect(md).toContain("| disk | 70 | 🟡 DEGRADED | disk \\| why |");
    expect(md).toContain("| sync | – | n/a |");
  });
});

describe("parsers", () => {
  it("durations, sizes and Retry-After", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("2 h")).toBeUndefined();
    expect(formatDuration(93_600_000)).toBe("1d 2h");
    expect(formatDuration(45_000)).toBe("45s");
    expect(parseFreeSpace("2GiB")).toEqual({ bytes: 2 * 1024 ** 3 });
    expect(parseFreeSpace("5 %")).toBeUndefined();
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it("snapshot trailers: the first value wins, bad values are ignored", () => {
    const t = parseTrailers(
      "c1",
      "snapshot x\n\nSnapshot-Set: hourly\nSnapshot-Set: evil\nSnapshot-Time: 2026-11-26T10:00:00Z\nManifest-Digest: sha256:ab\nHealth-Score: 77 DEGRADED\n",
    );
    expect(t).toEqual({
      id: "c1",
      set: "hourly",
      time: "2026-11-26T10:00:00.000Z",
      digest: "sha256:ab",
      health: { score: 77, status: "DEGRADED" },
    });
    expect(parseTrailers("c2", "Snapshot-Set: ../x\nSnapshot-Time: yesterday\nHealth-Score: 300")).toEqual({ id: "c2" });
  });

  it("history: torn, binary and out-of-range lines are skipped", () => {
    const text = [
      '{"time":"2026-11-26T10:00:00.000Z","score":90,"status":"HEALTHY"}',
      '{"time":"2026-11-26T11:00:00.000Z","score":',
      "\u0000\u0001binary",
      '{"time":"2026-11-26T12:00:00.000Z","score":101,"status":"HEALTHY"}',
      '{"time":"2026-11-26T13:00:00.000Z","score":50,"status":"BROKEN"}',
      '{"time":"2026-11-26T14:00:00.000Z","score":55,"status":"CRITICAL"}',
    ].join("\n");
    expect(parseHistory(text).map((p) => p.score)).toEqual([90, 55]);
  });
});
