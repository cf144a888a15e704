/**
 * Git option injection: a value from the repository's config that git reads as an option.
 * `snapshots.remote: "--upload-pack=CMD"` made `git fetch`/`git ls-remote` run CMD (git runs
 * the upload-pack command of a local remote through the shell, even when the "repository" that
 * follows does not exist). Every remote is passed after `--end-of-options`, so git takes it for
 * a (strange) repository name and refuses it.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig } from "../helpers/keys.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe("a configured snapshot remote is never a git option", () => {
  it("snapshots.remote starting with -- runs no command, on snapshot --push and on listing", async () => {
    const key = makeSshKey();
    const repo: TestRepo = createRepo();
    const remote = createRepo({ bare: true });
    const witness = makeTempDir("ig-witness-");
    cleanup.push(
      () => key.cleanup(),
      () => repo.cleanup(),
      () => remote.cleanup(),
      () => fs.rmSync(witness, { recursive: true, force: true }),
    );
    const pwned = path.join(witness, "PWNED");
    const evil = `--upload-pack=touch ${pwned}; git-upload-pack`;
    repo.write(
      ".integrity-guard/config.yml",
      snapshotConfig({ sets: '    hourly: { paths: ["state.json"] }', extra: `  remote: ${JSON.stringify(evil)}` }),
    );
    repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    repo.write("state.json", '{"n":0}\n');
    repo.commitAll("setup");
    repo.git("remote", "add", "origin", remote.dir);
    repo.git("push", "-q", "origin", "main");
    const env = { IG_TEST_SIGNING_KEY: key.privateKey };
    const pushed = await repo.cli(["snapshot", "--set", "hourly", "--push", "--format", "json"], env);
    const listed = await repo.cli(["snapshots", "--format", "json"], env);
    expect(fs.existsSync(pwned), pushed.stdout + pushed.stderr + listed.stdout + listed.stderr).toBe(false);
    // The push fails as a push to a remote that does not exist, not as a crash.
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).not.toMatch(/internal error/i);
  });
});
