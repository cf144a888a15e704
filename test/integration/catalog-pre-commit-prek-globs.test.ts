/**
 * prek's glob mappings in .pre-commit-config.yaml (vendoring patch pre-commit-prek-glob-patterns).
 * prek, a pre-commit reimplementation that reads the same file, documents `files`/`exclude` as a
 * regex string or a glob mapping, `{glob: "..."}` or `{glob: ["...", ...]}`, at the top level
 * and per hook (its docs/configuration.md). SchemaStore's pre-commit-config.json allows only a
 * string, so prowler-cloud/prowler's config (run with prek in its workflows) was blocked, the
 * failed `anyOf` branches of its repos adding `repo`/`entry`/`language` errors. Any other mapping
 * is still refused: neither pre-commit nor prek reads it.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

/** The built bundle (IG_DIST), which reads the vendored schemas shipped beside it. */
function check(repo: TestRepo): { code: number; findings: Finding[] } {
  repo.git("add", "-A");
  const r = repo.cliBundle(["check", "--staged", "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

/** A config in prowler's shape: a local hook and a remote one, with the given `files` lines. */
const config = (top: string, hookFiles: string, remoteExclude: string): string =>
  [
    "default_install_hook_types: [pre-commit]",
    ...(top ? [top] : []),
    "repos:",
    "  - repo: local",
    "    hooks:",
    "      - id: ruff",
    "        name: ruff",
    "        entry: ruff check",
    "        language: system",
    `        files: ${hookFiles}`,
    "        priority: 20",
    "  - repo: https://github.com/pre-commit/pre-commit-hooks",
    "    rev: v6.0.0",
    "    hooks:",
    "      - id: check-yaml",
    `        exclude: ${remoteExclude}`,
    "        priority: 0",
    "",
  ].join("\n");

describe("prek's glob mappings in .pre-commit-config.yaml (prowler-cloud/prowler): prek runs them", () => {
  it("a glob list, a single glob and a regex string pass, at the top level and per hook, with prek's `priority`", () =>
    withRepo((repo) => {
      repo.write(
        ".pre-commit-config.yaml",
        config(
          'exclude: { glob: "vendor/**" }\nfiles: "^(api|prowler)/"',
          '{ glob: ["{prowler,tests,dashboard,util,scripts,docs/scripts}/**/*.py"] }',
          '{ glob: ["api/**/*.yaml", "dist/**"] }',
        ),
      );
      const r = check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("pre-commit's own regex strings still pass", () =>
    withRepo((repo) => {
      repo.write(".pre-commit-config.yaml", config('exclude: "^vendor/"', "'\\.py$'", "'^tests/fixtures/'"));
      const r = check(repo);
      expect(r.findings).toEqual([]);
      expect(r.code).toBe(0);
    }));

  it("a mapping neither reader takes is an error: a misspelt `globs`, an extra key, a number as the glob", () =>
    withRepo((repo) => {
      repo.write(".pre-commit-config.yaml", config('exclude: { globs: "vendor/**" }', '{ glob: "**/*.py", regex: "x" }', "{ glob: [1] }"));
      const r = check(repo);
      expect(r.code).toBe(1);
      const errors = r.findings.filter((f) => f.rule === "schema/violation" && f.level === "error");
      const pointers = errors.map((f) => f.pointer ?? "");
      expect(pointers.some((p) => p.startsWith("/exclude"))).toBe(true);
      expect(pointers.some((p) => p.startsWith("/repos/0/hooks/0/files"))).toBe(true);
      expect(pointers.some((p) => p.startsWith("/repos/1/hooks/0/exclude"))).toBe(true);
    }));

  it("a hook's files as a plain list (neither reader's form) is still an error", () =>
    withRepo((repo) => {
      repo.write(".pre-commit-config.yaml", config("", '["**/*.py"]', "'^x'"));
      const r = check(repo);
      expect(r.code).toBe(1);
      expect(r.findings.some((f) => f.rule === "schema/violation" && (f.pointer ?? "").startsWith("/repos/0/hooks/0/files"))).toBe(true);
    }));
});
