/**
 * A Compose file in file format v1 (services at the root, no `services:` key), as
 * GoogleCloudPlatform/cloud-builders-community's docker-compose example (it pins docker-compose
 * 1.28.2): docker-compose 1.x reads it and `docker compose` refuses it, so it is a
 * `schema/skipped` warning, not the schema's errors; a damaged or mixed file is still validated.
 * Both the main thread and the parse workers (IG_PARSE_WORKERS) decide it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

type Finding = { rule: string; level: string; file?: string; message: string };
const ENVS: Record<string, string>[] = [{ IG_PARSE_WORKERS: "0" }, { IG_PARSE_WORKERS: "2" }];

async function composeFindings(text: string, env: Record<string, string>): Promise<{ code: number; findings: Finding[] }> {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write("docker-compose.yml", text);
  r.commitAll("compose");
  const out = r.cliBundle(["check", "--format", "json"], env);
  const findings = ((JSON.parse(out.stdout || "{}") as { findings?: Finding[] }).findings ?? []).filter(
    (f) => f.file === "docker-compose.yml",
  );
  r.cleanup();
  repo = undefined;
  return { code: out.code, findings };
}

const V1 = 'web:\n  build: .\n  ports:\n    - "5000:5000"\n  links:\n    - redis\nredis:\n  image: redis\n';

describe("Compose file format v1", () => {
  it("is a schema/skipped warning naming the format, not schema errors", async () => {
    for (const env of ENVS) {
      const { code, findings } = await composeFindings(V1, env);
      expect(code, JSON.stringify(env)).toBe(0);
      expect(
        findings.map((f) => [f.rule, f.level]),
        JSON.stringify(env),
      ).toEqual([["schema/skipped", "warning"]]);
      expect(findings[0]!.message).toContain("Compose file format v1");
    }
  });

  it("still validates a file with a `services:` key, or a root key that is not a service", async () => {
    for (const env of ENVS) {
      const mixed = await composeFindings(`services:\n  a:\n    image: x\n${V1}`, env);
      expect(mixed.code, JSON.stringify(env)).toBe(1);
      expect(mixed.findings.some((f) => f.rule === "schema/violation" && f.level === "error")).toBe(true);
      const notService = await composeFindings("web:\n  build: .\nlogging: true\n", env);
      expect(notService.code, JSON.stringify(env)).toBe(1);
      expect(notService.findings.some((f) => f.rule === "schema/violation" && f.level === "error")).toBe(true);
    }
  });
});
