/**
 * A plain `-` right before a flow indicator (`waitFor: [-]` in a Cloud Build config, "start at
 * once"): YAML 1.2 refuses it (yaml-test-suite YJV2), but libyaml, go-yaml and PyYAML read it as
 * the string "-": a parse/flow-dash warning by default, an error with strict; `[ - ]`, which
 * they refuse too, and anything else broken in the file stay errors.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const CLOUDBUILD = "steps:\n- id: build\n  name: golang\n  waitFor: [-]\n- id: test\n  name: golang\n  waitFor: ['build', -]\n";

describe('a plain dash in a flow collection (libyaml, go-yaml, PyYAML read it as "-")', () => {
  it('cloudbuild.yaml\'s waitFor: [-] is read as ["-"], with a warning at the dash', () => {
    const doc = parseDocument(Buffer.from(CLOUDBUILD), { path: "cloudbuild.yaml", format: "yaml" });
    expect(doc.findings.map((f) => [f.rule, f.level, f.line, f.column])).toEqual([
      ["parse/flow-dash", "warning", 4, 13],
      ["parse/flow-dash", "warning", 7, 22],
    ]);
    expect(doc.ok).toBe(true);
    expect(doc.value).toEqual({
      steps: [
        { id: "build", name: "golang", waitFor: ["-"] },
        { id: "test", name: "golang", waitFor: ["build", "-"] },
      ],
    });
    expect(doc.locate("/steps/1/waitFor/1")).toEqual(expect.objectContaining({ line: 7, column: 22 }));
  });

  it("strict YAML, a dash before a space, and another error in the file stay errors", () => {
    const strict = parseDocument(Buffer.from(CLOUDBUILD), { path: "cloudbuild.yaml", format: "yaml", strict: true });
    expect(strict.ok).toBe(false);
    expect(parseDocument(Buffer.from("waitFor: [ - ]\n"), { path: "a.yaml", format: "yaml" }).ok).toBe(false);
    const other = parseDocument(Buffer.from("waitFor: [-]\nname: 'cut\n"), { path: "b.yaml", format: "yaml" });
    expect(other.ok).toBe(false);
    expect(other.findings.some((f) => f.level === "error")).toBe(true);
  });
});
