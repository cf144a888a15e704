/**
 * `@@NAME@@` placeholders, the doubled form of autoconf's `@NAME@`: VSCodium's
 * build/linux/appimage/recipe.yml holds `app: @@NAME@@` and its build.sh runs
 * `sed -i "s|@@NAME@@|${APP_NAME}|g" recipe.yml` before pkg2appimage reads it. YAML reserves `@`,
 * so the committed file does not parse; it was a parse/syntax error (a false block), as `@name@`
 * was before it was read as a substitution. Now a whole-value `@@name@@` is template evidence like
 * `@name@`: the file is skipped with the validate/template notice, and its placeholders are masked
 * so that what they cannot explain (a repeated key) is still reported. Unbalanced or partial
 * forms (`@@name@`, `@@user@@example.com`) stay errors.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function findings(repo: TestRepo, args: string[]): Promise<{ code: number; findings: Finding[] }> {
  const r = await repo.cli([...args, "--format", "json"]);
  return { code: r.code, findings: (JSON.parse(r.stdout || "{}") as { findings?: Finding[] }).findings ?? [] };
}

const brief = (fs: Finding[]) => fs.filter((f) => f.level === "error").map((f) => [f.rule, f.file, f.line]);

// Reduced from VSCodium/vscodium build/linux/appimage/recipe.yml (MIT).
const RECIPE = [
  "app: @@NAME@@",
  "",
  "ingredients:",
  "  packages:",
  "    - code",
  "  script:",
  "    - ls @@APPNAME@@_*.deb | cut -d _ -f 2 > VERSION",
  "",
  "script:",
  "  - cp @@APPNAME@@.desktop usr/share/applications/",
  "  - sed -i -e 's|Icon=.*|Icon=@@ICON@@|g' usr/share/applications/@@APPNAME@@.desktop",
  "  - icon: @@ICON@@",
  "",
].join("\n");

describe("@@NAME@@ substitution placeholders (VSCodium's AppImage recipe, rendered by sed)", () => {
  it("a recipe whose only errors are whole-value @@NAME@@ placeholders is skipped as a template", () =>
    withRepo(async (repo) => {
      repo.write("build/linux/appimage/recipe.yml", RECIPE);
      repo.git("add", "-A");
      for (const args of [["check"], ["check", "--staged"]]) {
        const r = await findings(repo, args);
        expect(brief(r.findings)).toEqual([]);
        expect(r.findings.some((f) => f.rule === "validate/template")).toBe(true);
        expect(r.code).toBe(0);
      }
    }));

  it.each([
    ["a repeated key beside @@NAME@@", RECIPE + "app: other\n", "parse/duplicate-key", 13],
    ["a truncated quoted scalar beside @@NAME@@", RECIPE + 'extra: "cut\n', "parse/truncated", 13],
    ["an unbalanced @@name@", "app: @@NAME@\n", "parse/syntax", 1],
    ["@@ run into text", "email: @@user@@example.com\n", "parse/syntax", 1],
  ])("%s is still reported (exit 1)", (_name, text, rule, line) =>
    withRepo(async (repo) => {
      repo.write("recipe.yml", text);
      repo.git("add", "-A");
      const r = await findings(repo, ["check"]);
      expect(brief(r.findings)).toContainEqual([rule, "recipe.yml", line]);
      expect(r.findings.some((f) => f.rule === "validate/template")).toBe(false);
      expect(r.code).toBe(1);
    }),
  );
});
