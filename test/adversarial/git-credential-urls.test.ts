/**
 * Red team, round 7: a remote URL that carries credentials (`https://x-access-token:TOKEN@host/…`,
 * a common way to push from CI) reached the user in our own messages: GitError put git's argv,
 * the URL included, into "git push … failed", which the CLI prints, the Action's log and job
 * summary show and a snapshot report keeps. git itself hides the credentials in what it prints;
 * our messages now do the same.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GitError } from "../../src/errors.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig } from "../helpers/keys.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const SECRET = "ghs_Q3sXkTq9pLr2Zy7W";

describe("credentials in a remote URL stay out of our messages", () => {
  it("a snapshot push to a URL with a token that fails names the remote without the token", async () => {
    const key = makeSshKey();
    const repo: TestRepo = createRepo();
    cleanup.push(
      () => key.cleanup(),
      () => repo.cleanup(),
    );
    // Port 9 on 127.0.0.1: nothing listens, the push fails at once.
    const url = `http://x-access-token:${SECRET}@127.0.0.1:9/acme/app.git`;
    repo.write(
      ".integrity-guard/config.yml",
      snapshotConfig({ sets: '    hourly: { paths: ["state.json"] }', extra: `  remote: ${JSON.stringify(url)}` }),
    );
    repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    repo.write("state.json", '{"n":0}\n');
    repo.commitAll("setup");
    const r = await repo.cli(["snapshot", "--set", "hourly", "--push"], { IG_TEST_SIGNING_KEY: key.privateKey, GIT_TERMINAL_PROMPT: "0" });
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("127.0.0.1:9/acme/app.git");
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    // Listing reads the remote first: its warning names it too.
    const listed = await repo.cli(["snapshots"], { IG_TEST_SIGNING_KEY: key.privateKey, GIT_TERMINAL_PROMPT: "0" });
    expect(listed.stdout + listed.stderr).toContain("127.0.0.1:9/acme/app.git");
    expect(listed.stdout + listed.stderr).not.toContain(SECRET);
  });

  it.each([
    [`https://x-access-token:${SECRET}@github.com/acme/app.git`, "https://x-access-token:***@github.com/acme/app.git"],
    [`https://${SECRET}@github.com/acme/app.git`, "https://***@github.com/acme/app.git"],
    [`ssh://git:${SECRET}@example.com/app.git`, "ssh://git:***@example.com/app.git"],
    ["ssh://git@example.com/app.git", "ssh://git@example.com/app.git"],
    ["git@github.com:acme/app.git", "git@github.com:acme/app.git"],
  ])("GitError shows %s as %s, in the argv and in git's own text", (url, shown) => {
    const e = new GitError(["fetch", "--end-of-options", url], 128, `fatal: could not read from ${url}`);
    expect(e.message).toBe(`git fetch --end-of-options ${shown} failed (exit 128): fatal: could not read from ${shown}`);
    expect(e.stderr).not.toContain(SECRET);
    expect(e.args.join(" ")).not.toContain(SECRET);
  });
});
