/**
 * A file skipped as a template by its content (Maven's `@project.version@` in a Spring
 * application.yml, `{{ .Values.x }}` values, `<%= ENV[...] %>`) was not checked at all, so a
 * duplicate key or a tab in the indentation elsewhere in it went through with one placeholder
 * as cover. Now its placeholders are masked with same-length plain scalars and the masked text
 * is parsed again: what stays away from the placeholders is reported, in `check` and in the
 * hook (`check --staged`), while valid templates (and control-flow templates, whose branches
 * may repeat a key) are still skipped with the validate/template notice.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function findings(repo: TestRepo, args: string[]): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli([...args, "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [] };
}

const brief = (fs: Finding[]) => fs.map((f) => [f.rule, f.file, f.line]);

const SPRING_DUPLICATE = [
  "spring:",
  "  application:",
  "    name: demo",
  "info:",
  "  version: @project.version@",
  "server:",
  "  port: 8080",
  "server:",
  "  port: 9090",
  "",
].join("\n");

/** `known`: reported before too (an ERB tag never explains a repeated key), so without the template note. */
const CASES: { name: string; file: string; text: string; expected: [string, string, number][]; known?: boolean }[] = [
  {
    name: "a repeated key beside Maven's @project.version@",
    file: "src/main/resources/application.yml",
    text: SPRING_DUPLICATE,
    expected: [["parse/duplicate-key", "src/main/resources/application.yml", 8]],
  },
  {
    name: "a tab in the indentation beside {{ }} values",
    file: "config/app.yml",
    text: "info:\n  version: {{ .Chart.Version }}\nserver:\n\tport: 8080\n",
    expected: [["parse/syntax", "config/app.yml", 4]],
  },
  {
    name: "a repeated key beside {{ }} values",
    file: "deploy/configmap.yaml",
    text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  a: '1'\ndata:\n  b: '2'\n",
    expected: [["parse/duplicate-key", "deploy/configmap.yaml", 7]],
  },
  {
    name: "a repeated key beside an ERB value",
    file: "config/database.yml",
    text: "default: &default\n  adapter: postgresql\n  pool: <%= ENV.fetch('MAX') { 5 } %>\n  pool: 5\n",
    expected: [["parse/duplicate-key", "config/database.yml", 4]],
    known: true,
  },
];

describe("a template by content is still checked where its placeholders cannot explain an error", () => {
  for (const c of CASES) {
    it(`${c.name}: check and check --staged report it (exit 1)`, () =>
      withRepo(async (repo) => {
        repo.write(c.file, c.text);
        repo.git("add", "-A");
        for (const args of [["check"], ["check", "--staged"]]) {
          const r = await findings(repo, args);
          expect(brief(r.findings.filter((f) => f.level === "error"))).toEqual(c.expected);
          if (!c.known) expect(r.findings.find((f) => f.level === "error")!.message).toContain("the file is a template");
          expect(r.findings.some((f) => f.rule === "validate/template")).toBe(false);
          expect(r.code).toBe(1);
        }
      }));
  }

  it("valid templates stay skipped with the notice: substitutions, placeholder keys, control flow that repeats a key", () =>
    withRepo(async (repo) => {
      repo.write(
        "src/main/resources/application.yml",
        "info:\n  version: @project.version@\n  name: '@project.name@'\nserver:\n  port: 8080\n",
      );
      // Two keys that differ only by their placeholder are two keys once rendered.
      repo.write("deploy/keys.yaml", "{{ .Values.a }}: 1\n{{ .Values.b }}: 2\nname: {{ .Release.Name }}\n");
      // The same key in two branches is one key in the output.
      repo.write("deploy/branches.yaml", "kind: A\n{{- if .Values.x }}\nname: a\n{{- else }}\nname: b\n{{- end }}\n");
      // ERB loops repeat their body; a tag that spans lines is not read.
      repo.write("test/fixtures/users.yml", "<% 2.times do |i| %>\nuser_<%= i %>:\n  name: a\n<% end %>\n");
      repo.write("deploy/multi.yaml", 'name: {{ .Release.Name }}\nlabels: {{ include "x"\n  . }}\nname2: {{ .Release.Name }}\n');
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await findings(repo, args);
        expect(r.findings.filter((f) => f.level === "error")).toEqual([]);
        expect(r.findings.filter((f) => f.rule === "validate/template").length).toBeGreaterThan(0);
        expect(r.code).toBe(0);
      }
    }));
});
