/**
 * After `restore` ran in the Action: commit what it changed and either push a branch and open a
 * pull request (mode pr, the default: a person reviews the restore), or push to the checked-out
 * branch (mode push). Nothing is forced: a branch that exists is an error, a rejected push too.
 */
import { EnvironmentError } from "../errors.js";
import { displayText } from "../core/names.js";
import type { Git } from "../io/git.js";
import { scopeMatcher } from "../io/snapshot/restore.js";
import { describeApiError, errorStatus, type GitHubClient } from "../io/github-api.js";
import type { Mode } from "./inputs.js";

/** What the restore wrote, from its JSON (`restore` in `--format json`). */
export interface RestoreWritten {
  /** The scopes restored (globs, or `:(literal)` paths). */
  scopes: string[];
  create: string[];
  modify: string[];
  remove: string[];
}

interface RestorePublishOptions {
  git: Git;
  restored: RestoreWritten;
  client: GitHubClient | undefined;
  mode: Mode;
  /** What was restored (for the branch name, commit message and PR). */
  snapshot: string;
  paths: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface RestorePublished {
  changed: string[];
  commit?: string;
  branch?: string;
  pullRequest?: { number: number; url: string };
}

const BOT = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

/**
 * The restore branch: a branch-name-safe slug of the snapshot id, plus the run id and attempt. A
 * re-run keeps GITHUB_RUN_ID and only bumps GITHUB_RUN_ATTEMPT, so the run id alone named a
 * branch the first attempt had already pushed, and the re-run failed (issue 17).
 */
export function restoreBranchName(snapshot: string, runId: string | undefined, now = new Date(), runAttempt?: string): string {
  const slug =
    snapshot
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 40) || "snapshot";
  const attempt = runAttempt && /^\d+$/.test(runAttempt) && runAttempt !== "1" ? `-${runAttempt}` : "";
  const stamp = runId && /^\d+$/.test(runId) ? runId + attempt : now.toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  return `integrity-guard/restore-${slug}-${stamp}`;
}

async function identityEnv(git: Git, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv | undefined> {
  if (env.GIT_AUTHOR_EMAIL && env.GIT_COMMITTER_EMAIL) return undefined;
  const configured = await git.exec(["config", "--get", "user.email"], { okCodes: [0, 1] });
  if (configured.code === 0) return undefined;
  return { GIT_AUTHOR_NAME: BOT.name, GIT_AUTHOR_EMAIL: BOT.email, GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email };
}

/**
 * The work tree's changes that are the restore's: a file it created, modified or removed, or a
 * tracked file under its scopes (one the restore left as the snapshot has it, changed before).
 * The rest was left by earlier steps of the job (google-github-actions/auth writes a credential
 * file, gha-creds-*.json, into the workspace; a build rewrites tracked files) or left out by the
 * snapshot (git-ignored or secret-looking files under a scope): never committed nor pushed. Pure.
 */
function restoredChanges(
  changed: readonly { path: string; untracked: boolean }[],
  restored: RestoreWritten,
): { commit: string[]; left: string[] } {
  const written = new Set([...restored.create, ...restored.modify, ...restored.remove]);
  const inScope = scopeMatcher(restored.scopes);
  const commit: string[] = [];
  const left: string[] = [];
  for (const c of changed) (written.has(c.path) || (!c.untracked && inScope(c.path)) ? commit : left).push(c.path);
  return { commit, left };
}

/**
 * The branch the run is for when HEAD is detached: GITHUB_REF_NAME only when GITHUB_REF is a
 * branch. On a tag (`refs/tags/v1`) GITHUB_REF_NAME is the tag's name, and pushing
 * `HEAD:refs/heads/v1` created a new branch named after the tag instead of restoring any branch;
 * a pull request into it failed after its branch was pushed. So a tag (or a pull request's merge
 * ref) is refused before anything is committed or pushed.
 */
async function branchOfRun(o: RestorePublishOptions): Promise<string | undefined> {
  const ref = o.env.GITHUB_REF ?? "";
  if (ref.startsWith("refs/heads/")) return ref.slice("refs/heads/".length);
  if (ref !== "" || o.env.GITHUB_REF_TYPE === "tag")
    throw new EnvironmentError(
      `cannot ${o.mode === "push" ? "push" : "open a pull request for"} the restore: the run is for ${JSON.stringify(ref || o.env.GITHUB_REF_NAME || "a tag")}, not a branch, and HEAD is detached; nothing was committed or pushed`,
      {
        fix: "run the restore workflow on the branch to restore (workflow_dispatch with that branch selected), or check the branch out (actions/checkout with ref: <branch>)",
      },
    );
  return o.env.GITHUB_REF_NAME || (o.client ? await o.client.getDefaultBranch() : undefined);
}

export async function publishRestore(o: RestorePublishOptions): Promise<RestorePublished> {
  const { commit: changed, left } = restoredChanges(await o.git.changedPaths(), o.restored);
  if (left.length > 0) {
    o.log(
      `${left.length} other changed file(s) in the work tree (first ${JSON.stringify(left[0])}) are not part of the restore: not committed`,
    );
  }
  if (changed.length === 0) {
    o.log("the restore changed nothing: the tree already matches the snapshot; no commit made");
    return { changed };
  }
  const base = (await o.git.currentBranch()) ?? (await branchOfRun(o));
  const what = o.paths.length ? o.paths.join(", ") : "all paths of the set";
  const message = `Restore ${what} from snapshot ${o.snapshot}\n\nRestored by integrity-guard (GitHub Action, run ${o.env.GITHUB_RUN_ID ?? "local"}).`;
  const idEnv = await identityEnv(o.git, o.env);
  if (o.mode === "push") {
    if (!base)
      throw new EnvironmentError("cannot push the restore: HEAD is detached and GITHUB_REF_NAME is unset", {
        fix: "check out a branch (actions/checkout with ref: <branch>), or use mode: pr",
      });
    const commit = await o.git.commitPaths(changed, message, idEnv);
    await o.git.exec(["push", "--quiet", "origin", `HEAD:refs/heads/${base}`]);
    o.log(`restored ${changed.length} file(s), committed ${commit.slice(0, 12)} and pushed to ${base}`);
    return { changed, commit, branch: base };
  }
  if (!o.client)
    throw new EnvironmentError("mode pr needs the GitHub API to open the pull request, but no token or GITHUB_REPOSITORY is set", {
      fix: "pass `token` (default github.token) with pull-requests: write, or use mode: push",
    });
  if (!base)
    throw new EnvironmentError("cannot tell which branch the pull request should target (detached HEAD, no GITHUB_REF_NAME)", {
      fix: "check out a branch with actions/checkout",
    });
  const branch = restoreBranchName(o.snapshot, o.env.GITHUB_RUN_ID, new Date(), o.env.GITHUB_RUN_ATTEMPT);
  await o.git.createBranch(branch);
  const commit = await o.git.commitPaths(changed, message, idEnv);
  await o.git.pushBranch("origin", branch);
  const body = [
    `Restores ${changed.length} file(s) from snapshot \`${o.snapshot}\`, verified against the snapshot's manifest before this commit.`,
    "",
    // One code span per name: line breaks and other controls shown escaped (a name's line break
    // would end the list item, and what follows it is Markdown: a team mention, a link).
    ...changed.slice(0, 200).map((p) => `- \`${displayText(p).replace(/`/g, "'")}\``),
    ...(changed.length > 200 ? [`- … and ${changed.length - 200} more`] : []),
    "",
    "Opened by the integrity-guard restore workflow. Review the diff, then merge to apply the restore.",
  ].join("\n");
  let pullRequest: { number: number; url: string };
  try {
    pullRequest = await o.client.createPullRequest({ head: branch, base, title: `Restore from snapshot ${o.snapshot}`, body });
  } catch (error) {
    throw new EnvironmentError(
      `the restore was pushed to branch ${branch}, but the pull request could not be opened: ${
        refusedBySetting(error) ? `${(error as Error).message} (HTTP 403)` : describeApiError(error)
      }`,
      {
        fix: prRefusedFix(error, branch, base),
      },
    );
  }
  o.log(`restored ${changed.length} file(s) on branch ${branch}; pull request #${pullRequest.number}: ${pullRequest.url}`);
  return { changed, commit, branch, pullRequest };
}

/**
 * What to do when GitHub refused to open the restore pull request. A 403 "GitHub Actions is not
 * permitted to create or approve pull requests" comes from the repository (or organisation)
 * setting, off by default, which no `permissions:` key can grant; other refusals are the token's.
 */
export function prRefusedFix(error: unknown, branch: string, base: string): string {
  const byHand = `open a pull request from ${branch} into ${base} by hand`;
  if (refusedBySetting(error))
    return `${byHand}, or turn on "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General > Workflow permissions; for an organisation, also in its settings), or use mode: push`;
  return `${byHand}; the workflow needs \`permissions: pull-requests: write\` and the repository setting "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General), or use mode: push`;
}

/** GitHub's 403 when the repository or organisation does not let Actions create pull requests. */
function refusedBySetting(error: unknown): boolean {
  return errorStatus(error) === 403 && error instanceof Error && /not permitted to create or approve pull requests/i.test(error.message);
}
