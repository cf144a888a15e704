/**
 * Rojo's files are read as Rojo 7.5+ reads them (jsonc_parser: comments, trailing commas) when
 * their content is Rojo's (jsonc-by-content.ts). That is a reading a file's own content asks for,
 * so on a pull request it counts for a file the base commit holds only when the base's version is
 * Rojo's too: `"className"` written into an existing strict `*.meta.json` together with a trailing
 * comma must not make the comma pass, while a Rojo project the base holds keeps its comments and
 * a new Rojo file is read as Rojo reads it.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf as findings, prWriting as pr } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const PROJECT = '{\n  "name": "game",\n  "tree": {\n    "$className": "DataModel",\n    "Shared": { "$path": "src/shared" }\n  }\n}\n';
const COMMENTED = PROJECT.replace('"name": "game",', '"name": "game", // the place').replace('"src/shared" }', '"src/shared", },');

describe("a pull request and Rojo's JSONC reading", () => {
  it("Rojo's className written into an existing strict *.meta.json does not make its trailing comma pass", async () => {
    const repo = baseRepo({ "data/run.meta.json": '{"status": "ok"}\n' });
    const r = await pr(repo, { "data/run.meta.json": '{"className": "Folder", "status": "ok",}\n' });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findings(r.findingsJson);
    expect(
      found.some((f) => f.rule.startsWith("parse/") && f.level === "error" && f.file === "data/run.meta.json"),
      JSON.stringify(found),
    ).toBe(true);
    const notice = found.find((f) => f.rule === "trust/reading-changed");
    expect(notice?.file).toBe("data/run.meta.json");
    expect(notice?.message).toMatch(/Rojo/);
  });

  it("a Rojo project the base holds keeps its comments, and a new Rojo model is read as Rojo reads it", async () => {
    const repo = baseRepo({ "default.project.json": PROJECT });
    const r = await pr(repo, {
      "default.project.json": COMMENTED,
      "src/shared/Config.model.json": '{\n  // values\n  "className": "Folder",\n  "children": [],\n}\n',
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(findings(r.findingsJson).filter((f) => f.level !== "notice")).toEqual([]);
  });
});
