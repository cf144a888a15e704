/**
 * On a pull request every check reads the work tree, so the work tree must hold the pull
 * request. With `pull_request_target`, actions/checkout checks out the BASE branch unless told
 * otherwise: the checks then judged the base's files, the PR's files list named files in their
 * base state, and a pull request that corrupts them passed. The checkout must be the PR's head,
 * a merge of it (the `pull_request` default, refs/pull/N/merge), or a commit built on it.
 */
import { EnvironmentError } from "../errors.js";
import type { Git } from "../io/git.js";
import type { PullRequestEvent } from "./event.js";

/** Throws EnvironmentError when HEAD is neither the PR's head nor built on it; silent when the payload names no head. */
export async function checkCheckoutHoldsPr(git: Git, event: PullRequestEvent): Promise<void> {
  const head = event.headSha;
  if (!head) return;
  const checkedOut = await git.tryRevParse("HEAD");
  if (checkedOut === head) return;
  if (checkedOut !== undefined) {
    // The merge commit of a shallow checkout names its parents even when they were not fetched.
    const raw = (await git.readCommitObject(checkedOut)).toString("utf8");
    const header = raw.slice(0, raw.indexOf("\n\n") === -1 ? raw.length : raw.indexOf("\n\n"));
    const parents = [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]);
    if (parents.includes(head)) return;
    if ((await git.hasCommit(head)) && (await git.isAncestor(head, checkedOut))) return;
  }
  const short = (s: string) => s.slice(0, 12);
  throw new EnvironmentError(
    `the checkout (HEAD ${checkedOut ? short(checkedOut) : "unborn"}) does not hold pull request #${event.number} (head ${short(head)}): ` +
      `the checks would judge other files than the pull request's`,
    {
      fix:
        event.name === "pull_request_target"
          ? "on pull_request_target, actions/checkout checks out the base branch: give it `ref: ${{ github.event.pull_request.head.sha }}` (the rules are still read from the base commit)"
          : "check out the pull request (actions/checkout's default on pull_request, or `ref: ${{ github.event.pull_request.head.sha }}`)",
    },
  );
}
