/**
 * The YAML parser loads on demand (the hook's JSON-only commits never pay for it), and no caller
 * has to remember a separate import: parseDocumentAsync loads what the format needs, with-yaml's
 * parseDocument links the parser in, and the on-demand synchronous parseDocument refuses YAML
 * loudly, with a typed error naming the fix, until the parser is loaded. Vitest isolates test
 * files, and nothing in this file's imports loads the parser, so the first step sees it unloaded.
 */
import { describe, expect, it } from "vitest";
import { YamlNotLoadedError } from "../../src/errors.js";
import { parseDocument, parseDocumentAsync } from "../../src/core/parse/index.js";
import { parseDocument as parseWithYaml } from "../../src/core/parse/with-yaml.js";

const YAML = "a: 1\na: 2\n";

describe("YAML support is loaded by the parser's entries, not by callers", () => {
  it("refuses YAML before it is loaded, loads it in parseDocumentAsync, then parses it synchronously", async () => {
    // with-yaml's parser works without any loading step, and does not load the on-demand one.
    const linked = parseWithYaml(YAML, { path: "x.yaml" });
    expect(linked.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`)).toEqual(["parse/duplicate-key x.yaml:2:1"]);

    let thrown: unknown;
    try {
      parseDocument(YAML, { path: "dir/x.yml" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(YamlNotLoadedError);
    expect((thrown as YamlNotLoadedError).file).toBe("dir/x.yml");
    expect((thrown as Error).message).toMatch(/^YAML support was not loaded before parsing dir\/x\.yml: use parseDocumentAsync/);
    // An explicit format counts, whatever the name.
    expect(() => parseDocument(YAML, { path: "x.txt", format: "yaml" })).toThrow(YamlNotLoadedError);
    // JSON never needs it, and bytes that are not text are refused before the format matters.
    expect(parseDocument('{"a": 1}', { path: "x.json" }).value).toEqual({ a: 1 });
    expect(parseDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { path: "x.yaml" }).findings.map((f) => f.rule)).toEqual([
      "parse/encoding",
    ]);

    // A JSON document through the async entry does not load the YAML parser either.
    expect((await parseDocumentAsync('{"a": 1}', { path: "x.json" })).value).toEqual({ a: 1 });
    expect(() => parseDocument(YAML, { path: "x.yaml" })).toThrow(YamlNotLoadedError);

    const loaded = await parseDocumentAsync(YAML, { path: "x.yaml" });
    expect(loaded.findings).toEqual(linked.findings);
    // Loaded once, the synchronous entry parses YAML too.
    expect(parseDocument("b: [1, 2]\n", { path: "y.yaml" }).value).toEqual({ b: [1, 2] });
  });
});
