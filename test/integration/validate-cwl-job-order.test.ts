/**
 * A CWL job order (the inputs of a run, often `*.json`) is read by cwltool through schema-salad,
 * which parses JSON as YAML 1.2 (ruamel.yaml): a YAML single-quoted string in it runs, so it must
 * pass; a `//` comment, a missing comma or a cut-off file fail cwltool and stay errors. A JSON file
 * without File/Directory inputs keeps the strict reading.
 */
import { describe, expect, it } from "vitest";
import { withRepo, type TestRepo } from "../helpers/repo.js";
import type { Finding } from "../../src/core/finding.js";

async function errorsOf(repo: TestRepo): Promise<Finding[]> {
  const r = await repo.cli(["check", "--format", "json"]);
  expect([0, 1], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.level === "error");
}

// Reduced from common-workflow-library/bio-cwl-tools (Apache-2.0), bash/tests/custom_bash_t1.json.
const JOB = [
  "{",
  '  "input_file": {',
  '    "class": "File",',
  '    "location": "./data/chr4.sam"',
  "  },",
  `  "script": 'cat "$0" | grep "$1"',`,
  '  "param": "chr"',
  "}",
  "",
].join("\n");

describe("CWL job orders are read as cwltool reads them (YAML 1.2)", () => {
  it("passes a single-quoted string; a comment, a missing comma and a cut-off job order stay errors at their line", async () => {
    await withRepo(async (repo) => {
      await repo.write("tests/ok.json", JOB);
      await repo.write("tests/dir.json", JOB.replace('"File"', '"Directory"'));
      await repo.write("tests/comment.json", JOB.replace('  "param"', '  // the pattern\n  "param"'));
      await repo.write("tests/comma.json", JOB.replace('"chr"', '"chr"\n  "extra": 1'));
      await repo.write("tests/cut.json", JOB.slice(0, JOB.indexOf('"param"')));
      await repo.write("plain.json", JOB.replace('"class": "File",', ""));
      await repo.cli(["init"]);
      const errors = await errorsOf(repo);
      const files = [...new Set(errors.map((f) => f.file))].sort();
      expect(files).toEqual(["plain.json", "tests/comma.json", "tests/comment.json", "tests/cut.json"]);
      // The strict JSON finding stands where YAML refuses the text too: the first thing JSON refuses.
      expect(errors.find((f) => f.file === "tests/comment.json")?.line).toBe(6);
      expect(errors.find((f) => f.file === "plain.json")?.line).toBe(6);
    });
  });
});
