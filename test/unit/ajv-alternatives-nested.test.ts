/**
 * Nested anyOf/oneOf as schemars writes them (Biome's configuration_schema.json: every optional
 * setting is `anyOf: [{$ref}, {type: null}]`, a rule is `oneOf: [plain level, level with options]`,
 * a plain level is a `oneOf` of constants). The finding must name the real cause (the unknown
 * key, the missing key, the value that is not one of the constants) at its own line, not three
 * "must match a schema in anyOf" at the enclosing objects; the same from the compiled validator
 * and its cached standalone code, and never with no finding at all.
 *
 * The schema is written here in the shape of biomejs/biome's packages/@biomejs/biome/configuration_schema.json
 * (MIT OR Apache-2.0); the documents are crates/biome_configuration/tests/invalid/{hooks_incorrect_options,
 * rule_without_level,domains}.json, reduced.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { ajvErrorsToFindings, closest, closestOrStem } from "../../src/core/schema/ajv-findings.js";
import { SchemaCompiler, type LoadedSchema } from "../../src/core/schema/compile.js";
import { fileUri } from "../../src/core/schema/refs.js";
import { loadStandalone } from "../../src/core/schema/standalone.js";

const levels = ["off", "on", "warn", "error"];
const SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    linter: { anyOf: [{ $ref: "#/$defs/Linter" }, { type: "null" }] },
  },
  additionalProperties: false,
  $defs: {
    Linter: {
      type: "object",
      properties: {
        rules: { anyOf: [{ $ref: "#/$defs/Rules" }, { type: "null" }] },
        domains: { anyOf: [{ $ref: "#/$defs/Domains" }, { type: "null" }] },
      },
      additionalProperties: false,
    },
    Rules: {
      type: "object",
      properties: { correctness: { anyOf: [{ $ref: "#/$defs/Correctness" }, { type: "null" }] } },
      additionalProperties: false,
    },
    Correctness: { anyOf: [{ $ref: "#/$defs/GroupPlain" }, { $ref: "#/$defs/CorrectnessRules" }] },
    GroupPlain: { oneOf: levels.map((l) => ({ type: "string", const: l })) },
    CorrectnessRules: {
      type: "object",
      properties: { useExhaustiveDependencies: { anyOf: [{ $ref: "#/$defs/DepsConfiguration" }, { type: "null" }] } },
      additionalProperties: false,
    },
    DepsConfiguration: { oneOf: [{ $ref: "#/$defs/RulePlain" }, { $ref: "#/$defs/RuleWithDepsOptions" }] },
    RulePlain: { oneOf: levels.map((l) => ({ type: "string", enum: [l] })) },
    RuleWithDepsOptions: {
      type: "object",
      properties: { level: { $ref: "#/$defs/RulePlain" }, options: { $ref: "#/$defs/DepsOptions" } },
      required: ["level"],
      additionalProperties: false,
    },
    DepsOptions: {
      type: "object",
      properties: { hooks: { type: ["array", "null"] }, reportUnnecessaryDependencies: { type: ["boolean", "null"] } },
      additionalProperties: false,
    },
    Domains: { type: "object", propertyNames: { $ref: "#/$defs/Domain" }, additionalProperties: { $ref: "#/$defs/DomainValue" } },
    Domain: { oneOf: ["react", "test", "solid", "next"].map((d) => ({ const: d })) },
    DomainValue: { oneOf: ["all", "none", "recommended"].map((v) => ({ type: "string", const: v })) },
  },
};

async function validators() {
  const path = "schemas/biome.json";
  const root: LoadedSchema = { path, uri: fileUri(path), schema: { ...SCHEMA, $id: fileUri(path) }, draft: "2020-12" };
  const r = await new SchemaCompiler().compile(root, []);
  if (!r.ok) throw new Error(r.error);
  return [
    ["compiled", r.validate],
    ["standalone", await loadStandalone(r.code)],
  ] as const;
}

function findings(validate: (d: unknown) => unknown, text: string) {
  const doc = parseDocument(Buffer.from(text), { path: "biome.json" });
  if (!doc.ok) throw new Error("fixture does not parse");
  const errors = (validate as (d: unknown) => Parameters<typeof ajvErrorsToFindings>[0] | null)(doc.value) ?? [];
  return ajvErrorsToFindings(errors, { file: "biome.json", schemaPath: "biome.json", doc }).map((f) => ({
    at: `${f.line}:${f.column}`,
    message: f.message.replace(/ \(biome\.json.*$/, ""),
    fix: f.fix,
  }));
}

const rule = (body: string) =>
  `{\n  "linter": {\n    "rules": {\n      "correctness": {\n        "useExhaustiveDependencies": ${body}\n      }\n    }\n  }\n}\n`;

describe("nested anyOf/oneOf (schemars' shape)", () => {
  it("an unknown key deep in the options: that key, with its did-you-mean, not three anyOf wrappers", async () => {
    for (const [name, validate] of await validators()) {
      const got = findings(validate, rule('{\n          "level": "error",\n          "options": { "hooksTYPO": {} }\n        }'));
      expect(got, name).toEqual([
        {
          at: "7:24",
          message: 'linter.rules.correctness.useExhaustiveDependencies.options.hooksTYPO: unknown key "hooksTYPO" (did you mean "hooks"?)',
          fix: 'rename "hooksTYPO" to "hooks"',
        },
      ]);
    }
  });

  it("a rule object without its level: the missing key, at that object", async () => {
    for (const [name, validate] of await validators()) {
      const got = findings(validate, rule('{ "options": {} }'));
      expect(
        got.map((f) => [f.at, f.message]),
        name,
      ).toEqual([["5:38", 'linter.rules.correctness.useExhaustiveDependencies: missing required key "level"']]);
    }
  });

  it("a value that is none of a oneOf of constants: one finding with a did-you-mean, not one per constant", async () => {
    for (const [name, validate] of await validators()) {
      const got = findings(validate, rule('"eror"'));
      expect(got, name).toHaveLength(1);
      expect(got[0]!.message, name).toBe('linter.rules.correctness.useExhaustiveDependencies: "eror" is not one of the allowed values');
      expect(got[0]!.fix, name).toBe('did you mean "error"?');
      // The plain group level (a string) is still checked the same way.
      const group = findings(validate, '{ "linter": { "rules": { "correctness": "of" } } }');
      expect(
        group.map((f) => f.message),
        name,
      ).toEqual(['linter.rules.correctness: "of" is not one of the allowed values']);
    }
  });

  it("a key that propertyNames refuses: the key, at the key, and its value's own error too", async () => {
    for (const [name, validate] of await validators()) {
      const got = findings(validate, '{\n  "linter": {\n    "domains": {\n      "reactt": true\n    }\n  }\n}\n');
      expect(
        got.map((f) => [f.at, f.message]),
        name,
      ).toEqual([
        ["4:7", 'linter.domains.reactt: key "reactt" is not one of the allowed names'],
        ["4:17", "linter.domains.reactt: must be a string, found boolean true"],
      ]);
      expect(got[0]!.fix, name).toBe('did you mean "react"?');
    }
  });

  it("still fails what no alternative takes, and passes what one does", async () => {
    for (const [name, validate] of await validators()) {
      expect(
        findings(validate, '{ "linter": 5 }').map((f) => f.message),
        name,
      ).toEqual(["linter: must be one of the types object, null, found integer 5"]);
      expect(findings(validate, rule('{ "level": "warn", "options": { "hooks": [] } }')), name).toEqual([]);
      expect(findings(validate, rule('"warn"')), name).toEqual([]);
      expect(findings(validate, '{ "linter": { "domains": { "react": "all" } } }'), name).toEqual([]);
    }
  });
});

describe("closestOrStem (a schema's did-you-mean)", () => {
  it("takes a known key the name starts with when no key is a small edit away", () => {
    expect(closestOrStem("hooksTYPO", ["hooks", "reportUnnecessaryDependencies"])).toBe("hooks");
    expect(closestOrStem("strictCaseTYPO", ["strict", "strictCase", "conventions"])).toBe("strictCase");
    expect(closestOrStem("levle", ["level", "levelX"])).toBe("level");
    // Too short a stem, or nothing in common: no guess.
    expect(closestOrStem("abcdef", ["abc"])).toBeUndefined();
    expect(closestOrStem("zzzzzz", ["hooks"])).toBeUndefined();
    // closest itself (also used for layered configs, where a longer new key is no typo) is unchanged.
    expect(closest("hooksTYPO", ["hooks"])).toBeUndefined();
  });
});
