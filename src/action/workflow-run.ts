/**
 * `workflow_run`: a workflow started when another one finishes. It runs with the repository's
 * secrets and a write token, at the default branch's last commit (GITHUB_SHA), whatever the
 * triggering run was; GitHub recommends it as the privileged half of a pull request pipeline
 * (an unprivileged `pull_request` run uploads artifacts, this one uses them). When the
 * triggering run was for a pull request or came from a fork, a workflow that checks out
 * `github.event.workflow_run.head_sha` (or unpacks the run's artifacts into the work tree) holds
 * unreviewed content exactly as on `pull_request_target`: the writer commands refuse it, and
 * `check` judges it under the rules of GITHUB_SHA, never the checkout's own.
 */
import fs from "node:fs";

/**
 * Events of a triggering run that carry a pull request's content. A merge queue's run is one: its
 * head (`gh-readonly-queue/<branch>/pr-N-...`, in the repository itself) is the queued pull
 * requests merged onto the base, not yet on the default branch, with their own config; the
 * merge_group run itself takes its rules from `merge_group.base_sha` (event.ts).
 */
const PR_EVENTS = new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
  "issue_comment",
  "merge_group",
]);

/**
 * Why the `workflow_run` payload at `file` is untrusted ("a run for pull_request", "a run from
 * the fork owner/repo"), or undefined when its run was the repository's own (a push, a schedule).
 * A payload that cannot be read is untrusted: nothing proves the run was the repository's.
 */
export function untrustedWorkflowRun(file: string | undefined): string | undefined {
  let payload: unknown;
  try {
    payload = file ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
  } catch {
    payload = undefined;
  }
  const p = payload as { workflow_run?: Record<string, unknown>; repository?: { full_name?: unknown } } | null | undefined;
  const run = p?.workflow_run;
  if (!run || typeof run !== "object") return "a run whose payload (GITHUB_EVENT_PATH) cannot be read";
  const event = typeof run.event === "string" ? run.event : "";
  if (PR_EVENTS.has(event)) return `a run for \`${event}\``;
  const head = (run.head_repository as { full_name?: unknown } | undefined)?.full_name;
  const own = p?.repository?.full_name;
  if (typeof head !== "string" || typeof own !== "string") return "a run whose payload does not name its head repository";
  if (head.toLowerCase() !== own.toLowerCase()) return "a run from a fork";
  return undefined;
}
