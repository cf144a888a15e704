/**
 * The fix of a YAML "key must fit on one line" error names the usual cause seen in real files: a
 * `key:` line indented deeper than a scalar value above it, which reads as that value's
 * continuation (ESLint's tests/fixtures/bin/.eslintrc.yml, MIT, commit c27bc926e496).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadYamlSupport, parseDocument } from "../../src/core/parse/index.js";

beforeAll(loadYamlSupport);

describe("fix of an implicit key over several lines", () => {
  it("names a key line indented deeper than the value above it", () => {
    const doc = parseDocument("rules:\n  semi: error\nyoda: error\n  quotes: error\n", { path: ".eslintrc.yml" });
    const errors = doc.findings.filter((f) => f.level === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) expect(f.fix).toContain("indented deeper than the line above");
  });
});
