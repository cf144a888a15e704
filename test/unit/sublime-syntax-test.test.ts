/** isSublimeSyntaxTest (src/core/select/sublime-syntax-test.ts): the name and the runner's header line, both required. */
import { describe, expect, it } from "vitest";
import { isSublimeSyntaxTest } from "../../src/core/select/sublime-syntax-test.js";

const is = (file: string, text: string) => isSublimeSyntaxTest(file, Buffer.from(text));

describe("isSublimeSyntaxTest", () => {
  it.each([
    ["JSON/syntax_test_json.json", '// SYNTAX TEST "Packages/JSON/JSON.sublime-syntax"\n{'],
    ["YAML/tests/syntax_test_flow.yaml", '# SYNTAX TEST "Packages/YAML/YAML.sublime-syntax"\n'],
    ["syntax_test_x.json", '\uFEFF// SYNTAX TEST reindent-unindented "Packages/JSON/JSON.sublime-syntax"'],
    ["a/syntax_test_old.yml", '# SYNTAX TEST "Packages/YAML/YAML.tmLanguage"\r\nkey: [\n'],
  ])("%s is a syntax test", (file, text) => {
    expect(is(file, text)).toBe(true);
  });

  it.each([
    ["a header in a file of another name", "tests/data.json", '// SYNTAX TEST "Packages/JSON/JSON.sublime-syntax"\n'],
    ["the name without a header", "syntax_test_x.json", '{"a": 1}\n'],
    ["the header not on the first line", "syntax_test_x.yaml", 'a: 1\n# SYNTAX TEST "Packages/YAML/YAML.sublime-syntax"\n'],
    ["no syntax definition named", "syntax_test_x.yaml", '# SYNTAX TEST "Packages/YAML/readme.md"\n'],
    ["no path in quotes", "syntax_test_x.yaml", "# SYNTAX TEST Packages/YAML/YAML.sublime-syntax\n"],
    ["no comment token before it", "syntax_test_x.yaml", 'SYNTAX TEST "Packages/YAML/YAML.sublime-syntax"\n'],
    ["a folder named like one", "syntax_test_dir/state.json", '// SYNTAX TEST "Packages/JSON/JSON.sublime-syntax"\n'],
    ["an empty file", "syntax_test_x.json", ""],
  ])("%s is not", (_name, file, text) => {
    expect(is(file, text)).toBe(false);
  });

  it("looks at the first 1024 bytes only", () => {
    expect(is("syntax_test_x.json", `// ${"x".repeat(1100)} SYNTAX TEST "Packages/JSON/JSON.sublime-syntax"\n`)).toBe(false);
  });
});
