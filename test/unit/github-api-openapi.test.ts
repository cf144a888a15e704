/**
 * The GitHub API stand-in refuses what GitHub's OpenAPI description (@octokit/openapi) does not
 * allow, and a test that sent such a request fails at close(); the Action's own requests, among
 * them the check run batches and the review, pass.
 */
import { describe, expect, it } from "vitest";
import { GitHubClient } from "../../src/io/github-api.js";
import { startGitHubApi } from "../helpers/github-api.js";
import { checkRequest } from "../helpers/openapi.js";

const annotation = (i: number) => ({ path: "a.json", start_line: i + 1, end_line: i + 1, annotation_level: "failure", message: "m" });

describe("requests checked against GitHub's OpenAPI description", { timeout: 60_000 }, () => {
  it("names what is wrong: route, method, parameters, body", () => {
    expect(checkRequest("GET", "/repos/acme/app/pulls/7/files", { per_page: "100", page: "2" }, undefined)).toMatchObject({
      operationId: "pulls/list-files",
      problems: [],
    });
    expect(checkRequest("GET", "/repos/acme/app/nothing-here", {}, undefined).problems[0]).toMatch(/no operation/);
    expect(checkRequest("PUT", "/repos/acme/app/check-runs", {}, {}).problems[0]).toMatch(
      /PUT is not an operation of \/repos\/\{owner\}\/\{repo\}\/check-runs/,
    );
    expect(checkRequest("GET", "/repos/acme/app/pulls/seven/files", {}, undefined).problems.join()).toMatch(
      /path parameter pull_number must be integer/,
    );
    expect(checkRequest("GET", "/repos/acme/app/pulls/7/files", { perpage: "100" }, undefined).problems.join()).toMatch(
      /query parameter perpage is not a parameter/,
    );
    expect(checkRequest("POST", "/repos/acme/app/issues/7/comments", {}, {}).problems.join()).toMatch(
      /body must have required property 'body'/,
    );
    const tooMany = {
      name: "x",
      head_sha: "a".repeat(40),
      output: { title: "t", summary: "s", annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) },
    };
    expect(checkRequest("POST", "/repos/acme/app/check-runs", {}, tooMany).problems.join()).toMatch(
      /annotations must NOT have more than 50 items/,
    );
    const badLevel = { output: { title: "t", summary: "s", annotations: [{ ...annotation(0), annotation_level: "error" }] } };
    expect(checkRequest("PATCH", "/repos/acme/app/check-runs/5", {}, badLevel).problems.join()).toMatch(
      /annotation_level must be equal to one of the allowed values/,
    );
  });

  it("an invalid request is answered 422 and makes close() reject", async () => {
    const api = await startGitHubApi();
    const res = await fetch(`${api.url}/repos/acme/app/issues/3/comments`, { method: "POST", body: JSON.stringify({ text: "no body" }) });
    expect(res.status).toBe(422);
    expect(api.invalid).toHaveLength(1);
    await expect(api.close()).rejects.toThrow(
      /1 request\(s\) do not match GitHub's OpenAPI description:\nPOST \/repos\/acme\/app\/issues\/3\/comments/,
    );
  });

  it("the client's check run batches and review are valid requests", async () => {
    const api = await startGitHubApi();
    try {
      const client = new GitHubClient({ token: "t", repository: "acme/app", apiUrl: api.url });
      const run = await client.createCheckRun({
        name: "integrity-guard check",
        headSha: "a".repeat(40),
        output: { title: "t", summary: "s", annotations: Array.from({ length: 50 }, (_, i) => annotation(i)) as never },
      });
      await client.updateCheckRun(run.id, { output: { title: "t", summary: "s", annotations: [annotation(50)] as never } });
      await client.updateCheckRun(run.id, { output: { title: "t", summary: "s", annotations: [] }, conclusion: "failure" });
      await client.listReviewComments(3);
      await client.createReview(3, {
        commitId: "b".repeat(40),
        body: "x",
        comments: [{ path: "a.json", line: 2, body: "```suggestion\n```" }],
      });
      expect(api.checkRuns[0]!.annotations).toHaveLength(51);
      expect(api.checkRuns[0]!.conclusion).toBe("failure");
      expect(api.requests.map((r) => r.operationId)).toEqual([
        "checks/create",
        "checks/update",
        "checks/update",
        "pulls/list-review-comments",
        "pulls/create-review",
      ]);
    } finally {
      await api.close();
    }
  });
});
