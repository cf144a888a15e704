/**
 * A pull request chooses its file names, and so the size of the report's per-file overview: 30
 * broken files whose names are ~3,800 characters of `_` (each written as a 5-byte character
 * reference in a cell). GitHub refuses a comment over 65,536 characters (and a check run
 * summary over 65,535), so a report that outgrows its budget is no report at all: the sticky
 * comment would keep an older run's verdict. Run on the built Action under a pull_request event,
 * with the API stand-in recording the comment it is sent.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/report/markdown.js";
import { summarize, type Finding } from "../../src/core/finding.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { payloads, runActionBundle } from "../e2e/action-harness.js";

/** GitHub's limit for an issue comment's body. */
const COMMENT_LIMIT = 65_536;

/** A repo path of about 3,800 characters: 15 folders of 250 `_` (a name component may hold 255 bytes). */
function longName(i: number): string {
  return `d${i}/${Array.from({ length: 15 }, () => "_".repeat(250)).join("/")}.json`;
}

describe("a pull request's file names cannot blow the report past GitHub's limits", () => {
  let repo: TestRepo;
  let api: GitHubApi;
  beforeEach(async () => {
    repo = createRepo();
    api = await startGitHubApi();
  });
  afterEach(async () => {
    await api.close();
    repo.cleanup();
  });

  it("renderMarkdown keeps the per-file overview inside the budget (maxChars is the whole text)", () => {
    const findings: Finding[] = Array.from({ length: 30 }, (_, i) => ({
      rule: "parse/syntax",
      level: "error",
      file: longName(i),
      line: 1,
      column: 2,
      message: "unexpected token",
    }));
    const md = renderMarkdown(findings, { title: "integrity-guard check", summary: summarize(findings), maxChars: 60_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(60_000);
    // Still a report: the verdict, and each overview row names its file (clipped) and counts.
    expect(md).toMatch(/30 errors, 0 warnings in 30 files/);
    expect(md.match(/^\| d\d+\/.*\| 1 \| 0 \| parse\/syntax \|$/gm)?.length).toBe(25);
  });

  it("the sticky comment stays under 65,536 characters and the step still fails on every file", async () => {
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write("data/ok.json", "{}\n");
    repo.commitAll("base");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    const names = Array.from({ length: 30 }, (_, i) => longName(i));
    for (const n of names) repo.write(n, "{,}\n");
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "long names");
    const head = repo.git("rev-parse", "HEAD").trim();
    api.setPullFiles(7, names);
    const r = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(7, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.errors).toBe("30");
    expect(r.stdout).not.toMatch(/could not post the integrity-guard comment/);
    const posted = api.comments.filter((c) => c.user.login === "github-actions[bot]");
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(posted[0]!.body).toMatch(/30 errors, 0 warnings in 30 files/);
    // The job summary stays under GitHub's 1 MiB as well, in bytes.
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
  }, 60_000);

  it("a PR that changes the rules and brings many findings keeps the rules-changed line at the top of the comment", async () => {
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.write("data/ok.json", "{}\n");
    repo.commitAll("base");
    const base = repo.git("rev-parse", "HEAD").trim();
    repo.git("switch", "-q", "-c", "feature");
    repo.write(".integrity-guard/config.yml", 'version: 1\nvalidate:\n  exclude: ["data/**"]\n');
    // Enough findings that the summary (over 60,000 characters) is rendered again for the comment.
    const names = Array.from({ length: 600 }, (_, i) => `data/broken-${String(i).padStart(4, "0")}-${"x".repeat(60)}.json`);
    for (const n of names) repo.write(n, "{,}\n");
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "rules and findings");
    const head = repo.git("rev-parse", "HEAD").trim();
    api.setPullFiles(8, [".integrity-guard/config.yml", ...names]);
    const r = await runActionBundle({
      repo,
      apiUrl: api.url,
      eventName: "pull_request",
      payload: payloads.pullRequest(8, { ref: "main", sha: base }, { ref: "feature", sha: head }),
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.summary.length).toBeGreaterThan(60_000);
    const posted = api.comments.filter((c) => c.user.login === "github-actions[bot]");
    expect(posted).toHaveLength(1);
    const body = posted[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const top = body.slice(0, body.indexOf("| rule | findings |"));
    expect(top).toContain("This pull request changes `.integrity-guard/config.yml`");
  }, 120_000);
});
