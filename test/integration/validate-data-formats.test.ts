/**
 * Data files kept in git whose name is not `.json` but whose reader parses JSON: R's renv.lock
 * (renv: jsonlite, then its own reader), JSON-LD documents (`*.jsonld`) and TopoJSON
 * (`*.topojson`). With the defaults, `check` reads each as its reader does: a valid one passes,
 * a broken one is an error at its line, and what only one of renv's readers accepts is not blocked.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo, env: Record<string, string> = {}): Promise<{ errors: Finding[]; checked: number }> {
  const r = await repo.cli(["check", "--format", "json"], env);
  expect([0, 1], r.stderr).toContain(r.code);
  const out = JSON.parse(r.stdout) as { findings: Finding[]; summary: { checked: number } };
  return { errors: out.findings.filter((f) => f.level === "error"), checked: out.summary.checked };
}

const RENV_LOCK = [
  "{",
  '  "R": {',
  '    "Version": "4.4.1",',
  '    "Repositories": [',
  '      { "Name": "CRAN", "URL": "https://packagemanager.posit.co/cran/latest" }',
  "    ]",
  "  },",
  '  "Packages": {',
  '    "R6": {',
  '      "Package": "R6",',
  '      "Version": "2.5.1",',
  '      "Source": "Repository",',
  '      "Repository": "CRAN",',
  '      "Hash": "470851b6d5d0ac559e9d01bb352b4021"',
  "    }",
  "  }",
  "}",
  "",
].join("\n");
const JSONLD = '{\n  "@context": "https://schema.org",\n  "@type": "Dataset",\n  "name": "Rainfall 2024"\n}\n';
const TOPOJSON =
  '{\n  "type": "Topology",\n  "objects": { "land": { "type": "GeometryCollection", "geometries": [] } },\n  "arcs": []\n}\n';

const VALID: Record<string, string> = {
  "renv.lock": RENV_LOCK,
  // yajl (jsonlite) skips comments; renv writes none, a hand edit may add one
  "analysis/renv.lock": RENV_LOCK.replace('"Packages": {', '"Packages": { // pinned for the paper'),
  "site/data/dataset.jsonld": JSONLD,
  "maps/land.topojson": TOPOJSON,
};

describe("data files read as JSON by their reader (renv.lock, *.jsonld, *.topojson)", () => {
  it("are checked by default and pass when valid", () =>
    withRepo(async (repo) => {
      for (const [file, text] of Object.entries(VALID)) repo.write(file, text);
      repo.commitAll("valid");
      const { errors, checked } = await check(repo);
      expect(errors).toEqual([]);
      expect(checked).toBe(Object.keys(VALID).length);
    }));

  it("a broken one is an error at its line", () =>
    withRepo(async (repo) => {
      const broken: [string, string, string, number][] = [
        ["renv.lock", RENV_LOCK.slice(0, 200), "parse/truncated", 11],
        // jsonlite and renv's own reader both refuse a trailing comma
        ["renv.lock", RENV_LOCK.replace('/latest" }', '/latest" },'), "parse/syntax", 5],
        ["site/data/dataset.jsonld", JSONLD.replace('"Dataset",', '"Dataset",\n  // a comment'), "parse/syntax", 4],
        ["maps/land.topojson", TOPOJSON.replace('"arcs": []', '"arcs": [],'), "parse/syntax", 4],
      ];
      const got: unknown[] = [];
      for (const [file, text] of broken) {
        for (const [f, t] of Object.entries(VALID)) repo.write(f, t);
        repo.write(file, text);
        for (const env of [{}, { IG_PARSE_WORKERS: "2" }] as Record<string, string>[]) {
          const { errors } = await check(repo, env);
          got.push([[...new Set(errors.map((e) => e.file))], errors[0]?.rule, errors[0]?.line]);
        }
      }
      // Each broken file, and only it, fails at its line (with and without the parse workers).
      expect(got).toEqual(broken.flatMap(([file, , rule, line]) => [0, 1].map(() => [[file], rule, line])));
    }));

  it("a renv.lock with a `#` line (an R comment to renv's own reader) is left unread, not blocked", () =>
    withRepo(async (repo) => {
      repo.write("renv.lock", `# written by hand\n${RENV_LOCK}`);
      repo.commitAll("hash comment");
      const r = await repo.cli(["check", "--format", "json"]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ findings: [], summary: { checked: 0 } });
    }));
});
