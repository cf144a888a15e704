/**
 * Repeated keys in a Cirrus CI config (src/core/parse/yaml-repeated-keys.ts): Cirrus keeps each
 * (two `test_task:` are two tasks, `image:` twice under `matrix:` two variants), so there they are
 * a notice; the same text under any other name stays a duplicate-key error, and a real error in a
 * `.cirrus.yml` is still one.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

// The shape of Cirrus CI's "Writing Tasks" guide and jemalloc's .cirrus.yml.
const CIRRUS = [
  "test_task:",
  "  container:",
  "    matrix:",
  "      image: node:latest",
  "      image: node:lts",
  "  test_script: yarn test",
  "test_task:",
  "  arm_container:",
  "    image: node:latest",
  "  test_script: yarn test",
  "",
].join("\n");

const levels = (text: string, file: string) =>
  parseDocument(text, { path: file }).findings.map((f) => `${f.rule} ${f.level} ${f.line}:${f.column}`);

describe("repeated keys Cirrus CI keeps", () => {
  it("are notices in .cirrus.yml and .cirrus.yaml at any depth, with the file still parsed", () => {
    for (const file of [".cirrus.yml", "lib/jemalloc-5.3.0/.cirrus.yml", ".cirrus.yaml"]) {
      const doc = parseDocument(CIRRUS, { path: file });
      expect(doc.ok, file).toBe(true);
      expect(levels(CIRRUS, file), file).toEqual(["parse/duplicate-key notice 5:7", "parse/duplicate-key notice 7:1"]);
      expect(doc.findings[0]!.message).toContain("Cirrus CI keeps both");
    }
  });

  it("stay errors under any other name", () => {
    for (const file of ["ci.yml", "cirrus.yml", "x.cirrus.yml", ".github/workflows/cirrus.yml"]) {
      expect(levels(CIRRUS, file), file).toEqual(["parse/duplicate-key error 5:7", "parse/duplicate-key error 7:1"]);
    }
  });

  it("a repeat nested inside a repeated task is still seen, and a syntax error in .cirrus.yml is still an error", () => {
    const nested = CIRRUS + "test_task:\n  env:\n    A: 1\n    A: 2\n";
    expect(levels(nested, ".cirrus.yml")).toContain("parse/duplicate-key notice 14:5");
    const broken = "task:\n  script: [make\n";
    const doc = parseDocument(broken, { path: ".cirrus.yml" });
    expect(doc.ok).toBe(false);
    expect(doc.findings.some((f) => f.level === "error")).toBe(true);
  });
});
