/**
 * Names that are JSON or YAML to their reader without a .json/.yaml/.yml extension, and .json
 * names with a reader of their own (src/core/select/well-known-names.ts): selected by the default
 * validate.files, and read as that reader reads them.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { validateSelection } from "../../src/checks/validate.js";
import { skipsUnlessItsFormat, wellKnownReading } from "../../src/checks/well-known-reading.js";
import { DEFAULT_VALIDATE_FILES } from "../../src/config/types.js";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";
import { selectsWellKnownNames, wellKnownName } from "../../src/core/select/well-known-names.js";

const jsonc = jsoncMatcher(undefined);
const selects = validateSelection({}).selects;

describe("names selected by default, and the format each is read as", () => {
  it.each([
    // strict JSON readers
    ["Package.resolved", "json"],
    ["App.xcworkspace/xcshareddata/swiftpm/Package.resolved", "json"],
    ["composer.lock", "json"],
    ["api/Pipfile.lock", "json"],
    ["flake.lock", "json"],
    ["deno.lock", "json"],
    ["lib/l10n/app_en.arb", "json"],
    ["data/countries.geojson", "json"],
    ["notebooks/Intro.ipynb", "json"],
    ["public/site.webmanifest", "json"],
    ["fixtures/session.har", "json"],
    ["models/Box.gltf", "json"],
    ["infra/terraform.tfstate", "json"],
    ["infra/terraform.tfstate.backup", "json"],
    ["App/Localizable.xcstrings", "json"],
    // JSON with comments and trailing commas
    ["bun.lock", "jsonc"],
    [".swcrc", "jsonc"],
    ["project.code-workspace", "jsonc"],
    [".vscode/react.code-snippets", "jsonc"],
    ["Default.sublime-keymap", "jsonc"],
    ["my.sublime-project", "jsonc"],
    ["Preferences.sublime-settings", "jsonc"],
    // comments only (strip-json-comments, then JSON.parse; Jackson)
    [".jshintrc", "jsonc"],
    [".firebaserc", "jsonc"],
    [".mocharc.json", "jsonc"],
    ["schemas/user.avsc", "jsonc"],
    // YAML readers
    [".clang-format", "yaml"],
    ["src/_clang-format", "yaml"],
    [".clang-tidy", "yaml"],
    [".clangd", "yaml"],
    [".yamllint", "yaml"],
    ["CITATION.cff", "yaml"],
    ["examples/MLproject", "yaml"],
    [".condarc", "yaml"],
    ["app/pubspec.lock", "yaml"],
    ["ios/Podfile.lock", "yaml"],
    ["charts/web/Chart.lock", "yaml"],
    [".prettierrc", "yaml"],
    [".stylelintrc", "yaml"],
    [".lintstagedrc", "yaml"],
    [".releaserc", "yaml"],
    [".eslintrc", "yaml"],
    ["yarn.lock", "yaml"],
    [".babelrc", "jsonc"], // then JSON5 (checks/json5-reading.ts)
    ["renovate.json5", "jsonc"],
    // session 13: readers confirmed from their source
    [".nycrc", "json"], // @istanbuljs/load-nyc-config: JSON.parse
    ["docs/.remarkrc", "json"], // unified-engine: parse-json
    [".markdownlintrc", "jsonc"], // rc: comments stripped, then JSON.parse (when it starts with `{`)
    [".textlintrc", "yaml"], // rc-config-loader: JSON5, then js-yaml
    ["dvc.lock", "yaml"], // DVC: ruamel.yaml
    ["data/data.xml.dvc", "yaml"],
    ["Packages/Foo/Foo.sublime-syntax", "yaml"],
  ])("%s is selected and read as %s", (file, format) => {
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe(format);
  });

  it.each([
    ".watchmanconfig",
    ".npmrc",
    ".yarnrc", // Yarn 1's own format
    "Cargo.lock", // TOML
    "poetry.lock",
    "Gemfile.lock",
    ".har", // a dot file named like the extension
    "arb", // no extension at all
    "notes.ipynb.txt",
    ".dvc", // DVC's folder name, never a file of its own
    "Package.resolved.orig",
    "my.prettierrc",
  ])("%s is not selected", (file) => {
    expect(selects(file)).toBe(false);
    expect(wellKnownName(file)).toBeUndefined();
  });

  it("a .yaml/.yml name stays YAML whatever it is called", () => {
    expect(formatForSelected(".clang-format.yml", jsonc)).toBe("yaml");
    expect(formatForSelected("pubspec.lock.yaml", jsonc)).toBe("yaml");
  });

  it("the names come with the default globs, and with a list that holds them all (a starter config of any version)", () => {
    expect(selectsWellKnownNames(undefined, DEFAULT_VALIDATE_FILES)).toBe(true);
    expect(selectsWellKnownNames([...DEFAULT_VALIDATE_FILES, "data/**/*.txt"], DEFAULT_VALIDATE_FILES)).toBe(true);
    expect(validateSelection({ files: [...DEFAULT_VALIDATE_FILES] }).selects("ios/Podfile.lock")).toBe(true);
  });

  it("a list of the user's own selects only what it names (but a named file is still accepted)", () => {
    const own = validateSelection({ files: ["data/**/*.json"] });
    expect(own.selects("Package.resolved")).toBe(false);
    expect(own.selects(".eslintrc")).toBe(false);
    expect(own.accepts("Package.resolved")).toBe(true);
    expect(own.accepts(".eslintrc")).toBe(true);
  });

  it("validate.exclude still wins", () => {
    expect(validateSelection({ exclude: ["**/*.ipynb"] }).selects("notebooks/Intro.ipynb")).toBe(false);
  });
});

describe("readings of their own", () => {
  it("readers that strip comments and then JSON.parse refuse a trailing comma and a BOM; Jackson (Avro) only the comma", () => {
    expect(wellKnownReading(".mocharc.json", "jsonc")?.json).toEqual({ trailingCommas: false });
    expect(wellKnownReading(".mocharc.jsonc", "jsonc")?.json).toEqual({ trailingCommas: false });
    expect(wellKnownReading(".jshintrc", "jsonc")?.json).toEqual({ trailingCommas: false });
    expect(wellKnownReading("a.avsc", "jsonc")?.json).toEqual({ trailingCommas: false });
    // swc, Bun, VS Code and Sublime Text take a trailing comma: the plain JSONC reading.
    expect(wellKnownReading(".swcrc", "jsonc")).toBeUndefined();
    expect(wellKnownReading("bun.lock", "jsonc")).toBeUndefined();
  });

  it("Yarn's lockfile is YAML only from Yarn 2 on (its __metadata key)", () => {
    const v1 = Buffer.from(
      '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n"left-pad@^1.3.0":\n  version "1.3.0"\n',
    );
    const berry = Buffer.from('# This file is generated by running "yarn install" inside your project.\n\n__metadata:\n  version: 8\n');
    expect(skipsUnlessItsFormat("yarn.lock", v1)).toBe(true);
    expect(skipsUnlessItsFormat("web/yarn.lock", berry)).toBe(false);
    expect(skipsUnlessItsFormat("Podfile.lock", v1)).toBe(false); // no content condition
  });
});

describe("JSON or YAML as js-yaml reads it (rc files without extension)", () => {
  async function read(file: string, text: string): Promise<{ ok: boolean; format: string; at: string[] }> {
    const first = parseDocument(text, { path: file, format: "yaml" });
    const { doc, format } = await wellKnownReading(file, "yaml")!.settle(first, text, "yaml");
    return { ok: doc.ok, format, at: doc.findings.map((f) => `${f.rule} ${f.line}:${f.column}`) };
  }

  it.each([
    [".prettierrc", '{\n\t"semi": false,\n\t"overrides": [{ "files": "*.md" }]\n}\n'], // tabs inside a flow collection
    [".prettierrc", '{"semi":false,"singleQuote":true}'],
    [".prettierrc", "semi: false\nsingleQuote: true\n"],
    // js-yaml reads `2 // note` as the string "2 // note": Prettier's option check, not the parser, refuses it
    [".prettierrc", '{\n  "semi": false,\n  "tabWidth": 2 // note\n}\n'],
    [".stylelintrc", '{\n  "rules": { "indentation": 2, }\n}\n'], // a trailing comma in a flow mapping is YAML
    [".eslintrc", "{ root: true, extends: 'eslint:recommended' }\n"], // YAML flow, not JSON: js-yaml reads it
  ])("%s %j passes, as js-yaml reads it", async (file, text) => {
    expect((await read(file, text)).ok).toBe(true);
  });

  it("a // comment before the next member is js-yaml's 'missed comma' error, at the comment", async () => {
    expect(await read(".prettierrc", '{\n  "semi": false, // no\n  "tabWidth": 2\n}\n')).toEqual({
      ok: false,
      format: "yaml",
      at: ["parse/syntax 2:18"],
    });
  });

  it(".eslintrc: JSON with comments and trailing commas is read as ESLint strips it; a JSON mistake is named as JSON", async () => {
    const json = '{\n  /* block */\n  "root": true,\n  "rules": {\n    "no-console": "off", // fine\n  },\n}\n';
    expect(await read(".eslintrc", json)).toEqual({ ok: true, format: "jsonc", at: [] });
    expect(await read(".eslintrc", json.replace('"root": true,', '"root": true'))).toEqual({
      ok: false,
      format: "jsonc",
      at: ["parse/syntax 4:3"],
    });
  });
});
