/**
 * The sticky PR comment: one per job and command on a pull request, found by two hidden markers
 * (the command's, and the job's key) across all pages of comments among the token's own
 * comments, and updated in place. API failures become warnings; the findings are already in the
 * annotations and the job summary, so nothing is lost.
 */
import { createHash } from "node:crypto";
import { describeApiError, errorStatus, type GitHubClient, type IssueComment } from "../io/github-api.js";

/** The marker of `check`'s comment; other commands add `:<command>` so each keeps its own. */
export const STICKY_MARKER = "<!-- integrity-guard:sticky -->";

export function stickyMarker(command: string): string {
  return command === "check" ? STICKY_MARKER : `<!-- integrity-guard:sticky:${command} -->`;
}

/** What tells one job's comment from another's: GITHUB_WORKFLOW, GITHUB_JOB, the inputs. */
interface CommentIdentity {
  workflow?: string | undefined;
  job?: string | undefined;
  command: string;
  workingDirectory: string;
  /** Input `comment-key` (default: the job's matrix values as JSON). */
  key: string;
}

const KEY_PREFIX = "<!-- integrity-guard:job:";

/**
 * The job's marker: a hash of its identity, so two jobs (a matrix, or two workflows running
 * `check`) each keep their own comment and a clean job never overwrites a failing job's report
 * (issue 17). Hashed: the workflow name and the key are free text and must not end the HTML
 * comment.
 */
export function jobMarker(id: CommentIdentity): string {
  const text = JSON.stringify([id.workflow ?? "", id.job ?? "", id.command, id.workingDirectory, id.key]);
  return `${KEY_PREFIX}${createHash("sha256").update(text).digest("hex").slice(0, 20)} -->`;
}

/**
 * The marker lines of a comment: its first line (the command's marker) and second (the job's).
 * Markers count only there, where the Action writes them: for every command but `check` the
 * report carries the command's text output, which quotes the pull request's file names and
 * values as they are, so another job's markers could be anywhere further down (a file named
 * `<!-- integrity-guard:job:… -->`), and found by `includes` that comment was taken for the
 * other job's own and overwritten by it.
 */
function markerLines(c: IssueComment): [string, string] {
  const [first = "", second = ""] = (c.body ?? "").split(/\r?\n/, 2);
  return [first, second];
}

/**
 * Which of the token's marker comments this job owns: the one with its job marker; failing that,
 * one written before comments had job markers (it is adopted, and gains the marker), so an
 * upgrade does not leave the old report behind. A comment of another job is never taken.
 */
function ownedByJob(comments: readonly IssueComment[], job: string): (c: IssueComment) => boolean {
  const ours = (c: IssueComment) => markerLines(c)[1] === job;
  // The job's own comments stay accepted either way: two runs of one job that both created a
  // comment find each other afterwards, and the older one wins (upsertComment).
  return comments.some(ours) ? ours : (c) => ours(c) || !markerLines(c)[1].startsWith(KEY_PREFIX);
}

interface CommentOutcome {
  action: "created" | "updated" | "skipped" | "stale" | "failed";
  url?: string;
  /** With "stale": the commit the pull request is at now. */
  current?: string;
}

/** What one run posts as its pull request's sticky comment. */
interface StickyPost {
  pr: number;
  /** The Action's command (check, verify...): one sticky comment per command. */
  command: string;
  body: string;
  /** No findings: an earlier comment is updated to say so, and none is created. */
  clean: boolean;
  warn: (m: string) => void;
  /** Which job writes it: with one comment per job, runs of other jobs keep theirs. */
  identity?: CommentIdentity;
  /** The commit this run checked: a run the pull request has moved past writes nothing. */
  headSha?: string;
}

/**
 * Create or update the sticky comment. A clean result with no earlier comment posts nothing
 * (no noise on clean PRs); a clean result with an earlier comment updates it to say so. A run
 * for `headSha` when the pull request is at another commit writes nothing ("stale"); when its
 * head cannot be read, the comment is written as before.
 * A 5xx is retried once (the marker is looked up again, so a create that did happen is not
 * repeated); any other failure is reported through `warn`.
 */
export async function postSticky(client: GitHubClient, post: StickyPost): Promise<CommentOutcome> {
  const { pr, command, body, clean, warn, identity, headSha } = post;
  const marker = stickyMarker(command);
  const job = identity ? jobMarker(identity) : undefined;
  const text = job ? `${marker}\n${job}\n${body}` : `${marker}\n${body}`;
  let author: ((c: IssueComment) => boolean) | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      author ??= await ownerOfToken(client);
      const byAuthor = author;
      const listed = await client.listComments(pr);
      const atTop = (c: IssueComment) => markerLines(c)[0] === marker;
      const mine = listed.filter((c) => atTop(c) && byAuthor(c));
      const ofJob = job ? ownedByJob(mine, job) : () => true;
      const owned = (c: IssueComment) => atTop(c) && byAuthor(c) && ofJob(c);
      if (clean && !mine.some(owned)) return { action: "skipped" };
      // Runs finish out of order (a slow one, a re-run from the Actions page): one for a commit
      // the pull request has moved past would replace the newer commit's report with its own.
      // Asked just before writing, so a push after this point starts a run that writes later.
      const current = headSha ? await client.tryPullHeadSha(pr) : undefined;
      if (current && current !== headSha) return { action: "stale", current };
      const r = await client.upsertComment(pr, marker, text, owned);
      return { action: r.action, url: r.url };
    } catch (error) {
      const status = errorStatus(error);
      if (attempt === 1 && (status === undefined || status >= 500)) continue;
      warn(
        `could not post the integrity-guard comment on pull request #${pr}: ${describeApiError(error)}. The findings are in the annotations and the job summary.`,
      );
      return { action: "failed" };
    }
  }
}

/** The login GITHUB_TOKEN comments as. */
const ACTIONS_BOT = "github-actions[bot]";

/**
 * Which comments are the token's own, so a comment someone else wrote with the marker (a PR
 * author can paste it, issue 14; another app or bot can post it) is never edited or taken for
 * ours. A personal token (`GET /user` answers): that login only. An app installation token
 * (GITHUB_TOKEN included) may not ask `GET /user`: its bot login from GraphQL's `viewer`, and
 * when that does not answer either, github-actions[bot] (GITHUB_TOKEN's), never just "any bot".
 */
async function ownerOfToken(client: GitHubClient): Promise<(c: IssueComment) => boolean> {
  const user = await client.viewerLogin();
  if (user !== undefined) return (c) => c.user?.login === user;
  const app = (await client.appLogin()) ?? ACTIONS_BOT;
  // GraphQL names a bot with or without the "[bot]" REST adds.
  const login = app.endsWith("[bot]") ? app : `${app}[bot]`;
  return (c) => c.user?.type === "Bot" && c.user.login === login;
}
