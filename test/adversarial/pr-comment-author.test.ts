/**
 * Red team round 5: the sticky comment's marker copied into another bot's comment. Under an app
 * installation token (GITHUB_TOKEN included) `GET /user` is refused, and the Action used to take
 * any `*[bot]` author's marker comment for its own: a comment by dependabot[bot], renovate[bot]
 * or any app a PR author controls (an app can post on a public repository's PRs) holding the
 * marker was overwritten with the report, or read as "an earlier report" by a clean run. Only
 * the token's own identity may be updated now: the app login GraphQL's viewer names, else
 * github-actions[bot].
 */
import { afterEach, describe, expect, it } from "vitest";
import { postSticky } from "../../src/action/comment.js";
import { GitHubClient } from "../../src/io/github-api.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";

const MARKER = "<!-- integrity-guard:sticky -->";

describe("the sticky comment is updated only when the token itself wrote it", () => {
  let api: GitHubApi;
  afterEach(async () => {
    await api.close();
  });
  const client = () => new GitHubClient({ token: "tok", repository: "acme/app", apiUrl: api.url, retryDelayMs: 1 });

  it("GITHUB_TOKEN: another bot's marker comment is neither overwritten nor taken as an earlier report", async () => {
    api = await startGitHubApi();
    const forged = api.addComment(7, `${MARKER}\nintegrity-guard: all clear`, "evil-app[bot]");
    const r = await postSticky(client(), { pr: 7, command: "check", body: "2 errors", clean: false, warn: () => undefined });
    expect(r.action).toBe("created");
    expect(api.find("PATCH", `/issues/comments/${forged.id}`)).toHaveLength(0);
    expect(api.comments.find((c) => c.id === forged.id)!.body).toBe(`${MARKER}\nintegrity-guard: all clear`);
    const ours = api.comments.filter((c) => c.user.login === "github-actions[bot]");
    expect(ours).toHaveLength(1);
    // The next run updates our own comment, never the other bot's.
    await postSticky(client(), { pr: 7, command: "check", body: "1 error", clean: false, warn: () => undefined });
    expect(api.find("PATCH", `/issues/comments/${ours[0]!.id}`)).toHaveLength(1);
    expect(api.find("PATCH", `/issues/comments/${forged.id}`)).toHaveLength(0);
  });

  it("GITHUB_TOKEN, clean run: another bot's marker comment is not 'an earlier report' to rewrite", async () => {
    api = await startGitHubApi();
    api.addComment(9, `${MARKER}\nold`, "renovate[bot]");
    const r = await postSticky(client(), { pr: 9, command: "check", body: "clean", clean: true, warn: () => undefined });
    expect(r.action).toBe("skipped");
    expect(api.writes()).toHaveLength(0);
  });

  it("GraphQL viewer unanswered: only github-actions[bot] counts as the token's own", async () => {
    api = await startGitHubApi({ graphqlViewer: null });
    const other = api.addComment(7, `${MARKER}\nforged`, "dependabot[bot]");
    const mine = api.addComment(7, `${MARKER}\nold`, "github-actions[bot]");
    const r = await postSticky(client(), { pr: 7, command: "check", body: "report", clean: false, warn: () => undefined });
    expect(r.action).toBe("updated");
    expect(api.find("PATCH", `/issues/comments/${mine.id}`)).toHaveLength(1);
    expect(api.find("PATCH", `/issues/comments/${other.id}`)).toHaveLength(0);
  });

  it("an app token (viewer is the app, without [bot]): its own comment is updated, github-actions[bot]'s is not", async () => {
    api = await startGitHubApi({ botLogin: "acme-checks[bot]", graphqlViewer: "acme-checks" });
    const actions = api.addComment(7, `${MARKER}\nfrom another workflow`, "github-actions[bot]");
    const mine = api.addComment(7, `${MARKER}\nold`, "acme-checks[bot]");
    const r = await postSticky(client(), { pr: 7, command: "check", body: "report", clean: false, warn: () => undefined });
    expect(r.action).toBe("updated");
    expect(api.find("PATCH", `/issues/comments/${mine.id}`)).toHaveLength(1);
    expect(api.find("PATCH", `/issues/comments/${actions.id}`)).toHaveLength(0);
  });

  it("a person cannot pass for the bot: a User-type author named like the bot is ignored", async () => {
    api = await startGitHubApi();
    // GitHub would not allow this name for a user, but the type is what is checked, not the name alone.
    const planted = api.addComment(7, `${MARKER}\nold`, "octocat");
    const r = await postSticky(client(), { pr: 7, command: "check", body: "report", clean: false, warn: () => undefined });
    expect(r.action).toBe("created");
    expect(api.find("PATCH", `/issues/comments/${planted.id}`)).toHaveLength(0);
  });
});
