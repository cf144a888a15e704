/**
 * A failed oneOf/anyOf is reported as the errors of the alternative the value fits best, not of
 * every alternative (issue 19: 22 errors for one cause on a real workflow), with the same result
 * from the compiled validator and its cached standalone code, and never with no finding at all.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { ajvErrorsToFindings } from "../../src/core/schema/ajv-findings.js";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { fileUri } from "../../src/core/schema/refs.js";
import { loadStandalone } from "../../src/core/schema/standalone.js";

/** A job is either steps on a runner or a call of another workflow, as in GitHub's workflow schema. */
const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    jobs: { type: "object", additionalProperties: { oneOf: [{ $ref: "#/definitions/steps" }, { $ref: "#/definitions/call" }] } },
  },
  definitions: {
    steps: {
      type: "object",
      properties: {
        "runs-on": { type: "string" },
        steps: { type: "array" },
        strategy: { type: "object", properties: { "max-parallel": { type: "number" } }, additionalProperties: false },
      },
      required: ["runs-on"],
      additionalProperties: false,
    },
    call: {
      type: "object",
      properties: {
        uses: { type: "string" },
        with: { type: "object" },
        strategy: { type: "object", properties: { "max-parallel": { type: "number" } }, additionalProperties: false },
      },
      required: ["uses"],
      additionalProperties: false,
    },
  },
};

async function validators() {
  const path = "schemas/wf.json";
  const root: LoadedSchema = { path, uri: fileUri(path), schema: { ...SCHEMA, $id: fileUri(path) }, draft: "draft-07" };
  const r = await new SchemaCompiler().compile(root, []);
  if (!r.ok) throw new Error(r.error);
  return [
    ["compiled", r.validate],
    ["standalone", await loadStandalone(r.code)],
  ] as const;
}

function messages(validate: (d: unknown) => unknown, text: string): string[] {
  const doc = parseDocument(Buffer.from(text), { path: "wf.json" });
  if (!doc.ok) throw new Error("fixture does not parse");
  const errors = (validate as (d: unknown) => Parameters<typeof ajvErrorsToFindings>[0] | null)(doc.value) ?? [];
  return ajvErrorsToFindings(errors, { file: "wf.json", schemaPath: "wf.json", doc }).map((f) => f.message.replace(/ \(wf\.json.*$/, ""));
}

describe("a failed oneOf", () => {
  it("a deeper error of the alternative that fits: only that error", async () => {
    for (const [label, validate] of await validators()) {
      const got = messages(validate, JSON.stringify({ jobs: { a: { "runs-on": "x", steps: [], strategy: { "max-parallel": "many" } } } }));
      expect(got, label).toEqual(['jobs.a.strategy.max-parallel: must be a number, found string "many"']);
    }
  });

  it("no alternative fits the shape: the closest one's errors (a misspelt key), not the other's", async () => {
    for (const [label, validate] of await validators()) {
      const got = messages(validate, JSON.stringify({ jobs: { a: { "runs-onn": "x", steps: [] } } }));
      expect(got, label).toEqual([
        'jobs.a: missing required key "runs-on"',
        'jobs.a.runs-onn: unknown key "runs-onn" (did you mean "runs-on"?)',
      ]);
    }
  });

  it("as close to both: the errors of both are kept; a value of the wrong type still fails", async () => {
    for (const [label, validate] of await validators()) {
      expect(messages(validate, JSON.stringify({ jobs: { a: {} } })).sort(), label).toEqual([
        'jobs.a: missing required key "runs-on"',
        'jobs.a: missing required key "uses"',
      ]);
      expect(messages(validate, JSON.stringify({ jobs: { a: 7 } })).length, label).toBeGreaterThan(0);
    }
  });
});
