/**
 * The hook when a rebase or a cherry-pick stopped on a conflict and the user `git add`s a file
 * that still holds the conflict markers (git add does not look). `git cherry-pick --continue`
 * (and `git revert --continue`) commit through `git commit`, so pre-commit runs and blocks it;
 * `git rebase --continue` commits the step itself with `git commit -n`, so pre-commit does NOT
 * run (git 2.39; only prepare-commit-msg does, with GIT_REFLOG_ACTION "rebase (continue)"):
 * init's prepare-commit-msg hook checks that commit. Real repositories, the real hooks written
 * by init, the built CLI as the local binary.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { VALID, commit, head, hookRepo } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** feat and main each change data/a.json's count: replaying one on the other conflicts. */
function conflicting(): TestRepo {
  const r = hookRepo();
  r.git("checkout", "-q", "-b", "feat");
  r.write("data/a.json", VALID.replace('"count": 1', '"count": 2'));
  expect(commit(r, "-a").status).toBe(0);
  r.git("checkout", "-q", "main");
  r.write("data/a.json", VALID.replace('"count": 1', '"count": 3'));
  expect(commit(r, "-a").status).toBe(0);
  return r;
}

/** A git command that may open the commit message editor: `true` accepts the message as it is. */
function gitNoEditor(r: TestRepo, ...args: string[]) {
  const x = r.tryGit("-c", "core.editor=true", ...args);
  return { status: x.status, out: x.stdout + x.stderr };
}

describe("a stopped rebase or cherry-pick finished with conflict markers left in a file", () => {
  it("cherry-pick --continue runs pre-commit: the markers are blocked, the pick stays in progress", async () => {
    repo = conflicting();
    expect(repo.tryGit("cherry-pick", "feat").status).not.toBe(0);
    repo.git("add", "data/a.json"); // markers and all
    const before = head(repo);
    const c = gitNoEditor(repo, "cherry-pick", "--continue");
    expect(c.status, c.out).not.toBe(0);
    expect(c.out).toMatch(/data\/a\.json:\d+:1 .*unresolved merge conflict markers/);
    expect(head(repo)).toBe(before);
    repo.write("data/a.json", VALID.replace('"count": 1', '"count": 2'));
    repo.git("add", "data/a.json");
    const done = gitNoEditor(repo, "cherry-pick", "--continue");
    expect(done.status, done.out).toBe(0);
  });

  it("a rebase step finished with `git commit` is checked: the markers are blocked", async () => {
    repo = conflicting();
    expect(repo.tryGit("rebase", "feat").status).not.toBe(0);
    repo.git("add", "data/a.json");
    const before = head(repo);
    const c = commit(repo, "--no-edit");
    expect(c.status, c.out).not.toBe(0);
    expect(c.out).toMatch(/data\/a\.json:\d+:1 .*unresolved merge conflict markers/);
    expect(head(repo)).toBe(before);
    // Resolved, committed through the hook, and the rebase goes on.
    repo.write("data/a.json", VALID.replace('"count": 1', '"count": 3'));
    repo.git("add", "data/a.json");
    expect(commit(repo, "--no-edit").status).toBe(0);
    const r = gitNoEditor(repo, "rebase", "--continue");
    expect(r.status, r.out).toBe(0);
    expect(repo.read("data/a.json")).not.toContain("<<<<<<<");
  });

  it("`git rebase --continue` skips pre-commit (git commits the step with -n), and the prepare-commit-msg hook init installs checks it", async () => {
    repo = conflicting();
    expect(repo.tryGit("rebase", "feat").status).not.toBe(0);
    repo.git("add", "data/a.json");
    const before = head(repo);
    const r = gitNoEditor(repo, "rebase", "--continue");
    expect(r.status, r.out).not.toBe(0);
    expect(r.out).toMatch(/data\/a\.json:\d+:1 .*unresolved merge conflict markers/);
    expect(head(repo)).toBe(before);
    // More cases (edit stops, husky, a chained hook, the bypass): hook-rebase-continue-12.test.ts.
  });
});
