/**
 * GitHub issue sink: one open issue per alert key, found again by a hidden marker in its body
 * (among open issues labelled `integrity-guard`); commented on when the alert's level changes
 * and once per REMINDER_HOURS while it lasts (the last state said is a hidden marker in the
 * body), closed when it clears. Never opens a second issue for a key that already has one.
 * Token from GITHUB_TOKEN (or the Action's INPUT_TOKEN), API from GITHUB_API_URL, repository
 * from the route's `repository` or GITHUB_REPOSITORY.
 */
import {
  issueTexts,
  keyFromIssueBody,
  issueMarker,
  REMINDER_HOURS,
  shouldComment,
  stateFromIssueBody,
  withIssueState,
  type AlertContext,
} from "../../core/health/alerts.js";
import { redactUrl } from "./redact.js";
import { fetchWithRetry } from "./retry.js";
import { runSink, SinkError, type SinkReport, type SinkRun } from "./types.js";

/** The label every managed issue carries; the list query filters on it. */
const MANAGED_LABEL = "integrity-guard";

type GithubIssueSpec = boolean | { labels?: string[]; repository?: string };

interface IssueRow {
  number: number;
  body: string | null;
  pull_request?: unknown;
}

export async function deliverGithubIssues(spec: GithubIssueSpec, run: SinkRun): Promise<SinkReport> {
  const opts = typeof spec === "object" ? spec : {};
  const repository = opts.repository ?? run.env.GITHUB_REPOSITORY ?? "";
  const api = (run.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const token = run.env.GITHUB_TOKEN || run.env.INPUT_TOKEN;
  run.redactor.add(token);
  const labels = [...new Set([MANAGED_LABEL, ...(opts.labels ?? [])])];
  const persistent = run.alerts.filter((a) => a.persistent);
  const report: SinkReport = {
    sink: `github_issue ${repository || "(no repository)"}`,
    ok: false,
    dry_run: run.dryRun,
    alerts: persistent.map((a) => a.key),
    actions: [],
  };
  return runSink(report, run, async () => {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
      throw new SinkError(
        `no repository to open issues in (got ${JSON.stringify(repository)})`,
        "set GITHUB_REPOSITORY=owner/name or github_issue.repository in the config",
      );
    }
    if (run.dryRun) {
      for (const a of persistent) report.actions.push(`would open (or comment on) the issue for ${a.key} [${a.level}] in ${repository}`);
      report.actions.push(`would close open ${MANAGED_LABEL} issues in ${repository} whose alert cleared`);
      report.payload = persistent.map((a) => ({ key: a.key, ...issueTexts(a, run.ctx), labels }));
      return;
    }
    if (!token)
      throw new SinkError(
        "no GitHub token",
        "set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ github.token }}, with permissions: issues: write)",
      );
    const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const res = await fetchWithRetry(
        `${api}/repos/${repository}${path}`,
        {
          method,
          headers: {
            accept: "application/vnd.github+json",
            authorization: `Bearer ${token}`,
            "x-github-api-version": "2022-11-28",
            "user-agent": "integrity-guard",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        run.retry,
      ).catch((error: Error) => {
        throw new SinkError(
          `${method} ${redactUrl(api)}/repos/${repository}${path.split("?")[0]}: ${error.message}`,
          "check the token's issues: write permission and GITHUB_API_URL",
        );
      });
      return res.text ? (JSON.parse(res.text) as unknown) : undefined;
    };
    const open = await listManagedIssues(call);
    const current = new Set(persistent.map((a) => a.key));
    for (const a of persistent) {
      const existing = open.get(a.key);
      const said = existing && stateFromIssueBody(existing.body);
      const t = issueTexts(a, run.ctx, said?.level);
      if (existing !== undefined) {
        if (!shouldComment(said, a.level, run.ctx.time)) {
          report.actions.push(
            `left #${existing.number} as it is (${a.key} still ${a.level}, said at ${said!.time}; reminded every ${REMINDER_HOURS} h)`,
          );
          continue;
        }
        await call("POST", `/issues/${existing.number}/comments`, { body: t.comment });
        // The body records what was said, so the next run knows (after the comment: a failed
        // update only means one comment too many next time, never one too few).
        await call("PATCH", `/issues/${existing.number}`, { body: withIssueState(existing.body ?? "", a.level, run.ctx.time) });
        report.actions.push(
          `commented on #${existing.number} (${a.key} ${said && said.level !== a.level ? `now ${a.level}, was ${said.level}` : `still ${a.level}`})`,
        );
      } else {
        const created = (await call("POST", "/issues", { title: t.title, body: t.body, labels })) as { number: number };
        open.set(a.key, { number: created.number, body: t.body });
        report.actions.push(`opened #${created.number} for ${a.key} [${a.level}]`);
      }
    }
    for (const [key, { number }] of open) {
      if (current.has(key)) continue;
      await call("POST", `/issues/${number}/comments`, { body: resolvedComment(key, run.ctx) });
      await call("PATCH", `/issues/${number}`, { state: "closed", state_reason: "completed" });
      report.actions.push(`closed #${number} (${key} cleared)`);
    }
  });
}

/** Open managed issues by alert key (the oldest issue wins if a key somehow has two). */
async function listManagedIssues(
  call: (method: string, path: string) => Promise<unknown>,
): Promise<Map<string, { number: number; body: string | null }>> {
  const byKey = new Map<string, { number: number; body: string | null }>();
  // Ten pages of 100 is far more open alert issues than anyone should have; stop there.
  for (let page = 1; page <= 10; page++) {
    const rows = (await call(
      "GET",
      `/issues?state=open&labels=${encodeURIComponent(MANAGED_LABEL)}&per_page=100&page=${page}`,
    )) as IssueRow[];
    if (!Array.isArray(rows)) break;
    for (const row of rows) {
      if (row.pull_request) continue;
      const key = keyFromIssueBody(row.body);
      if (key !== undefined && (!byKey.has(key) || row.number < byKey.get(key)!.number))
        byKey.set(key, { number: row.number, body: row.body });
    }
    if (rows.length < 100) break;
  }
  return byKey;
}

function resolvedComment(key: string, ctx: AlertContext): string {
  return `${issueMarker(key)}\nResolved at ${ctx.time}: repository health is ${ctx.score}/100 ${ctx.status}; \`${key}\` no longer alerts at this level. Closing.`;
}
