/**
 * The environment of every program we start (git and what git runs, gpg, ssh-agent, ssh-add).
 * It is ours minus what no child needs and a child could leak:
 * - `INPUT_*`: the Action's inputs, `INPUT_TOKEN` among them. git runs programs the job set up
 *   (credential helpers, `core.sshCommand`, `core.fsmonitor`, hooks from `core.hooksPath` that
 *   an earlier `npm ci` pointed at the repository's husky scripts, git-lfs), and each saw the token.
 * - `ACTIONS_*`: the runner's own tokens (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_ID_TOKEN_REQUEST_*`,
 *   which mints OIDC tokens for cloud accounts), there for actions, never for git.
 * - every variable whose value is a secret we hold (withholdFromChildren): the signing key text
 *   of `snapshots.sign.key: env:NAME`, an alert webhook or SMTP URL, and the Action's token under
 *   another name (`GITHUB_TOKEN: ${{ github.token }}` set for a step). A `GH_TOKEN` holding some
 *   other token stays: `gh auth setup-git` makes it the credential helper's password.
 * Messages are forced to English (LC_MESSAGES=C; an LC_ALL becomes LC_CTYPE, so the character
 * set is the user's still): we read git's stderr (a lost compare-and-swap, a missing remote
 * ref, a refused repository), and under LANG=de_DE git said "Sperren" where we look for "lock".
 * Everything else (HOME, PATH, GIT_* the user set, GIT_INDEX_FILE from git itself, SSH_AUTH_SOCK,
 * GNUPGHOME) passes as it is.
 */
/**
 * Keep every environment variable whose value is one of `values` from the programs we start.
 * Called with the Action's token and the config's secrets, and by signing with the key text.
 */
export declare function withholdFromChildren(values: Iterable<string>): void;
/**
 * The environment for a child: `base` (process.env) filtered as above, then `extra` (ours:
 * GIT_AUTHOR_*, SSH_AUTH_SOCK, GNUPGHOME) over it.
 */
export declare function childEnv(extra?: NodeJS.ProcessEnv, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
