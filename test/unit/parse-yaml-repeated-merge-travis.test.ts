/**
 * Two `<<` keys in one mapping of a `.travis.yml` (src/core/parse/yaml-repeated-merge.ts): Travis
 * CI reads it with travis-yml, whose duplicate-key check leaves `<<` out and whose Psych loader
 * merges each source, so the repeat is no duplicate there. Any other repeated key in a
 * `.travis.yml` is still one (travis-yml reports `duplicate_key` as an error), and the same text
 * under another name is still reported (Go's yaml.v3 refuses the repeat).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

// Reduced from aio-libs/aiohttp's .travis.yml (Apache-2.0), as kept in travis-ci/travis-yml's
// spec/fixtures/configs (MIT): a lint job built from two anchored job templates.
const AIOHTTP = [
  "language: python",
  "_helpers:",
  "- &_mainstream_python_base",
  "  python: 3.7",
  "  os: linux",
  "- &_reset_steps",
  "  env: []",
  "  script: skip",
  "jobs:",
  "  include:",
  "  - &_lint_base",
  "    stage: lint",
  "    <<: *_mainstream_python_base",
  "    <<: *_reset_steps",
  "    install:",
  "    - pip install -U -r requirements/ci.txt",
  "",
].join("\n");

const parse = (text: string, file: string) => parseDocument(text, { path: file });

describe("repeated `<<` merge keys in a .travis.yml", () => {
  it.each([".travis.yml", "services/api/.travis.yml"])("%s: travis-yml merges every source, so nothing is reported", (file) => {
    const doc = parse(AIOHTTP, file);
    expect(doc.findings).toEqual([]);
    const job = (doc.value as { jobs: { include: Record<string, unknown>[] } }).jobs.include[0];
    expect(job).toEqual({
      stage: "lint",
      python: 3.7,
      os: "linux",
      env: [],
      script: "skip",
      install: ["pip install -U -r requirements/ci.txt"],
    });
  });

  it.each(["travis.yml", ".travis.yaml", "ci/travis-ci.yml", ".travis.yml.bak/x.yml"])("%s: still a duplicate key", (file) => {
    expect(parse(AIOHTTP, file).findings.map((f) => [f.rule, f.line, f.key])).toEqual([["parse/duplicate-key", 14, "<<"]]);
  });

  it("another key repeated in a .travis.yml is still a duplicate (travis-yml reports duplicate_key)", () => {
    const text = "language: ruby\nsudo: false\nsudo: required\n";
    expect(parse(text, ".travis.yml").findings.map((f) => [f.rule, f.line, f.key])).toEqual([["parse/duplicate-key", 3, "sudo"]]);
  });
});
