/**
 * The two readings rw-apps22 added, on a pull request: a file's new content must not buy itself a
 * laxer reading when the base commit's version of the file did not ask for it.
 * - Firebase Realtime Database rules (a first member `rules` with `.read`/`.write` keys): comments
 *   and trailing commas. Written into an existing strict data file with a trailing comma, it is
 *   still an error.
 * - A GitHub pull request template in Markdown (skipped): a Gitea template form the base holds at
 *   `.github/pull_request_template.yml`, cut and stripped of its keys by the pull request, is still
 *   checked as YAML.
 * New files are read as their content says.
 */
import { describe, expect, it } from "vitest";
import { runPullRequest } from "../e2e/action-harness.js";
import { baseRepos, findingsOf as findings, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();

const errorsIn = (found: Found[], file: string) => found.filter((f) => f.level === "error" && f.file === file).map((f) => f.rule);

const STATE = "data/state.json";
const RULES_WITH_COMMA = '{"rules": {".read": true, ".write": false,}}\n';
const PR_TEMPLATE = ".github/pull_request_template.yml";
const GITEA_FORM = 'name: Pull request\nabout: Describe the change\nbody:\n  - type: textarea\n    attributes:\n      label: "What"\n';

describe("pull requests and the readings of session 22", () => {
  it("database rules written into an existing strict data file: the trailing comma is still an error", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
    const r = await runPullRequest(repo, (w) => w.write(STATE, RULES_WITH_COMMA));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findings(r.findingsJson);
    expect(errorsIn(found, STATE)).toContain("parse/syntax");
    expect(found.find((f) => f.rule === "trust/reading-changed" && f.file === STATE)?.message).toMatch(/Firebase Realtime Database/);
  });

  it("database rules in a new file keep their trailing comma", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
    const r = await runPullRequest(repo, (w) => w.write("database.rules.json", RULES_WITH_COMMA));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(errorsIn(findings(r.findingsJson), "database.rules.json")).toEqual([]);
  });

  it("a Gitea form the base holds, cut and stripped of its keys: still checked as YAML", async () => {
    const repo = baseRepo({ [PR_TEMPLATE]: GITEA_FORM });
    const r = await runPullRequest(repo, (w) => w.write(PR_TEMPLATE, '  - type: textarea\n    attributes:\n      label: "What\n'));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = findings(r.findingsJson);
    expect(errorsIn(found, PR_TEMPLATE).length).toBeGreaterThan(0);
    expect(found.find((f) => f.rule === "trust/reading-changed" && f.file === PR_TEMPLATE)?.message).toMatch(/pull request template/);
  });

  it("a Markdown pull request template added by the pull request is skipped", async () => {
    const repo = baseRepo({ [STATE]: '{"status": "ok"}\n' });
    const r = await runPullRequest(repo, (w) => w.write(PR_TEMPLATE, "### What\n<!-- describe -->\n- Fixes: <!-- #1 -->\n"));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(errorsIn(findings(r.findingsJson), PR_TEMPLATE)).toEqual([]);
  });
});
