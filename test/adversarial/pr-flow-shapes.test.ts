/**
 * The pull-request flows teams use, as replayed on real merges (scripts/replay-history.mjs
 * --flows, test/fixtures/history-replay/REVIEW.md, session 20), in a small real repository with
 * the hooks init installs (the built CLI) and the built Action (dist/action/index.js):
 * a branch of several commits that converts a JSON config to YAML and renames a workflow
 * `.yml` -> `.yaml` (config conversions met in alexbelgium/hassio-addons, violentmonkey,
 * kolla-ansible, spf13/viper), checked at once (base = the merge base, head = the tip; and as
 * GitHub runs it: base.sha = main's newer tip, the checkout the test merge commit), merged,
 * squashed, rebased onto a newer main with each rebased commit made again through the hook
 * (`git rebase --exec`), and the merge reverted. None of these valid shapes may block.
 * A revert that brings back a file a later commit fixed is a corruption: the hook and the
 * Action both refuse it (cli/cli's duplicate `env:` in a workflow step, fixed a month later).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle, type ActionRun } from "../e2e/action-harness.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const WORKFLOW = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";

/** main with a JSON config and a workflow; `feature` (3 commits, each through the hook) converts and renames them; main then moves on. */
function branchAndNewerMain(): { repo: TestRepo; mergeBase: string; mainTip: string; featureTip: string } {
  const r = hookRepo({
    before: (x) => {
      x.write("addon/config.json", '{\n  "name": "Addon",\n  "version": "1.0.0",\n  "arch": ["amd64", "aarch64"]\n}\n');
      x.write(".github/workflows/ci.yml", WORKFLOW);
      x.commitAll("config and workflow");
    },
  });
  const mergeBase = head(r);
  r.git("switch", "-q", "-c", "feature");
  // 1. the JSON config converted to YAML (a deletion and an addition: too different for a rename)
  fs.rmSync(path.join(r.dir, "addon/config.json"));
  r.write("addon/config.yaml", "name: Addon\nversion: 1.1.0\narch:\n  - amd64\n  - aarch64\n");
  r.git("add", "-A");
  expectCommitted(r, head(r), commit(r));
  // 2. the workflow renamed .yml -> .yaml, and edited
  r.git("mv", ".github/workflows/ci.yml", ".github/workflows/ci.yaml");
  r.write(".github/workflows/ci.yaml", WORKFLOW.replace("on: [push]", "on: [push, pull_request]"));
  r.git("add", "-A");
  expectCommitted(r, head(r), commit(r));
  // 3. a data file edited
  r.write("data/a.json", '{\n  "id": "abc",\n  "count": 2\n}\n');
  r.git("add", "-A");
  expectCommitted(r, head(r), commit(r));
  const featureTip = head(r);
  // main moves on (another team's change), through the hook
  r.git("switch", "-q", "main");
  r.write("data/b.json", '{\n  "id": "bcd",\n  "count": 0\n}\n');
  r.git("add", "-A");
  expectCommitted(r, head(r), commit(r));
  return { repo: r, mergeBase, mainTip: head(r), featureTip };
}

/** The built Action on a pull_request event, checked out at `checkout` (no token: no comment). */
async function pullRequest(r: TestRepo, base: string, headSha: string, checkout: string): Promise<ActionRun> {
  const back = r.git("rev-parse", "--abbrev-ref", "HEAD").trim();
  r.git("checkout", "-q", "--detach", checkout);
  try {
    return await runActionBundle({
      repo: r,
      eventName: "pull_request",
      payload: payloads.pullRequest(3, { ref: "main", sha: base }, { ref: "feature", sha: headSha }),
      inputs: { token: "", comment: "false" },
    });
  } finally {
    r.git("checkout", "-q", back);
  }
}

function expectPassed(run: ActionRun, checked: number): void {
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.outputs.status).toBe("passed");
  const report = JSON.parse(run.findingsJson!) as { findings: unknown[]; summary: { checked: number } };
  expect(report.findings).toEqual([]);
  expect(report.summary.checked, "the PR's files were read").toBe(checked);
}

describe("pull-request flows on a branch that converts JSON to YAML and renames .yml to .yaml", () => {
  it("the PR range checked at once passes: base = merge base, and GitHub's merge ref on a newer main", async () => {
    const b = branchAndNewerMain();
    repo = b.repo;
    // addon/config.yaml, .github/workflows/ci.yaml, data/a.json
    expectPassed(await pullRequest(repo, b.mergeBase, b.featureTip, b.featureTip), 3);
    repo.git("checkout", "-q", "--detach", b.mainTip);
    repo.git("merge", "-q", "--no-ff", "--no-verify", "-m", "Merge refs/pull/3/head into main", b.featureTip);
    const mergeRef = head(repo);
    repo.git("checkout", "-q", "main");
    expectPassed(await pullRequest(repo, b.mainTip, b.featureTip, mergeRef), 3);
  });

  it("merge (pre-merge-commit), squash (pre-commit), and the squash's PR pass", async () => {
    const b = branchAndNewerMain();
    repo = b.repo;
    repo.git("switch", "-q", "-c", "squash", b.mainTip);
    repo.git("merge", "-q", "--squash", "feature");
    expectCommitted(repo, b.mainTip, commit(repo));
    expect(repo.git("ls-tree", "-r", "--name-only", "HEAD", "addon", ".github").split("\n").filter(Boolean)).toEqual([
      ".github/workflows/ci.yaml",
      "addon/config.yaml",
    ]);
    expectPassed(await pullRequest(repo, b.mainTip, head(repo), head(repo)), 3);
    repo.git("switch", "-q", "main");
    const merge = repo.tryGit("merge", "--no-ff", "--no-edit", "feature");
    expect(merge.status, merge.stdout + merge.stderr).toBe(0);
    expect(repo.git("rev-list", "--parents", "-n", "1", "HEAD").trim().split(" ")).toHaveLength(3);
  });

  it("a rebase onto the newer main re-making each commit through the hook (`git rebase --exec`) passes", async () => {
    const b = branchAndNewerMain();
    repo = b.repo;
    repo.git("switch", "-q", "feature");
    const log = path.join(repo.dir, ".git", "recommit.log");
    const exec = `h=$(git rev-parse HEAD) && git reset -q --soft HEAD^ && git commit -q -C "$h" && echo "ok $h" >> '${log}'`;
    const rb = repo.tryGit("rebase", "--exec", exec, "main");
    expect(rb.status, rb.stdout + rb.stderr).toBe(0);
    expect(fs.readFileSync(log, "utf8").trim().split("\n"), "each of the 3 rebased commits went through the hook").toHaveLength(3);
    expect(repo.git("merge-base", "HEAD", "main").trim()).toBe(b.mainTip);
    expectPassed(await pullRequest(repo, b.mainTip, head(repo), head(repo)), 3);
  });

  it("a revert of the merge (`git revert -n -m 1`, then `git commit`) brings back the JSON and the .yml, and passes", async () => {
    const b = branchAndNewerMain();
    repo = b.repo;
    repo.git("merge", "-q", "--no-ff", "--no-edit", "feature");
    const merged = head(repo);
    repo.git("revert", "-n", "-m", "1", merged);
    expectCommitted(repo, merged, commit(repo));
    expect(repo.git("ls-tree", "-r", "--name-only", "HEAD", "addon", ".github").split("\n").filter(Boolean)).toEqual([
      ".github/workflows/ci.yml",
      "addon/config.json",
    ]);
    expectPassed(await pullRequest(repo, merged, head(repo), head(repo)), 3);
  });
});

describe("a revert that brings back what a later commit fixed", () => {
  it("is refused by the hook (`git revert -n` + `git commit`) and by the Action on the revert's PR", async () => {
    const broken = WORKFLOW.replace(
      "      - uses: actions/checkout@v4\n",
      "      - run: ./sign.ps1\n        env:\n          A: 1\n        env:\n          B: 2\n",
    );
    repo = hookRepo({
      before: (x) => {
        x.write(".github/workflows/release.yml", broken);
        x.commitAll("a step with two env: (committed before adoption)");
      },
    });
    repo.write(
      ".github/workflows/release.yml",
      WORKFLOW.replace("      - uses: actions/checkout@v4\n", "      - run: ./sign.ps1\n        env:\n          A: 1\n"),
    );
    repo.git("add", "-A");
    expectCommitted(repo, head(repo), commit(repo));
    const fixed = head(repo);
    repo.git("revert", "-n", fixed);
    expectBlocked(repo, fixed, commit(repo), /\.github\/workflows\/release\.yml:10:9.*duplicate key "env"/);
    repo.git("commit", "-q", "--no-verify", "-m", "Revert the fix");
    const run = await pullRequest(repo, fixed, head(repo), head(repo));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.status).toBe("failed");
    const report = JSON.parse(run.findingsJson!) as { findings: { file: string; rule: string; line: number }[] };
    expect(report.findings.map((f) => [f.file, f.rule, f.line])).toEqual([[".github/workflows/release.yml", "parse/duplicate-key", 10]]);
  });
});
