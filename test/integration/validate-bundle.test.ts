/**
 * The built CLI bundle (ncc) validates with ajv and then with cached standalone code: ajv's
 * CommonJS modules load differently under the bundler than under Node, so both paths are run
 * through the bundle itself.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";

describe("validate through the built bundle", () => {
  it("compiles, caches, and the cached validator (formats, minLength, uniqueItems) reports the same findings", () =>
    withRepo((repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  schemas:\n    - files: [d/*.json]\n      schema: s.json\n");
      repo.write(
        "s.json",
        JSON.stringify({
          $schema: "https://json-schema.org/draft/2020-12/schema",
          type: "object",
          properties: {
            e: { type: "string", format: "email" },
            n: { type: "string", minLength: 3 },
            u: { type: "array", uniqueItems: true },
            c: { const: { a: 1 } },
          },
        }),
      );
      repo.write("d/ok.json", '{"e": "a@b.example", "n": "abc", "u": [1, 2], "c": {"a": 1}}');
      repo.write("d/bad.json", '{"e": "nope", "n": "ab", "u": [1, 1], "c": {"a": 2}}');
      const runs = [repo.cliBundle(["validate", "--format", "json"]), repo.cliBundle(["validate", "--format", "json"])];
      for (const r of runs) expect(r.code, r.stderr).toBe(1);
      const [first, second] = runs.map((r) => JSON.parse(r.stdout) as { findings: { pointer: string }[]; summary: { schemas: unknown } });
      expect(first!.summary.schemas).toEqual({ cached: 0, compiled: 1 });
      expect(second!.summary.schemas).toEqual({ cached: 1, compiled: 0 });
      expect(first!.findings.map((f) => f.pointer)).toEqual(["/e", "/n", "/u/1", "/c"]);
      expect(second!.findings).toEqual(first!.findings);
    }));
});
