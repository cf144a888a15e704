/**
 * THE GitHub REST API stand-in for tests: an HTTP server on 127.0.0.1 that records every request
 * and answers like api.github.com for the endpoints the Action and the alert handlers use.
 * Point the code under test at it with GITHUB_API_URL=`api.url`.
 *
 * Endpoints (all under /repos/{owner}/{repo}):
 *   GET    ""                                repository
 *   GET    /issues/{n}/comments              list (per_page, page, Link header like GitHub)
 *   POST   /issues/{n}/comments              create comment
 *   PATCH  /issues/comments/{id}             update comment
 *   DELETE /issues/comments/{id}             delete comment
 *   GET    /issues                           list (state, labels, per_page, page)
 *   POST   /issues                           create issue
 *   GET    /issues/{n}                       get issue
 *   PATCH  /issues/{n}                       update / close issue (state, state_reason, title, body, labels)
 *   POST   /pulls                            create pull request (head, base, title, body)
 *   GET    /pulls/{n}                        get pull request
 *   GET    /pulls/{n}/files                  list files (per_page, page, Link header)
 *   GET    /pulls/{n}/comments               list review comments (per_page, page)
 *   POST   /pulls/{n}/reviews                create a review (commit_id, event, body, comments[])
 *   POST   /check-runs                       create a check run (output.annotations: at most 50)
 *   PATCH  /check-runs/{id}                  update it; annotations are appended, as on GitHub
 *   GET    /user (outside /repos)            403 as for GITHUB_TOKEN, or the `userLogin` of a personal token
 *   POST   /graphql `query { viewer { login } }`  the token's login (`graphqlViewer`, default `botLogin`)
 *
 * Every request is first checked against GitHub's OpenAPI description (test/helpers/openapi.ts):
 * a request GitHub would refuse (unknown route, bad parameter, body off-schema, more than 50
 * annotations) is answered 422, recorded in `invalid`, and makes `close()` reject, so the test
 * that made it fails.
 *
 * A comment body over 65,536 characters is refused (422), as GitHub does.
 *
 * Failure modes: `readOnlyTokens` get 403 "Resource not accessible by integration" on any
 * write (as GITHUB_TOKEN without the permission does); `failNext()` makes the next matching
 * request(s) answer 500 (or any status); unknown routes answer 404 like GitHub.
 *
 * Usage:
 *   const api = await startGitHubApi({ owner: "acme", repo: "app" });
 *   try { ...; expect(api.requests.filter(r => r.method === "POST")).toHaveLength(1); }
 *   finally { await api.close(); }
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { checkRequest, type SpecCheck } from "./openapi.js";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /repos/acme/app/issues/7/comments. */
  path: string;
  query: Record<string, string>;
  /** The token from the Authorization header ("token X" or "Bearer X"), if any. */
  token?: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  /** The status the stand-in answered. */
  status: number;
  /** The operation of GitHub's REST API the request is (e.g. checks/create), if any. */
  operationId?: string;
}

export interface StoredComment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
  html_url: string;
  issue_number: number;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  state_reason: string | null;
  labels: { name: string }[];
  html_url: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  user: { login: string };
}

export interface StoredPull {
  number: number;
  title: string;
  body: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  state: "open" | "closed";
  html_url: string;
  draft: boolean;
}

export interface PullFile {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed" | "copied" | "changed" | "unchanged";
  previous_filename?: string;
  additions?: number;
  deletions?: number;
  changes?: number;
}

export interface FailRule {
  method?: string;
  /** Matches the request path (string: exact or suffix match; RegExp: test). */
  path?: string | RegExp;
  status?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  message?: string;
}

export interface GitHubApiOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Tokens that may read but get 403 on every write. */
  readOnlyTokens?: string[];
  /** Login reported as the author of comments/issues created through the API. */
  botLogin?: string;
  /** A personal token's login: GET /user answers it (default: 403, as for GITHUB_TOKEN). */
  userLogin?: string;
  /** What GraphQL's viewer.login answers (default: userLogin, else botLogin); null: 403. */
  graphqlViewer?: string | null;
  /** Writes to paths matching these get 403, as for a token without that permission (e.g. /check-runs/ without `checks: write`). */
  deniedWrites?: RegExp[];
  /** Check requests against GitHub's OpenAPI description (default true). */
  openapi?: boolean;
}

export interface GitHubApi {
  /** Base URL for GITHUB_API_URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  owner: string;
  repo: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  comments: StoredComment[];
  issues: StoredIssue[];
  pulls: StoredPull[];
  /** Files of each pull request, for GET /pulls/{n}/files. */
  pullFiles: Map<number, PullFile[]>;
  checkRuns: StoredCheckRun[];
  reviewComments: StoredReviewComment[];
  /** Requests that do not match GitHub's OpenAPI description (close() rejects when any). */
  invalid: InvalidRequest[];
  /** Seed a comment (e.g. someone else's, or an old sticky one) on issue/PR `issue`. */
  addComment(issue: number, body: string, login?: string): StoredComment;
  /** Seed an issue. */
  addIssue(fields: { title: string; body?: string; labels?: string[]; state?: "open" | "closed" }): StoredIssue;
  /** Set the files of pull request `n`. */
  setPullFiles(n: number, files: (PullFile | string)[]): void;
  /**
   * Called for each request before it is answered (after it is recorded as arriving): lets a
   * test play a concurrent writer, e.g. seed a comment while a POST is in flight.
   */
  beforeAnswer?: (req: { method: string; path: string; body: unknown }) => void;
  /** Make the next matching request(s) fail. */
  failNext(rule: FailRule): void;
  /** Requests matching method and path (string: suffix match; RegExp: test). */
  find(method: string, path?: string | RegExp): RecordedRequest[];
  /** Requests other than GETs (what the code changed). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

/** GitHub refuses a comment body over 65,536 characters (422), as it does here. */
const COMMENT_MAX_CHARS = 65_536;
const tooLong = (body: string) => [...body].length > COMMENT_MAX_CHARS;
const TOO_LONG = {
  message: "Validation Failed",
  errors: [{ resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }],
  documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
  status: "422",
};

const FORBIDDEN = { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest", status: "403" };

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  /** Every annotation received, in order (GitHub appends on each update). */
  annotations: Record<string, unknown>[];
  /** Size of each batch of annotations received (create, then each update). */
  batches: number[];
  html_url: string;
}

export interface StoredReviewComment {
  id: number;
  pull_number: number;
  commit_id: string;
  path: string;
  line: number;
  side: string;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

export interface InvalidRequest {
  method: string;
  path: string;
  problems: string[];
}

/** Start the stand-in on 127.0.0.1 with an ephemeral port. Always `await api.close()`. */
export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const owner = options.owner ?? "acme";
  const repo = options.repo ?? "app";
  const bot = options.botLogin ?? "github-actions[bot]";
  const readOnly = new Set(options.readOnlyTokens ?? []);
  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  const issues: StoredIssue[] = [];
  const pulls: StoredPull[] = [];
  const pullFiles = new Map<number, PullFile[]>();
  const checkRuns: StoredCheckRun[] = [];
  const reviewComments: StoredReviewComment[] = [];
  const invalid: InvalidRequest[] = [];
  const denied = options.deniedWrites ?? [];
  const failRules: (FailRule & { left: number })[] = [];
  let nextId = 1000;
  let nextNumber = 1;
  let base = "";
  const now = () => new Date().toISOString();
  const html = (kind: string, n: number | string) => `https://github.com/${owner}/${repo}/${kind}/${n}`;

  const addComment = (issue: number, body: string, login = bot): StoredComment => {
    const id = nextId++;
    const c: StoredComment = {
      id,
      node_id: `IC_${id}`,
      body,
      user: { login, type: login.endsWith("[bot]") ? "Bot" : "User" },
      created_at: now(),
      updated_at: now(),
      html_url: `${html("pull", issue)}#issuecomment-${id}`,
      issue_number: issue,
    };
    comments.push(c);
    return c;
  };
  const addIssue = (f: { title: string; body?: string; labels?: string[]; state?: "open" | "closed" }): StoredIssue => {
    const n = nextNumber++;
    const issue: StoredIssue = {
      number: n,
      title: f.title,
      body: f.body ?? null,
      state: f.state ?? "open",
      state_reason: null,
      labels: (f.labels ?? []).map((name) => ({ name })),
      html_url: html("issues", n),
      created_at: now(),
      updated_at: now(),
      closed_at: f.state === "closed" ? now() : null,
      user: { login: bot },
    };
    issues.push(issue);
    return issue;
  };

  const applyCheckOutput = (run: StoredCheckRun, output: unknown) => {
    if (output === null || typeof output !== "object") return;
    const o = output as Record<string, unknown>;
    if (typeof o.title === "string") run.output.title = o.title;
    if (typeof o.summary === "string") run.output.summary = o.summary;
    if (typeof o.text === "string") run.output.text = o.text;
    const list = Array.isArray(o.annotations) ? (o.annotations as Record<string, unknown>[]) : [];
    run.annotations.push(...list);
    if (list.length) run.batches.push(list.length);
    run.output.annotations_count = run.annotations.length;
  };

  /** Slice `items` per GitHub's per_page/page and set a Link header like GitHub's. */
  const paginate = <T>(items: T[], path: string, query: Record<string, string>, res: http.ServerResponse): T[] => {
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `<${base}${path}?${q.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, "prev"), link(1, "first"));
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (links.length) res.setHeader("Link", links.join(", "));
    return items.slice((page - 1) * perPage, page * perPage);
  };

  const route = (
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    res: http.ServerResponse,
  ): [number, unknown] => {
    const prefix = `/repos/${owner}/${repo}`;
    // GITHUB_TOKEN (an app installation token) may not read /user: GitHub answers 403.
    if (path === "/user" && method === "GET") {
      return options.userLogin ? [200, { login: options.userLogin, id: 7, type: "User" }] : [403, FORBIDDEN];
    }
    if (!path.startsWith(prefix)) return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];
    const rest = path.slice(prefix.length);
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (rest === "" && method === "GET") {
      return [
        200,
        {
          id: 1,
          name: repo,
          full_name: `${owner}/${repo}`,
          owner: { login: owner },
          default_branch: options.defaultBranch ?? "main",
          private: false,
          html_url: `https://github.com/${owner}/${repo}`,
        },
      ];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(m[1]);
      if (method === "GET")
        return [
          200,
          paginate(
            comments.filter((c) => c.issue_number === n),
            path,
            query,
            res,
          ),
        ];
      if (method === "POST") {
        if (typeof b.body !== "string") return [422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.' }];
        if (tooLong(b.body)) return [422, TOO_LONG];
        return [201, addComment(n, b.body)];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const c = comments.find((x) => x.id === Number(m![1]));
      if (!c) return [404, { message: "Not Found" }];
      if (method === "GET") return [200, c];
      if (method === "PATCH") {
        if (typeof b.body !== "string") return [422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.' }];
        if (tooLong(b.body)) return [422, TOO_LONG];
        c.body = b.body;
        c.updated_at = now();
        return [200, c];
      }
      if (method === "DELETE") {
        comments.splice(comments.indexOf(c), 1);
        return [204, undefined];
      }
    }
    if (rest === "/issues") {
      if (method === "GET") {
        const state = query.state ?? "open";
        const labels = query.labels ? query.labels.split(",").map((l) => l.trim()) : [];
        const list = issues
          .filter((i) => state === "all" || i.state === state)
          .filter((i) => labels.every((l) => i.labels.some((x) => x.name === l)))
          .sort((a, b2) => b2.number - a.number);
        return [200, paginate(list, path, query, res)];
      }
      if (method === "POST") {
        if (typeof b.title !== "string" || !b.title)
          return [422, { message: "Validation Failed", errors: [{ resource: "Issue", code: "missing_field", field: "title" }] }];
        const labels = Array.isArray(b.labels)
          ? b.labels.map((l) => (typeof l === "string" ? l : String((l as { name?: string }).name)))
          : [];
        return [201, addIssue({ title: b.title, body: typeof b.body === "string" ? b.body : undefined, labels })];
      }
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = issues.find((i) => i.number === Number(m![1]));
      if (!issue) return [404, { message: "Not Found" }];
      if (method === "GET") return [200, issue];
      if (method === "PATCH") {
        if (typeof b.title === "string") issue.title = b.title;
        if (typeof b.body === "string") issue.body = b.body;
        if (Array.isArray(b.labels)) issue.labels = b.labels.map((l) => ({ name: String(l) }));
        if (b.state === "open" || b.state === "closed") {
          issue.state = b.state;
          issue.closed_at = b.state === "closed" ? now() : null;
          issue.state_reason = typeof b.state_reason === "string" ? b.state_reason : b.state === "closed" ? "completed" : "reopened";
        }
        issue.updated_at = now();
        return [200, issue];
      }
    }
    if (rest === "/pulls" && method === "POST") {
      const missing = ["head", "base", "title"].filter((k) => typeof b[k] !== "string" || !b[k]);
      if (missing.length)
        return [
          422,
          { message: "Validation Failed", errors: missing.map((field) => ({ resource: "PullRequest", code: "missing_field", field })) },
        ];
      if (pulls.some((p) => p.state === "open" && p.head.ref === b.head && p.base.ref === b.base)) {
        return [
          422,
          {
            message: "Validation Failed",
            errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${owner}:${String(b.head)}.` }],
          },
        ];
      }
      const n = nextNumber++;
      const pull: StoredPull = {
        number: n,
        title: String(b.title),
        body: typeof b.body === "string" ? b.body : null,
        head: { ref: String(b.head), sha: "0".repeat(40) },
        base: { ref: String(b.base) },
        state: "open",
        html_url: html("pull", n),
        draft: b.draft === true,
      };
      pulls.push(pull);
      return [201, pull];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === "GET") {
      const pull = pulls.find((p) => p.number === Number(m![1]));
      return pull ? [200, pull] : [404, { message: "Not Found" }];
    }
    if ((m = /^\/pulls\/(\d+)\/comments$/.exec(rest)) && method === "GET") {
      const n = Number(m[1]);
      return [
        200,
        paginate(
          reviewComments.filter((c) => c.pull_number === n),
          path,
          query,
          res,
        ),
      ];
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && method === "POST") {
      const n = Number(m[1]);
      const list = Array.isArray(b.comments) ? (b.comments as Record<string, unknown>[]) : [];
      const id = nextId++;
      for (const c of list) {
        const cid = nextId++;
        reviewComments.push({
          id: cid,
          pull_number: n,
          commit_id: String(b.commit_id ?? ""),
          path: String(c.path),
          line: Number(c.line),
          side: String(c.side ?? "RIGHT"),
          body: String(c.body),
          user: { login: bot, type: "Bot" },
          html_url: `${html("pull", n)}#discussion_r${cid}`,
        });
      }
      return [
        200,
        { id, node_id: `PRR_${id}`, state: "COMMENTED", body: b.body ?? "", html_url: `${html("pull", n)}#pullrequestreview-${id}` },
      ];
    }
    if (rest === "/check-runs" && method === "POST") {
      const id = nextId++;
      const run: StoredCheckRun = {
        id,
        name: String(b.name),
        head_sha: String(b.head_sha),
        status: typeof b.conclusion === "string" ? "completed" : String(b.status ?? "queued"),
        conclusion: typeof b.conclusion === "string" ? b.conclusion : null,
        output: { title: null, summary: null, text: null, annotations_count: 0 },
        annotations: [],
        batches: [],
        html_url: `https://github.com/${owner}/${repo}/runs/${id}`,
      };
      checkRuns.push(run);
      applyCheckOutput(run, b.output);
      return [201, run];
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest)) && method === "PATCH") {
      const run = checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return [404, { message: "Not Found" }];
      if (typeof b.status === "string") run.status = b.status;
      if (typeof b.conclusion === "string") [run.status, run.conclusion] = ["completed", b.conclusion];
      applyCheckOutput(run, b.output);
      return [200, run];
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && method === "GET") {
      const files = pullFiles.get(Number(m[1]));
      if (!files) return [404, { message: "Not Found" }];
      return [200, paginate(files, path, query, res)];
    }
    return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", base);
      const query = Object.fromEntries(url.searchParams.entries());
      const method = (req.method ?? "GET").toUpperCase();
      const auth = req.headers.authorization;
      const token = auth ? auth.replace(/^(token|bearer)\s+/i, "") : undefined;
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      let status: number;
      let payload: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      api.beforeAnswer?.({ method, path: url.pathname, body });
      let spec: SpecCheck | undefined;
      // GraphQL is not part of the REST description; only the viewer query is answered.
      const graphql = method === "POST" && url.pathname === "/graphql";
      try {
        spec =
          options.openapi === false || typeof body === "string" || graphql ? undefined : checkRequest(method, url.pathname, query, body);
      } catch (error) {
        spec = { problems: [`the OpenAPI check could not run: ${(error as Error).message}`] };
      }
      if (spec?.problems.length) invalid.push({ method, path: url.pathname, problems: spec.problems });
      const rule = failRules.find((r) => r.left > 0 && (!r.method || r.method.toUpperCase() === method) && matchPath(url.pathname, r.path));
      if (spec?.problems.length) {
        [status, payload] = [
          422,
          { message: "Validation Failed (not a request GitHub's OpenAPI description allows)", errors: spec.problems },
        ];
      } else if (rule) {
        rule.left--;
        status = rule.status ?? 500;
        payload = { message: rule.message ?? (status >= 500 ? "Server Error" : "Error") };
      } else if (typeof body === "string") {
        [status, payload] = [400, { message: "Problems parsing JSON" }];
      } else if (method !== "GET" && ((token !== undefined && readOnly.has(token)) || denied.some((d) => d.test(url.pathname)))) {
        [status, payload] = [403, FORBIDDEN];
      } else if (graphql) {
        const viewer = options.graphqlViewer === undefined ? (options.userLogin ?? bot) : options.graphqlViewer;
        const q = String((body as { query?: unknown } | undefined)?.query ?? "");
        [status, payload] =
          viewer !== null && /viewer\s*\{\s*login\s*\}/.test(q) ? [200, { data: { viewer: { login: viewer } } }] : [403, FORBIDDEN];
      } else {
        [status, payload] = route(method, url.pathname, query, body, res);
      }
      requests.push({
        method,
        path: url.pathname,
        query,
        token,
        headers: req.headers,
        body,
        status,
        ...(spec?.operationId ? { operationId: spec.operationId } : {}),
      });
      res.statusCode = status;
      if (payload === undefined) {
        res.end();
        return;
      }
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api: GitHubApi = {
    url: base,
    owner,
    repo,
    requests,
    comments,
    issues,
    pulls,
    pullFiles,
    checkRuns,
    reviewComments,
    invalid,
    addComment,
    addIssue,
    setPullFiles(n, files) {
      pullFiles.set(
        n,
        files.map((f) => (typeof f === "string" ? { filename: f, status: "modified", additions: 1, deletions: 1, changes: 2 } : f)),
      );
    },
    failNext(rule) {
      failRules.push({ ...rule, left: rule.times ?? 1 });
    },
    find(method, path) {
      return requests.filter((r) => r.method === method.toUpperCase() && (path === undefined || matchPath(r.path, path)));
    },
    // The GraphQL viewer query is a read, though sent as POST.
    writes: () => requests.filter((r) => r.method !== "GET" && r.path !== "/graphql"),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      if (invalid.length > 0) {
        const list = invalid.map((r) => `${r.method} ${r.path}: ${r.problems.join("; ")}`);
        throw new Error(`${invalid.length} request(s) do not match GitHub's OpenAPI description:\n${list.slice(0, 20).join("\n")}`);
      }
    },
  };
  return api;
}

function matchPath(actual: string, want: string | RegExp | undefined): boolean {
  if (want === undefined) return true;
  return typeof want === "string" ? actual === want || actual.endsWith(want) : want.test(actual);
}
