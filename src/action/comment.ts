/**
 * The sticky PR comment: one per command on a pull request, found by a hidden marker across all
 * pages of comments among the token's own comments, and updated in place. API failures become warnings; the findings are
 * already in the annotations and the job summary, so nothing is lost.
 */
import { describeApiError, errorStatus, type GitHubClient, type IssueComment } from "../io/github-api.js";

/** The marker of `check`'s comment; other commands add `:<command>` so each keeps its own. */
export const STICKY_MARKER = "<!-- integrity-guard:sticky -->";

export function stickyMarker(command: string): string {
  return command === "check" ? STICKY_MARKER : `<!-- integrity-guard:sticky:${command} -->`;
}

/** GitHub rejects comment bodies over 65536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentOutcome {
  action: "created" | "updated" | "skipped" | "failed";
  url?: string;
}

/**
 * Create or update the sticky comment. A clean result with no earlier comment posts nothing
 * (no noise on clean PRs); a clean result with an earlier comment updates it to say so.
 * A 5xx is retried once (the marker is looked up again, so a create that did happen is not
 * repeated); any other failure is reported through `warn`.
 */
export async function postSticky(
  client: GitHubClient,
  pr: number,
  command: string,
  body: string,
  clean: boolean,
  warn: (m: string) => void,
): Promise<CommentOutcome> {
  const marker = stickyMarker(command);
  const text = `${marker}\n${body}`;
  let owned: ((c: IssueComment) => boolean) | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      owned ??= ownedBy(await client.viewerLogin());
      if (clean) {
        const existing = (await client.listComments(pr)).find((c) => c.body?.includes(marker) && owned!(c));
        if (!existing) return { action: "skipped" };
      }
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

/**
 * Which comments are the token's own, so a comment someone else wrote with the marker (a PR
 * author can paste it) is never edited or taken for ours (issue 14). With a login (`GET /user`
 * answers for personal tokens): that author only. Without (GITHUB_TOKEN and app tokens, which
 * may not ask): a bot author only, as such tokens comment as their app's bot
 * (github-actions[bot]) and a person cannot write as a bot.
 */
export function ownedBy(login: string | undefined): (c: IssueComment) => boolean {
  if (login !== undefined) return (c) => c.user?.login === login;
  return (c) => c.user?.type === "Bot" && (c.user.login ?? "").endsWith("[bot]");
}
