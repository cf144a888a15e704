/**
 * lint-staged (the devDependency teams already run from husky) driving the BUILT CLI, configured
 * exactly as docs/hooks.md shows: the function form runs `check --staged` once without file
 * names; the string form passes the staged files' absolute paths. Real `git commit`s through a
 * pre-commit hook that runs lint-staged; corrupt JSON is blocked with its location, valid JSON
 * commits, and lint-staged's own stash leaves the unstaged edit of the user untouched.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { commit, expectCommitted, head, hookRepo, TRAILING_COMMA, VALID } from "./hook-fixture.js";

const LINT_STAGED = path.join(PROJECT_ROOT, "node_modules/lint-staged/bin/lint-staged.js");
const AT_B = /data\/b\.json:3:13/;

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** A repository whose pre-commit hook is `lint-staged` with the given config module text. */
function lintStagedRepo(config: string): TestRepo {
  const r = hookRepo({ install: false });
  r.write("lint-staged.config.mjs", config);
  r.write("package.json", JSON.stringify({ name: "demo", private: true }, null, 2) + "\n");
  r.git("add", "lint-staged.config.mjs", "package.json");
  r.git("commit", "-q", "-m", "lint-staged");
  const hook = path.join(r.dir, ".git/hooks/pre-commit");
  fs.writeFileSync(hook, `#!/bin/sh\nexec '${process.execPath}' '${LINT_STAGED}'\n`, { mode: 0o755 });
  return r;
}

function blocked(r: TestRepo, before: string, result: { status: number | null; out: string }): void {
  expect(result.status, result.out).not.toBe(0);
  expect(head(r)).toBe(before);
  expect(result.out).toMatch(AT_B);
  expect(result.out).toContain("parse/");
}

describe("lint-staged runs integrity-guard as docs/hooks.md shows", () => {
  it("function form: `check --staged` once, no file names; blocks a trailing comma, lets valid JSON through", () => {
    repo = lintStagedRepo(`export default { "*.{json,yaml,yml}": () => "integrity-guard check --staged" };\n`);
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const before = head(repo);
    blocked(repo, before, commit(repo));
    // lint-staged restores the index and tree it found: the corrupt file is still staged, as written.
    expect(repo.git("diff", "--cached", "--name-only").trim()).toBe("data/b.json");
    expect(repo.read("data/b.json")).toBe(TRAILING_COMMA);

    repo.write("data/b.json", VALID);
    repo.git("add", "data/b.json");
    expectCommitted(repo, before, commit(repo));
    expect(repo.git("show", "HEAD:data/b.json")).toBe(VALID);
  });

  it("string form: the staged files' absolute paths are checked from the index, not the working tree", () => {
    repo = lintStagedRepo(`export default { "*.json": "integrity-guard check --staged" };\n`);
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    // A valid working-tree copy must not hide the corrupt staged one.
    repo.write("data/b.json", VALID);
    const before = head(repo);
    blocked(repo, before, commit(repo));
    // The unstaged fix survives lint-staged's stash and restore.
    expect(repo.read("data/b.json")).toBe(VALID);
  });
});
