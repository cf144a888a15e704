/**
 * Session 13 adoption leftovers, through `check` with the defaults (or a user's validate.files),
 * on the main thread and in the parse workers: YAML files without a YAML extension (DVC's
 * dvc.lock and *.dvc, a Sublime syntax, rc files whose readers were confirmed), Ansible's unquoted
 * `{{ }}` (an error, not a skipped template), one finding for an empty workflow, and Expo's
 * app.json read as JSON5.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo, workers: string): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli(["check", "--format", "json"], { IG_PARSE_WORKERS: workers });
  expect([0, 1], r.stderr).toContain(r.code);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}
const brief = (fs: Finding[]) => fs.filter((f) => f.level !== "notice").map((f) => [f.file, f.rule, f.level, f.line]);

const DVC_LOCK =
  "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    deps:\n    - path: data\n      md5: 22a1a2931c8370d3aeedd7183606fd7f\n";
const DOT_DVC = "outs:\n- md5: a304afb96060aad90176268345e10355\n  size: 37891850\n  hash: md5\n  path: data.xml\n";
const SYNTAX =
  "%YAML 1.2\n---\nname: Foo\nfile_extensions: [foo]\nscope: source.foo\ncontexts:\n  main:\n    - match: '\\b(if|else)\\b'\n      scope: keyword.control.foo\n";
const PLAY = [
  "- hosts: all",
  "  vars:",
  "    token: !vault |",
  "      $ANSIBLE_VAULT;1.1;AES256",
  "      62313365396662343061393464336163383764373764613633653634306231386433626436623361",
  "    raw: !unsafe '{{ left_alone }}'",
  "  tasks:",
  '    - name: "Install {{ pkg }}"',
  "      ansible.builtin.apt:",
  '        name: "{{ pkg }}"',
  "      when: ansible_os_family == 'Debian'",
  "",
].join("\n");
const EXPO = "{\n  // Expo reads this with JSON5\n  expo: {\n    name: 'demo',\n    slug: \"demo\",\n  },\n}\n";

const VALID: Record<string, string> = {
  "dvc.lock": DVC_LOCK,
  "data/data.xml.dvc": DOT_DVC,
  "Packages/Foo/Foo.sublime-syntax": SYNTAX,
  ".nycrc": '{ "all": true, "reporter": ["text"] }\n',
  "docs/.remarkrc": '{ "plugins": ["remark-preset-lint-recommended"] }\n',
  ".markdownlintrc": '{\n  // long lines are fine\n  "MD013": false\n}\n',
  "legacy/.markdownlintrc": "MD013=false\n", // INI to rc: not checked
  ".textlintrc": "{\n  // textlint: JSON5, then YAML\n  rules: { 'no-todo': true, },\n}\n",
  "site.yml": PLAY,
  "roles/web/templates/app.yml": "port: {{ web_port }}\n", // rendered by the template module: skipped
  "app.json": EXPO,
};

describe("adoption leftovers", () => {
  it.each(["0", "2"])("valid files of each reader pass with the defaults (IG_PARSE_WORKERS=%s)", (workers) =>
    withRepo(async (repo) => {
      for (const [file, text] of Object.entries(VALID)) repo.write(file, text);
      repo.commitAll("valid");
      const r = await check(repo, workers);
      expect(brief(r.findings)).toEqual([]);
      expect(r.code).toBe(0);
    }),
  );

  it.each(["0", "2"])("each broken one is an error at its line (IG_PARSE_WORKERS=%s)", (workers) =>
    withRepo(async (repo) => {
      for (const [file, text] of Object.entries(VALID)) repo.write(file, text);
      repo.commitAll("valid");
      const broken: [string, string, string, number][] = [
        ["dvc.lock", DVC_LOCK.replace("    cmd:", "   cmd:"), "parse/syntax", 4],
        ["data/data.xml.dvc", `${DOT_DVC}  size: 1\n`, "parse/duplicate-key", 6],
        [".nycrc", '{ "all": true, }\n', "parse/syntax", 1],
        [".markdownlintrc", '{\n  "MD013": false,\n}\n', "parse/syntax", 2],
        [".textlintrc", "{\n  rules: { a: 1 }\n  b: 2\n}\n", "parse/syntax", 3],
        ["site.yml", PLAY.replace('name: "{{ pkg }}"', "name: {{ pkg }}"), "parse/syntax", 10],
        ["app.json", EXPO.replace("name: 'demo',", "name: 'demo'"), "parse/syntax", 5],
      ];
      for (const [file, text, rule, line] of broken) {
        for (const [f, t] of Object.entries(VALID)) repo.write(f, t);
        repo.write(file, text);
        const errors = (await check(repo, workers)).findings.filter((f) => f.level === "error");
        // Only this file, and its first error where the reader stops.
        expect([file, [...new Set(errors.map((f) => f.file))], errors[0]?.rule, errors[0]?.line]).toEqual([file, [file], rule, line]);
      }
    }),
  );

  it("a YAML file a user lists in validate.files without a YAML extension is read as YAML; JSON-looking ones stay strict JSON", () =>
    withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  files: ["**/*.json", "**/*.yml", "dvc.lock", "state/*.state"]\n');
      repo.write("dvc.lock", DVC_LOCK);
      repo.write("state/a.state", "phase: done\nsteps: [1, 2]\n");
      repo.write("state/b.state", '{ "phase": "done" }\n');
      repo.commitAll("own list");
      expect(brief((await check(repo, "0")).findings)).toEqual([]);
      repo.write("state/b.state", '{ "phase": "done", }\n');
      repo.write("state/a.state", "phase: done\nphase: again\n");
      expect(brief((await check(repo, "0")).findings)).toEqual([
        ["state/a.state", "parse/duplicate-key", "error", 2],
        ["state/b.state", "parse/syntax", "error", 1],
      ]);
    }));

  it.each(["0", "2"])("an empty or comment-only workflow is one error, not an error and a warning (IG_PARSE_WORKERS=%s)", (workers) =>
    withRepo(async (repo) => {
      repo.write(".github/workflows/ci.yml", "");
      repo.write(".github/workflows/docs.yml", "# on: push\n");
      repo.write("notes/empty.yml", ""); // no schema: the parse/empty warning alone
      repo.commitAll("empty");
      const r = await check(repo, workers);
      expect(brief(r.findings)).toEqual([
        [".github/workflows/ci.yml", "schema/violation", "error", 1],
        [".github/workflows/docs.yml", "schema/violation", "error", 1],
        ["notes/empty.yml", "parse/empty", "warning", 1],
      ]);
      expect(r.findings[0]!.message).toMatch(
        /^file is empty \(it reads as null\): often a truncated write; document: must be an object, found null/,
      );
      expect(r.findings[1]!.message).toMatch(/^file has only comments and no YAML document/);
    }),
  );
});
