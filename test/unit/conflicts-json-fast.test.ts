import { describe, expect, it } from "vitest";
import { countKeys, FastJsonDoc, scanJson } from "../../src/core/conflicts/json-fast.js";
import { parseDocument } from "../../src/core/parse/index.js";

const TEXT = `{
  "a": {"b": [1, {"c": "x\\"y"}, [true, null]], "e\\u00e9": -1.5e3},
  "k/~": "v",
  "s": "\\\\",
  "empty": {},
  "list": []
}
`;

describe("FastJsonDoc", () => {
  it("counts member names like the parsed value holds them", () => {
    const value = JSON.parse(TEXT);
    expect(scanJson(TEXT, new Set()).keys).toBe(countKeys(value));
    expect(countKeys(value)).toBe(8);
  });

  it("detects a duplicate key JSON.parse silently dropped, even nested or in a list", () => {
    for (const text of ['{"a": 1, "a": 2}', '{"x": {"b": 1, "b": 1}}', '[{"k": 1, "k": 2}]']) {
      expect(new FastJsonDoc(text, JSON.parse(text)).duplicateKeys).toBe(true);
    }
    expect(new FastJsonDoc(TEXT, JSON.parse(TEXT)).duplicateKeys).toBe(false);
  });

  it("gives the same value and key positions as the strict parser", () => {
    const pointers = ["/a", "/a/b", "/a/b/0", "/a/b/1/c", "/a/b/2/1", "/a/eé", "/k~1~0", "/s", "/empty", "/list"];
    const fast = new FastJsonDoc(TEXT, JSON.parse(TEXT));
    fast.prepare(pointers);
    const strict = parseDocument(TEXT, { path: "x.json" });
    for (const p of pointers) {
      const f = fast.locate(p);
      const s = strict.locate(p);
      expect({ p, line: f?.line, column: f?.column }).toEqual({ p, line: s?.line, column: s?.column });
      const fk = fast.locateKey(p);
      const sk = strict.locateKey(p);
      if (sk) expect({ p, line: fk?.line, column: fk?.column }).toEqual({ p, line: sk.line, column: sk.column });
    }
  });
});
