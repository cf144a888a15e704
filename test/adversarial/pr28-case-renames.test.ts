/**
 * Session 28 (rt-pr23): a pull request that renames a schema-mapped file to another letter case
 * (`git mv data/state.json data/State.json`). Mapping globs are case-sensitive, so the new name
 * matched no mapping and any value passed in it; yet on a macOS or Windows checkout (case- and,
 * on macOS, normalization-insensitive) the readers of `data/state.json` open the renamed file.
 * Such a name is now checked against the base's mapping of the spelling the base holds, too.
 */
import { describe, expect, it } from "vitest";
import { runPullRequest } from "../e2e/action-harness.js";
import { baseRepos, findingsOf, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const STRICT = JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } });
const BASE: Record<string, string> = {
  ".integrity-guard/config.yml":
    'version: 1\nvalidate:\n  schemas:\n    - files: ["data/state.json", "data/café.json"]\n      schema: schemas/state.json\n',
  "schemas/state.json": STRICT,
  "data/state.json": '{"port": 1}\n',
  "data/café.json": '{"port": 2}\n',
};
const violation = (fs: Found[], file: string) => fs.some((f) => f.level === "error" && f.rule === "schema/violation" && f.file === file);

describe("a schema-mapped file renamed to another letter case", () => {
  it("data/state.json -> data/State.json with a wrong type fails against the base's schema", async () => {
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      x.git("mv", "data/state.json", "data/State.json");
      x.write("data/State.json", '{"port": "x"}\n');
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs, "data/State.json"), brief(fs)).toBe(true);
  });

  it("a name spelled in another Unicode normalization (macOS) fails too", async () => {
    const nfd = "data/cafe\u0301.json";
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      x.git("rm", "-q", "data/café.json");
      x.write(nfd, '{"port": "x"}\n');
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs, nfd), brief(fs)).toBe(true);
  });
});

describe("case renames that keep the data valid, and unrelated names (guards)", () => {
  it("a case rename with data the base's schema accepts passes", async () => {
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      x.git("mv", "data/state.json", "data/STATE.json");
      x.write("data/STATE.json", '{"port": 7}\n');
    });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });

  it("a new file whose name no base file shares in any case has no schema", async () => {
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      x.write("data/other.json", '{"port": "x"}\n');
    });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });
});
