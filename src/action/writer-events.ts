/**
 * Which events may run the commands that write to the repository. `snapshot` signs and pushes
 * what the work tree holds, `restore` pushes a commit (mode push: to the branch GITHUB_REF_NAME
 * names, the base branch on `pull_request_target`), `prune` deletes snapshots. On an event that
 * runs for a pull request the work tree is the pull request's unreviewed content: a snapshot of
 * it would be signed with the repository's key and restored by `restore latest` as trusted, and
 * a restore pushed the pull request's commits along with its own. `workflow_run` after a pull
 * request's (or a fork's) run is the same when the workflow checks out that run's head or
 * artifacts (workflow-run.ts), and so are `check_run` and `check_suite` for a pull request's or
 * a fork's suite, and `status` on a commit not on the default branch (check-events.ts).
 */
import fs from "node:fs";
import { UsageError } from "../errors.js";
import type { ActionCommand } from "./inputs.js";
import { defaultBranchOf } from "./restore-trust.js";
import { untrustedCheckSuite, untrustedStatus } from "./check-events.js";
import { untrustedWorkflowRun } from "./workflow-run.js";

/** Events whose checkout is (or is usually made) a pull request's. */
const PR_EVENTS = new Set(["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"]);

/** The commands that write to the repository, and what each would do with a pull request's checkout. */
const HARM: Partial<Record<ActionCommand, string>> = {
  snapshot: "the snapshot would sign its files with the repository's key and store them as a trusted backup",
  restore: "the restore would commit and push on top of the pull request's commits",
  prune: "prune would delete snapshots from a run the pull request controls",
};

/** Throws UsageError when `command` writes to the repository and the event runs for a pull request. */
export function checkWriterEvent(command: ActionCommand, env: NodeJS.ProcessEnv): void {
  if (HARM[command] === undefined) return;
  const name = env.GITHUB_EVENT_NAME ?? "";
  const run = name === "workflow_run" ? untrustedWorkflowRun(env.GITHUB_EVENT_PATH) : undefined;
  const suite =
    name === "check_run" || name === "check_suite"
      ? untrustedCheckSuite(name, env.GITHUB_EVENT_PATH)
      : name === "status"
        ? untrustedStatus(env.GITHUB_EVENT_PATH)
        : undefined;
  const untrustedRun = run ?? suite;
  if (!PR_EVENTS.has(name) && !(name === "issue_comment" && commentOnPullRequest(env.GITHUB_EVENT_PATH)) && untrustedRun === undefined)
    return;
  const where =
    name === "issue_comment"
      ? "a comment on a pull request"
      : run !== undefined
        ? `\`workflow_run\` after ${run}`
        : suite !== undefined
          ? `\`${name}\` ${suite}`
          : `\`${name}\``;
  throw new UsageError(
    `command \`${command}\` does not run on ${where}: the checkout ${run !== undefined ? "may be that run's unreviewed head or artifacts" : suite !== undefined ? "may be that commit's unreviewed content" : "is the pull request's unreviewed content"}, and ${HARM[command]}`,
    {
      fix: `run \`${command}\` from a workflow on schedule, workflow_dispatch or push (templates/workflows), or on workflow_run after a push's run, and \`check\` on pull requests`,
    },
  );
}

/** issue_comment fires for issues and pull requests alike; the payload's issue.pull_request tells them apart. */
function commentOnPullRequest(file: string | undefined): boolean {
  if (!file) return false;
  try {
    const payload = JSON.parse(fs.readFileSync(file, "utf8")) as { issue?: { pull_request?: unknown } } | null;
    return Boolean(payload?.issue?.pull_request);
  } catch {
    return false;
  }
}

/**
 * Throws UsageError when the Action's `snapshot` runs for a ref other than the default branch.
 * GITHUB_REF names the ref whose workflow file ran: `workflow_dispatch` (the snapshot template
 * has it) and `push` run on any branch or tag someone with push access picks, with that ref's
 * checkout. A snapshot there signed the branch's unreviewed files with the repository's key and
 * made them the newest snapshot, which `restore latest` on the default branch (whose trust root
 * accepts that key) restored. A schedule always runs on the default branch. A workflow on the
 * default branch that checks out another ref is still allowed: that choice was reviewed.
 */
export function checkSnapshotRef(command: ActionCommand, env: NodeJS.ProcessEnv): void {
  const ref = env.GITHUB_REF;
  if (command !== "snapshot" || !env.GITHUB_ACTIONS || !ref) return;
  const defaultBranch = defaultBranchOf(env.GITHUB_EVENT_PATH);
  if (ref === `refs/heads/${defaultBranch}`) return;
  throw new UsageError(
    defaultBranch === undefined
      ? `command \`snapshot\` runs only on the repository's default branch, which the ${env.GITHUB_EVENT_NAME ?? ""} payload does not name (repository.default_branch): a snapshot of another ref (here ${JSON.stringify(ref)}) would sign its unreviewed files and \`restore latest\` would take them`
      : `command \`snapshot\` runs only on the default branch ${defaultBranch}, not on ${JSON.stringify(ref)}: the snapshot would sign that ref's unreviewed files with the repository's key, and \`restore latest\` on ${defaultBranch} would restore them`,
    {
      fix: `dispatch the snapshot workflow on ${defaultBranch ?? "the default branch"} (or let its schedule run); to back up another branch's files, check that branch out from a workflow on ${defaultBranch ?? "the default branch"} (actions/checkout with ref:)`,
    },
  );
}
