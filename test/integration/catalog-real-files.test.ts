/**
 * Real files of each kind the built-in catalog validates pass with the catalog on (issue 19):
 * reduced public files (test/fixtures/well-known/, sources in its SOURCES.md) for the kinds the
 * real-world corpus lacks, and this project's own workflows, action.yml, package.json and
 * tsconfig files. `schemas` must match each to the expected entry, so a file that silently
 * stopped matching fails here too.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, withRepo } from "../helpers/repo.js";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/well-known");

/** Repo path in the test repository -> [where it comes from, the built-in entry that must match it]. */
const FILES: Record<string, [string, string]> = {
  ".travis.yml": [path.join(FIXTURES, "travis/.travis.yml"), "travis"],
  ".drone.yml": [path.join(FIXTURES, "drone/.drone.yml"), "drone"],
  "cloudbuild.yaml": [path.join(FIXTURES, "cloudbuild/cloudbuild.yaml"), "cloudbuild"],
  ".eslintrc.json": [path.join(FIXTURES, "eslintrc/.eslintrc.json"), "eslintrc"],
  ".readthedocs.yml": [path.join(FIXTURES, "readthedocs/.readthedocs.yml"), "readthedocs"],
  ".gitlab-ci.yml": [path.join(FIXTURES, "gitlab-ci/.gitlab-ci.yml"), "gitlab-ci"],
  "turbo.json": [path.join(FIXTURES, "turbo/turbo.json"), "turbo"],
  // Uses keys Buildkite added after the vendored schema (if_changed): patch buildkite-newer-step-keys.
  ".buildkite/pipeline.yml": [path.join(FIXTURES, "buildkite/.buildkite/pipeline.yml"), "buildkite"],
  // From the real-world corpus (its SOURCES.md): the one markdownlint config there.
  ".markdownlint.yaml": [path.join(PROJECT_ROOT, "test/fixtures/real-world/OAI__OpenAPI-Specification/.markdownlint.yaml"), "markdownlint"],
  "action.yml": [path.join(PROJECT_ROOT, "action.yml"), "github-action"],
  "package.json": [path.join(PROJECT_ROOT, "package.json"), "package"],
  "tsconfig.json": [path.join(PROJECT_ROOT, "tsconfig.json"), "tsconfig"],
  "tsconfig.types.json": [path.join(PROJECT_ROOT, "tsconfig.types.json"), "tsconfig"],
  ...Object.fromEntries(
    fs
      .readdirSync(path.join(PROJECT_ROOT, ".github/workflows"))
      .filter((n) => n.endsWith(".yml"))
      .map((n) => [`.github/workflows/${n}`, [path.join(PROJECT_ROOT, ".github/workflows", n), "github-workflow"]]),
  ),
};

describe("real well-known files pass with the catalog on", () => {
  it("each matches its entry and has no schema finding", () =>
    withRepo(async (repo) => {
      for (const [dest, [src]] of Object.entries(FILES)) repo.write(dest, fs.readFileSync(src));
      repo.git("add", "-A");
      const listed = await repo.cli(["schemas", "--format", "json"]);
      const rows = (JSON.parse(listed.stdout) as { files: { file: string; from: string }[] }).files;
      for (const [dest, [, entry]] of Object.entries(FILES)) {
        expect(rows.find((r) => r.file === dest)?.from, dest).toBe(`built-in entry ${entry}`);
      }
      const r = await repo.cli(["check", "--staged", "--format", "json"]);
      const findings = (JSON.parse(r.stdout) as { findings: { rule: string; level: string; file?: string; message: string }[] }).findings;
      expect(findings.filter((f) => f.level === "error")).toEqual([]);
      expect(r.code).toBe(0);
      // What the advisory schemas say about real files that their tools accept (SOURCES.md): warnings, on those files only.
      const warned = [...new Set(findings.filter((f) => f.rule === "schema/violation").map((f) => f.file))].sort();
      expect(warned).toEqual([".drone.yml", ".travis.yml"]);
    }));
});
