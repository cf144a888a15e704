/**
 * Two `<<` keys in one mapping (src/core/parse/yaml-repeated-merge.ts): no duplicate in the files
 * only PyYAML reads (Bazel CI's .bazelci/*.yml, .pre-commit-config.yaml), where each source is
 * merged; still a duplicate key everywhere else (Go's yaml.v3 refuses it), and any other repeated
 * key stays one in those files too.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

// Reduced from bazelbuild/examples (Apache-2.0), commit dbf3399037ae, .bazelci/configurations.yml.
const BAZELCI = [
  "tasks:",
  "  configs_linux_lts:",
  "    name: configs_linux_lts",
  "    <<: *linux",
  "    <<: *lts",
  "    <<: *configurations",
  "lts: &lts",
  "  bazel: latest",
  "linux: &linux",
  "  platform: ubuntu1804",
  "configurations: &configurations",
  "  build_targets:",
  '  - "//..."',
  "",
].join("\n");
// Anchors come before their aliases (bazelci's file defines them above the tasks too).
const TEXT = BAZELCI.split("\n").slice(6).join("\n") + BAZELCI.split("\n").slice(0, 6).join("\n") + "\n";

const parse = (text: string, file: string) => parseDocument(text, { path: file });

describe("repeated `<<` merge keys", () => {
  it.each([".bazelci/configurations.yml", "sub/.bazelci/presubmit.yml", ".pre-commit-config.yaml"])(
    "%s: PyYAML merges every source, so nothing is reported and every source is merged",
    (file) => {
      const doc = parse(TEXT, file);
      expect(doc.findings).toEqual([]);
      expect((doc.value as { tasks: Record<string, unknown> }).tasks.configs_linux_lts).toEqual({
        name: "configs_linux_lts",
        platform: "ubuntu1804",
        bazel: "latest",
        build_targets: ["//..."],
      });
    },
  );

  it.each([".bazelci.yml", "ci/bazelci/presubmit.yml", "compose.yaml", ".bazelci/nested/x.yml"])("%s: still a duplicate key", (file) => {
    expect(parse(TEXT, file).findings.map((f) => [f.rule, f.line, f.key])).toEqual([
      ["parse/duplicate-key", 12, "<<"],
      ["parse/duplicate-key", 13, "<<"],
    ]);
  });

  it("the value is PyYAML's: a later `<<` wins over an earlier one, a list's first source over its others, own keys over all", () => {
    const text = "a: &a {x: a, y: a, z: a, w: a}\nb: &b {x: b, y: b}\nc: &c {x: c, y: c, z: c}\nm:\n  <<: *a\n  <<: [*b, *c]\n  x: own\n";
    const doc = parse(text, ".pre-commit-config.yaml");
    expect(doc.findings).toEqual([]);
    // PyYAML 6: {'x': 'own', 'y': 'b', 'z': 'c', 'w': 'a'}
    expect((doc.value as { m: unknown }).m).toEqual({ x: "own", y: "b", z: "c", w: "a" });
  });

  it("any other repeated key in a PyYAML-only file is still a duplicate", () => {
    const doc = parse(TEXT.replace("    name: configs_linux_lts\n", "    name: a\n    name: b\n"), ".bazelci/presubmit.yml");
    expect(doc.findings.map((f) => [f.rule, f.key])).toEqual([["parse/duplicate-key", "name"]]);
  });
});
