/**
 * Session 29 (rt-pr24): two spellings of one name added in the same pull request, the base
 * holding neither (`data/state.json` valid, `data/STATE.json` not). The config maps
 * `data/state.json`; on a macOS or Windows checkout one file overwrites the other, and the
 * readers of `data/state.json` may read `data/STATE.json`. It matched no mapping and passed.
 * Each new spelling is now checked against the mapping of the other (case-twins.ts).
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const BASE: Record<string, string> = {
  ".integrity-guard/config.yml": 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/state.json"]\n      schema: schemas/state.json\n',
  "schemas/state.json": JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } }),
  "README.md": "base\n",
};
const violation = (fs: Found[], file: string) => fs.some((f) => f.level === "error" && f.rule === "schema/violation" && f.file === file);

describe("two new spellings of a mapped name in one pull request", () => {
  it("the spelling the mapping does not name is checked against it", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/state.json": '{"port": 1}\n', "data/STATE.json": '{"port": "x"}\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs, "data/STATE.json"), brief(fs)).toBe(true);
  });

  it("a third spelling is checked against the mapped one, not only the first in path order", async () => {
    const r = await prWriting(baseRepo(BASE), {
      "data/STATE.json": '{"port": 2}\n',
      "data/State.json": '{"port": "x"}\n',
      "data/state.json": '{"port": 1}\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs, "data/State.json"), brief(fs)).toBe(true);
  });
});

describe("new spellings that stay valid, and unrelated names (guards)", () => {
  it("two spellings both valid for the mapped schema pass", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/state.json": '{"port": 1}\n', "data/STATE.json": '{"port": 2}\n' });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });

  it("two spellings of a name no mapping names have no schema", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/other.json": '{"port": "x"}\n', "data/OTHER.json": '{"port": "y"}\n' });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });
});
