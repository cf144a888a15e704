/**
 * Sublime Text syntax tests (`syntax_test_<name>.<ext>` whose first line is `<comment> SYNTAX
 * TEST "Packages/.../X.sublime-syntax"`) are text for Sublime's test runner, with invalid JSON/YAML
 * and merge-conflict markers on purpose: skipped with one notice per folder, decided by the name
 * and the header line together. The files here are written for this test after the shape of
 * sublimehq/Packages (JSON/tests/syntax/, YAML/tests/syntax_test_git_conflicts.yaml).
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function run(repo: TestRepo, args: string[]) {
  const r = await repo.cli([...args, "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [] };
}

const YAML_CONFLICTS =
  '# SYNTAX TEST "Packages/YAML/YAML.sublime-syntax"\n\n<<<<<<< HEAD\nkey1: value1\n=======\nkey2: value2\n>>>>>>> main\n';
const JSON_INVALID =
  '// SYNTAX TEST "Packages/JSON/JSON.sublime-syntax"\n\n{ }{ }\n// <- meta.mapping.json punctuation.definition.mapping.begin.json\n';

describe("Sublime Text syntax tests", () => {
  it("are skipped with one notice per folder, in check and in the hook", () =>
    withRepo(async (repo) => {
      repo.write("YAML/tests/syntax_test_git_conflicts.yaml", YAML_CONFLICTS);
      repo.write("JSON/tests/syntax_test_json.invalid.json", JSON_INVALID);
      repo.write("JSON/tests/syntax_test_partial.json", '// SYNTAX TEST partial-symbols "Packages/JSON/JSON.sublime-syntax"\n[1,\n');
      for (const args of [["check"], ["check", "--staged"]]) {
        if (args.length > 1) repo.git("add", "-A");
        const r = await run(repo, args);
        expect(r.code, JSON.stringify(r.findings)).toBe(0);
        expect(r.findings.map((f) => [f.rule, f.level, f.file])).toEqual([
          ["validate/template", "notice", "JSON/tests/"],
          ["validate/template", "notice", "YAML/tests/"],
        ]);
        expect(r.findings[0]!.message).toContain("2 Sublime Text syntax tests under JSON/tests/ skipped");
      }
    }));

  it("the name alone or the header alone is not enough: corruption there is still an error", () =>
    withRepo(async (repo) => {
      repo.write("syntax_test_state.json", '{"a": 1,\n'); // the name, no header
      repo.write("syntax_test_merge.yaml", "# a comment\n<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> b\n");
      repo.write("state.yaml", YAML_CONFLICTS); // the header, another name
      repo.write("syntax_test_other.yaml", '# SYNTAX TEST "Packages/YAML/notes.txt"\n<<<<<<< HEAD\na: 1\n'); // no syntax definition named
      const r = await run(repo, ["check"]);
      expect(r.code).toBe(1);
      const errors = [...new Set(r.findings.filter((f) => f.level === "error").map((f) => `${f.file} ${f.rule}`))].sort();
      expect(errors).toEqual([
        "state.yaml parse/merge-conflict",
        "syntax_test_merge.yaml parse/merge-conflict",
        "syntax_test_other.yaml parse/merge-conflict",
        "syntax_test_state.json parse/truncated",
      ]);
      expect(r.findings.some((f) => f.rule === "validate/template")).toBe(false);
    }));

  it("a file the config declares to be data, or templates.mode: check, is checked as it is", () =>
    withRepo(async (repo) => {
      repo.write("syntax_test_x.yaml", YAML_CONFLICTS);
      repo.write("tests/syntax_test_y.yaml", YAML_CONFLICTS);
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  templates:\n    check: [syntax_test_x.yaml]\n");
      let r = await run(repo, ["check"]);
      expect(r.findings.filter((f) => f.level === "error").map((f) => f.file)).toEqual(["syntax_test_x.yaml"]);
      repo.write(".integrity-guard/config.yml", "version: 1\nvalidate:\n  templates:\n    mode: check\n");
      r = await run(repo, ["check"]);
      expect(
        r.findings
          .filter((f) => f.level === "error")
          .map((f) => f.file)
          .sort(),
      ).toEqual(["syntax_test_x.yaml", "tests/syntax_test_y.yaml"]);
    }));
});
