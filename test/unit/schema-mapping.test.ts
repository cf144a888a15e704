import { describe, expect, it } from "vitest";
import { draftOf } from "../../src/core/schema/draft.js";
import { isUrl, normalizeRepoPath, resolveRelative, schemasFor } from "../../src/core/schema/mapping.js";
import { externalRefs, fileUri } from "../../src/core/schema/refs.js";

describe("schemasFor: which schemas apply to a file", () => {
  const mappings = [
    { files: ["data/**/*.json"], schema: "schemas/data.schema.json" },
    { files: ["data/special.json"], schema: "./schemas/special.schema.json" },
    { files: ["config/"], schema: "schemas/config.schema.yaml" },
  ];

  it.each([
    ["data/a.json", {}, ["schemas/data.schema.json"]],
    ["data/special.json", {}, ["schemas/data.schema.json", "schemas/special.schema.json"]],
    ["config/deep/x.yaml", {}, ["schemas/config.schema.yaml"]],
    ["other.json", {}, []],
    // $schema relative to the file's folder
    ["sub/dir/x.json", { $schema: "../../schemas/own.json" }, ["schemas/own.json"]],
    ["sub/x.json", { $schema: "./own.schema.json#" }, ["sub/own.schema.json"]],
    // mapping and $schema naming the same schema count once
    ["data/b.json", { $schema: "../schemas/data.schema.json" }, ["schemas/data.schema.json"]],
  ])("%s with %j -> %j", (file, value, expected) => {
    expect(schemasFor(file, mappings, value).schemas.map((s) => s.path)).toEqual(expected);
  });

  it("remote $schema URLs are not used, but reported", () => {
    const c = schemasFor("x.json", [], { $schema: "https://json.schemastore.org/package.json" });
    expect(c.schemas).toEqual([]);
    expect(c.remote).toBe("https://json.schemastore.org/package.json");
  });

  it("a $schema that climbs out of the repository is reported, not used", () => {
    const c = schemasFor("a/x.json", [], { $schema: "../../../etc/passwd" });
    expect(c.schemas).toEqual([]);
    expect(c.outside).toBe("../../../etc/passwd");
  });

  it("$schema is read only from an object document", () => {
    expect(schemasFor("x.json", [], ["$schema"]).schemas).toEqual([]);
    expect(schemasFor("x.json", [], "s.json").schemas).toEqual([]);
  });

  it("path helpers", () => {
    expect(resolveRelative("a/b/c.json", "../d.json")).toBe("a/d.json");
    expect(resolveRelative("c.json", "../d.json")).toBeUndefined();
    expect(resolveRelative("a/c.json", "/abs.json")).toBeUndefined();
    expect(normalizeRepoPath("./schemas//x.json")).toBe("schemas/x.json");
    expect(normalizeRepoPath("../x.json")).toBeUndefined();
    expect(isUrl("https://x")).toBe(true);
    expect(isUrl("urn:x")).toBe(true);
    expect(isUrl("C:/x.json")).toBe(false);
    expect(isUrl("schemas/x.json")).toBe(false);
  });
});

describe("draftOf: the draft picks ajv's class", () => {
  it.each([
    [{}, "draft-07"],
    [{ $schema: "http://json-schema.org/draft-07/schema#" }, "draft-07"],
    [{ $schema: "https://json-schema.org/draft-07/schema" }, "draft-07"],
    [{ $schema: "http://json-schema.org/draft-06/schema#" }, "draft-06"],
    [{ $schema: "http://json-schema.org/draft-04/schema#" }, "draft-04"],
    [{ $schema: "https://json-schema.org/draft/2019-09/schema" }, "2019-09"],
    [{ $schema: "https://json-schema.org/draft/2020-12/schema" }, "2020-12"],
    [true, "draft-07"],
  ])("%j -> %s", (schema, draft) => {
    expect(draftOf(schema)).toBe(draft);
  });

  it("an unknown meta-schema is not guessed", () => {
    expect(draftOf({ $schema: "https://example.com/my-meta" })).toEqual({ unknown: "https://example.com/my-meta" });
  });
});

describe("externalRefs: local $ref files to load", () => {
  it("finds relative refs, resolves them against the schema's folder, skips internal ones", () => {
    const schema = {
      properties: {
        a: { $ref: "#/definitions/x" },
        b: { $ref: "common.json#/definitions/y" },
        c: { $ref: "./nested/more.yaml" },
        d: { $ref: "https://example.com/remote.json" },
        e: { $ref: "../../outside.json" },
        f: { const: { $ref: "not-a-ref.json" } },
      },
    };
    const refs = externalRefs(schema, "schemas/root.json", fileUri("schemas/root.json"));
    expect(refs.map((r) => [r.ref, r.path, r.escapes ?? false])).toEqual([
      ["common.json#/definitions/y", "schemas/common.json", false],
      ["./nested/more.yaml", "schemas/nested/more.yaml", false],
      ["https://example.com/remote.json", undefined, false],
      ["../../outside.json", undefined, true],
    ]);
    expect(refs[0]!.uri).toBe("file:///schemas/common.json");
  });
});
