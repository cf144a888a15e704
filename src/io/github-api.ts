/**
 * A thin GitHub REST client over @actions/github's Octokit. The base URL comes from
 * GITHUB_API_URL (GitHub Enterprise Server works); idempotent requests are retried once on a
 * 5xx or a network error, writes are not (a POST that failed half-way may have happened), which
 * is why the sticky comment is found again by its marker before a second create.
 */
import { getOctokit } from "@actions/github";
import { EnvironmentError } from "../errors.js";

type Octokit = ReturnType<typeof getOctokit>;

interface GitHubClientOptions {
  token: string;
  /** "owner/name" (GITHUB_REPOSITORY). */
  repository: string;
  /** Default: env GITHUB_API_URL, else https://api.github.com. */
  apiUrl?: string;
  /** Delay before the one retry of an idempotent request (ms). */
  retryDelayMs?: number;
}

export interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  /** The author (null for a deleted account). */
  user?: { login: string; type?: string } | null;
}

export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** The unified diff of the file (absent for binary files and very large diffs). */
  patch?: string;
}

/** One annotation of a check run, as the Checks API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

/** A review comment to create (on the pull request's head commit, the new side of the diff). */
export interface ReviewCommentDraft {
  path: string;
  line: number;
  body: string;
}

interface ReviewComment {
  id: number;
  path: string;
  line?: number | null;
  body: string;
  user?: { login: string; type?: string } | null;
}

/** The Checks API takes at most this many annotations per request (create, then each update). */
export const CHECK_ANNOTATION_BATCH = 50;

interface IssueSummary {
  number: number;
  title: string;
  state: string;
  html_url: string;
  body?: string | null;
  labels: (string | { name?: string })[];
}

/** HTTP status of an Octokit error, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  const s = (error as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : undefined;
}

/** A one-line description of an API failure, for a warning (never includes the token). */
export function describeApiError(error: unknown): string {
  const status = errorStatus(error);
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  // Octokit reports a request that got no answer (refused, DNS, TLS, reset) as status 500
  // without a response: that is not an HTTP 500 from GitHub (issue 17).
  const e = error as { response?: unknown; request?: { url?: unknown } } | null;
  if (status === 500 && e?.response === undefined) {
    let url = "its URL";
    try {
      if (typeof e?.request?.url === "string") url = new URL(e.request.url).origin;
    } catch {
      // keep the generic wording
    }
    return `could not reach the GitHub API at ${url}: ${message} (no HTTP response; check GITHUB_API_URL and the runner's network)`;
  }
  if (status === 403 || status === 404) {
    return `${message} (HTTP ${status}; the token may lack the permission, e.g. \`permissions: pull-requests: write\` for comments, or \`issues: write\` for issues)`;
  }
  return status ? `${message} (HTTP ${status})` : message;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE"]);

export class GitHubClient {
  readonly octokit: Octokit;
  readonly owner: string;
  readonly repo: string;

  constructor(options: GitHubClientOptions) {
    const [owner, repo, extra] = options.repository.split("/");
    if (!owner || !repo || extra !== undefined) {
      throw new EnvironmentError(`GITHUB_REPOSITORY ${JSON.stringify(options.repository)} is not "owner/name"`, {
        fix: "run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/name",
      });
    }
    this.owner = owner;
    this.repo = repo;
    const baseUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
    this.octokit = getOctokit(options.token, { baseUrl });
    const delay = options.retryDelayMs ?? 250;
    this.octokit.hook.wrap("request", async (request, requestOptions) => {
      try {
        return await request(requestOptions);
      } catch (error) {
        const status = errorStatus(error);
        const retryable = status === undefined || status >= 500;
        if (!retryable || !IDEMPOTENT.has(String(requestOptions.method).toUpperCase())) throw error;
        await new Promise((r) => setTimeout(r, delay));
        return request(requestOptions);
      }
    });
  }

  /** Every comment on issue or pull request `n` (all pages). */
  async listComments(n: number): Promise<IssueComment[]> {
    return this.octokit.paginate(this.octokit.rest.issues.listComments, {
      owner: this.owner,
      repo: this.repo,
      issue_number: n,
      per_page: 100,
    });
  }

  /**
   * The login of the token's own account (`GET /user`), or undefined when the token may not ask:
   * GITHUB_TOKEN and other app installation tokens get 403 there (their comments are written by
   * the app's bot user, e.g. github-actions[bot]).
   */
  async viewerLogin(): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.request("GET /user");
      return typeof data?.login === "string" ? data.login : undefined;
    } catch (error) {
      const status = errorStatus(error);
      if (status === 401 || status === 403 || status === 404) return undefined;
      throw error;
    }
  }

  /**
   * The login an app installation token writes as, from GraphQL's `viewer` (which, unlike
   * `GET /user`, answers installation tokens: `<app-slug>[bot]`, or the slug without `[bot]`),
   * or undefined when it does not answer (then the caller assumes GITHUB_TOKEN's
   * github-actions[bot]).
   */
  async appLogin(): Promise<string | undefined> {
    try {
      const data = await this.octokit.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }");
      const login = data?.viewer?.login;
      return typeof login === "string" && login !== "" ? login : undefined;
    } catch {
      // Refused, a GraphQL error answer (HTTP 200 with `errors`), or unreachable: the caller's
      // fallback (github-actions[bot]) is the narrowest identity, and a real outage shows in the
      // comment requests that follow.
      return undefined;
    }
  }

  /**
   * Create or update the one comment on `n` that contains `marker` and that `owned` accepts (the
   * token's own: anyone can write the marker into a comment, issue 14). Searches all pages, so
   * the comment is never duplicated; when several carry the marker (left by an older version),
   * the first is updated.
   */
  async upsertComment(
    n: number,
    marker: string,
    body: string,
    owned: (c: IssueComment) => boolean = () => true,
  ): Promise<{ action: "created" | "updated"; id: number; url: string }> {
    const full = body.includes(marker) ? body : `${marker}\n${body}`;
    const existing = (await this.listComments(n)).find((c) => c.body?.includes(marker) && owned(c));
    if (existing) {
      const { data } = await this.octokit.rest.issues.updateComment({
        owner: this.owner,
        repo: this.repo,
        comment_id: existing.id,
        body: full,
      });
      return { action: "updated", id: data.id, url: data.html_url };
    }
    const { data } = await this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: n, body: full });
    // Two runs on the same PR can both find no comment and both create one. Look again: the
    // oldest marker comment wins; ours is removed if it is not that one, and the winner updated.
    const markers = (await this.listComments(n)).filter((c) => c.body?.includes(marker) && owned(c)).sort((a, b) => a.id - b.id);
    const keep = markers[0];
    if (keep && keep.id !== data.id) {
      await this.octokit.rest.issues.deleteComment({ owner: this.owner, repo: this.repo, comment_id: data.id });
      const updated = await this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.repo, comment_id: keep.id, body: full });
      return { action: "updated", id: updated.data.id, url: updated.data.html_url };
    }
    return { action: "created", id: data.id, url: data.html_url };
  }

  /**
   * The commit pull request `n` is at now (`GET /pulls/{n}`), or undefined when it cannot be
   * read (no access, no such pull request). Never throws.
   */
  async tryPullHeadSha(n: number): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.pulls.get({ owner: this.owner, repo: this.repo, pull_number: n });
      return typeof data.head?.sha === "string" ? data.head.sha : undefined;
    } catch {
      return undefined;
    }
  }

  /** Files of pull request `n` (all pages; GitHub stops at 3000). */
  async listPullFiles(n: number): Promise<PullFile[]> {
    return this.octokit.paginate(this.octokit.rest.pulls.listFiles, { owner: this.owner, repo: this.repo, pull_number: n, per_page: 100 });
  }

  async createPullRequest(p: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }> {
    const { data } = await this.octokit.rest.pulls.create({ owner: this.owner, repo: this.repo, ...p });
    return { number: data.number, url: data.html_url };
  }

  async getDefaultBranch(): Promise<string> {
    const { data } = await this.octokit.rest.repos.get({ owner: this.owner, repo: this.repo });
    return data.default_branch;
  }

  /** Issues (not pull requests) in `state` carrying every label in `labels`. */
  async listIssues(q: { state?: "open" | "closed" | "all"; labels?: string[] } = {}): Promise<IssueSummary[]> {
    const all = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      owner: this.owner,
      repo: this.repo,
      state: q.state ?? "open",
      ...(q.labels?.length ? { labels: q.labels.join(",") } : {}),
      per_page: 100,
    });
    return all.filter((i) => !("pull_request" in i && i.pull_request));
  }

  async createIssue(p: { title: string; body: string; labels?: string[] }): Promise<{ number: number; url: string }> {
    const { data } = await this.octokit.rest.issues.create({ owner: this.owner, repo: this.repo, ...p });
    return { number: data.number, url: data.html_url };
  }

  async updateIssue(n: number, p: { title?: string; body?: string; labels?: string[]; state?: "open" | "closed" }): Promise<void> {
    await this.octokit.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: n, ...p });
  }

  async closeIssue(n: number, reason: "completed" | "not_planned" = "completed"): Promise<void> {
    await this.octokit.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: n, state: "closed", state_reason: reason });
  }

  /** Create a check run on `headSha` (status in_progress; finish it with updateCheckRun). */
  async createCheckRun(p: {
    name: string;
    headSha: string;
    output: CheckRunOutput;
    detailsUrl?: string;
  }): Promise<{ id: number; url: string }> {
    const { data } = await this.octokit.rest.checks.create({
      owner: this.owner,
      repo: this.repo,
      name: p.name,
      head_sha: p.headSha,
      status: "in_progress",
      ...(p.detailsUrl ? { details_url: p.detailsUrl } : {}),
      output: p.output,
    });
    return { id: data.id, url: data.html_url ?? "" };
  }

  /** Append annotations to check run `id` (GitHub appends on every update) and/or complete it. */
  async updateCheckRun(id: number, p: { output: CheckRunOutput; conclusion?: "success" | "failure" | "neutral" }): Promise<void> {
    await this.octokit.rest.checks.update({
      owner: this.owner,
      repo: this.repo,
      check_run_id: id,
      output: p.output,
      ...(p.conclusion ? { conclusion: p.conclusion, completed_at: new Date().toISOString() } : {}),
    });
  }

  /** Every review comment of pull request `n` (all pages). */
  async listReviewComments(n: number): Promise<ReviewComment[]> {
    return this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, {
      owner: this.owner,
      repo: this.repo,
      pull_number: n,
      per_page: 100,
    });
  }

  /** One review (event COMMENT) holding `comments`, on the new side of commit `commitId`. */
  async createReview(n: number, p: { commitId: string; body: string; comments: ReviewCommentDraft[] }): Promise<{ url: string }> {
    const { data } = await this.octokit.rest.pulls.createReview({
      owner: this.owner,
      repo: this.repo,
      pull_number: n,
      commit_id: p.commitId,
      event: "COMMENT",
      body: p.body,
      comments: p.comments.map((c) => ({ path: c.path, line: c.line, side: "RIGHT" as const, body: c.body })),
    });
    return { url: data.html_url };
  }

  async commentOnIssue(n: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: n, body });
  }
}
