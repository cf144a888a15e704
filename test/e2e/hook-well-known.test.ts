/**
 * Issue 19 at commit time: real `git commit`s through the hook `init` installs, running the BUILT
 * CLI with no schema mapping for these files. A workflow with a misspelt key, a compose file
 * with a value of the wrong type and a dependabot.yml without `version` are blocked at their
 * line and column by the built-in catalog; the same files, fixed, are committed.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { COMPOSE_WRONG_TYPE, DEPENDABOT_NO_VERSION, WORKFLOW_MISSPELT } from "../helpers/well-known.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "./hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe("well-known files at commit (built hook, no mapping)", () => {
  it.each([
    [
      ".github/workflows/ci.yml",
      WORKFLOW_MISSPELT,
      /\.github\/workflows\/ci\.yml:5:5 .*runs-onn/,
      WORKFLOW_MISSPELT.replace("runs-onn", "runs-on"),
    ],
    ["docker-compose.yml", COMPOSE_WRONG_TYPE, /docker-compose\.yml:4:12 .*ports/, COMPOSE_WRONG_TYPE.replace('"8080:80"', '["8080:80"]')],
    [".github/dependabot.yml", DEPENDABOT_NO_VERSION, /\.github\/dependabot\.yml:1:1 .*version/, `version: 2\n${DEPENDABOT_NO_VERSION}`],
  ])("%s: blocked at the line and column, committed once fixed", (file, bad, at, good) => {
    repo = hookRepo();
    const before = head(repo);
    repo.write(file, bad);
    repo.git("add", file);
    const r = commit(repo);
    expectBlocked(repo, before, r, at);
    expect(r.out).toContain("schema/violation");
    repo.write(file, good);
    repo.git("add", file);
    expectCommitted(repo, before, commit(repo));
  });
});
