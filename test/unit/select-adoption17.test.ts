/**
 * Session 17, pure parts: which reader a name or content selects (hcl-json.ts, jsonc-by-content.ts,
 * well-known-names.ts), HCL 1's reading of a repeated name, and `format` failures as annotations
 * (ajv-findings.ts) for a schema the user did not map.
 */
import { describe, expect, it } from "vitest";
import { firstParse } from "../../src/checks/file-steps.js";
import { hclJsonReaderOf } from "../../src/core/select/hcl-json.js";
import { jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";
import { wellKnownOf } from "../../src/core/select/well-known-names.js";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { ajvErrorsToFindings } from "../../src/core/schema/ajv-findings.js";
import { fileUri } from "../../src/core/schema/refs.js";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

describe("which HCL reads a JSON file", () => {
  it.each([
    ["main.tf.json", "{}", "hcl2"],
    ["tests/a.tftest.json", "{}", "hcl2"],
    ["credentials.tfrc.json", "{}", "hcl1-cli"],
    ["config/Mirror.TFRC.JSON", "{}", "hcl1-cli"],
    ["testdata/provider-installation.json", '{ "provider_installation": { "direct": [{}] } }', "hcl1-cli"],
    ["terraform.tfvars.json", "{}", undefined],
    ["data/a.json", '{ "installation": {} }', undefined],
  ])("%s", (file, text, reader) => {
    expect(hclJsonReaderOf(file, text)).toBe(reader);
  });

  it("HCL 1: a repeated object deeper down is kept (a notice); a repeated string is overwritten (an error)", () => {
    const text = '{\n  "credentials": {\n    "a.example": { "token": "x" },\n    "a.example": { "token": "y", "token": "z" }\n  }\n}\n';
    const doc = firstParse(text, "credentials.tfrc.json", "json", undefined).doc;
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.key])).toEqual([
      ["parse/duplicate-key", "notice", 4, "a.example"],
      ["parse/duplicate-key", "error", 4, "token"],
    ]);
    // The same text as HCL 2 (.tf.json): a repeat one level down is a warning (a block or an argument).
    expect(firstParse(text, "main.tf.json", "json", undefined).doc.findings.map((f) => f.level)).toEqual(["warning", "error"]);
  });
});

describe("readers known by content or by a name's suffix", () => {
  it("librdkafka scenarios need trivup's keys under tests/scenarios/", () => {
    expect(jsoncDialectByContent("lib/librdkafka/tests/scenarios/ak23.json", '{"num_partitions": 4,}')?.trailingCommas).toBe(true);
    expect(jsoncDialectByContent("tests/scenarios/default.json", '{"replication_factor": 3,}')?.trailingCommas).toBe(true);
    expect(jsoncDialectByContent("tests/scenarios/login.json", '{"steps": [],}')).toBeUndefined();
    expect(jsoncDialectByContent("config/kafka.json", '{"num_partitions": 4,}')).toBeUndefined();
  });

  it("symfony.lock is strict JSON (Symfony Flex reads it with Composer's JsonFile: json_decode)", () => {
    expect(wellKnownOf("symfony.lock")).toMatchObject({ format: "json" });
    expect(wellKnownOf("app/symfony.lock")?.trailingCommas).toBeUndefined();
  });

  it("workload manifests: by the name's suffix, or by workloads and packs with a kind", () => {
    for (const f of ["WorkloadManifest.json", "testassets/mauiWorkloadManifest.json", "x/Blazor-WorkloadManifest.json"])
      expect(wellKnownOf(f)?.format, f).toBe("jsonc");
    expect(wellKnownOf("WorkloadManifest.json.bak")).toBeUndefined();
    expect(wellKnownOf("my.WorkloadManifest.json")).toBeUndefined();
    const manifest = '{"workloads": {"a": {"packs": ["P"]}}, "packs": {"P": {"kind": "Sdk", "version": "1"}},}';
    expect(jsoncDialectByContent("testassets/AbstractWorkloads.json", manifest)?.trailingCommas).toBe(true);
    expect(jsoncDialectByContent("data/workloads.json", '{"workloads": {}, "packs": {},}')).toBeUndefined();
  });
});

describe("format failures of a schema the user did not map", () => {
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: { expected: { propertyNames: { format: "uri" } }, n: { type: "integer" } },
  };
  const text = '{"expected": {"#/a": 1, "#/b": 2, "#/c": 3}, "n": "x"}';

  it("are warnings saying how to make them errors; other keywords stay errors; capped per level", async () => {
    const root: LoadedSchema = { path: "s.json", uri: fileUri("s.json"), schema: { ...schema, $id: fileUri("s.json") }, draft: "draft-07" };
    const r = await new SchemaCompiler().compile(root, []);
    if (!r.ok) throw new Error(r.error);
    const doc = parseDocument(text, { path: "a.json", format: "json" });
    const errors = r.validate(doc.value)!;
    expect(errors.length).toBeGreaterThan(0);
    const annotation = { foundBy: "through the file's own $schema", mapping: '{files: ["a.json"], schema: "s.json"}' };
    const all = ajvErrorsToFindings(errors, { file: "a.json", schemaPath: "s.json", doc, formatAnnotation: annotation });
    expect(all.map((f) => [f.level, f.pointer])).toEqual([
      ["warning", "/expected/#~1a"],
      ["warning", "/expected/#~1b"],
      ["warning", "/expected/#~1c"],
      ["error", "/n"],
    ]);
    expect(all[0]!.message).toContain("format is an annotation");
    expect(all[0]!.fix).toContain('validate.schemas: [{files: ["a.json"], schema: "s.json"}]');
    const capped = ajvErrorsToFindings(errors, { file: "a.json", schemaPath: "s.json", doc, formatAnnotation: annotation, limit: 1 });
    expect(capped.map((f) => [f.rule, f.level, f.omitted?.level ?? null, f.omitted?.count ?? null])).toEqual([
      ["schema/violation", "warning", null, null],
      ["report/capped", "notice", "error", 1],
      ["report/capped", "notice", "warning", 2],
    ]);
    const mapped = ajvErrorsToFindings(errors, { file: "a.json", schemaPath: "s.json", doc });
    expect(mapped.map((f) => f.level)).toEqual(["error", "error", "error", "error"]);
  });
});
