/**
 * A file named action.yml that is a piece of an OpenAPI description, not a GitHub Action:
 * digitalocean/openapi splits its specification into one file per object and `$ref`s them
 * (`specification/resources/actions/models/action.yml` is the Action object's schema,
 * `responses/action.yml` a Response object). The built-in github-action entry matches any
 * action.yml by name, and required `runs` of both: two errors on valid files. GitHub's runner
 * reads action.yml only from the folder a `uses:` names; a file whose root has none of an
 * action's keys (name, runs, inputs, outputs, author, branding) and a schema's or OpenAPI
 * object's keys is another kind of file (a `schema/skipped` notice). An action.yml that lost its
 * `runs`, or whose content is cut to a scalar, is still validated. Both the main thread and the
 * parse workers (IG_PARSE_WORKERS) decide it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

type Finding = { rule: string; level: string; file?: string; message: string };

async function check(
  files: Record<string, string>,
  env: Record<string, string> | undefined,
): Promise<{ code: number; findings: Finding[] }> {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", "version: 1\n");
  for (const [f, t] of Object.entries(files)) r.write(f, t);
  r.commitAll("files");
  const out = env ? r.cliBundle(["check", "--format", "json"], env) : await r.cli(["check", "--format", "json"]);
  const findings = (JSON.parse(out.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  r.cleanup();
  repo = undefined;
  return { code: out.code, findings };
}

// Reduced from digitalocean/openapi (Apache-2.0), specification/resources/actions/.
const MODEL =
  "type: object\n\nproperties:\n  id:\n    type: integer\n    example: 36804636\n  status:\n    type: string\n    enum:\n      - in-progress\n      - completed\n";
const RESPONSE = [
  "description: >-",
  "  The result will be a JSON object with an action key.",
  "",
  "headers:",
  "  ratelimit-limit:",
  "    $ref: '../../../shared/headers.yml#/ratelimit-limit'",
  "",
  "content:",
  "  application/json:",
  "    schema:",
  "      properties:",
  "        action:",
  "          $ref: '../models/action.yml'",
  "",
].join("\n");

// In-process (main thread), then the built bundle with parse workers.
const RUNS: (Record<string, string> | undefined)[] = [undefined, { IG_PARSE_WORKERS: "2" }];

describe("action.yml that is an OpenAPI or JSON Schema piece", () => {
  it("a schema object and a response object are notices, not schema errors", async () => {
    for (const env of RUNS) {
      const { code, findings } = await check(
        { "spec/actions/models/action.yml": MODEL, "spec/actions/responses/action.yml": RESPONSE },
        env,
      );
      expect(code, JSON.stringify({ env, findings })).toBe(0);
      const mine = findings.filter((f) => f.file?.startsWith("spec/"));
      expect(mine.map((f) => [f.file, f.rule, f.level]).sort()).toEqual([
        ["spec/actions/models/action.yml", "schema/skipped", "notice"],
        ["spec/actions/responses/action.yml", "schema/skipped", "notice"],
      ]);
      expect(mine[0]!.message).toMatch(/OpenAPI/);
    }
  });

  it("an action that lost its runs, or an action key beside schema keys, is still an error", async () => {
    for (const env of RUNS) {
      const lost = await check({ "action.yml": "name: Build\ndescription: Builds it\ninputs:\n  type:\n    description: x\n" }, env);
      expect(lost.code, JSON.stringify(env)).toBe(1);
      expect(lost.findings.some((f) => f.file === "action.yml" && f.rule === "schema/violation" && f.level === "error")).toBe(true);
      const mixed = await check({ "tools/action.yml": "name: Build\ntype: object\nproperties: {}\n" }, env);
      expect(mixed.code, JSON.stringify(env)).toBe(1);
      expect(mixed.findings.some((f) => f.file === "tools/action.yml" && f.rule === "schema/violation")).toBe(true);
    }
  });
});
