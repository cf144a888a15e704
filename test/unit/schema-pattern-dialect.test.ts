/**
 * A schema `pattern` that is an ECMA-262 regular expression but not one with the `u` flag (an
 * identity escape such as `\:` or `\-` outside a class, which schemars-generated schemas write)
 * still compiles, both in the compiled validator and in its cached standalone code, and still
 * checks: VS Code's JSON language service reads such patterns the same way (with `u` first,
 * then without). A pattern that is no regular expression at all still fails to compile.
 */
import { describe, expect, it } from "vitest";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { fileUri } from "../../src/core/schema/refs.js";
import { loadStandalone } from "../../src/core/schema/standalone.js";

function root(path: string, schema: Record<string, unknown>): LoadedSchema {
  return { path, uri: fileUri(path), schema: { ...schema, $id: fileUri(path) }, draft: "draft-07" };
}

describe("patterns valid without the u flag", () => {
  // tauri-apps/tauri crates/tauri-schema-generator/schemas/config.schema.json (a file name: no / \ : * ? " < > |).
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: { name: { type: "string", pattern: '^[^/\\:*?"<>|]+$' }, id: { type: "string", pattern: "^a\\-b$" } },
    patternProperties: { "^x\\-": { type: "number" } },
  };

  it("compile, and the compiled and standalone validators both check them", async () => {
    const r = await new SchemaCompiler().compile(root("schemas/tauri.json", schema), []);
    if (!r.ok) throw new Error(r.error);
    const standalone = await loadStandalone(r.code);
    for (const validate of [r.validate, standalone]) {
      expect(validate({ name: "app", id: "a-b", "x-1": 1 })).toBeNull();
      expect(validate({ name: "a:b" })?.map((e) => e.instancePath)).toEqual(["/name"]);
      expect(validate({ id: "ab" })?.map((e) => e.instancePath)).toEqual(["/id"]);
      expect(validate({ "x-1": "one" })?.map((e) => e.instancePath)).toEqual(["/x-1"]);
    }
  });

  it("a pattern valid with u keeps its u meaning (astral characters are one character)", async () => {
    const r = await new SchemaCompiler().compile(root("schemas/u.json", { type: "string", pattern: "^.$" }), []);
    if (!r.ok) throw new Error(r.error);
    for (const validate of [r.validate, await loadStandalone(r.code)]) expect(validate("😀")).toBeNull();
  });

  it("a pattern that is no regular expression at all still does not compile", async () => {
    const r = await new SchemaCompiler().compile(root("schemas/bad.json", { type: "string", pattern: "^(a$" }), []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Invalid regular expression/);
  });
});
