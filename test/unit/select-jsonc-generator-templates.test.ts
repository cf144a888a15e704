/**
 * A generator's templates folder, `generators/<name>/templates/` (Yeoman's layout: the generator
 * is generators/<name>/index.js and `this.templatePath()` is the templates folder beside it; Rails
 * generators use lib/generators/<name>/templates/ too). Its files are copied to other names: yo
 * code (microsoft/vscode-generator-code) copies templates/ext-command-ts/vscode/ to `.vscode/` and
 * esbuild-tsconfig.json to tsconfig.json, both JSON with comments to VS Code and tsc. The target
 * name is not in the template's path, so a JSON file there is read as JSONC: comments and
 * trailing commas pass, and a missing comma or a cut file is still an error.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_JSONC, formatForSelected, isDefaultJsonc, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { matcher } from "../../src/core/glob.js";
import { parseDocument } from "../../src/core/parse/index.js";

const SETTINGS = '// Place your settings in this file.\n{\n\t"files.exclude": {\n\t\t"out": false // hide out\n\t},\n}\n';

describe("JSON under a generator's templates folder is JSONC", () => {
  const jsonc = jsoncMatcher(undefined);
  const globs = matcher(DEFAULT_JSONC);

  it.each([
    "generators/app/templates/ext-command-ts/vscode/settings.json",
    "generators/app/templates/ext-command-web/esbuild-tsconfig.json",
    "packages/generator-x/generators/component/templates/config.json",
    "lib/generators/install/templates/manifest.json",
  ])("%s", (file) => {
    expect(isDefaultJsonc(file)).toBe(true);
    expect(globs(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe("jsonc");
  });

  it.each(["templates/config.json", "generators/templates/config.json", "src/generators/app/config.json", "app/templates/data.json"])(
    "%s is not (no generators/<name>/templates/ in its path)",
    (file) => {
      expect(isDefaultJsonc(file)).toBe(false);
      expect(globs(file)).toBe(false);
    },
  );

  it("a commented template parses; a missing comma is still an error", () => {
    const file = "generators/app/templates/ext-command-ts/vscode/settings.json";
    expect(parseDocument(Buffer.from(SETTINGS), { path: file, format: formatForSelected(file, jsonc) }).findings).toEqual([]);
    const broken = parseDocument(Buffer.from('{\n  "a": 1\n  "b": 2\n}\n'), { path: file, format: formatForSelected(file, jsonc) });
    expect(broken.ok).toBe(false);
  });
});
