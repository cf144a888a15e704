import { describe, expect, it } from "vitest";
import type { SyncRule } from "../../src/config/types.js";
import { secretTest } from "../../src/core/conflicts/index.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { evaluateSyncRule, type SyncSide } from "../../src/core/sync/index.js";

function side(path: string, text: string): SyncSide {
  const doc = parseDocument(text, { path });
  if (!doc.ok) throw new Error("does not parse");
  return { path, value: doc.value, doc };
}

const rule: SyncRule = {
  name: "contracts",
  source: { file: "logs/contract_statuses.json", path: "/contracts" },
  target: { file: "fsm_state.json", path: "/states" },
  fields: { status: "status", progress_percentage: "progress" },
};

const source = side(
  "logs/contract_statuses.json",
  '{\n  "contracts": {\n    "c1": {"status": "done", "progress": 100},\n    "c2": {"status": "active", "progress": 40},\n    "c3": {"status": "new", "progress": 0}\n  }\n}\n',
);
const target = side(
  "fsm_state.json",
  '{\n  "states": {\n    "c1": {"status": "active", "progress_percentage": 100},\n    "c2": {"status": "active"},\n    "c4": {"status": "x"}\n  }\n}\n',
);

describe("evaluateSyncRule", () => {
  it("reports drift at the target value with the source location, and the fix as edits", () => {
    const r = evaluateSyncRule(rule, source, target, secretTest());
    const drift = r.findings.filter((f) => f.rule === "sync/drift");
    expect(drift.map((f) => f.pointer)).toEqual(["/states/c1/status", "/states/c2/progress_percentage"]);
    expect(drift[0]).toMatchObject({
      level: "error",
      file: "fsm_state.json",
      line: 3,
      column: 22,
      expected: '"done"',
      found: '"active"',
      related: [
        { file: "logs/contract_statuses.json", line: 3, column: 22, message: 'source: contracts.c1.status = "done"' },
        { file: "fsm_state.json", line: 3, column: 22, message: 'target: states.c1.status = "active"' },
      ],
    });
    expect(drift[1]!.found).toBe("(absent)");
    expect(r.edits).toEqual([
      { pointer: "/states/c1/status", value: "done" },
      { pointer: "/states/c2/progress_percentage", value: 40 },
    ]);
  });

  it("reports entries on one side only at the rule's level (default warning)", () => {
    const r = evaluateSyncRule(rule, source, target, secretTest());
    expect(r.findings.filter((f) => f.rule.startsWith("sync/missing-")).map((f) => `${f.rule} ${f.level} ${f.pointer}`)).toEqual([
      "sync/missing-target warning /contracts/c3",
      "sync/missing-source warning /states/c4",
    ]);
    const strict = evaluateSyncRule({ ...rule, one_sided: "error" }, source, target, secretTest());
    expect(strict.findings.filter((f) => f.rule.startsWith("sync/missing-")).every((f) => f.level === "error")).toBe(true);
    const quiet = evaluateSyncRule({ ...rule, one_sided: "ignore" }, source, target, secretTest());
    expect(quiet.findings.filter((f) => f.rule.startsWith("sync/missing-"))).toEqual([]);
  });

  it("finds nothing when the sides agree", () => {
    const t = side("t.json", '{"states": {"c1": {"status": "done", "progress_percentage": 100}}}');
    const s = side("s.json", '{"contracts": {"c1": {"status": "done", "progress": 100, "extra": 1}}}');
    expect(evaluateSyncRule(rule, s, t, secretTest())).toEqual({ findings: [], edits: [], changes: [] });
  });

  it('treats 100 and "100" as different', () => {
    const t = side("t.json", '{"states": {"c1": {"status": "done", "progress_percentage": "100"}}}');
    const s = side("s.json", '{"contracts": {"c1": {"status": "done", "progress": 100}}}');
    expect(evaluateSyncRule(rule, s, t, secretTest()).findings.map((f) => f.rule)).toEqual(["sync/drift"]);
  });

  it("reports a missing or non-map path and non-map entries instead of crashing", () => {
    const noPath = evaluateSyncRule(rule, side("s.json", '{"other": 1}'), target, secretTest());
    expect(noPath.findings).toEqual([
      expect.objectContaining({ rule: "sync/invalid-path", file: "s.json", message: expect.stringContaining("absent") }),
    ]);
    const list = evaluateSyncRule(rule, side("s.json", '{"contracts": [1, 2]}'), target, secretTest());
    expect(list.findings[0]!.message).toContain("a list");
    const badEntry = evaluateSyncRule(rule, side("s.json", '{"contracts": {"c1": "done"}}'), target, secretTest());
    expect(badEntry.findings.map((f) => f.rule)).toContain("sync/invalid-entry");
  });

  it("masks secret-looking fields and never plans to copy them (refused instead)", () => {
    const r2: SyncRule = { ...rule, fields: { api_token: "token" } };
    const s = side("s.json", '{"contracts": {"c1": {"token": "s3cr3t-a"}}}');
    const t = side("t.json", '{"states": {"c1": {"api_token": "s3cr3t-b"}}}');
    const r = evaluateSyncRule(r2, s, t, secretTest());
    expect(JSON.stringify(r.findings) + JSON.stringify(r.changes)).not.toMatch(/s3cr3t/);
    expect(r.edits).toEqual([]);
    expect(r.refused).toEqual([
      { file: "t.json", pointer: "/states/c1/api_token", key: "states.c1.api_token", from: "s.json", reason: "secret-key" },
    ]);
  });

  it("supports nested fields given as pointers", () => {
    const r2: SyncRule = { ...rule, fields: { "/meta/state": "/info/state" } };
    const s = side("s.json", '{"contracts": {"c1": {"info": {"state": "a"}}}}');
    const t = side("t.json", '{"states": {"c1": {"meta": {"state": "b"}}}}');
    expect(evaluateSyncRule(r2, s, t, secretTest()).edits).toEqual([{ pointer: "/states/c1/meta/state", value: "a" }]);
  });
});
