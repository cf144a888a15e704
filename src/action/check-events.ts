/**
 * `check_run`, `check_suite` and `status`: a workflow started when a check run or suite is created,
 * re-requested ("Re-run" on a pull request's checks) or completed. Like `workflow_run` it runs the
 * default branch's workflow with the repository's secrets, while the suite is often a pull
 * request's or a fork's head: a workflow that checks out `head_sha` holds unreviewed content, so
 * the writer commands refuse it (`check` takes its rules from GITHUB_SHA on these events anyway:
 * event.ts).
 */
import fs from "node:fs";

/**
 * Why the `check_run`/`check_suite` payload at `file` is untrusted ("for a pull request", "for a
 * fork"), or undefined when its suite is a branch of the repository's own. GitHub sends a suite
 * on a fork's head with `head_branch: null` and no pull requests; a merge queue's suite is on a
 * `gh-readonly-queue/` branch (the queued pull requests, not yet merged). A payload that cannot
 * be read is untrusted: nothing proves the suite was the repository's.
 */
export function untrustedCheckSuite(name: "check_run" | "check_suite", file: string | undefined): string | undefined {
  let payload: unknown;
  try {
    payload = file ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
  } catch {
    payload = undefined;
  }
  const p = payload as { check_run?: Record<string, unknown>; check_suite?: Record<string, unknown> } | null | undefined;
  const run = name === "check_run" ? p?.check_run : undefined;
  const suite = (name === "check_run" ? run?.check_suite : p?.check_suite) as Record<string, unknown> | undefined;
  if (!suite || typeof suite !== "object") return "whose payload (GITHUB_EVENT_PATH) cannot be read";
  const pulls = [run?.pull_requests, suite.pull_requests];
  if (pulls.some((list) => Array.isArray(list) && list.length > 0)) return "for a pull request";
  const branch = suite.head_branch;
  if (typeof branch !== "string" || branch === "") return "for a fork";
  if (branch.startsWith("gh-readonly-queue/")) return "for a merge queue's commit";
  return undefined;
}

/**
 * Why the `status` payload at `file` is untrusted, or undefined when its commit is on the default
 * branch. An external CI reports statuses on pull requests' and forks' commits too; GitHub lists
 * in `branches` (up to 10) the repository's branches that contain the commit, none for a fork's.
 */
export function untrustedStatus(file: string | undefined): string | undefined {
  let payload: unknown;
  try {
    payload = file ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
  } catch {
    payload = undefined;
  }
  const p = payload as { branches?: unknown; repository?: { default_branch?: unknown } } | null | undefined;
  const main = p?.repository?.default_branch;
  if (!p || !Array.isArray(p.branches) || typeof main !== "string") return "whose payload (GITHUB_EVENT_PATH) cannot be read";
  const names = p.branches.map((b) => (b as { name?: unknown } | null)?.name);
  return names.includes(main) ? undefined : "for a commit not on the default branch";
}
