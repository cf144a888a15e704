/**
 * Session 26 (names26): `global.json`, `omnisharp.json` and `host.json` with comments were
 * blocked as JSON syntax errors, while the .NET host (rapidjson with comments), OmniSharp
 * (AddJsonFile) and the Azure Functions host (Json.NET) read them. Through the built CLI: those
 * pass; what each reader refuses (a trailing comma in global.json, a setting given twice in
 * omnisharp.json) and a cut file stay errors; dotnet-tools.json stays strict.
 */
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

const BOM = "\uFEFF";

const seen = (stdout: string) =>
  (JSON.parse(stdout) as { findings: Finding[] }).findings
    .filter((f) => f.level === "error")
    .map((f) => `${f.rule} ${f.file}`)
    .sort();

describe("global.json, omnisharp.json and host.json read with comments", () => {
  it("pass with comments; what their readers refuse stays an error", () =>
    withRepo((repo) => {
      repo.write("global.json", `${BOM}{\n  // pinned for CI\n  "sdk": { "version": "8.0.100", "rollForward": "latestFeature" }\n}\n`);
      repo.write("omnisharp.json", '{\n  // editor settings\n  "FormattingOptions": { "OrganizeImports": true, },\n}\n');
      repo.write(
        "func/host.json",
        `${BOM}{\n  "version": "2.0",\n  // logging\n  "logging": { "logLevel": { "default": "Information" }, },\n}\n`,
      );
      repo.write("comma/global.json", '{\n  "sdk": { "version": "8.0.100", },\n}\n');
      repo.write(
        "twice/omnisharp.json",
        '{\n  "FormattingOptions": {},\n  "formattingOptions": { "x": 1 },\n  "FORMATTINGOPTIONS": { "X": 2 }\n}\n',
      );
      repo.write("cut/host.json", '{\n  // logging\n  "version": "2.0",\n  "logging": {\n');
      repo.write(".config/dotnet-tools.json", '{\n  // tools\n  "version": 1,\n  "isRoot": true,\n  "tools": {}\n}\n');
      // JHipster's translation catalog of the same name is merged with JSON.parse: strict.
      repo.write("src/main/webapp/i18n/en/global.json", '{\n  "global": {\n    // title\n    "title": "x"\n  }\n}\n');
      repo.git("add", "-A");
      for (const args of [["check", "--staged"], ["check"]]) {
        const r = repo.cliBundle([...args, "--format", "json"]);
        expect(seen(r.stdout)).toEqual([
          "parse/duplicate-key twice/omnisharp.json",
          "parse/syntax .config/dotnet-tools.json",
          "parse/syntax comma/global.json",
          "parse/syntax src/main/webapp/i18n/en/global.json",
          "parse/truncated cut/host.json",
        ]);
        expect(r.code).toBe(1);
      }
    }));
});
