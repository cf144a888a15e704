/**
 * Red team round 5: the merge queue. A `merge_group` run checks the queue's commit, which holds
 * the queued pull requests' own config and schemas; it was judged by them, so a pull request that
 * dropped a schema mapping (and broke the file it guarded) passed in the queue. Its rules now
 * come from `merge_group.base_sha`, as a pull request's come from its base.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runActionBundle, type ActionRun } from "../e2e/action-harness.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const CONFIG = 'version: 1\nvalidate:\n  schemas:\n    - { files: ["data/*.json"], schema: schemas/state.schema.json }\n';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function queued(change: (r: TestRepo) => void, payload?: (base: string, head: string) => unknown): Promise<ActionRun> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/state.schema.json", '{"type":"object","required":["v"]}\n');
  repo.write("data/state.json", '{"v": 1}\n');
  repo.commitAll("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  change(repo);
  repo.git("add", "-A");
  repo.git("commit", "-q", "--no-verify", "-m", "queued");
  const head = repo.git("rev-parse", "HEAD").trim();
  return runActionBundle({
    repo,
    eventName: "merge_group",
    payload: payload
      ? payload(base, head)
      : {
          action: "checks_requested",
          merge_group: {
            head_sha: head,
            head_ref: `refs/heads/gh-readonly-queue/main/pr-5-${base}`,
            base_sha: base,
            base_ref: "refs/heads/main",
          },
          repository: { full_name: "acme/app", name: "app", owner: { login: "acme" } },
        },
    inputs: { comment: "false", token: "" },
  });
}

describe("a merge_group run is judged by the queue's base rules", () => {
  it("a queued pull request that drops the schema mapping and breaks the file fails", async () => {
    const r = await queued((repo) => {
      repo.write(".integrity-guard/config.yml", "version: 1\n");
      repo.write("data/state.json", '{"w": 1}\n');
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.annotations.join("\n")).toContain("data/state.json");
    expect(r.summary).toContain("the merge queue's commit is checked under");
  }, 60_000);

  it("a valid queued change passes", async () => {
    const r = await queued((repo) => repo.write("data/state.json", '{"v": 2}\n'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 60_000);

  it("a payload without merge_group.base_sha fails the step rather than trusting the queued config", async () => {
    const r = await queued(
      (repo) => repo.write("data/state.json", '{"v": 2}\n'),
      () => ({ action: "checks_requested", merge_group: { head_sha: "x" } }),
    );
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe("error");
    expect(r.stdout + r.stderr).toContain("merge_group.base_sha");
  }, 60_000);
});
