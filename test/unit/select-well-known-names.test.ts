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
    ["lib/src/l10n/intl_pt_BR.arb", "json"],
    ["packages/views/lib/l10n/app_de.arb", "json"],
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
    // the .NET SDK merges it into runtimeconfig.json with Json.NET (JObject.Load: comments skipped)
    ["src/powershell-unix/runtimeconfig.template.json", "jsonc"],
    ["runtimeconfig.template.json", "jsonc"],
    // StyleCop Analyzers: Roslyn's SourceText (a BOM dropped), then its LightJson (comments, trailing commas)
    ["src/stylecop.json", "jsonc"],
    [".stylecop.json", "jsonc"],
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
    ["mlruns/0/4f1c/artifacts/model/MLmodel", "yaml"],
    [".condarc", "yaml"],
    ["app/pubspec.lock", "yaml"],
    ["ios/Podfile.lock", "yaml"],
    ["charts/web/Chart.lock", "yaml"],
    ["packages/wordpress/Kptfile", "yaml"],
    [".ansible-lint", "yaml"],
    [".prettierrc", "yaml"],
    // Docusaurus reads a docs folder's category metadata with js-yaml, the .json name too
    ["docs/guides/_category_.json", "yaml"],
    ["i18n/fr/docusaurus-plugin-content-docs/current/api/_category_.json", "yaml"],
    [".stylelintrc", "yaml"],
    [".lintstagedrc", "yaml"],
    [".releaserc", "yaml"],
    [".eslintrc", "yaml"],
    ["yarn.lock", "yaml"],
    [".babelrc", "jsonc"], // then JSON5 (checks/json5-reading.ts)
    ["renovate.json5", "jsonc"],
    // scientific workflows and data: CWL (schema-salad's ruamel.yaml), DVC, Galaxy, Tiled (Qt's JSON reader)
    ["tools/bwa-mem.cwl", "yaml"],
    ["dvc.lock", "yaml"],
    ["data/data.xml.dvc", "yaml"],
    ["workflows/rnaseq/rnaseq.ga", "json"],
    ["maps/level1.tmj", "json"],
    ["tilesets/terrain.tsj", "json"],
    ["game.tiled-project", "json"],
    ["templates/chest.tj", "json"],
    ["worlds/overworld.world", "json"],
    ["levels/World.ldtk", "json"], // LDtk (haxe.Json.parse: JSON.parse)
    ["levels/World/0000-Entrance.ldtkl", "json"], // a level LDtk saved in its own file
    ["vault/Boards/Roadmap plan.canvas", "json"], // JSON Canvas (Obsidian): JSON.parse
    // session 13: readers confirmed from their source
    [".nycrc", "json"], // @istanbuljs/load-nyc-config: JSON.parse
    ["docs/.remarkrc", "json"], // unified-engine: parse-json
    [".markdownlintrc", "jsonc"], // rc: comments stripped, then JSON.parse (when it starts with `{`)
    [".textlintrc", "yaml"], // rc-config-loader: JSON5, then js-yaml
    ["Packages/Foo/Foo.sublime-syntax", "yaml"],
  ])("%s is selected and read as %s", (file, format) => {
    expect(selects(file)).toBe(true);
    expect(formatForSelected(file, jsonc)).toBe(format);
  });

  it.each([
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
    ".dvc", // DVC's own folder
    "my.cwl.txt",
    "default.tiled-session", // Tiled's session: machine state, not looked at
    "World.ldtk.bak", // an LDtk backup's own name
    // Arbre (Ruby) view templates, Rails' `:arb` handler (ActiveAdmin's own views), not Flutter's ARB
    "app/views/active_admin/page/index.html.arb",
    "app/views/admin/dashboard/_sidebar.arb",
    "engines/shop/app/views/orders/show.arb",
    "lib/templates/report.text.arb",
    "views/users/index.html+phone.arb",
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

  it("a .ga file is read as JSON only when it is a Galaxy workflow; .world and .tj only when Tiled wrote them", () => {
    const galaxy = Buffer.from('{\n    "a_galaxy_workflow": "true",\n    "annotation": "",\n    "format-version": "0.1",\n');
    expect(skipsUnlessItsFormat("rnaseq.ga", galaxy)).toBe(false);
    expect(skipsUnlessItsFormat("intro.ga", Buffer.from("; a Google Apps or assembly file, not JSON\n"))).toBe(true);
    const world = Buffer.from('{\n    "maps": [\n        { "fileName": "a.tmx", "x": 0, "y": 0 }\n    ],\n    "type": "world"\n}\n');
    expect(skipsUnlessItsFormat("sticker-knight.world", world)).toBe(false);
    expect(skipsUnlessItsFormat("level.world", Buffer.from('<?xml version="1.0"?>\n<sdf version="1.6"><world/></sdf>\n'))).toBe(true);
    const template = Buffer.from(
      '{ "object": { "gid": 1, "height": 16, "width": 16 },\n  "tileset": { "firstgid": 1, "source": "t.tsj" },\n  "type": "template" }\n',
    );
    expect(skipsUnlessItsFormat("chest.tj", template)).toBe(false);
    expect(skipsUnlessItsFormat("notes.tj", Buffer.from("plain text\n"))).toBe(true);
  });

  it("a .canvas file is read as JSON when it is a JSON Canvas (Obsidian), even cut short; an empty new canvas or another format is left alone", () => {
    const canvas =
      '{\n\t"nodes":[\n\t\t{"id":"296e9f517e9a80ab","x":-500,"y":-413,"width":720,"height":809,"type":"text","text":"hi"}\n\t],\n\t"edges":[]\n}';
    expect(skipsUnlessItsFormat("vault/Board.canvas", Buffer.from(canvas))).toBe(false);
    expect(skipsUnlessItsFormat("vault/Board.canvas", Buffer.from(canvas.slice(0, 60)))).toBe(false);
    expect(skipsUnlessItsFormat("vault/Links.canvas", Buffer.from('{"edges":[{"id":"e1","fromNode":"a","toNode":"b"}]}'))).toBe(false);
    // Obsidian creates a new canvas as an empty file; other programs' .canvas files are not JSON Canvas
    expect(skipsUnlessItsFormat("vault/Untitled.canvas", Buffer.from(""))).toBe(true);
    expect(skipsUnlessItsFormat("art/sketch.canvas", Buffer.from("CANVAS 1.0\nlayer 1\n"))).toBe(true);
    expect(skipsUnlessItsFormat("ui/widget.canvas", Buffer.from('{"width": 300, "height": 200}'))).toBe(true);
  });

  it("the JSON Canvas content rule stays linear on a pathological input", () => {
    const text = `{${" ".repeat(200_000)}${'"nodes"'.repeat(20_000)}${" ".repeat(200_000)}`;
    const started = performance.now();
    expect(skipsUnlessItsFormat("big.canvas", Buffer.from(text))).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
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
    // Docusaurus: Yaml.load(content) for _category_.json as for _category_.yml
    ["docs/intro/_category_.json", '{\n  "label": "Intro",\n  "position": 2,\n  "link": { "type": "generated-index", },\n}\n'],
    ["docs/intro/_category_.json", "label: Intro\nposition: 2\n"],
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

  it("_category_.json (Docusaurus, js-yaml): a missing comma, a // comment, a duplicate key are still errors", async () => {
    const at = async (text: string) => (await read("docs/a/_category_.json", text)).at;
    expect(await at('{\n  "label": "A"\n  "position": 2\n}\n')).toEqual(["parse/syntax 3:3"]);
    expect(await at('{\n  "label": "A", // no\n  "position": 2\n}\n')).toEqual(["parse/syntax 2:17"]);
    expect((await at('{\n  "label": "A",\n  "label": "B"\n}\n'))[0]).toMatch(/^parse\/duplicate-key 3:/);
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

describe("CWL documents, read as YAML as schema-salad reads them", () => {
  const parse = (text: string) => {
    const doc = parseDocument(text, { path: "tool.cwl", format: formatForSelected("tool.cwl", jsonc) });
    return doc.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.line}`);
  };

  it.each([
    [
      "a tool with its cwl-runner line, $namespaces and expressions",
      "#!/usr/bin/env cwl-runner\ncwlVersion: v1.2\nclass: CommandLineTool\n$namespaces:\n  edam: http://edamontology.org/\n$schemas:\n  - https://edamontology.org/EDAM_1.18.owl\nrequirements:\n  InlineJavascriptRequirement: {}\nbaseCommand: [samtools, sort]\narguments: [-o, $(inputs.in.nameroot).bam]\ninputs:\n  in: { type: File, format: edam:format_2572 }\noutputs:\n  out:\n    type: File\n    outputBinding:\n      glob: ${ return inputs.in.nameroot + '.bam'; }\n",
    ],
    ["a tool written as JSON", '{"cwlVersion": "v1.0", "class": "CommandLineTool", "baseCommand": "echo", "inputs": [], "outputs": []}\n'],
    [
      "a packed workflow ($graph)",
      "cwlVersion: v1.2\n$graph:\n  - id: main\n    class: Workflow\n    inputs: []\n    outputs: []\n    steps: []\n",
    ],
  ])("%s passes", (_name, text) => {
    expect(parse(text)).toEqual([]);
  });

  it.each([
    [
      "a requirement that lost its colon (bio-cwl-tools hopach.cwl)",
      "class: CommandLineTool\nhints:\n  DockerRequirement\n    dockerPull: biowardrobe2/hopach:v0.0.6\n",
      "parse/syntax 3",
    ],
    [
      "an input written twice (ruamel.yaml refuses it)",
      "class: CommandLineTool\ninputs:\n  reads: File\n  reads: File[]\n",
      "parse/duplicate-key 4",
    ],
  ])("%s is an error", (_name, text, at) => {
    expect(parse(text)).toContain(at);
  });
});
