/**
 * Every ajv error lands on the line and column of the offending value (or key), in JSON and in
 * YAML, and the cached standalone code reports exactly what the compiled validator reports.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { ajvErrorsToFindings } from "../../src/core/schema/ajv-findings.js";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { draftOf, idKeyword, type Draft } from "../../src/core/schema/draft.js";
import { loadStandalone } from "../../src/core/schema/standalone.js";
import { fileUri } from "../../src/core/schema/refs.js";

const SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["id", "owner"],
  additionalProperties: false,
  properties: {
    id: { type: "integer" },
    owner: { type: "string" },
    status: { enum: ["active", "done"] },
    when: { type: "string", format: "date-time" },
    tags: { type: "array", items: { type: "string" } },
    meta: { type: "object", required: ["version"], properties: { version: { type: "integer" } } },
  },
};

// Each bad value's position is noted beside it (line:column, 1-based).
const JSON_TEXT = [
  "{", //                                   1
  '  "id": "seven",', //                    2: value at 2:9
  '  "status": "activ",', //                3: value at 3:13
  '  "when": "not a date",', //             4: value at 4:11
  '  "tags": ["a", 2],', //                 5: item 1 at 5:17
  '  "meta": {},', //                       6: object at 6:11 (missing version)
  '  "colour": "red"', //                   7: unknown key at 7:3
  "}", //                                    (missing owner: the root object at 1:1)
].join("\n");

const YAML_TEXT = [
  "id: seven", //                           1: value at 1:5
  "status: activ", //                       2: value at 2:9
  "when: not a date", //                    3: value at 3:7
  "tags:", //                               4
  "  - a", //                               5
  "  - 2", //                               6: item 1 at 6:5
  "meta:", //                               7
  "  other: 1", //                          8: the meta mapping starts at 8:3
  "colour: red", //                         9: unknown key at 9:1
].join("\n");

const EXPECTED: [string, number, number][] = [
  ["/id", 2, 9],
  ["/status", 3, 13],
  ["/when", 4, 11],
  ["/tags/1", 5, 17],
  ["/meta", 6, 11],
  ["/colour", 7, 3],
  ["", 1, 1],
];
const EXPECTED_YAML: [string, number, number][] = [
  ["/id", 1, 5],
  ["/status", 2, 9],
  ["/when", 3, 7],
  ["/tags/1", 6, 5],
  ["/meta", 8, 3],
  ["/colour", 9, 1],
  ["", 1, 1],
];

async function compile(schema: Record<string, unknown>, path = "schemas/s.json") {
  const draft = draftOf(schema) as Draft;
  const root: LoadedSchema = { path, uri: fileUri(path), schema: { ...schema, [idKeyword(draft)]: fileUri(path) }, draft };
  const result = await new SchemaCompiler().compile(root, []);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe.each([
  ["JSON", "data/x.json", JSON_TEXT, EXPECTED],
  ["YAML", "data/x.yaml", YAML_TEXT, EXPECTED_YAML],
])("schema errors in %s are positioned", (_label, file, text, expected) => {
  it("at the offending value, with expected/found/fix", async () => {
    const { validate } = await compile(SCHEMA);
    const doc = parseDocument(Buffer.from(text), { path: file });
    expect(doc.ok).toBe(true);
    const findings = ajvErrorsToFindings(validate(doc.value) ?? [], { file, schemaPath: "schemas/s.json", doc });
    const got = findings.map((f) => [f.pointer, f.line, f.column]);
    expect(got).toEqual(expect.arrayContaining(expected));
    expect(findings).toHaveLength(expected.length);
    const byPointer = new Map(findings.map((f) => [f.pointer, f]));
    expect(byPointer.get("/id")).toMatchObject({
      rule: "schema/violation",
      level: "error",
      file,
      expected: "integer",
      found: 'string "seven"',
    });
    expect(byPointer.get("/status")).toMatchObject({ found: '"activ"', fix: 'did you mean "active"?' });
    expect(byPointer.get("/when")!.message).toContain("is not a valid date-time");
    expect(byPointer.get("/colour")).toMatchObject({ fix: expect.stringContaining('remove "colour"') });
    expect(byPointer.get("")!.message).toContain('missing required key "owner"');
    expect(byPointer.get("/meta")!.message).toContain('missing required key "version"');
  });
});

describe("ajv drafts and standalone code", () => {
  it.each([
    [
      "http://json-schema.org/draft-07/schema#",
      { definitions: { n: { type: "integer" } }, properties: { a: { $ref: "#/definitions/n" } } },
    ],
    [
      "https://json-schema.org/draft/2019-09/schema",
      { $defs: { n: { type: "integer" } }, properties: { a: { $ref: "#/$defs/n" } }, unevaluatedProperties: false },
    ],
    [
      "https://json-schema.org/draft/2020-12/schema",
      { $defs: { n: { type: "integer" } }, properties: { a: { $ref: "#/$defs/n" } }, prefixItems: [{ type: "string" }] },
    ],
    [
      "http://json-schema.org/draft-06/schema#",
      { definitions: { n: { type: "integer" } }, properties: { a: { $ref: "#/definitions/n" } } },
    ],
    [
      "http://json-schema.org/draft-04/schema#",
      { definitions: { n: { type: "integer" } }, properties: { a: { $ref: "#/definitions/n" } } },
    ],
  ])("%s compiles, validates, and its standalone code agrees", async ($schema, body) => {
    const { validate, code } = await compile({ $schema, type: "object", ...body });
    const fromCode = await loadStandalone(code);
    expect(validate({ a: 1 })).toBeNull();
    expect(fromCode({ a: 1 })).toBeNull();
    const e1 = validate({ a: "x" });
    const e2 = fromCode({ a: "x" });
    expect(e1?.map((e) => [e.instancePath, e.keyword])).toEqual([["/a", "type"]]);
    expect(e2?.map((e) => [e.instancePath, e.keyword])).toEqual([["/a", "type"]]);
  });

  it("2019-09 unevaluatedProperties is reported at the unknown key", async () => {
    const { validate } = await compile({
      $schema: "https://json-schema.org/draft/2019-09/schema",
      type: "object",
      properties: { a: {} },
      unevaluatedProperties: false,
    });
    const doc = parseDocument('{\n  "a": 1,\n  "b": 2\n}', { path: "x.json" });
    const [f] = ajvErrorsToFindings(validate(doc.value) ?? [], { file: "x.json", schemaPath: "s.json", doc });
    expect(f).toMatchObject({ pointer: "/b", line: 3, column: 3 });
  });

  it("formats run from cached standalone code too (ajv-formats shipped with the runtime)", async () => {
    const { code } = await compile({
      type: "object",
      properties: { e: { type: "string", format: "email" }, d: { type: "string", format: "date" } },
    });
    const v = await loadStandalone(code);
    expect(v({ e: "a@b.example", d: "2024-02-29" })).toBeNull();
    expect(v({ e: "nope", d: "2023-02-29" })?.map((e) => e.instancePath)).toEqual(["/e", "/d"]);
  });

  it("draft-04 reads its own dialect: boolean exclusiveMaximum and `id`", async () => {
    const { validate, code } = await compile({
      $schema: "http://json-schema.org/draft-04/schema#",
      type: "object",
      properties: { n: { type: "number", maximum: 10, exclusiveMaximum: true } },
    });
    expect(validate({ n: 9 })).toBeNull();
    expect(validate({ n: 10 })?.map((e) => [e.instancePath, e.keyword])).toEqual([["/n", "maximum"]]);
    expect((await loadStandalone(code))({ n: 10 })?.map((e) => e.instancePath)).toEqual(["/n"]);
  });

  it("a schema that does not compile returns ajv's message", async () => {
    const root: LoadedSchema = { path: "s.json", uri: fileUri("s.json"), schema: { type: "nonsense" }, draft: "draft-07" };
    const r = await new SchemaCompiler().compile(root, []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/schema is invalid/);
  });

  it("errors per file are capped with one 'and K more' line that still counts them", async () => {
    const { validate } = await compile({ type: "array", items: { type: "string" } });
    const value = Array.from({ length: 80 }, (_, i) => i);
    const doc = parseDocument(JSON.stringify(value), { path: "x.json" });
    const findings = ajvErrorsToFindings(validate(doc.value) ?? [], { file: "x.json", schemaPath: "s.json", doc, limit: 50 });
    expect(findings.filter((f) => f.rule === "schema/violation")).toHaveLength(50);
    expect(findings.at(-1)).toMatchObject({
      rule: "report/capped",
      level: "notice",
      message: expect.stringContaining("and 30 more errors of schema/violation"),
      omitted: { rule: "schema/violation", level: "error", count: 30 },
    });
  });

  it("multi-document YAML: each document validated, positions in its own document", async () => {
    const { validate } = await compile({ type: "object", properties: { n: { type: "integer" } } });
    const doc = parseDocument("n: 1\n---\nn: two\n", { path: "m.yaml" });
    expect(doc.documents).toHaveLength(2);
    const f = ajvErrorsToFindings(validate(doc.documents[1]) ?? [], { file: "m.yaml", schemaPath: "s.json", doc, docIndex: 1 });
    expect(f[0]).toMatchObject({ pointer: "/n", line: 3, column: 4 });
    expect(f[0]!.message).toContain("(document 2)");
  });
});
