/**
 * Session 27 (rt-pr22): a file no config mapping names is checked against the schema its own
 * `$schema` names (docs/catalog.md). On a pull request, a change that dropped that key from an
 * existing file, or pointed it at a permissive schema the change itself adds, had any value pass
 * in a file the base checks against its own strict schema. The base's schema now applies as well,
 * unless the new `$schema` names a schema the base already holds (added in a change of its own).
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");

const STRICT = JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } });
const V2 = JSON.stringify({ type: "object", required: ["listen"], properties: { listen: { type: "string" } } });
const BASE = { "schemas/state.json": STRICT, "data/state.json": '{"$schema": "../schemas/state.json", "port": 1}\n' };
const portViolation = (fs: Found[]) =>
  fs.some((f) => f.level === "error" && f.rule === "schema/violation" && f.file === "data/state.json" && /port/.test(f.message));

describe("a pull request that changes an existing file's own $schema", () => {
  it("pointing it at an empty schema it adds: the base's schema still applies", async () => {
    const r = await prWriting(baseRepo(BASE), {
      "data/state.json": '{"$schema": "../schemas/loose.json", "port": "x"}\n',
      "schemas/loose.json": "{}\n",
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(portViolation(fs), brief(fs)).toBe(true);
    const notice = fs.find((f) => f.rule === "trust/reading-changed" && f.file === "data/state.json");
    expect(notice?.message, brief(fs)).toMatch(/schemas\/state\.json/);
  });

  it("dropping the key: the base's schema still applies", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/state.json": '{"port": "x"}\n' });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(portViolation(fs), brief(fs)).toBe(true);
  });

  it("dropping the key, checked in parse workers (IG_PARSE_WORKERS): the base's schema still applies", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/state.json": '{"port": "x"}\n' }, { IG_PARSE_WORKERS: "1" });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(portViolation(fs), brief(fs)).toBe(true);
  });

  it("in YAML, dropping the key: the base's schema still applies", async () => {
    const r = await prWriting(baseRepo({ "schemas/state.json": STRICT, "data/state.yaml": "$schema: ../schemas/state.json\nport: 1\n" }), {
      "data/state.yaml": "port: x\n",
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(
      fs.some((f) => f.level === "error" && f.rule === "schema/violation" && f.file === "data/state.yaml"),
      brief(fs),
    ).toBe(true);
  });
});

describe("valid $schema changes still pass (guards)", () => {
  it("a switch to a schema the base already holds is the base's word", async () => {
    const r = await prWriting(baseRepo({ ...BASE, "schemas/v2.json": V2 }), {
      "data/state.json": '{"$schema": "../schemas/v2.json", "listen": ":80"}\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("dropping the key while the data stays valid for the base's schema passes", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/state.json": '{"port": 2}\n' });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });

  it("a new file naming a schema it adds is checked against that schema alone", async () => {
    const r = await prWriting(baseRepo(BASE), {
      "data/other.json": '{"$schema": "../schemas/v2.json", "listen": ":80"}\n',
      "schemas/v2.json": V2,
    });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });

  it("an edit that keeps the same $schema and valid data passes", async () => {
    const r = await prWriting(baseRepo(BASE), { "data/state.json": '{"$schema": "../schemas/state.json", "port": 3}\n' });
    expect(r.code, brief(findingsOf(r.findingsJson))).toBe(0);
  });
});
