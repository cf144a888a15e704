/**
 * The pre-commit hook and a symlink committed EARLIER: `data/state.json -> ../other/t.json` (or
 * a folder link `data/lnk -> ../real`) is in HEAD, and a later commit changes only the target.
 * The link is no staged change, yet readers of data/state.json get the new content, and the
 * working-tree `check` judges it by data/*.json's schema: the hook must too. Run as users do: a
 * real `git commit` (plain, `-a`, `<path>`) with the installed hook, and the built CLI.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, head, hookRepo, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";
import { addFilesAndLinks, link, ruleFiles } from "../helpers/hook-links.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** The hook repository plus `files` and `links`, committed without the hook. */
function setup(files: Record<string, string>, links: Record<string, string>): TestRepo {
  repo = hookRepo();
  return addFilesAndLinks(repo, files, links);
}

/** The built CLI's `check --staged --format json`: exit code and each "rule file" of the findings. */
function staged(r: TestRepo, ...named: string[]): { code: number; findings: string[] } {
  const run = r.cliBundle(["check", "--staged", "--format", "json", ...named]);
  return { code: run.code, findings: ruleFiles(run.stdout) };
}

/** A real `git commit` through the installed hook: whether HEAD moved. */
function gitCommit(r: TestRepo, ...args: string[]): boolean {
  const before = head(r);
  const c = commit(r, ...args);
  expect(c.status === 0, c.out).toBe(head(r) !== before);
  return c.status === 0;
}

describe("a change behind a link committed earlier", () => {
  it("is judged under the link's name: a file link, a folder link, a chain through both", () => {
    const r = setup(
      { "other/t.json": VALID, "real/x.json": VALID },
      { "data/state.json": "../other/t.json", "data/lnk": "../real", "data/chain.json": "lnk/x.json" },
    );
    // Only the targets change; no link is staged.
    r.write("other/t.json", SCHEMA_VIOLATION);
    r.write("real/x.json", SCHEMA_VIOLATION);
    r.git("add", "other/t.json", "real/x.json");
    expect(staged(r)).toEqual({
      code: 1,
      findings: ["schema/violation data/chain.json", "schema/violation data/lnk/x.json", "schema/violation data/state.json"],
    });
    // The working tree check agrees.
    expect(r.cliBundle(["check"]).code).toBe(1);
    expect(gitCommit(r)).toBe(false);
  });

  it("is caught by `git commit -a` and `git commit <path>` (git's temporary index)", () => {
    const r = setup({ "other/t.json": VALID }, { "data/state.json": "../other/t.json" });
    r.write("other/t.json", SCHEMA_VIOLATION);
    expect(gitCommit(r, "-a")).toBe(false);
    expect(gitCommit(r, "--", "other/t.json")).toBe(false);
  });

  it("is caught when lint-staged names only the target", () => {
    const r = setup({ "other/t.json": VALID }, { "data/state.json": "../other/t.json" });
    r.write("other/t.json", SCHEMA_VIOLATION);
    r.git("add", "other/t.json");
    expect(staged(r, "other/t.json")).toEqual({ code: 1, findings: ["schema/violation data/state.json"] });
  });

  it("judges the staged target, not the working tree's", () => {
    const r = setup({ "other/t.json": VALID }, { "data/state.json": "../other/t.json" });
    r.write("other/t.json", SCHEMA_VIOLATION);
    r.git("add", "other/t.json");
    r.write("other/t.json", VALID);
    expect(staged(r).code).toBe(1);
    r.write("other/t.json", '{"id":"abc","count":2}\n');
    r.git("add", "other/t.json");
    r.write("other/t.json", SCHEMA_VIOLATION);
    expect(staged(r)).toEqual({ code: 0, findings: [] });
  });

  it("lets a valid change through, and a change to an unlinked file", () => {
    const r = setup({ "other/t.json": VALID, "other/free.json": VALID }, { "data/state.json": "../other/t.json" });
    r.write("other/t.json", '{"id":"abc","count":7}\n');
    r.write("other/free.json", '{"anything": true}\n');
    r.git("add", "other/t.json", "other/free.json");
    expect(staged(r)).toEqual({ code: 0, findings: [] });
    expect(gitCommit(r)).toBe(true);
  });

  it("follows HEAD as it moves: a link added by a later commit, a link removed in this one", () => {
    const r = setup({ "other/t.json": VALID, "other/u.json": VALID }, { "data/state.json": "../other/t.json" });
    // Warm the cache of HEAD's links, then add a second link in a new commit.
    r.write("other/u.json", '{"id":"abc","count":3}\n');
    r.git("add", "other/u.json");
    expect(gitCommit(r)).toBe(true);
    link(r, "data/second.json", "../other/u.json");
    r.git("add", "data/second.json");
    expect(gitCommit(r)).toBe(true);
    r.write("other/u.json", SCHEMA_VIOLATION);
    r.git("add", "other/u.json");
    expect(staged(r)).toEqual({ code: 1, findings: ["schema/violation data/second.json"] });
    // Removing the link in the same commit: nothing reads other/u.json as data any more.
    r.git("rm", "-q", "--cached", "data/second.json");
    expect(staged(r)).toEqual({ code: 0, findings: [] });
  });

  it("does not trust a damaged cache of HEAD's links", () => {
    const r = setup({ "other/t.json": VALID }, { "data/state.json": "../other/t.json" });
    const cache = path.join(r.dir, ".git/integrity-guard/head-links.json");
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.writeFileSync(cache, '{"version":1,"commit":"' + head(r) + '","links":{');
    r.write("other/t.json", SCHEMA_VIOLATION);
    r.git("add", "other/t.json");
    expect(staged(r)).toEqual({ code: 1, findings: ["schema/violation data/state.json"] });
  });
});
