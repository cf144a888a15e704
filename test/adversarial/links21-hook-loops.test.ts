/**
 * Red team, session 26: a commit that replaces a tracked data file with symlinks no reader can
 * follow. `data/state.json` (valid, in HEAD) turned into `state.json -> b.json -> state.json`, or
 * into a chain of 42 links (more than the kernel's 40), passed the pre-commit hook and the
 * whole-tree `check` with exit 0: the link was skipped as a link, while every reader of the name
 * gets ELOOP, as if the file were cut to nothing. Pull requests reported it since session 25
 * (pr20-link-loops). Now the hook reports such a staged link as parse/unreadable wherever the
 * selection checks it (the commit introduces it), and `check` does where the team maps a schema
 * or where HEAD holds a regular file. Guards: a loop the commit leaves alone, and a loop in a
 * folder the selection never checks, still pass; a chain within the limit is judged at its end.
 * Run as users do: a real `git commit` with the installed hook (built CLI), and `check`.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";
import { addFilesAndLinks, link, ruleFiles } from "../helpers/hook-links.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** The hook repository (data/**\/*.json mapped to a schema, data/a.json committed) with the hook installed. */
function setup(files: Record<string, string> = {}, links: Record<string, string> = {}): TestRepo {
  repo = hookRepo();
  if (Object.keys(files).length || Object.keys(links).length) addFilesAndLinks(repo, files, links);
  return repo;
}

/** `data/state.json -> ../l/0 -> 1 -> ... -> ../store/s.json`: `n` links in all. */
function chain(r: TestRepo, n: number): void {
  link(r, "data/state.json", "../l/0");
  for (let i = 0; i < n - 1; i++) link(r, `l/${i}`, i === n - 2 ? "../store/s.json" : `${i + 1}`);
}

const UNREADABLE = /data\/state\.json[^\n]*cannot be read: is a symlink whose links lead round in a loop/;

describe("a commit that turns a tracked data file into links no reader can follow", () => {
  it("a loop of two links: the hook blocks the commit, naming the file and the fix", () => {
    const r = setup({ "data/state.json": VALID });
    link(r, "data/state.json", "b.json");
    link(r, "data/b.json", "state.json");
    r.git("add", "data/state.json", "data/b.json");
    const c = commit(r);
    expectBlocked(r, head(r), c, UNREADABLE);
    expect(c.out).toMatch(/make the link lead to the file itself \(or replace it with the file\), breaking the loop/);
  });

  it("a chain of 42 links: blocked; a chain of 40 is judged at its end (guard)", () => {
    const r = setup({ "data/state.json": VALID });
    r.write("store/s.json", VALID);
    chain(r, 42);
    r.git("add", "-A", "data", "l", "store");
    expectBlocked(r, head(r), commit(r), UNREADABLE);
    fs.rmSync(path.join(r.dir, "l"), { recursive: true });
    // Rebuilt as 40 links: every reader reaches store/s.json, which the schema judges under data/state.json.
    r.write("store/s.json", SCHEMA_VIOLATION);
    chain(r, 40);
    r.git("add", "-A", "data", "l", "store");
    expectBlocked(r, head(r), commit(r), /data\/state\.json:3:/);
    r.write("store/s.json", VALID);
    r.git("add", "store/s.json");
    expectCommitted(r, head(r), commit(r));
  });

  it("`check` on the working tree (built CLI): an error where HEAD holds the file or a schema maps the name", () => {
    const r = setup({ "data/state.json": VALID, "misc/keep.json": "{}\n" });
    // misc/keep.json is a data file in HEAD, mapped to no schema: replaced by a loop in the working tree.
    link(r, "misc/keep.json", "other.json");
    link(r, "misc/other.json", "keep.json");
    let run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(ruleFiles(run.stdout)).toEqual(["parse/unreadable misc/keep.json"]);
    // Committed (without the hook): a long-standing loop at a name no schema maps is the repository's own.
    r.git("add", "-A", "misc");
    r.git("commit", "-q", "--no-verify", "-m", "loop");
    run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // At a name data/**/*.json's schema maps, committed or not, the file is unreadable: an error.
    link(r, "data/state.json", "b.json");
    link(r, "data/b.json", "state.json");
    r.git("add", "-A", "data");
    r.git("commit", "-q", "--no-verify", "-m", "loop in data");
    run = r.cliBundle(["check", "--format", "json"]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(ruleFiles(run.stdout)).toEqual(["parse/unreadable data/b.json", "parse/unreadable data/state.json"]);
  });

  it("loops the commit leaves alone, and new loops in folders the selection never checks, pass (guards)", () => {
    const r = setup({ "data/state.json": VALID }, { "old/a.json": "b.json", "old/b.json": "a.json" });
    r.write("data/state.json", VALID.replace('"count": 1', '"count": 2'));
    r.git("add", "data/state.json");
    expectCommitted(r, head(r), commit(r));
    // node_modules/ is never checked (and ignored here: forced in, as vendored packages are).
    link(r, "node_modules/pkg/x.json", "y.json");
    link(r, "node_modules/pkg/y.json", "x.json");
    r.git("add", "-f", "node_modules/pkg/x.json", "node_modules/pkg/y.json");
    expectCommitted(r, head(r), commit(r));
  });
});
