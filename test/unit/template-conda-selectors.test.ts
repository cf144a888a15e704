/**
 * conda-build preprocessing selectors (src/core/select/conda-selectors.ts, isTemplateByContent):
 * conda-build drops each line of a recipe whose `# [expr]` is false before it loads the YAML, so
 * a key written once per platform is no duplicate to it. Such a recipe is a template (skipped
 * with a notice, like a ytt branch); a key repeated on two plain lines, a repeat in a file
 * conda-build does not read, a flow sequence at a line's end, or any syntax error stays reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isTemplateByContent } from "../../src/checks/validate-select.js";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";
import { condaSelectorFile, selectorOnLine } from "../../src/core/select/conda-selectors.js";

beforeAll(loadYamlSupport);

function template(text: string, path: string): boolean {
  const doc = parseDocument(text, { path });
  return isTemplateByContent(doc, text, "yaml");
}

// The idiom of conda-build's "Preprocessing selectors" documentation (define-metadata.rst).
const DOCS_SOURCE = [
  "package:",
  "  name: foo",
  "  version: 1.0",
  "source:",
  "  url: http://path/to/unix/source    # [not win]",
  "  url: http://path/to/windows/source # [win]",
  "",
].join("\n");

const SKIP_TWICE = "build:\n  number: 0\n  skip: true  # [win]\n  skip: true  # [py<38]\n";
const OVERRIDE = "build:\n  script: python -m pip install .\n  script: '%PYTHON% -m pip install .'  # [win]\n";
const SECTION_PER_PLATFORM = "requirements:\n  host:  # [unix]\n    - a  # [unix]\n  host:  # [win]\n    - b  # [win]\n";
const VARIANTS =
  "MACOSX_DEPLOYMENT_TARGET:  # [osx]\n  - '10.13'  # [osx]\nMACOSX_DEPLOYMENT_TARGET:  # [osx and arm64]\n  - '11.0'  # [osx and arm64]\n";

describe("conda-build selectors that repeat a key", () => {
  it.each([
    ["recipe/meta.yaml", DOCS_SOURCE],
    ["recipe/meta.yaml", SKIP_TWICE],
    ["recipe/meta.yaml", OVERRIDE],
    ["conda.recipe/meta.yaml", SECTION_PER_PLATFORM],
    ["recipe/conda.yaml", DOCS_SOURCE],
    ["recipe/conda_build_config.yaml", VARIANTS],
    [".ci_support/migrations/python312.yaml", VARIANTS],
  ])("%s: no duplicate for conda-build", (path, text) => {
    expect(parseDocument(text, { path }).findings.some((f) => f.rule === "parse/duplicate-key")).toBe(true);
    expect(template(text, path)).toBe(true);
  });

  it.each([
    ["two plain lines", "recipe/meta.yaml", "build:\n  number: 0\n  number: 1\n"],
    ["one explained and one plain repeat", "recipe/meta.yaml", "build:\n  skip: true  # [win]\n  skip: false\n  number: 0\n  number: 1\n"],
    ["a flow sequence at the line's end (no comment)", "recipe/meta.yaml", "test:\n  commands: [a]\n  commands: [b]\n"],
    ["a whole-line comment with brackets between them", "recipe/meta.yaml", "a: 1\n# [win]\na: 2\n"],
    ["a file conda-build does not read", "config/app.yaml", DOCS_SOURCE],
    ["a selector in a migration of another tool", "db/migrations/001.yaml", DOCS_SOURCE],
  ])("%s: still reported", (_name, path, text) => {
    expect(template(text, path)).toBe(false);
  });

  it("a syntax error beside a selector duplicate is still reported", () => {
    expect(template(DOCS_SOURCE + "about:\n  home: [unclosed\n", "recipe/meta.yaml")).toBe(false);
  });

  it.each([
    ["  - gcc  # [linux]", true],
    ["  url: x # [win] trailing words", true],
    ["  url: x#[win]", true],
    ["  url: x # see [docs](https://a)", false], // a markdown link: conda-build skips it
    ["  key: [a, b]", false],
    ["# [win]", false],
    ["  url: x # [a[b]]", true], // as conda-build: the last bracket pair, `[b]`, is the selector
  ])("selectorOnLine(%j) is %s", (line, want) => {
    expect(selectorOnLine([line], 1)).toBe(want);
  });

  it.each([
    ["recipe/meta.yaml", true],
    ["meta.yaml", true],
    ["recipe/meta.yml", false], // conda-build looks for meta.yaml / conda.yaml only
    ["recipe/conda_build_config.yaml", true],
    ["recipe/migrations/numpy2.yaml", true],
    ["docs/meta.yaml.bak", false],
  ])("condaSelectorFile(%j) is %s", (file, want) => {
    expect(condaSelectorFile(file)).toBe(want);
  });
});
