/**
 * Session 31 (rt-pr26): names one file on Windows or macOS that the case-twin check told apart.
 *
 * 1. Case beyond lowering: NTFS compares names upper-cased, and its table maps the long s `ſ`
 *    and `s` both to `S` (Greek `ς` and `σ` both to `Σ`). A pull request adding
 *    `data/ſtate.json` beside the base's mapped `data/state.json` wrote, on a Windows checkout,
 *    the file its readers open as `data/state.json`; lowering left `ſ` as it is, so the name
 *    matched no mapping and its schema violation passed. Names are now folded through upper case.
 * 2. A push (and any whole-tree run) told no twins at all: a branch pushed holding
 *    `data/state.json` and `data/STATE.json` passed with a value the mapped schema refuses.
 *    Every name the tree holds is now told by the others (case-twins.ts: treeTwinSide), so a
 *    new branch (before = 0000...), a force push and a shallow checkout all judge alike.
 */
import { describe, expect, it } from "vitest";
import { payloads, runActionBundle } from "../e2e/action-harness.js";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - files: ["data/state.json"]\n      schema: schemas/state.json\n';
const BASE: Record<string, string> = {
  ".integrity-guard/config.yml": CONFIG,
  "schemas/state.json": JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } }),
  "data/state.json": '{"port": 1}\n',
};
const violation = (fs: Found[], file: string) => fs.some((f) => f.level === "error" && f.rule === "schema/violation" && f.file === file);

describe("a pull request adding a spelling one file only past ASCII case", () => {
  it("data/ſtate.json (long s: NTFS upper-cases it to S) is checked against data/state.json's schema", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/ſtate.json": '{"port": "x"}\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs, "data/ſtate.json"), brief(fs)).toBe(true);
  });

  it("a final sigma spelling (ς and σ both upper-case to Σ) is checked against the mapped σ spelling", async () => {
    const base = {
      ...BASE,
      ".integrity-guard/config.yml": CONFIG.replace("data/state.json", "data/ασ.json"),
      "data/ασ.json": '{"port": 1}\n',
    };
    const r = await prWriting(baseRepo(base), { "data/ας.json": '{"port": "x"}\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(violation(fs, "data/ας.json"), brief(fs)).toBe(true);
  });

  it("a name whose case is two letters (Straße, STRASSE) stays apart: neither file system joins them (guard)", async () => {
    const base = {
      ...BASE,
      ".integrity-guard/config.yml": CONFIG.replace("data/state.json", "data/straße.json"),
      "data/straße.json": '{"port": 1}\n',
    };
    const r = await prWriting(baseRepo(base), { "data/STRASSE.json": '{"port": "x"}\n' });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });
});

describe("a push holding two spellings of a mapped name", () => {
  const pushed = async (files: Record<string, string>, before?: string) => {
    const repo = baseRepo({ ...BASE, ...files });
    const sha = repo.git("rev-parse", "HEAD").trim();
    const run = await runActionBundle({ repo, eventName: "push", payload: payloads.push(before ?? sha, sha) });
    return { run, fs: findingsOf(run.findingsJson) };
  };

  it("a new branch's push (before 0000...) checks data/STATE.json against data/state.json's schema", async () => {
    const { run, fs } = await pushed({ "data/STATE.json": '{"port": "x"}\n' }, "0".repeat(40));
    expect(run.code, brief(fs) + run.stderr).toBe(1);
    expect(violation(fs, "data/STATE.json"), brief(fs)).toBe(true);
  });

  it("a push whose before is its own commit (a re-run) says the same", async () => {
    const { run, fs } = await pushed({ "data/STATE.json": '{"port": "x"}\n' });
    expect(run.code, brief(fs) + run.stderr).toBe(1);
    expect(violation(fs, "data/STATE.json"), brief(fs)).toBe(true);
  });

  it("two spellings both valid for the schema pass (guard)", async () => {
    const { run, fs } = await pushed({ "data/STATE.json": '{"port": 2}\n' });
    expect(run.code, brief(fs) + run.stderr).toBe(0);
  });
});
