/**
 * xunit.runner.json (xUnit.net's test-assembly configuration, copied beside the test assembly):
 * xUnit.net v2 opens it with File.OpenRead and reads it through `new StreamReader(stream)`
 * (ConfigReader_Json.LoadConfiguration), which detects and drops a UTF-8 BOM; v3 reads the text
 * the same way before System.Text.Json parses it. Visual Studio saves the file with a BOM, so a BOM
 * is a warning naming xUnit.net; anything else wrong stays an error, as does a BOM in another name.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { formatForSelected, jsoncMatcher } from "../../src/core/select/jsonc.js";

const jsonc = jsoncMatcher(undefined);
const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
/** Parse as the default selection reads `file`. */
const check = (file: string, content: Buffer) => parseDocument(content, { path: file, format: formatForSelected(file, jsonc, content) });

const CONFIG = '{\n  "$schema": "https://xunit.net/schema/current/xunit.runner.schema.json",\n  "parallelizeTestCollections": false\n}\n';

describe("xunit.runner.json (xUnit.net's ConfigReader_Json)", () => {
  it.each(["xunit.runner.json", "tests/Clean.Architecture.UnitTests/xunit.runner.json", "tests/App.Tests/App.Tests.xunit.runner.json"])(
    "%s: a leading BOM is a warning naming xUnit.net",
    (file) => {
      const doc = check(file, bom(CONFIG));
      expect(doc.ok).toBe(true);
      expect(doc.findings).toEqual([expect.objectContaining({ rule: "parse/encoding", level: "warning", line: 1, column: 1 })]);
      expect(doc.findings[0]!.message).toContain("xUnit.net");
    },
  );

  it("a missing comma in xunit.runner.json, and a BOM in another name, stay errors", () => {
    expect(check("tests/x/xunit.runner.json", bom('{ "a": true "b": false }\n')).findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/encoding", "warning"],
      ["parse/syntax", "error"],
    ]);
    expect(check("tests/x/xunit.runner.json.bak.json", bom(CONFIG)).findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/encoding", "error"],
    ]);
    expect(check("tests/x/notxunit.runner.json", bom(CONFIG)).findings.map((f) => [f.rule, f.level])).toEqual([
      ["parse/encoding", "error"],
    ]);
  });
});
