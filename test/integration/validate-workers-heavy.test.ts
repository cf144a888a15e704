/**
 * Heavy files in the parse workers (issue 20): JSON files of 8 MiB or more parse together while
 * their bytes fit the pool's budget (32 MiB), not one at a time; the findings stay the same, in
 * the same order, as on one thread.
 */
import { afterEach, describe, expect, it } from "vitest";
import { heavyBytesAtOnce } from "../../src/checks/parse-pool.js";
import { withRepo, type TestRepo } from "../helpers/repo.js";

const MIB = 1024 * 1024;

/** A JSON list of `rows` items, about 9 MiB for 180,000 rows. */
function rows(n: number, last: string): string {
  const items = Array.from({ length: n }, (_, i) => `{"id": ${i}, "name": "row ${i}", "v": [${i}, ${i * 2}, "x"]}`);
  return `[\n${items.join(",\n")},\n${last}\n]\n`;
}

async function validate(repo: TestRepo, workers: string): Promise<{ code: number; report: string }> {
  process.env.IG_PARSE_WORKERS = workers;
  const r = await repo.cli(["validate", "--format", "json"]);
  const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { checked: unknown } };
  return { code: r.code, report: JSON.stringify([report.findings, report.summary.checked]) };
}

afterEach(() => {
  delete process.env.IG_PARSE_WORKERS;
});

describe("parse workers and heavy JSON files", () => {
  it("parse two 9 MiB files at once, within the budget, with the findings of one thread", () =>
    withRepo(async (repo) => {
      repo.write(
        ".integrity-guard/config.yml",
        'version: 1\nvalidate:\n  schemas:\n    - files: ["big/**"]\n      schema: schemas/rows.schema.json\n',
      );
      repo.write(
        "schemas/rows.schema.json",
        JSON.stringify({ type: "array", items: { type: "object", required: ["id"], properties: { id: { type: "integer" } } } }),
      );
      // A schema error at the end of the first, a valid second, a truncated third, a fourth
      // with a duplicate key: each heavy, interleaved with small files.
      const a = rows(180_000, '{"id": "last"}');
      expect(a.length).toBeGreaterThan(8 * MIB);
      expect(a.length).toBeLessThan(16 * MIB);
      repo.write("big/a.json", a);
      repo.write("big/a1.json", '{"id": 1}\n');
      repo.write("big/b.json", rows(180_000, '{"id": 1}'));
      repo.write("big/b1.json", "[1,]\n");
      repo.write("big/c.json", rows(180_000, '{"id": 2}').slice(0, -20));
      repo.write("big/d.json", rows(180_000, '{"id": 3, "id": 4}'));
      const inline = await validate(repo, "0");
      expect(inline.code).toBe(1);
      for (const f of ["big/a.json", "big/b1.json", "big/c.json", "big/d.json"]) expect(inline.report).toContain(`"file":"${f}"`);
      expect(inline.report).not.toContain('"file":"big/b.json"');
      const pooled = await validate(repo, "2");
      expect(pooled).toEqual(inline);
      // Two heavy files were in parse at once (one at a time held at most 9 MiB), never over 32 MiB.
      expect(heavyBytesAtOnce()).toBeGreaterThan(16 * MIB);
      expect(heavyBytesAtOnce()).toBeLessThanOrEqual(32 * MIB);
    }));
});
