/**
 * Which alternative of a failed anyOf/oneOf is reported: the one that takes the value's type,
 * with only its own errors (deep ones at their exact line and column); when no alternative takes
 * the type, one finding that lists the types. The same from the compiled validator and its
 * standalone code; never no finding for an invalid value.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { ajvErrorsToFindings } from "../../src/core/schema/ajv-findings.js";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { fileUri } from "../../src/core/schema/refs.js";
import { loadStandalone } from "../../src/core/schema/standalone.js";

/** Reduced from the shapes of Buildkite's pipeline schema and GitHub's `runs-on`. */
const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    steps: {
      type: "array",
      items: { anyOf: [{ $ref: "#/definitions/stringWait" }, { $ref: "#/definitions/command" }, { $ref: "#/definitions/nestedCommand" }] },
    },
    "runs-on": {
      anyOf: [
        { type: "string" },
        { type: "array", items: { type: "string" } },
        { type: "object", properties: { group: { type: "string" }, labels: { type: "array" } }, additionalProperties: false },
      ],
    },
  },
  definitions: {
    stringWait: { type: "string", enum: ["wait"] },
    command: {
      type: "object",
      properties: { label: { type: "string" }, command: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] } },
      additionalProperties: false,
    },
    nestedCommand: {
      type: "object",
      properties: { command: { $ref: "#/definitions/command" } },
      additionalProperties: false,
    },
  },
};

async function validators() {
  const path = "schemas/alt.json";
  const root: LoadedSchema = { path, uri: fileUri(path), schema: { ...SCHEMA, $id: fileUri(path) }, draft: "draft-07" };
  const r = await new SchemaCompiler().compile(root, []);
  if (!r.ok) throw new Error(r.error);
  return [
    ["compiled", r.validate],
    ["standalone", await loadStandalone(r.code)],
  ] as const;
}

function findings(validate: (d: unknown) => unknown, text: string) {
  const doc = parseDocument(Buffer.from(text), { path: "p.yml" });
  if (!doc.ok) throw new Error("fixture does not parse");
  const errors = (validate as (d: unknown) => Parameters<typeof ajvErrorsToFindings>[0] | null)(doc.value);
  expect(errors, "the fixture is invalid").not.toBeNull();
  return ajvErrorsToFindings(errors ?? [], { file: "p.yml", schemaPath: "alt.json", doc }).map((f) => ({
    at: `${f.line}:${f.column}`,
    message: f.message.replace(/ \(alt\.json.*$/, ""),
  }));
}

describe("the alternative of a failed anyOf that is reported", () => {
  it("a step with a misspelt key beside its command: exactly the unknown-key finding, not the nested form's 'must be an object'", async () => {
    for (const [label, validate] of await validators()) {
      expect(findings(validate, "steps:\n  - label: build\n    comand: make\n    command: make\n"), label).toEqual([
        { at: "3:5", message: 'steps.0.comand: unknown key "comand" (did you mean "command"?)' },
      ]);
    }
  });

  it("a value whose type no alternative takes: one finding at the value that lists the types", async () => {
    for (const [label, validate] of await validators()) {
      expect(findings(validate, "runs-on: 7\n"), label).toEqual([
        { at: "1:10", message: "runs-on: must be one of the types string, array, object, found integer 7" },
      ]);
      expect(findings(validate, "steps:\n  - true\n"), label).toEqual([
        { at: "2:5", message: "steps.0: must be one of the types string, object, found boolean true" },
      ]);
    }
  });

  it("a value of the right type with a deep error in that alternative: that error, at its own line and column", async () => {
    for (const [label, validate] of await validators()) {
      expect(findings(validate, "runs-on:\n  labels: []\n  group: 5\n"), label).toEqual([
        { at: "3:10", message: "runs-on.group: must be a string, found integer 5" },
      ]);
      expect(findings(validate, "steps:\n  - wait\n  - label: x\n    command: [make, 3]\n"), label).toEqual([
        { at: "4:21", message: "steps.1.command.1: must be a string, found integer 3" },
      ]);
    }
  });

  it("a string that is not one of a string alternative's values: that alternative's finding, not the objects' type errors", async () => {
    for (const [label, validate] of await validators()) {
      expect(findings(validate, "steps:\n  - wiat\n"), label).toEqual([
        { at: "2:5", message: 'steps.0: "wiat" is not one of the allowed values' },
      ]);
    }
  });
});
