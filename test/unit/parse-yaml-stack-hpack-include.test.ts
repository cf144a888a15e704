/**
 * Stack (stack.yaml and the other project files it takes with --stack-yaml, such as
 * stack-ghc-9.6.yaml) and hpack (package.yaml) load YAML through the Haskell yaml package's
 * Data.Yaml.Include (Stack's src/Stack/Config.hs, hpack's Hpack.Yaml), which resolves
 * `!include <file>` anywhere in the document, a `<<:` merge of an included mapping included. So
 * `!include` there is the Stack/hpack dialect, known, not a warning that names Home Assistant.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects } from "../../src/core/parse/yaml-dialects.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

// Stack's own integration test 6879-stack-yaml-includes: the tag on the line after `<<:`.
const STACK = "snapshot: ghc-9.10.3\n<<:\n  !include stack-flags.yaml\n";
const HPACK = "name: app\nversion: 0.1.0\n_common: !include common.yaml\ndependencies:\n  - base\n";

describe("!include in Stack and hpack files (Data.Yaml.Include)", () => {
  it.each([
    ["stack.yaml", STACK],
    ["tests/integration/tests/6879-stack-yaml-includes/files/stack-including-flags-with-newline.yaml", STACK],
    ["stack-ghc-9.6.yaml", STACK],
    ["ci/any-name.yaml", STACK],
    ["package.yaml", HPACK],
    ["libs/core/package.yaml", HPACK],
  ])("%s: !include is known, no warning", (file, text) => {
    expect(detectDialects(file, text).map((d) => d.id)).toContain("haskell-yaml-include");
    expect(parse(text, file).findings).toEqual([]);
  });

  it("!include elsewhere is still a warning, and it names Stack and hpack among its readers", () => {
    const doc = parse("name: app\n_common: !include common.yaml\n", "config/app.yaml");
    expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 2 })]);
    expect(doc.findings[0]!.message).toContain("Stack");
  });

  it("another tag in stack.yaml is still a warning, and an empty !include an error", () => {
    expect(parse("snapshot: lts-22.0\nflags: !secret x\n", "stack.yaml").findings).toEqual([
      expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 2 }),
    ]);
    expect(parse("snapshot: lts-22.0\nflags: !include\n", "stack.yaml").findings).toEqual([
      expect.objectContaining({ level: "error", line: 2 }),
    ]);
  });
});
