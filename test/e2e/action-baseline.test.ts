/**
 * The built Action and .integrity-guard/baseline.json: on push the checkout's baseline exempts
 * unchanged known-broken files (notices, step passes); on a pull request the base commit's
 * baseline is used, so a pull request that records its own new corruption in the baseline
 * still fails.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle, runPullRequest } from "./action-harness.js";

let repo: TestRepo;

/** main: a parser's repository with two broken fixtures, adopted with `init --baseline`. */
beforeEach(async () => {
  repo = createRepo();
  repo.write("test/fixtures/trailing-comma.json", '{"a": 1,}\n');
  repo.write("test/fixtures/bad.yaml", "a: [1\n");
  repo.write("data/state.json", '{"ok": true}\n');
  repo.commitAll("fixtures");
  const init = await repo.cli(["init", "--no-hook", "--baseline"]);
  expect(init.code, init.stderr).toBe(0);
  repo.commitAll("adopt integrity-guard");
});
afterEach(() => repo.cleanup());

const errorAnnotations = (lines: string[]) => lines.filter((l) => l.startsWith("::error "));

describe("Action check with a baseline", () => {
  it("push: the whole tree passes; the known-broken files are notices with a summary line", async () => {
    const sha = repo.git("rev-parse", "HEAD").trim();
    const run = await runActionBundle({
      repo,
      eventName: "push",
      payload: payloads.push(sha, sha),
      inputs: { comment: "false", token: "" },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(errorAnnotations(run.annotations)).toEqual([]);
    expect(run.annotations.some((l) => l.startsWith("::notice ") && l.includes("test/fixtures/trailing-comma.json"))).toBe(true);
    expect(run.stdout + run.summary).toMatch(/2 file\(s\) known broken at baseline, unchanged/);
  });

  it("push: a baselined fixture edited into another corruption fails", async () => {
    const before = repo.git("rev-parse", "HEAD").trim();
    repo.write("test/fixtures/trailing-comma.json", '{"a": 1,,}\n');
    repo.commitAll("edit fixture");
    const sha = repo.git("rev-parse", "HEAD").trim();
    const run = await runActionBundle({
      repo,
      eventName: "push",
      payload: payloads.push(before, sha),
      inputs: { comment: "false", token: "" },
    });
    expect(run.code).toBe(1);
    expect(errorAnnotations(run.annotations).some((l) => l.includes("file=test/fixtures/trailing-comma.json"))).toBe(true);
  });

  it("pull request: recording its own new corruption with `baseline --update` still fails (the base commit's baseline is used)", async () => {
    let own = { code: -1, stdout: "", stderr: "" };
    const run = await runPullRequest(
      repo,
      (r) => {
        r.write("data/state.json", '{"ok": true,}\n');
        r.write("test/fixtures/trailing-comma.json", '{"a": 1,,}\n');
        // The PR rewrites the baseline so that both would be exempt under its own copy.
        expect(r.cliBundle(["baseline", "--update"]).code).toBe(0);
        own = r.cliBundle(["check"]);
      },
      { scope: "whole-tree" },
    );
    // Under its own baseline the PR would pass: the test can fail.
    expect(own.code, own.stdout + own.stderr).toBe(0);
    expect(run.code, run.stdout).toBe(1);
    const errs = errorAnnotations(run.annotations);
    expect(errs.some((l) => l.includes("file=data/state.json"))).toBe(true);
    expect(errs.some((l) => l.includes("file=test/fixtures/trailing-comma.json"))).toBe(true);
    expect(run.stdout + run.summary).toMatch(/trust\/baseline-changed/);
    // The fixture the PR does not touch stays exempt under the base baseline.
    expect(errs.some((l) => l.includes("file=test/fixtures/bad.yaml"))).toBe(false);
  });

  it("pull request under `config-source: head` uses its own baseline (documented opt-out)", async () => {
    const run = await runPullRequest(
      repo,
      (r) => {
        r.write("data/state.json", '{"ok": true,}\n');
        expect(r.cliBundle(["baseline", "--update"]).code).toBe(0);
      },
      { scope: "whole-tree", "config-source": "head" },
    );
    expect(run.code, run.stdout).toBe(0);
  });
});
