/**
 * Angular's dev-infra (`ng-dev caretaker`) reads the repository's Google sync configuration,
 * `.ng-dev/google-sync-config.json` (angular/angular, angular/components), with jsonc-parser's
 * `parse(content, errors)` and throws InvalidGoogleSyncConfigError on any error it collects:
 * comments pass (angular/components' file opens with a `// Note:` line), but a trailing comma,
 * which jsonc-parser reports unless `allowTrailingComma` is set, fails the config. The file was
 * read as strict JSON: its comment was a parse/syntax error, a false block.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errors(repo: TestRepo, args: string[]): Promise<[string, string][]> {
  const r = await repo.cli([...args, "--format", "json"]);
  const findings = (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [];
  return findings
    .filter((f) => f.level === "error")
    .map((f): [string, string] => [f.rule, f.file ?? ""])
    .sort((a, b) => a[1].localeCompare(b[1]));
}

const CONFIG = [
  "{",
  "  // Note: When changing, make sure to keep in sync with the internal Copybara config.",
  '  "syncedFilePatterns": ["LICENSE", "src/cdk/**/*.ts"],',
  '  "alwaysExternalFilePatterns": ["src/**/*spec.ts"],',
  '  "separateFilePatterns": []',
  "}",
  "",
].join("\n");

describe("ng-dev's .ng-dev/google-sync-config.json is read as jsonc-parser reads it", () => {
  it("comments pass", () =>
    withRepo(async (repo) => {
      repo.write(".ng-dev/google-sync-config.json", CONFIG);
      repo.git("add", "-A");
      expect(await errors(repo, ["check", "--staged"])).toEqual([]);
      expect(await errors(repo, ["check"])).toEqual([]);
    }));

  it("a trailing comma, a cut file and a repeated key are still errors", () =>
    withRepo(async (repo) => {
      repo.write("a/.ng-dev/google-sync-config.json", CONFIG.replace('"src/**/*spec.ts"]', '"src/**/*spec.ts",]'));
      repo.write("b/.ng-dev/google-sync-config.json", CONFIG.slice(0, CONFIG.indexOf('"separate')));
      repo.write(
        "c/.ng-dev/google-sync-config.json",
        CONFIG.replace('"separateFilePatterns"', '"syncedFilePatterns": [],\n  "separateFilePatterns"'),
      );
      repo.git("add", "-A");
      expect(await errors(repo, ["check", "--staged"])).toEqual([
        ["parse/syntax", "a/.ng-dev/google-sync-config.json"],
        ["parse/truncated", "b/.ng-dev/google-sync-config.json"],
        ["parse/duplicate-key", "c/.ng-dev/google-sync-config.json"],
      ]);
    }));
});
