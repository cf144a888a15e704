/**
 * Session 29 (rt-pr24): a CWL job order (a `.json` file with a `"class": "File"` input) is read
 * as YAML, as cwltool reads it (core/select/jsonc-by-content.ts). That second parse ignored the
 * config's YAML options and the base's agreement to YAML dialects, so a pull request could write
 * `services:` into a schema-mapped job order and have a Compose `!reset` key vanish from its
 * schema's view, or drop the config's `unknown_tags: error`.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const SCHEMA = JSON.stringify({ type: "object", properties: { threads: { type: "integer" } } });
const config = (extra = "") => `version: 1\nvalidate:\n  schemas:\n    - files: ["jobs/*.json"]\n      schema: schemas/job.json\n${extra}`;
const JOB = '{\n  "reads": {"class": "File", "path": "reads.fq"},\n  "threads": 4\n}\n';
const violation = (fs: Found[]) => fs.some((f) => f.level === "error" && f.rule === "schema/violation" && f.file === "jobs/run.json");

describe("a CWL job order read as YAML on a pull request", () => {
  it("`services:` written into it does not make a Compose `!reset` hide a wrong value from the schema", async () => {
    const r = await prWriting(baseRepo({ ".integrity-guard/config.yml": config(), "schemas/job.json": SCHEMA, "jobs/run.json": JOB }), {
      "jobs/run.json": 'services:\nreads: {"class": "File", "path": "reads.fq"}\nthreads: !reset "many"\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs), brief(fs)).toBe(true);
    expect(
      fs.some((f) => f.rule === "trust/reading-changed" && f.file === "jobs/run.json"),
      brief(fs),
    ).toBe(true);
  });

  it("keeps the config's `unknown_tags: error`", async () => {
    const extra = "  yaml:\n    unknown_tags: error\n";
    const r = await prWriting(
      baseRepo({ ".integrity-guard/config.yml": config(extra), "schemas/job.json": SCHEMA, "jobs/run.json": JOB }),
      {
        "jobs/run.json": 'reads: {"class": "File", "path": "reads.fq"}\nlabel: !env x\n',
      },
    );
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    // YAML refuses the tag too, so the strict JSON finding stands (validate.ts): an error on the file either way.
    expect(
      fs.some((f) => f.level === "error" && f.file === "jobs/run.json"),
      brief(fs),
    ).toBe(true);
  });
});

describe("CWL job orders that stay valid (guards)", () => {
  it("a job order rewritten in block YAML with valid values passes", async () => {
    const r = await prWriting(baseRepo({ ".integrity-guard/config.yml": config(), "schemas/job.json": SCHEMA, "jobs/run.json": JOB }), {
      "jobs/run.json": 'reads: {"class": "File", "path": "reads.fq"}\nthreads: 8\n',
    });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });

  it("a job order whose base already holds `services:` keeps the Compose reading", async () => {
    const base = 'services:\nreads: {"class": "File", "path": "reads.fq"}\nthreads: 4\n';
    const r = await prWriting(baseRepo({ ".integrity-guard/config.yml": config(), "schemas/job.json": SCHEMA, "jobs/run.json": base }), {
      "jobs/run.json": 'services:\nreads: {"class": "File", "path": "reads.fq"}\nthreads: !reset "many"\n',
    });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });
});
