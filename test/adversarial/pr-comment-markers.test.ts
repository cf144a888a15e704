/**
 * Red team round 10: the sticky comment's markers quoted inside a report. For every command but
 * `check` the job summary, and so the comment, carries the command's text output in a code block
 * (run.ts), and that output names the pull request's files and values as they are: a file named
 * `data/<!-- integrity-guard:job:<hash> -->.json` (the hash is of the workflow name, the job id,
 * the command, the working directory and the matrix: all public) puts another job's markers in
 * this job's comment. Found by `includes`, that comment was then taken for the other job's own:
 * the other job's next run overwrote it (a failing `verify` report replaced by a clean `check`),
 * or a clean run "updated the earlier report". The markers now count only where the Action
 * writes them: the first line (the command's) and the second (the job's).
 */
import { afterEach, describe, expect, it } from "vitest";
import { jobMarker, postSticky, stickyMarker } from "../../src/action/comment.js";
import { GitHubClient } from "../../src/io/github-api.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";

const id = (command: string, job: string) => ({ workflow: "CI", job, command, workingDirectory: ".", key: "null" });
const CHECK = id("check", "check");
const VERIFY = id("verify", "verify");

/** What the verify job posts: its text output, quoting a hostile file name, in a code block. */
const verifyReport = (quoted: string) =>
  `## integrity-guard verify: ❌ 1 error\n\n\`\`\`text\nmanifest/added: data/${quoted}.json\n\`\`\`\n`;

describe("the sticky comment's markers count only at the top of the comment", () => {
  let api: GitHubApi;
  afterEach(async () => {
    await api.close();
  });
  const client = () => new GitHubClient({ token: "tok", repository: "acme/app", apiUrl: api.url, retryDelayMs: 1 });

  it("another job's markers quoted in a report: that job's run does not overwrite the report", async () => {
    api = await startGitHubApi();
    const quoted = `${stickyMarker("check")} ${jobMarker(CHECK)}`;
    const post = (command: string, identity: typeof CHECK, body: string, clean = false) =>
      postSticky(client(), { pr: 7, command, body, clean, identity, warn: () => undefined });
    expect((await post("verify", VERIFY, verifyReport(quoted))).action).toBe("created");
    const verifyComment = api.comments[0]!;
    // The check job: clean, with no comment of its own yet, it posts nothing and touches nothing.
    expect((await post("check", CHECK, "## integrity-guard check: ✅ no findings\n", true)).action).toBe("skipped");
    // With findings it creates its own comment; the verify report stays as it was.
    expect((await post("check", CHECK, "## integrity-guard check: ❌ 1 error\n")).action).toBe("created");
    expect(api.find("PATCH", `/issues/comments/${verifyComment.id}`)).toHaveLength(0);
    expect(api.find("DELETE", `/issues/comments/${verifyComment.id}`)).toHaveLength(0);
    expect(api.comments.find((c) => c.id === verifyComment.id)!.body).toContain("integrity-guard verify: ❌ 1 error");
    expect(api.comments).toHaveLength(2);
  });

  it("each job still updates its own comment in place (guard)", async () => {
    api = await startGitHubApi();
    const post = (body: string) =>
      postSticky(client(), { pr: 7, command: "verify", body, clean: false, identity: VERIFY, warn: () => undefined });
    await post(verifyReport("x"));
    const r = await post(verifyReport("y"));
    expect(r.action).toBe("updated");
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toContain("data/y.json");
  });

  it("a comment from before job markers (marker on the first line only) is still adopted (guard)", async () => {
    api = await startGitHubApi();
    const old = api.addComment(7, `${stickyMarker("check")}\n## integrity-guard check: ❌ 3 errors\n`, "github-actions[bot]");
    const r = await postSticky(client(), { pr: 7, command: "check", body: "report", clean: false, identity: CHECK, warn: () => undefined });
    expect(r.action).toBe("updated");
    expect(api.find("PATCH", `/issues/comments/${old.id}`)).toHaveLength(1);
  });
});
