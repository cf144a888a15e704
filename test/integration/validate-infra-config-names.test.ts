/**
 * Infrastructure tools' YAML files without a .yaml/.yml extension (src/core/select/well-known-names.ts):
 * kpt's package file `Kptfile` (kpt decodes it with kyaml, go-yaml v3: a duplicate key fails) and
 * ansible-lint's `.ansible-lint` (yaml.safe_load). `check` with the defaults reads them: a valid one
 * passes, a broken one is an error at its line.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const KPTFILE = [
  "apiVersion: kpt.dev/v1",
  "kind: Kptfile",
  "metadata:",
  "  name: wordpress",
  "  annotations:",
  '    config.kubernetes.io/local-config: "true"',
  "upstream:",
  "  type: git",
  "  git:",
  "    repo: https://github.com/kptdev/kpt",
  "    directory: /package-examples/wordpress",
  "    ref: v0.7",
  "pipeline:",
  "  mutators:",
  "    - image: gcr.io/kpt-fn/set-labels:v0.1",
  "      configMap:",
  "        app: wordpress",
  "",
].join("\n");
const ANSIBLE_LINT = ["---", "profile: production", "exclude_paths:", "  - .cache/", "skip_list:", "  - yaml[line-length]", ""].join("\n");

async function check(repo: TestRepo): Promise<{ findings: Finding[]; checked: number }> {
  const r = await repo.cli(["check", "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  const out = JSON.parse(r.stdout) as { findings: Finding[]; summary: { checked: number } };
  return { findings: out.findings, checked: out.summary.checked };
}

describe("infrastructure config names without a YAML extension", () => {
  it("Kptfile and .ansible-lint are read as YAML by default: valid ones pass", () =>
    withRepo(async (repo) => {
      repo.write("packages/wordpress/Kptfile", KPTFILE);
      repo.write(".ansible-lint", ANSIBLE_LINT);
      repo.commitAll("valid");
      const { findings, checked } = await check(repo);
      expect(checked).toBe(2);
      expect(findings.filter((f) => f.level === "error")).toEqual([]);
    }));

  it("a Kptfile with a duplicate key, or an .ansible-lint that is no YAML, is an error at its line", () =>
    withRepo(async (repo) => {
      repo.write("packages/wordpress/Kptfile", KPTFILE.replace("kind: Kptfile\n", "kind: Kptfile\nkind: Kptfile\n"));
      repo.write(".ansible-lint", ANSIBLE_LINT.replace("  - yaml[line-length]", "  - yaml[line-length]\n - no-changed-when"));
      repo.commitAll("broken");
      const { findings } = await check(repo);
      // The YAML parser may report one broken line more than once: each file, rule and line once.
      const errors = [...new Set(findings.filter((f) => f.level === "error").map((f) => `${f.file} ${f.rule} ${f.line}`))].map((e) =>
        e.split(" "),
      );
      expect(errors).toEqual([
        [".ansible-lint", "parse/syntax", "7"],
        ["packages/wordpress/Kptfile", "parse/duplicate-key", "3"],
      ]);
    }));
});
