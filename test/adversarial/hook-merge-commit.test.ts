/**
 * `git merge` (and `git pull`) make a merge commit without running the pre-commit hook: when the
 * merge needs no conflict resolution git runs `pre-merge-commit` instead (githooks(5), git
 * 2.24+). Two branches that each pass the hook can merge cleanly, line by line, into a file
 * that is corrupt: here both add the key "dup" at places far enough apart for git to merge
 * without a conflict, and the result has a duplicate key. `init` must install the check as
 * pre-merge-commit too. Real repositories, the real hooks written by init (src), the built CLI
 * as the local binary.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { head, installLocalBinary } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const BASE = '{\n  "id": "abc",\n  "z": 1,\n  "n": 1,\n  "p": 1,\n  "q": 1,\n  "r": 2\n}\n';

/** main and feat each add "dup" (valid on their own); merging feat into main is clean and corrupt. */
async function divergedRepo(setup: (r: TestRepo) => unknown): Promise<TestRepo> {
  const r = createRepo();
  r.write(".gitignore", "node_modules/\n");
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write("data/a.json", BASE);
  r.commitAll("initial");
  installLocalBinary(r);
  await setup(r);
  r.git("checkout", "-q", "-b", "feat");
  r.write("data/a.json", BASE.replace('"id": "abc",\n', '"id": "abc",\n  "dup": 1,\n'));
  expect(r.tryGit("commit", "-qam", "feat: add dup").status).toBe(0);
  r.git("checkout", "-q", "main");
  r.write("data/a.json", BASE.replace('"q": 1,\n', '"q": 1,\n  "dup": 2,\n'));
  expect(r.tryGit("commit", "-qam", "main: add dup").status).toBe(0);
  return r;
}

async function initHook(r: TestRepo): Promise<string> {
  const init = await r.cli(["init", "--hook-only"]);
  expect(init.code, init.stderr + init.stdout).toBe(0);
  return init.stdout;
}

describe("a merge commit made by `git merge` without conflicts", () => {
  it("is checked (plain hooks folder): a clean merge into a duplicate key is blocked, the merge left to finish", async () => {
    repo = await divergedRepo(initHook);
    expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-merge-commit"))).toBe(true);
    const before = head(repo);
    const m = repo.tryGit("merge", "--no-edit", "feat");
    const out = m.stdout + m.stderr;
    expect(m.status, out).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(out).toMatch(/data\/a\.json:\d+:\d+.*duplicate key "dup"/);
    // git keeps the merge in progress: fix, add, and `git commit` (the pre-commit hook) finishes it.
    expect(fs.existsSync(path.join(repo.dir, ".git/MERGE_HEAD"))).toBe(true);
    repo.write("data/a.json", repo.read("data/a.json").replace('  "dup": 2,\n', ""));
    repo.git("add", "data/a.json");
    const c = repo.tryGit("commit", "--no-edit");
    expect(c.status, c.stdout + c.stderr).toBe(0);
    expect(repo.git("rev-list", "--parents", "-n1", "HEAD").trim().split(" ")).toHaveLength(3);
  });

  it("a clean merge of valid changes still goes through", async () => {
    repo = await divergedRepo(initHook);
    repo.git("checkout", "-q", "feat");
    repo.git("reset", "-q", "--hard", "HEAD~1");
    repo.write("data/b.json", '{"ok": true}\n');
    repo.git("add", "data/b.json");
    expect(repo.tryGit("commit", "-qm", "feat: b").status).toBe(0);
    repo.git("checkout", "-q", "main");
    const m = repo.tryGit("merge", "--no-edit", "feat");
    expect(m.status, m.stdout + m.stderr).toBe(0);
  });

  it("is checked under husky (core.hooksPath .husky/_): init writes .husky/pre-merge-commit", async () => {
    repo = await divergedRepo(async (r) => {
      // What husky 9.1.5+ writes: every hook in .husky/_ sources one runner that runs .husky/<hook>.
      const runner = '#!/usr/bin/env sh\nh="${0##*/}"\ns="$(dirname "$(dirname "$0")")/$h"\n[ -f "$s" ] || exit 0\nsh -e "$s" "$@"\n';
      for (const hook of ["pre-commit", "pre-merge-commit"]) fs.chmodSync(r.write(`.husky/_/${hook}`, runner), 0o755);
      r.git("config", "core.hooksPath", ".husky/_");
      const out = await initHook(r);
      expect(out).toContain(".husky/pre-merge-commit");
    });
    const before = head(repo);
    const m = repo.tryGit("merge", "--no-edit", "feat");
    expect(m.status, m.stdout + m.stderr).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(m.stdout + m.stderr).toContain('duplicate key "dup"');
  });

  it("an existing pre-merge-commit hook is kept and run first", async () => {
    repo = await divergedRepo(async (r) => {
      fs.chmodSync(r.write(".git/hooks/pre-merge-commit", '#!/bin/sh\necho "own merge hook ran" >&2\n'), 0o755);
      const out = await initHook(r);
      expect(out).toContain(".git/hooks/pre-merge-commit.local");
    });
    const m = repo.tryGit("merge", "--no-edit", "feat");
    expect(m.status).not.toBe(0);
    expect(m.stderr).toContain("own merge hook ran");
    expect(m.stderr).toContain('duplicate key "dup"');
  });
});
