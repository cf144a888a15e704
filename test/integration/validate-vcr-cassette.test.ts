/**
 * vcrpy records a cassette with its default serializer, YAML, whatever the cassette's name:
 * Mergifyio/mergify-engine's functional tests call `use_cassette("http.json")` and replay 116 YAML
 * `http.json` files. A whole cassette (`interactions:` first, `version: 1` last) is read as vcrpy
 * reads it; a cassette cut short, one whose YAML is broken, and JSON that only starts like one
 * stay errors.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errorsOf(repo: TestRepo): Promise<Finding[]> {
  const r = await repo.cli(["check", "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
}

// The shape of mergify-engine's zfixtures/cassettes/<Test>/<test>/http.json (Apache-2.0), reduced.
const CASSETTE = [
  "interactions:",
  "- request:",
  "    body: '{}'",
  "    headers:",
  "      Authorization:",
  "      - <TOKEN>",
  "    method: POST",
  "    uri: https://api.github.com/app/installations/499592/access_tokens",
  "  response:",
  "    body:",
  `      string: '{"token": "<TOKEN>", "expires_at": "2021-01-16T18:13:48Z",`,
  '        "permissions": {}}\'',
  "    headers:",
  "      Content-Type:",
  "      - application/json; charset=utf-8",
  "    status:",
  "      code: 201",
  "      message: Created",
  "version: 1",
  "",
].join("\n");

describe("vcrpy cassettes named .json are read as vcrpy reads them (YAML)", () => {
  it("passes a whole cassette; a cut one, a broken one and a duplicate key stay errors", async () => {
    await withRepo(async (repo) => {
      await repo.write("zfixtures/cassettes/TestA/test_a/http.json", CASSETTE);
      await repo.write("zfixtures/cassettes/TestA/test_crlf/http.json", CASSETTE.replace(/\n/g, "\r\n"));
      // Cut short after the request: no `version: 1` at the end.
      await repo.write("zfixtures/cassettes/TestA/test_cut/http.json", CASSETTE.slice(0, CASSETTE.indexOf("  response:")));
      // A quoted string left open: YAML refuses it too.
      await repo.write("zfixtures/cassettes/TestA/test_broken/http.json", CASSETTE.replace("message: Created", "message: 'Created"));
      await repo.write(
        "zfixtures/cassettes/TestA/test_dup/http.json",
        CASSETTE.replace("      code: 201", "      code: 201\n      code: 200"),
      );
      // Not a cassette: the same text without its `interactions:` list of requests.
      await repo.write("data/state.json", CASSETTE.replace("interactions:\n- request:\n", "requests:\n- "));
      await repo.cli(["init"]);
      const errors = await errorsOf(repo);
      const files = [...new Set(errors.map((f) => f.file))].sort();
      expect(files).toEqual([
        "data/state.json",
        "zfixtures/cassettes/TestA/test_broken/http.json",
        "zfixtures/cassettes/TestA/test_cut/http.json",
        "zfixtures/cassettes/TestA/test_dup/http.json",
      ]);
      // YAML refuses the repeated key too, so the strict JSON finding stands (as for CWL job orders).
      expect(errors.find((f) => f.file?.endsWith("test_dup/http.json"))?.level).toBe("error");
    });
  });

  it("looks at the first and last bytes only: a cassette of 2,000 interactions is read in one pass", async () => {
    await withRepo(async (repo) => {
      const entry = CASSETTE.slice("interactions:\n".length, CASSETTE.indexOf("version: 1"));
      await repo.write("big/http.json", `interactions:\n${entry.repeat(2000)}version: 1\n`);
      // Pathological for a scan that is not linear: many `version: 1` lines and no list.
      await repo.write("odd/http.json", `interactions:\n- request:\n${"\nversion: 1".repeat(50000)}\n`);
      await repo.cli(["init"]);
      const started = Date.now();
      const errors = await errorsOf(repo);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(errors.map((f) => f.file)).not.toContain("big/http.json");
      expect(errors.map((f) => f.file)).toContain("odd/http.json");
    });
  });
});
