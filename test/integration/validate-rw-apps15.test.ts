/**
 * Names whose reader skips comments and trailing commas (session 15, real-world apps round),
 * through `check` with the defaults: Angular CLI's angular.json (its workspace reader is
 * jsonc-parser's parseTree with allowTrailingComma) and a Sublime Text package's
 * sublime-package.json (LSP-json reads it with sublime.decode_value, Sublime's own lenient JSON).
 * What those readers refuse stays an error, and a name that only looks alike stays strict JSON.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function check(repo: TestRepo): Promise<Finding[]> {
  const r = await repo.cli(["check", "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}
const errors = (fs: Finding[]) => fs.filter((f) => f.level === "error").map((f) => [f.file, f.rule, f.line]);

const ANGULAR = `{
  "$schema": "./node_modules/@angular/cli/lib/config/schema.json",
  "version": 1,
  "projects": {
    "app": {
      // the CLI's own reader skips this comment
      "root": "",
      "architect": { "build": { "options": { "styles": ["src/styles.css",] } } },
    },
  },
}
`;
const SUBLIME_PACKAGE = `{
  "contributions": {
    "settings": [
      {
        "file_patterns": ["/LSP.sublime-settings"],
        "schema": {
          // shared with Preferences.sublime-settings
          "properties": { "lsp_format_on_save": { "type": "boolean", }, },
        },
      },
    ],
  },
}
`;

describe("JSONC names of the session 15 apps round", () => {
  it("angular.json and sublime-package.json with comments and trailing commas pass", () =>
    withRepo(async (repo) => {
      repo.write("angular.json", ANGULAR);
      repo.write("apps/web/angular.json", `\ufeff${ANGULAR}`); // jsonc-parser's scanner takes a BOM as white space
      repo.write("packages/LSP/sublime-package.json", SUBLIME_PACKAGE);
      repo.commitAll("valid");
      expect(errors(await check(repo))).toEqual([]);
    }));

  it("what those readers refuse is an error, and look-alike names stay strict", () =>
    withRepo(async (repo) => {
      repo.write("angular.json", '{\n  "version": 1\n  "projects": {}\n}\n'); // a missing comma
      repo.write("sublime-package.json", '{\n  "contributions": {\n'); // truncated
      repo.write("my-angular.json", '{\n  // JSON.parse refuses this\n  "a": 1\n}\n');
      repo.write("sublime-package.json.bak.json", '{ "a": 1, }\n');
      repo.commitAll("broken");
      expect(errors(await check(repo)).sort()).toEqual(
        [
          ["angular.json", "parse/syntax", 3],
          ["my-angular.json", "parse/syntax", 2],
          ["sublime-package.json", "parse/truncated", 3],
          ["sublime-package.json.bak.json", "parse/syntax", 1],
        ].sort(),
      );
    }));
});
