/**
 * A repository git refuses as owned by someone else (safe.directory, git 2.35.2+): a container
 * job whose checkout belongs to another uid, a shared folder, a repository on a USB disk. git
 * exits 128 for every command there, and integrity-guard said "not inside a git work tree" with
 * the fix "git init": wrong, and `validate PATH` even ran as if there were no repository (no
 * index, no git attributes). It must stop with exit 2, git's reason, and the safe.directory fix.
 * GIT_TEST_ASSUME_DIFFERENT_OWNER is git's own switch for testing this check without a second user.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe("a repository git refuses for dubious ownership", () => {
  it.each(["check", "check --staged", "verify", "validate data"])(
    "%s: exit 2 naming safe.directory, never 'not inside a git work tree'",
    async (command) => {
      const args = command.split(" ");
      repo = createRepo();
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("data/a.json", '{"ok": true}\n');
      repo.commitAll("initial");
      // git inherits this process's environment (the in-process CLI's env option is for our own reads).
      const saved = { owner: process.env.GIT_TEST_ASSUME_DIFFERENT_OWNER, global: process.env.GIT_CONFIG_GLOBAL };
      process.env.GIT_TEST_ASSUME_DIFFERENT_OWNER = "1";
      process.env.GIT_CONFIG_GLOBAL = "/dev/null"; // no safe.directory from the machine's own config
      let r: Awaited<ReturnType<TestRepo["cli"]>>;
      try {
        r = await repo.cli(args);
      } finally {
        for (const [k, v] of [
          ["GIT_TEST_ASSUME_DIFFERENT_OWNER", saved.owner],
          ["GIT_CONFIG_GLOBAL", saved.global],
        ] as const) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain("dubious ownership");
      expect(r.stderr).toContain(`git config --global --add safe.directory ${repo.dir}`);
      expect(r.stderr).not.toContain("not inside a git work tree");
    },
  );
});
