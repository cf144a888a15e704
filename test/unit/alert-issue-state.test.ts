import { describe, expect, it } from "vitest";
import { issueMarker, shouldComment, stateFromIssueBody, withIssueState } from "../../src/core/health/alerts.js";

const T0 = "2026-11-26T12:00:00.000Z";
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

describe("alert issue state (when a persisting alert is commented on)", () => {
  it("comments without a recorded state, on a level change, and after 24 hours; not otherwise", () => {
    expect(shouldComment(undefined, "ERROR", T0)).toBe(true);
    expect(shouldComment({ level: "WARNING", time: T0 }, "ERROR", at(0.1))).toBe(true);
    expect(shouldComment({ level: "ERROR", time: T0 }, "ERROR", at(23.9))).toBe(false);
    expect(shouldComment({ level: "ERROR", time: T0 }, "ERROR", at(24))).toBe(true);
  });

  it("comments when the recorded time is damaged or lies ahead of now (a clock that went back)", () => {
    expect(shouldComment({ level: "ERROR", time: "yesterday" }, "ERROR", T0)).toBe(true);
    expect(shouldComment({ level: "ERROR", time: at(5) }, "ERROR", T0)).toBe(true);
  });

  it("records the state after the key marker, replaces it later, and reads it back", () => {
    const body = `${issueMarker("health/backups")}\n**ERROR**: backups`;
    expect(stateFromIssueBody(body)).toBeUndefined();
    const once = withIssueState(body, "ERROR", T0);
    expect(once.split("\n").slice(0, 2)).toEqual([issueMarker("health/backups"), `<!-- integrity-guard:alert-state=ERROR@${T0} -->`]);
    const twice = withIssueState(once, "CRITICAL", at(1));
    expect(stateFromIssueBody(twice)).toEqual({ level: "CRITICAL", time: at(1) });
    expect(twice.match(/alert-state=/g)).toHaveLength(1);
    expect(stateFromIssueBody(null)).toBeUndefined();
  });
});
