/**
 * The library's safe writes in a sparse checkout whose cone leaves `.integrity-guard/` (and the
 * schemas) out of the work tree. The CLI and the hook read the config and the mapped schemas
 * from the index there (session 18); the library looked only at the work tree, found no config,
 * and wrote data the committed schema refuses without a word. It now reads the index's copies
 * too. A config the user really deleted (no skip-worktree bit) still means no mapping.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidDataError } from "../../src/errors.js";
import { readJson, writeJson } from "../../src/lib/safe-json.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const SCHEMA = { type: "object", required: ["n"], properties: { n: { type: "integer", minimum: 0 } } };

/** A repository mapping data/*.json to schemas/n.json, checked out sparsely: only data/ (and the top-level files). */
function sparseRepo(): TestRepo {
  const r = createRepo();
  repo = r;
  r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/n.json }\n');
  r.write("schemas/n.json", JSON.stringify(SCHEMA) + "\n");
  r.write("data/a.json", '{"n":1}\n');
  r.commitAll("rules");
  r.git("sparse-checkout", "set", "data");
  expect(fs.existsSync(path.join(r.dir, ".integrity-guard/config.yml"))).toBe(false);
  expect(fs.existsSync(path.join(r.dir, "schemas/n.json"))).toBe(false);
  return r;
}

describe("writeJson in a sparse checkout that leaves the config and the schema out", () => {
  it("refuses data the committed schema refuses, and leaves the file as it was", async () => {
    const r = sparseRepo();
    const file = path.join(r.dir, "data/a.json");
    const error = await writeJson(file, { n: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as InvalidDataError).findings[0]).toMatchObject({ rule: "schema/violation", pointer: "/n" });
    expect(fs.readFileSync(file, "utf8")).toBe('{"n":1}\n');
    await expect(readJson(file)).resolves.toEqual({ n: 1 });
  });

  it("writes valid data", async () => {
    const r = sparseRepo();
    const file = path.join(r.dir, "data/a.json");
    await writeJson(file, { n: 2 });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ n: 2 });
  });

  it("a cone holding the config but not the schema (nor what it $refs): the index's schema", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/n.json }\n');
    r.write("schemas/n.json", '{"type":"object","properties":{"n":{"$ref":"defs.json#/$defs/count"}}}\n');
    r.write("schemas/defs.json", '{"$defs":{"count":{"type":"integer","minimum":0}}}\n');
    r.write("data/a.json", '{"n":1}\n');
    r.commitAll("rules");
    r.git("sparse-checkout", "set", "data", ".integrity-guard");
    expect(fs.existsSync(path.join(r.dir, "schemas"))).toBe(false);
    const file = path.join(r.dir, "data/a.json");
    const error = await writeJson(file, { n: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as InvalidDataError).findings[0]).toMatchObject({ rule: "schema/violation", pointer: "/n" });
    await writeJson(file, { n: 3 });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ n: 3 });
  });

  it("a config deleted from the work tree (no skip-worktree bit) maps nothing, as in the CLI", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/n.json }\n');
    r.write("schemas/n.json", JSON.stringify(SCHEMA) + "\n");
    r.write("data/a.json", '{"n":1}\n');
    r.commitAll("rules");
    fs.rmSync(path.join(r.dir, ".integrity-guard"), { recursive: true });
    const file = path.join(r.dir, "data/a.json");
    await writeJson(file, { n: -1 });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ n: -1 });
  });
});
