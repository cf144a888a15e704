/**
 * Session 27 (names27), through the built CLI:
 * - `local.settings.json` (Azure Functions Core Tools: Json.NET) and `tsdoc.json` (TSDoc: jju in
 *   cjson mode) with `//` comments were blocked as JSON syntax errors; they pass, and what their
 *   readers refuse (a trailing comma in tsdoc.json, a cut file) stays an error.
 * - A Java String.format test resource whose flow sequence holds `[%s, %s]` was blocked as a YAML
 *   syntax error; it is a template (a notice), and a repeated key beside it is still reported.
 * - A blank line that starts with a tab is an error in `.travis.yml` (travis-yml parses with
 *   Psych, libyaml, which refuses it) and stays a warning in a YAML file whose reader is unknown.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings;
const seen = (stdout: string, level: string) =>
  findings(stdout)
    .filter((f) => f.level === level)
    .map((f) => `${f.rule} ${f.file}`)
    .sort();

describe("session 27 readings by name, printf flow sequences and tab lines", () => {
  it("reads local.settings.json and tsdoc.json as their readers do", () =>
    withRepo((repo) => {
      repo.write(
        "func/local.settings.json",
        '{\n  "IsEncrypted": false,\n  // local only\n  "Values": { "FUNCTIONS_WORKER_RUNTIME": "node", },\n}\n',
      );
      repo.write("tsdoc.json", '{\n  // custom tags\n  "tagDefinitions": [{ "tagName": "@myTag", "syntaxKind": "modifier" }]\n}\n');
      repo.write("comma/tsdoc.json", '{\n  // custom tags\n  "tagDefinitions": [],\n}\n');
      repo.write("cut/local.settings.json", '{\n  // local only\n  "Values": {\n');
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = repo.cliBundle([...args, "--format", "json"]);
        expect(seen(r.stdout, "error")).toEqual(["parse/syntax comma/tsdoc.json", "parse/truncated cut/local.settings.json"]);
        expect(r.code).toBe(1);
      }
    }));

  it("a String.format flow sequence is a template; a repeated key beside one is not", () =>
    withRepo((repo) => {
      repo.write("src/test/resources/list-manifest.yaml", "kind: List\nitems: [%s, %s]\nmetadata:\n  name: list-test\n");
      repo.write("src/test/resources/twice.yaml", "kind: List\nitems: [%s, %s]\nkind: Other\n");
      repo.git("add", "-A");
      const r = repo.cliBundle(["check", "--format", "json"]);
      expect(seen(r.stdout, "error")).toEqual(["parse/duplicate-key src/test/resources/twice.yaml"]);
      // Skipped as a template: the notice names the folder it counts the file under.
      expect(findings(r.stdout).some((f) => f.rule === "validate/template" && f.level === "notice")).toBe(true);
    }));

  it("a blank line that starts with a tab: an error in .travis.yml, a warning elsewhere", () =>
    withRepo((repo) => {
      repo.write(".travis.yml", "language: ruby\n\t\nscript: bundle exec rake\n");
      repo.write("conf/settings.yml", "language: ruby\n\t\nscript: bundle exec rake\n");
      repo.git("add", "-A");
      const r = repo.cliBundle(["check", "--format", "json"]);
      expect(seen(r.stdout, "error")).toEqual(["parse/trailing-tab .travis.yml"]);
      expect(seen(r.stdout, "warning")).toEqual(["parse/trailing-tab conf/settings.yml"]);
      expect(r.code).toBe(1);
    }));
});
