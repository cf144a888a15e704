/**
 * Red team, round 4: the pull-request gate narrows per-file rules to the files the API lists.
 * A name git holds but that is no plain relative path here (a top-level `\evil.json`: a leading
 * backslash reads as a root on Windows) was dropped from that list without a word, so its file
 * was checked by no one: the PR below, which a push run fails, passed. Such a name now makes the
 * run check the whole tree, where git lists the file by its bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";

const PR = 7;
const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/** Base: one valid file. PR: changes it and adds `names` with `content`; the API lists all of them. */
async function run(names: string[], content: string): Promise<ActionRun> {
  const repo: TestRepo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write("data/ok.json", '{"count": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo.git("switch", "-q", "-c", "feature");
  repo.write("data/ok.json", '{"count": 2}\n');
  for (const n of names) {
    fs.mkdirSync(path.dirname(path.join(repo.dir, n)), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, n), content);
  }
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "pr");
  const head = repo.git("rev-parse", "HEAD").trim();
  const api: GitHubApi = await startGitHubApi();
  cleanup.push(() => api.close());
  api.setPullFiles(PR, [
    ...names.map((filename) => ({ filename, status: "added" as const, additions: 1, deletions: 0, changes: 1 })),
    "data/ok.json",
  ]);
  return runActionBundle({
    repo,
    apiUrl: api.url,
    eventName: "pull_request",
    payload: payloads.pullRequest(PR, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    inputs: { comment: "false" },
  });
}

describe("a pull request file whose name is not a plain relative path", () => {
  it("a corrupt top-level `\\evil.json` fails the step, as on a push", async () => {
    const r = await run(["\\evil.json"], '{"broken": \n');
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.some((a) => a.startsWith("::error file=\\evil.json,") && a.includes("title=parse/"))).toBe(true);
    expect(r.stdout).toContain("a name that is not a plain relative path: checking the whole tree");
  });

  it("a valid one passes (no false block)", async () => {
    const r = await run(["\\fine.json"], '{"count": 3}\n');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
  });
});
