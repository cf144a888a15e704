/**
 * Red team, session 25: a pull request adds a file that the trusted config maps to a schema
 * (`config/*.json`, `config/*.yaml`) and gives it a reading its readers do not have: a vcrpy
 * cassette's first and last lines made a `.json` file YAML, a `mod.yaml` added beside it made a
 * `.yaml` file OpenRA MiniYaml (its schema never run), an oxlint `$schema` let comments in. The
 * mapping is the base's rule for the new file: such a reading counts only when the base holds a
 * file of the same mapping read so (checks/mapped-peers.ts). Guards: a new cassette beside
 * recorded ones, a new file of a mod the base holds, Windows Terminal settings beside others, and
 * a new file no mapping names keep their readings.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const mapping = (glob: string) => `version: 1\nvalidate:\n  schemas:\n    - files: ["${glob}"]\n      schema: schemas/app.schema.json\n`;
const SCHEMA = JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } });
const JSON_BASE = {
  ".integrity-guard/config.yml": mapping("config/*.json"),
  "schemas/app.schema.json": SCHEMA,
  "config/app.json": '{"port": 8080}\n',
};
const YAML_BASE = {
  ".integrity-guard/config.yml": mapping("config/*.yaml"),
  "schemas/app.schema.json": SCHEMA,
  "config/app.yaml": "port: 8080\n",
};
// A YAML text that starts and ends as vcrpy's cassettes do, holding what the schema asks for.
const CASSETTE = "interactions:\n- request:\n    uri: https://example.test/\nport: 80\nversion: 1\n";
const MANIFEST = "Metadata:\n\tTitle: x\n\tVersion: 1\n";

/** The run failed with a parse error in `file` and a notice that says the new file's reading was refused. */
function expectHeld(r: { code: number; findingsJson?: string }, file: string, reading: RegExp): void {
  const fs = findingsOf(r.findingsJson);
  expect(r.code, brief(fs)).toBe(1);
  expect(
    fs.some((f) => f.level === "error" && f.file === file && f.rule.startsWith("parse/")),
    brief(fs),
  ).toBe(true);
  const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === file);
  expect(notice?.message, brief(fs)).toMatch(/is new and the trusted config maps a schema to it/);
  expect(notice?.message, brief(fs)).toMatch(reading);
}

describe("a new file the base config maps to a schema, given a reading by its own content or the pull request's files", () => {
  it("a vcrpy cassette's first and last lines do not make a new `config/*.json` file YAML", async () => {
    const repo = baseRepo(JSON_BASE);
    const r = await prWriting(repo, { "config/new.json": CASSETTE });
    expectHeld(r, "config/new.json", /vcrpy/);
  });

  it("an oxlint `$schema` does not let a comment into a new `config/*.json` file", async () => {
    const repo = baseRepo(JSON_BASE);
    const r = await prWriting(repo, {
      "config/new.json": '{"$schema": "./node_modules/oxlint/configuration_schema.json", "port": 80 // cut\n}\n',
    });
    expectHeld(r, "config/new.json", /oxlint/);
  });

  it("a mod.yaml added beside it does not make a new `config/*.yaml` file MiniYaml: its tab is an error and its schema still runs", async () => {
    const repo = baseRepo(YAML_BASE);
    const r = await prWriting(repo, { "config/mod.yaml": MANIFEST, "config/new.yaml": "port: 80\n\tx: 1\n" });
    expectHeld(r, "config/new.yaml", /MiniYaml/);
    const r2 = await prWriting(baseRepo(YAML_BASE), { "config/mod.yaml": MANIFEST, "config/new.yaml": "port: eighty\n" });
    const fs = findingsOf(r2.findingsJson);
    expect(r2.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.file === "config/new.yaml" && f.rule.startsWith("schema/")),
      brief(fs),
    ).toBe(true);
  });
});

describe("readings a peer of the mapping has in the base, or new files no mapping names (no false block)", () => {
  it("a new cassette beside cassettes the base holds under the same mapping", async () => {
    const repo = baseRepo({ ...JSON_BASE, "config/recorded.json": CASSETTE });
    const r = await prWriting(repo, { "config/new.json": CASSETTE.replace("port: 80", "port: 81") });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(fs.filter((f) => f.level !== "notice" || f.rule === "trust/reading-changed")).toEqual([]);
  });

  it("a new tab-indented file of a mod the base holds, under a mapping", async () => {
    const repo = baseRepo({
      ".integrity-guard/config.yml": mapping("mods/**/*.yaml"),
      "schemas/app.schema.json": SCHEMA,
      "mods/ra/mod.yaml": MANIFEST,
      "mods/ra/rules/infantry.yaml": "E1:\n\tHealth:\n\t\tHP: 50\n",
    });
    const r = await prWriting(repo, { "mods/ra/rules/vehicles.yaml": "V2:\n\tHealth:\n\t\tHP: 500\n" });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(fs.filter((f) => f.level === "error")).toEqual([]);
  });

  it("new Windows Terminal settings with comments beside settings the base holds under the same mapping", async () => {
    const terminal = (c: string) =>
      `{\n  "$schema": "https://aka.ms/terminal-profiles-schema",${c}\n  "port": 1,\n  "profiles": {"list": [],},\n}\n`;
    const repo = baseRepo({
      ".integrity-guard/config.yml": mapping("terminal/*.json"),
      "schemas/app.schema.json": SCHEMA,
      "terminal/home.json": terminal(""),
    });
    const r = await prWriting(repo, { "terminal/work.json": terminal("\n  // work laptop") });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(fs.filter((f) => f.level === "error")).toEqual([]);
  });

  it("a new cassette and a new mod no mapping names are read as their content says", async () => {
    const repo = baseRepo(JSON_BASE);
    const r = await prWriting(repo, {
      "tests/cassettes/http.json": CASSETTE,
      "mymod/mod.yaml": MANIFEST,
      "mymod/rules/a.yaml": "E1:\n\tHealth:\n\t\tHP: 50\n",
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
    expect(fs.filter((f) => f.level === "error" || f.rule === "trust/reading-changed")).toEqual([]);
  });
});
