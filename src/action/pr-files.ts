/**
 * The files a pull request touches. The API (`pulls/N/files`, all pages) is the source: the
 * usual checkout is a shallow merge commit, where the base commit is not available locally.
 * When the API fails, `git diff base head` is used if both commits are present; when neither
 * works, the caller checks the whole tree (slower, never less safe).
 */
import type { Git } from "../io/git.js";
import { splitZ } from "../io/git.js";
import { describeApiError, type GitHubClient } from "../io/github-api.js";
import type { PullRequestEvent } from "./event.js";
import { changedLinesFromApi, changedLinesFromGit, type ChangedLines } from "./changed-lines.js";

/** GitHub's pulls/N/files stops at 3000 files: a list that long may be incomplete. */
export const API_FILE_LIMIT = 3000;

interface PrFiles {
  /** Repo-relative paths that exist after the PR (removed files dropped). */
  files: string[];
  source: "api" | "git";
  /** With `lines: true`: the lines each file's diff touches (API paths, or git's). */
  lines?: ChangedLines;
}

/** Files of the PR, or undefined (with `warn` called) when they cannot be known completely. */
export async function prFiles(
  ev: PullRequestEvent,
  client: GitHubClient | undefined,
  git: Git,
  warn: (m: string) => void,
  options: { lines?: boolean } = {},
): Promise<PrFiles | undefined> {
  if (client) {
    try {
      const list = await client.listPullFiles(ev.number);
      if (list.length >= API_FILE_LIMIT) {
        warn(`pull request #${ev.number} lists ${list.length} files, GitHub's maximum; checking the whole tree instead`);
        return undefined;
      }
      const files = list.filter((f) => f.status !== "removed").map((f) => f.filename);
      // A name that is not UTF-8 cannot come through JSON intact: GitHub gives it with U+FFFD
      // (or git's quoted octal form), which names no file here, so the file would be checked by
      // no one. Check the whole tree, where git lists it by its bytes and validate reports it.
      const lossy = files.find((f) => f.includes("\uFFFD") || /^".*\\[0-3][0-7]{2}.*"$/.test(f));
      if (lossy !== undefined) {
        warn(`pull request #${ev.number} changes ${JSON.stringify(lossy)}, a file name that is not UTF-8; checking the whole tree`);
        return undefined;
      }
      return { files, source: "api", ...(options.lines ? { lines: changedLinesFromApi(list) } : {}) };
    } catch (error) {
      warn(`could not list the files of pull request #${ev.number}: ${describeApiError(error)}; trying git diff`);
    }
  }
  if (ev.baseSha && ev.headSha && (await git.tryRevParse(ev.baseSha)) && (await git.tryRevParse(ev.headSha))) {
    // Three dots: what the PR changes since it forked, as GitHub's own diff shows it.
    const res = await git.exec(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", `${ev.baseSha}...${ev.headSha}`], {
      okCodes: [0, 128],
    });
    if (res.code === 0) {
      const lines = options.lines ? await changedLinesFromGit(git, ev.baseSha, ev.headSha) : undefined;
      return { files: splitZ(res.stdout), source: "git", ...(lines ? { lines } : {}) };
    }
  }
  warn(`the files of pull request #${ev.number} are unknown (no API access, base commit not fetched); checking the whole tree`);
  return undefined;
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The files the checkout (HEAD) changes against the base commit, when the base commit is here
 * (the Action fetches it to read the base rules). The API lists the pull request's files as of
 * the call, and a push after the event moves that list while the checkout stays at the event's
 * commit: a file only the checked-out commit changes would be checked by no one. A merge commit
 * (refs/pull/N/merge) is compared with the base as it is; the head itself from where it forked
 * (three dots), so what the base changed since is not taken for the PR's (needs the history; a
 * shallow checkout of the head gives undefined). Undefined when it cannot be known.
 */
export async function checkoutChanges(git: Git, baseSha: string | undefined, headSha: string | undefined): Promise<string[] | undefined> {
  if (!baseSha || !FULL_SHA.test(baseSha) || !(await git.hasCommit(baseSha))) return undefined;
  const range = headSha !== undefined && (await git.tryRevParse("HEAD")) === headSha ? [`${baseSha}...HEAD`] : [baseSha, "HEAD"];
  const res = await git.exec(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", ...range, "--"], {
    okCodes: [0, 128],
  });
  return res.code === 0 ? splitZ(res.stdout) : undefined;
}
