/**
 * What triggered the run, from GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH. Only
 * the fields we use are read, each checked, so a malformed payload is a clear error.
 */
import fs from "node:fs";
import { EnvironmentError } from "../errors.js";
import { untrustedWorkflowRun } from "./workflow-run.js";

export interface PullRequestEvent {
  kind: "pull_request";
  name: string;
  number: number;
  baseSha?: string;
  headSha?: string;
  baseRef?: string;
  headRef?: string;
}

interface TreeEvent {
  /** push, schedule, workflow_dispatch, merge_group, or anything else: the whole tree is checked. */
  kind: "tree";
  name: string;
  /**
   * merge_group: the queue's base commit. The queued commit holds the pull requests' own config
   * and schemas, so its rules come from this commit, as on a pull request. workflow_run after a
   * pull request's or a fork's run (workflow-run.ts), issue_comment on a pull request, and
   * check_run, check_suite, status and repository_dispatch: GITHUB_SHA, the default branch's commit.
   */
  baseSha?: string;
}

export type ActionEvent = PullRequestEvent | TreeEvent;

/**
 * Events whose payload carries the pull request: judged like `pull_request`. A review and a
 * review comment run at the pull request's merge commit, as `pull_request` does, and were judged
 * by the checkout's (the pull request's) own config.
 */
const PR_EVENTS = new Set(["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"]);

/**
 * Events that run the default branch's workflow (GITHUB_SHA is its newest commit) while their
 * payload names another commit, often a pull request's or a fork's: a check run or suite
 * re-requested or completed on its head (`check_run.head_sha`, `check_suite.head_sha`), an
 * external CI's status on it (`status.sha`), and the dispatch ChatOps sends for a pull request
 * ("/ok-to-test": slash-command-dispatch puts the pull request in `client_payload`). Their
 * workflows check that commit out, with the repository's secrets, as after `workflow_run`: the
 * rules come from GITHUB_SHA, never from the checkout (the same rules when the checkout is
 * GITHUB_SHA). `deployment` and `deployment_status` are not among them: their workflow is the
 * deployed commit's own, written by whoever may push it.
 */
const DEFAULT_BRANCH_EVENTS = new Set(["check_run", "check_suite", "status", "repository_dispatch"]);

/** Read the event; without GITHUB_EVENT_NAME (a local run) it is a whole-tree run. */
export function readEvent(env: NodeJS.ProcessEnv): ActionEvent {
  const name = env.GITHUB_EVENT_NAME ?? "";
  if (name === "merge_group") return mergeGroupEvent(env);
  if (DEFAULT_BRANCH_EVENTS.has(name)) return { kind: "tree", name, baseSha: defaultBranchCommit(name, env) };
  if (name === "workflow_run") return workflowRunEvent(env);
  if (name === "issue_comment") return issueCommentEvent(env);
  if (!PR_EVENTS.has(name)) return { kind: "tree", name: name || "local" };
  const file = env.GITHUB_EVENT_PATH;
  if (!file) {
    throw new EnvironmentError(`GITHUB_EVENT_NAME is ${name} but GITHUB_EVENT_PATH is not set`, {
      fix: "run inside GitHub Actions, or set GITHUB_EVENT_PATH to the event payload",
    });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new EnvironmentError(`cannot read the event payload ${file}: ${(error as Error).message}`, {
      fix: "GITHUB_EVENT_PATH must name the JSON payload the runner wrote",
    });
  }
  const pr = (payload as { pull_request?: Record<string, unknown>; number?: unknown } | null)?.pull_request;
  const number = pr?.number ?? (payload as { number?: unknown }).number;
  if (!pr || typeof number !== "number" || !Number.isInteger(number) || number < 1) {
    throw new EnvironmentError(`the ${name} payload in ${file} has no pull_request.number`, {
      fix: "this looks like a malformed event payload; re-run the workflow",
    });
  }
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const base = pr.base as { sha?: unknown; ref?: unknown } | undefined;
  const head = pr.head as { sha?: unknown; ref?: unknown } | undefined;
  const ev: PullRequestEvent = { kind: "pull_request", name, number };
  const baseSha = str(base?.sha);
  const headSha = str(head?.sha);
  const baseRef = str(base?.ref);
  const headRef = str(head?.ref);
  if (baseSha) ev.baseSha = baseSha;
  if (headSha) ev.headSha = headSha;
  if (baseRef) ev.baseRef = baseRef;
  if (headRef) ev.headRef = headRef;
  return ev;
}

/**
 * merge_group: a whole-tree run whose rules come from `merge_group.base_sha` (loadTrustedRules).
 * A payload without a usable base is an error: the queued commit's own config is the pull
 * requests', and must not judge them.
 */
function mergeGroupEvent(env: NodeJS.ProcessEnv): TreeEvent {
  const file = env.GITHUB_EVENT_PATH;
  let payload: unknown;
  try {
    payload = file ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
  } catch {
    payload = undefined;
  }
  const base = (payload as { merge_group?: { base_sha?: unknown } } | undefined)?.merge_group?.base_sha;
  if (typeof base !== "string" || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(base))
    throw new EnvironmentError(
      `the merge_group payload${file ? ` in ${file}` : ""} has no usable merge_group.base_sha: the base branch's config cannot be read`,
      {
        fix: "re-run the workflow; to judge the queue by the queued commit's own config instead, set `config-source: head` (not recommended)",
      },
    );
  return { kind: "tree", name: "merge_group", baseSha: base };
}

/**
 * issue_comment: a whole-tree run. On a pull request ("/check" ChatOps workflows check out
 * `refs/pull/N/head`) its rules come from GITHUB_SHA, the default branch's commit the workflow
 * runs at, never from the checkout: the payload names no base commit, and the checkout is
 * usually the pull request's. A comment on an issue is the repository's own run.
 */
function issueCommentEvent(env: NodeJS.ProcessEnv): TreeEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8"));
  } catch {
    payload = undefined;
  }
  const issue = (payload as { issue?: { pull_request?: unknown } } | null | undefined)?.issue;
  // A payload that cannot be read proves nothing about where the comment is: as on a pull request.
  if (issue && !issue.pull_request) return { kind: "tree", name: "issue_comment" };
  return { kind: "tree", name: "issue_comment", baseSha: defaultBranchCommit("issue_comment", env) };
}

/**
 * workflow_run: a whole-tree run. After a pull request's or a fork's run its rules come from
 * GITHUB_SHA (the default branch's commit the workflow runs at), since the checkout may be that
 * run's head; without a usable GITHUB_SHA that is an error, never the checkout's own config.
 */
function workflowRunEvent(env: NodeJS.ProcessEnv): TreeEvent {
  if (untrustedWorkflowRun(env.GITHUB_EVENT_PATH) === undefined) return { kind: "tree", name: "workflow_run" };
  return { kind: "tree", name: "workflow_run", baseSha: defaultBranchCommit("workflow_run", env) };
}

/** GITHUB_SHA, the default branch's commit an event's workflow runs at; an error when it is not a commit id. */
function defaultBranchCommit(name: string, env: NodeJS.ProcessEnv): string {
  const base = env.GITHUB_SHA;
  if (typeof base !== "string" || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(base))
    throw new EnvironmentError(`GITHUB_SHA is not a commit id on ${name}: the default branch's config cannot be read`, {
      fix: "run inside GitHub Actions; to judge the checkout by its own config instead, set `config-source: head` (not recommended)",
    });
  return base;
}
