/**
 * Two false blocks of the real-world corpus fixed this session, through the built CLI:
 * - a file's own `$schema` naming a schema of the repository that `$ref`s a remote URL (lerna's
 *   lerna.json and its lerna-schema.json, which $refs the conventional-changelog spec on GitHub):
 *   the schema is not broken, it cannot be used offline, so a warning like any other schema we
 *   cannot read (an error only under validate.require_schema); a mapped schema with a remote
 *   $ref still stops the run (validate-cli.test.ts);
 * - a workflow granting `copilot-requests: write`, a documented GITHUB_TOKEN permission the
 *   vendored github-workflow schema did not list (vendor patch workflow-copilot-requests-permission).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

type Finding = { rule: string; level: string; file?: string; message: string };

function check(r: TestRepo): { code: number; findings: Finding[] } {
  const out = r.cliBundle(["check", "--format", "json"]);
  return { code: out.code, findings: (JSON.parse(out.stdout || "{}") as { findings?: Finding[] }).findings ?? [] };
}

const REMOTE_SCHEMA = '{"type":"object","properties":{"preset":{"$ref":"https://example.com/changelog/schema.json"}}}\n';

describe("a file's own $schema that $refs a remote schema", () => {
  it("is a schema/unavailable warning naming the remote $ref, not an error", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.write("schemas/tool.json", REMOTE_SCHEMA);
    r.write("tool.json", '{\n  "$schema": "schemas/tool.json",\n  "preset": {}\n}\n');
    r.commitAll("tool");
    const { code, findings } = check(r);
    expect(code).toBe(0);
    const own = findings.filter((f) => f.file === "tool.json");
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ rule: "schema/unavailable", level: "warning" });
    expect(own[0]!.message).toContain('$ref "https://example.com/changelog/schema.json" is remote');
  });

  it("is an error when validate.require_schema says the file must be validated", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  require_schema: ["tool.json"]\n');
    r.write("schemas/tool.json", REMOTE_SCHEMA);
    r.write("tool.json", '{\n  "$schema": "schemas/tool.json",\n  "preset": {}\n}\n');
    r.commitAll("tool");
    const { code, findings } = check(r);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.file === "tool.json")).toMatchObject([{ rule: "schema/unavailable", level: "error" }]);
  });
});

describe("a workflow's permissions", () => {
  const workflow = (level: string) =>
    `on: push\npermissions:\n  contents: read\n  copilot-requests: ${level}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;

  it("may grant copilot-requests: write", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.write(".github/workflows/ci.yml", workflow("write"));
    r.commitAll("wf");
    expect(check(r)).toEqual({ code: 0, findings: [] });
  });

  it("still refuses a level GitHub does not take for it", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.write(".github/workflows/ci.yml", workflow("admin"));
    r.commitAll("wf");
    const { code, findings } = check(r);
    expect(code).toBe(1);
    expect(findings.some((f) => f.rule === "schema/violation" && f.file === ".github/workflows/ci.yml")).toBe(true);
  });
});
