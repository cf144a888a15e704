/**
 * Red team, session 25: the links walk at its limits. A pull request that replaced an existing
 * schema-mapped data file with symlinks that go round (`app.json -> b.json -> app.json`), or with
 * a chain of more than 40 links (the kernel's limit), passed with no finding: the link was skipped
 * as a link, while every reader of the name gets ELOOP, as if the file were emptied. On a pull
 * request such a name is now a parse/unreadable error (checks/validate.ts, io/symlink-outside.ts:
 * linkLoops); a repository's own loop stays skipped by `check` and the hook (hook-links.test.ts).
 * The 42-link chain also needed the narrowed check to keep the name: `existsSync` follows links,
 * so the name "did not exist" and was dropped before validate saw it (io/paths.ts: nameExists).
 * Guards: a chain within the limit is read through to its end (and judged there), a dangling link
 * (a generated file's) stays unread, and a link into .git/ stays path/symlink-outside.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPullRequest } from "../e2e/action-harness.js";
import { baseRepos, findingsOf, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) => fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""} ${f.message}`).join("\n");
const BASE = {
  ".integrity-guard/config.yml":
    'version: 1\nvalidate:\n  schemas:\n    - files: ["config/*.json"]\n      schema: schemas/app.schema.json\n',
  "schemas/app.schema.json": JSON.stringify({ type: "object", required: ["port"], properties: { port: { type: "integer" } } }),
  "config/app.json": '{"port": 8080}\n',
};

function link(dir: string, name: string, to: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.rmSync(path.join(dir, name), { force: true });
  fs.symlinkSync(to, path.join(dir, name));
}

/** `config/app.json -> ../l/0 -> 1 -> ... -> ../store/s.json`: `n` links in all. */
function chain(dir: string, n: number): void {
  link(dir, "config/app.json", "../l/0");
  for (let i = 0; i < n - 1; i++) link(dir, `l/${i}`, i === n - 2 ? "../store/s.json" : `${i + 1}`);
}

const unreadableAt = (fs: Found[], file: string) =>
  fs.filter((f) => f.level === "error" && f.rule === "parse/unreadable" && f.file === file);

describe("a pull request that replaces a data file with links no reader can follow", () => {
  it("a loop of two links: an error under the file's name", async () => {
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      link(x.dir, "config/app.json", "b.json");
      link(x.dir, "config/b.json", "app.json");
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(unreadableAt(fs, "config/app.json").length, brief(fs)).toBe(1);
    expect(unreadableAt(fs, "config/app.json")[0]!.message).toMatch(/loop/);
  });

  it("a chain of 42 links (more than the kernel's 40): an error", async () => {
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      x.write("store/s.json", '{"port": 1}\n');
      chain(x.dir, 42);
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(unreadableAt(fs, "config/app.json").length, brief(fs)).toBe(1);
  });

  it("a chain of 40 links is read through to its end: a valid end passes, a schema violation there fails (guard)", async () => {
    const ok = await runPullRequest(baseRepo(BASE), (x) => {
      x.write("store/s.json", '{"port": 1}\n');
      chain(x.dir, 40);
    });
    expect(ok.code, brief(findingsOf(ok.findingsJson))).toBe(0);
    const bad = await runPullRequest(baseRepo(BASE), (x) => {
      x.write("store/s.json", '{"port": "x"}\n');
      chain(x.dir, 40);
    });
    const fs = findingsOf(bad.findingsJson);
    expect(bad.code, brief(fs)).toBe(1);
    expect(fs.some((f) => f.rule === "schema/violation" && f.file === "config/app.json")).toBe(true);
  });

  it("a dangling link (a generated file's) stays unread, and a link into .git/ stays path/symlink-outside (guards)", async () => {
    const r = await runPullRequest(baseRepo(BASE), (x) => {
      link(x.dir, "compile_commands.json", "build/compile_commands.json");
      link(x.dir, "config/app.json", "../.git/HEAD");
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(fs.filter((f) => f.level === "error").map((f) => [f.rule, f.file])).toEqual([["path/symlink-outside", "config/app.json"]]);
  });
});
