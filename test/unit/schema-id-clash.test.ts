/**
 * Two schemas with the same $id in one run: a repository's copy of a SchemaStore schema beside
 * the built-in one (SchemaStore/schemastore's src/schemas/json/package.json, named by the
 * `$schema` of its tests, while package.json files get the built-in copy), or two versions of a
 * schema that kept their $id. Each data file names its own schema by path, so each must compile
 * against its own copy, whatever was compiled first; only a single schema tree that holds the
 * same $id twice stays an error (its `$ref`s are ambiguous).
 */
import { describe, expect, it } from "vitest";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { loadStandalone } from "../../src/core/schema/standalone.js";

const ID = "https://json.schemastore.org/package.json";

function schema(path: string, required: string, id = ID): LoadedSchema {
  return {
    path,
    uri: id,
    schema: { $schema: "http://json-schema.org/draft-07/schema#", $id: id, type: "object", required: [required] },
    draft: "draft-07",
  };
}

describe("schemas sharing an $id", () => {
  it("compiles each root against its own copy, in either order", async () => {
    const builtin = schema("/builtin/schemastore/package.json", "name");
    const vendored = schema("src/schemas/json/package.json", "version");
    for (const order of [
      [builtin, vendored],
      [vendored, builtin],
    ]) {
      const compiler = new SchemaCompiler();
      const results = [];
      for (const s of order) results.push(await compiler.compile(s, []));
      for (const [i, r] of results.entries()) {
        if (!r.ok) throw new Error(r.error);
        const wants = order[i] === builtin ? "name" : "version";
        expect(r.validate({ [wants]: "x" })).toBeNull();
        expect(r.validate({})?.[0]?.params).toEqual({ missingProperty: wants });
        const standalone = await loadStandalone(r.code);
        expect(standalone({ [wants]: "x" })).toBeNull();
      }
    }
  });

  it("compiles a root whose dependency shares an $id with another root's dependency", async () => {
    const compiler = new SchemaCompiler();
    const dep = (path: string, type: string): LoadedSchema => ({
      path,
      uri: "https://example.com/defs.json",
      schema: { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://example.com/defs.json", type },
      draft: "draft-07",
    });
    const root = (path: string): LoadedSchema => ({
      path,
      uri: `file:///${path}`,
      schema: { $schema: "http://json-schema.org/draft-07/schema#", $id: `file:///${path}`, $ref: "https://example.com/defs.json" },
      draft: "draft-07",
    });
    const a = await compiler.compile(root("v1/a.json"), [dep("v1/defs.json", "string")]);
    const b = await compiler.compile(root("v2/b.json"), [dep("v2/defs.json", "number")]);
    if (!a.ok) throw new Error(a.error);
    if (!b.ok) throw new Error(b.error);
    expect(a.validate("s")).toBeNull();
    expect(a.validate(1)).not.toBeNull();
    expect(b.validate(1)).toBeNull();
    expect(b.validate("s")).not.toBeNull();
  });

  it("still refuses one schema tree that holds the same $id twice", async () => {
    const r = await new SchemaCompiler().compile(schema("a.json", "name"), [schema("b.json", "name")]);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("both have the $id") });
  });
});
