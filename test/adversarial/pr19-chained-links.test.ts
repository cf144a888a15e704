/**
 * Red team, session 24: a file the pull request changes that a name the schema judges reaches
 * through a folder link *and then* a file link (`data -> other`, `other/state.json ->
 * ../real/state.json`), or through a folder link inside another one's target (`data -> other`,
 * `other/sub -> ../real`). The narrowed check followed one kind of link per name: it added
 * `other/state.json` (the file link) or `other/sub/state.json` (the inner folder link), never
 * `data/state.json` / `data/sub/state.json`, which `data/**` 's schema judges, so a schema
 * violation written into the final target passed. Names are now followed to a fixed point, the
 * file links by the same resolver the base side uses (src/io/commit-links.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { runPullRequest } from "../e2e/action-harness.js";
import { findingsOf, type Found } from "../helpers/pull-request.js";

const CONFIG = `version: 1
validate:
  schemas:
    - files: ["data/**/*.json"]
      schema: schemas/state.schema.json
`;
const SCHEMA = '{"type": "object", "required": ["count"], "properties": {"count": {"type": "integer", "minimum": 0}}}\n';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** A base commit with the config, the schema, `files` and `links` (path -> link text). */
function baseRepo(files: Record<string, string>, links: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/state.schema.json", SCHEMA);
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  for (const [l, to] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(repo.dir, l)), { recursive: true });
    fs.symlinkSync(to, path.join(repo.dir, l));
  }
  repo.commitAll("base");
  return repo;
}

const brief = (found: Found[]) => found.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");
const errorsOn = (found: Found[], file: string) => found.filter((f) => f.level === "error" && f.file === file).map((f) => f.rule);

describe("a pull request that changes the end of a folder link then a file link", () => {
  it("data -> other, other/state.json -> ../real/state.json: the violation is reported on data/state.json", async () => {
    const repo = baseRepo({ "real/state.json": '{"count": 1}\n' }, { data: "other", "other/state.json": "../real/state.json" });
    const r = await runPullRequest(repo, (x) => x.write("real/state.json", '{"count": -5}\n'));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(errorsOn(found, "data/state.json"), brief(found)).toContain("schema/violation");
  });

  it("with a chain after the folder link (other/state.json -> ../mid.json -> real/state.json)", async () => {
    const repo = baseRepo(
      { "real/state.json": '{"count": 1}\n' },
      { data: "other", "other/state.json": "../mid.json", "mid.json": "real/state.json" },
    );
    const r = await runPullRequest(repo, (x) => x.write("real/state.json", '{"count": "many"}\n'));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(errorsOn(found, "data/state.json"), brief(found)).toContain("schema/violation");
  });

  it("a folder link inside another's target (data -> other, other/sub -> ../real): reported on data/sub/state.json", async () => {
    const repo = baseRepo({ "real/state.json": '{"count": 1}\n', "other/keep.txt": "x\n" }, { data: "other", "other/sub": "../real" });
    const r = await runPullRequest(repo, (x) => x.write("real/state.json", '{"count": -1}\n'));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(errorsOn(found, "data/sub/state.json"), brief(found)).toContain("schema/violation");
  });

  it("a valid change through the same links passes, and the linked name is checked", async () => {
    const repo = baseRepo({ "real/state.json": '{"count": 1}\n' }, { data: "other", "other/state.json": "../real/state.json" });
    const r = await runPullRequest(repo, (x) => x.write("real/state.json", '{"count": 9}\n'));
    const found = findingsOf(r.findingsJson);
    expect(r.code, brief(found) + r.stderr).toBe(0);
    expect(found.filter((f) => f.level === "error" || f.level === "warning")).toEqual([]);
    expect(r.stdout).toMatch(/checking 3 changed file\(s\)/);
  });
});

describe("a whole-tree check of folder links inside linked folders", () => {
  it("data -> other, other/sub -> ../real: `check` reports the violation in data/sub/state.json", () => {
    const repo = baseRepo(
      { "real/state.json": '{"count": -1}\n', "other/direct.json": '{"count": 2}\n' },
      { data: "other", "other/sub": "../real" },
    );
    const r = repo.cliBundle(["check", "--format", "json"]);
    const found = findingsOf(r.stdout);
    expect(r.code, brief(found) + r.stderr).toBe(1);
    expect(errorsOn(found, "data/sub/state.json"), brief(found)).toContain("schema/violation");
  });

  it("links that lead into each other's folders (a -> b, b/x -> ../a) end the listing, and the check passes", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`b/f${i}.json`] = `{"n": ${i}}\n`;
    const repo = baseRepo(files, { a: "b", "b/x": "../a" });
    const started = Date.now();
    const r = repo.cliBundle(["check", "--format", "json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
