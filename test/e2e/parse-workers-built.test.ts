/**
 * The parse worker as shipped: dist/cli/parse-worker.js, started by the built CLI when
 * IG_PARSE_WORKERS asks for workers, validates with the cached compiled schemas (ajv's runtime
 * helpers and ajv-formats loaded inside the worker's own bundle) and gives the same report as
 * one thread. (test/integration/validate-workers.test.ts runs the worker from the sources.)
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";

const SCHEMA = JSON.stringify({
  type: "object",
  required: ["id", "name"],
  properties: {
    id: { type: "integer" },
    // minLength needs ajv's ucs2length helper, format ajv-formats, uniqueItems the equal helper.
    name: { type: "string", minLength: 2 },
    when: { type: "string", format: "date" },
    tags: { type: "array", uniqueItems: true },
  },
});

describe("the built parse worker", () => {
  it("gives the report one thread gives, with schema helpers and formats", () =>
    withRepo((repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["data/**/*.json", "data/**/*.yaml"]\n      schema: schemas/item.schema.json\n',
      );
      repo.write("schemas/item.schema.json", SCHEMA);
      for (let i = 0; i < 60; i++) {
        const bad = i % 10 === 3;
        const body = { id: i, name: bad ? "x" : `item ${i}`, when: bad ? "soon" : "2024-01-02", tags: bad ? [1, 1] : [1, 2] };
        if (i % 4 === 0)
          repo.write(
            `data/d${i % 3}/f${i}.yaml`,
            `id: ${i}\nname: ${JSON.stringify(body.name)}\nwhen: "${body.when}"\ntags: [${body.tags.join(", ")}]\n`,
          );
        else repo.write(`data/d${i % 3}/f${i}.json`, `${JSON.stringify(body, null, 2)}\n`);
      }
      repo.write("data/broken.json", '{"id": 1, "name": "ok",}\n');
      const one = repo.cliBundle(["validate", "--format", "json"], { IG_PARSE_WORKERS: "0" });
      const pooled = repo.cliBundle(["validate", "--format", "json"], { IG_PARSE_WORKERS: "2" });
      const rules = (r: { stdout: string }) => (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
      expect(one.code, one.stderr).toBe(1);
      expect(rules(one)).toContain("schema/violation");
      expect(rules(one)).toContain("parse/syntax");
      expect(rules(pooled)).not.toContain("parse/worker-failed");
      expect(pooled.code).toBe(one.code);
      // The findings, byte for byte, in the same order (the summary's timings and cache counts differ).
      const findings = (r: { stdout: string }) => JSON.stringify((JSON.parse(r.stdout) as { findings: unknown[] }).findings);
      expect(findings(pooled)).toBe(findings(one));
    }));
});
