/**
 * The SARIF the CLI and the Action write validates against the SARIF 2.1.0 schema (draft-04,
 * as shipped by @microsoft/jest-sarif), also for file names holding spaces, `#`, `%`, `?`,
 * backslashes and non-ASCII (issue 17). The same names written unencoded are rejected, so the
 * test can fail.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type Draft04 from "ajv-draft-04";
import type formatsPlugin from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import { artifactUri, renderSarif } from "../../src/report/sarif.js";

const require = createRequire(import.meta.url);
// CommonJS whose default exports TypeScript's NodeNext view cannot call: taken through require.
const Ajv = require("ajv-draft-04") as typeof Draft04.default;
const addFormats = require("ajv-formats") as typeof formatsPlugin.default;
const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as object;
// The schema has a `language` pattern that is valid only without the `u` flag (as draft-04 tools read it).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const HOSTILE = [
  "data/my state.json",
  "data/#1.json",
  "data/100%.yaml",
  "data/50%20off.yaml",
  "config/ü ñ 日本.yml",
  "a?b.json",
  "dir\\name.json",
  "[x]:y@z.json",
  "emoji 🚀/state.json",
];

const findingsFor = (files: string[]): Finding[] =>
  files.flatMap((file, i) => [
    { rule: "parse/syntax", level: "error", file, line: i + 1, column: 2, message: `unexpected token in ${file}`, fix: "repair it" },
    { rule: "schema/type", level: "warning", file, line: 1, pointer: "/a", message: "expected a number" },
  ]);

const errorsOf = (text: string) => {
  const ok = validate(JSON.parse(text));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
};

describe("SARIF against the SARIF 2.1.0 schema", () => {
  it("validates with hostile file names, a finding without a file and a notice", () => {
    const findings: Finding[] = [
      ...findingsFor(HOSTILE),
      { rule: "manifest/missing", level: "notice", message: "no manifest" },
      { rule: "report/capped", level: "notice", file: "data/my state.json", message: "more findings" },
    ];
    const text = renderSarif(findings, "1.2.3");
    expect(errorsOf(text)).toEqual([]);
    const uris = (
      JSON.parse(text) as { runs: { results: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }
    ).runs[0]!.results.flatMap((r) => r.locations ?? []).map((l) => l.physicalLocation.artifactLocation.uri);
    // Every URI decodes back to the file name it stands for.
    expect(new Set(uris.map((u) => decodeURIComponent(u)))).toEqual(new Set(HOSTILE));
    expect(uris).toContain("data/my%20state.json");
    expect(uris).toContain("data/%231.json");
    expect(uris).toContain("data/100%25.yaml");
    expect(uris).toContain("data/50%2520off.yaml");
  });

  it("the schema rejects the same names written unencoded (the check can fail)", () => {
    for (const file of ["data/my state.json", "data/100%.yaml"]) {
      const text = renderSarif(findingsFor([file]), "1.2.3")
        .split(JSON.stringify(artifactUri(file)))
        .join(JSON.stringify(file));
      expect(text).toContain(JSON.stringify(file));
      expect(errorsOf(text).join("\n")).toMatch(/uri/);
    }
  });
});
