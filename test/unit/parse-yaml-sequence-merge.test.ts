/**
 * Woodpecker CI's sequence merges (src/core/parse/yaml-sequence-merge.ts): in a pipeline file, a
 * list item `- <<: *list` (or `- <<: [*a, *b]`) splices the aliased lists into the list, as
 * Woodpecker's reader (codeberg.org/6543/xyaml) does. Elsewhere, and for any source that is not a
 * list, the `<<` rules of every other reader still hold.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });
const errors = (text: string, file: string) => parse(text, file).findings.filter((f) => f.level === "error");

// Reduced from woodpecker-ci/woodpecker (Apache-2.0), commit a4cb541b82de, .woodpecker/docs.yaml:
// path lists kept as anchors and spliced into a `when.path` list.
const DOCS = `variables:
  - path: &when_path
      - 'docs/**'
      - '.woodpecker/docs.yaml'
  - path: &docker_path # web source code
      - 'web/**'
      - 'go.*'

when:
  - event: pull_request
    path:
      - <<: *when_path
      - <<: *docker_path
      - 'Makefile'
`;
// The same repository's pipeline/frontend/yaml/linter/schema/.woodpecker/test-merge-map-and-sequence.yaml.
const MAP_AND_SEQUENCE = `variables:
  step_template: &base-step
    image: golang:1.19
    commands: &base-cmds
      - go version
      - whoami

steps:
  test list overwrite:
    <<: *base-step
    commands:
      - <<: *base-cmds
      - hostname
`;
// Woodpecker's documented form: several lists at once, before and after own items.
const SEVERAL = `variables:
  - &pre_cmds
    - echo start
    - whoami
  - &hello_cmd
    - echo hello
steps:
  step2:
    image: debian
    commands:
      - <<: [*pre_cmds, *hello_cmd]
      - echo from second step
`;

describe("Woodpecker sequence merges", () => {
  it("splices the aliased lists into the list, in order, in .woodpecker/*.yaml", () => {
    const doc = parse(DOCS, ".woodpecker/docs.yaml");
    expect(doc.findings).toEqual([]);
    expect((doc.value as { when: { path: string[] }[] }).when[0]!.path).toEqual([
      "docs/**",
      ".woodpecker/docs.yaml",
      "web/**",
      "go.*",
      "Makefile",
    ]);
  });

  it("splices in a nested .woodpecker/ folder and in .woodpecker.yml, next to a map merge", () => {
    for (const file of ["pipeline/frontend/yaml/linter/schema/.woodpecker/test-merge-map-and-sequence.yaml", ".woodpecker.yml"]) {
      const doc = parse(MAP_AND_SEQUENCE, file);
      expect(doc.findings).toEqual([]);
      const step = (doc.value as { steps: Record<string, { image: string; commands: string[] }> }).steps["test list overwrite"]!;
      expect(step).toEqual({ image: "golang:1.19", commands: ["go version", "whoami", "hostname"] });
    }
  });

  it("splices a list of aliased lists", () => {
    const doc = parse(SEVERAL, ".woodpecker/build.yaml");
    expect(doc.findings).toEqual([]);
    const commands = (doc.value as { steps: { step2: { commands: string[] } } }).steps.step2.commands;
    expect(commands).toEqual(["echo start", "whoami", "echo hello", "echo from second step"]);
  });

  it("splices a list that itself splices another (Woodpecker resolves merges to a depth of 15)", () => {
    const text = "a: &a\n  - one\nb: &b\n  - <<: *a\n  - two\nc:\n  - <<: *b\n  - three\n";
    const doc = parse(text, ".woodpecker/x.yml");
    expect(doc.findings).toEqual([]);
    expect((doc.value as { c: string[] }).c).toEqual(["one", "two", "three"]);
    expect((doc.value as { b: string[] }).b).toEqual(["one", "two"]);
  });

  it("reports each splice's own findings once, where they are written", () => {
    const text = "a: &a\n  - {k: 1, k: 2}\nc:\n  - <<: *a\n  - <<: *a\n";
    const found = errors(text, ".woodpecker/x.yml");
    expect(found.map((f) => [f.rule, f.line])).toEqual([["parse/duplicate-key", 2]]);
  });

  it("still reports a list splice outside Woodpecker's files (every other reader refuses it)", () => {
    const found = errors(DOCS, "ci/docs.yaml");
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/merge key's source is a list item/);
  });

  it("still reports, in a Woodpecker file, a splice of a scalar, a mix of lists and mappings, or a `<<` beside other keys", () => {
    const scalar = "v: &v hello\nl:\n  - <<: *v\n";
    const mixed = "m: &m {a: 1}\ns: &s [x]\nl:\n  - <<: [*s, *m]\n";
    const beside = "s: &s [x]\nl:\n  - <<: *s\n    other: 1\n";
    for (const text of [scalar, mixed, beside]) {
      expect(
        errors(text, ".woodpecker/x.yaml").map((f) => f.rule),
        text,
      ).toContain("parse/syntax");
    }
  });

  it("keeps a standard merge of a list of mappings as a mapping merge", () => {
    const text = "a: &a {x: 1}\nb: &b {y: 2}\nl:\n  - <<: [*a, *b]\n    z: 3\n";
    const doc = parse(text, ".woodpecker/x.yaml");
    expect(doc.findings).toEqual([]);
    expect((doc.value as { l: unknown[] }).l).toEqual([{ x: 1, y: 2, z: 3 }]);
  });
});
