/**
 * A CWL job order (a `.json` file with a `"class": "File"` input) is read as YAML, as cwltool
 * reads it. When YAML read the text but refused what it holds (a tag under the config's
 * `unknown_tags: error`), the report gave the strict JSON syntax error at line 1 of a file no
 * reader parses as strict JSON, instead of what the reader saw: the tag, where it is.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const SCHEMA = JSON.stringify({ type: "object", properties: { threads: { type: "integer" } } });
const CONFIG = `version: 1\nvalidate:\n  schemas:\n    - files: ["jobs/*.json"]\n      schema: schemas/job.json\n  yaml:\n    unknown_tags: error\n`;
const JOB = '{\n  "reads": {"class": "File", "path": "reads.fq"},\n  "threads": 4\n}\n';
const base = () => baseRepo({ ".integrity-guard/config.yml": CONFIG, "schemas/job.json": SCHEMA, "jobs/run.json": JOB });
const onJob = (fs: Found[]) => fs.filter((f) => f.file === "jobs/run.json");

describe("a CWL job order YAML reads but refuses", () => {
  it("an unknown tag under `unknown_tags: error` is reported as the tag, at its line, not as a JSON syntax error", async () => {
    const r = await prWriting(base(), { "jobs/run.json": 'reads: {"class": "File", "path": "reads.fq"}\nlabel: !env x\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(onJob(fs), brief(fs)).toContainEqual(expect.objectContaining({ rule: "parse/unknown-tag", level: "error", line: 2 }));
    expect(
      onJob(fs).some((f) => f.rule === "parse/syntax"),
      brief(fs),
    ).toBe(false);
  });

  it("text YAML cannot read either keeps the strict JSON finding (a truncated write)", async () => {
    const r = await prWriting(base(), { "jobs/run.json": '{\n  "reads": {"class": "File", "path": "reads.fq"},\n  "threads": [4\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(onJob(fs), brief(fs)).toContainEqual(expect.objectContaining({ rule: "parse/truncated", level: "error" }));
  });
});
