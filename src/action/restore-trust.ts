/**
 * Where the Action's `restore` and `prune` take their trust root from: the `snapshots:` section
 * of the config (which key signs, the allowed signers file, the snapshot branch, the repository
 * binding, each set's retention) and the allowed signers file itself. `workflow_dispatch` runs
 * on any branch someone with push access picks, and its checkout is that branch: read from the
 * checkout, a branch that listed its own key beside the repository's made `restore latest`
 * accept a snapshot that key signed (pushed beside the real ones) and publish it as verified; a
 * branch that lowered `keep` made `prune` delete backups. So unless the run is on the default
 * branch, both come from the default branch's newest commit on the remote, which only reviewed
 * changes reach. The CLI is unaffected: a local user chose their checkout.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfigText } from "../config/load.js";
import { CONFIG_PATH, type LoadedConfig } from "../config/types.js";
import { normalizeRepoPath } from "../core/schema/mapping.js";
import { ConfigError, EnvironmentError } from "../errors.js";
import type { Git } from "../io/git.js";
import { onExitCleanup } from "../io/exit-cleanup.js";
import type { ActionCommand } from "./inputs.js";
import { readAt } from "./trusted-config.js";

/** The commands whose trust root is the default branch's (see the file comment). */
const SNAPSHOT_READERS: ReadonlySet<ActionCommand> = new Set(["restore", "prune"]);

interface TrustRootInput {
  git: Git;
  command: ActionCommand;
  /** The config loaded from the checkout. */
  loaded: LoadedConfig;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * The config `restore` / `prune` run under: the checkout's, with its `snapshots:` section (and
 * the allowed signers file it names) replaced by the default branch's when the run is not on the
 * default branch. Throws when the default branch's cannot be read: never falls back to the branch's.
 */
export async function snapshotTrustRoot(i: TrustRootInput): Promise<LoadedConfig> {
  if (!SNAPSHOT_READERS.has(i.command) || !i.env.GITHUB_ACTIONS) return i.loaded;
  const defaultBranch = defaultBranchOf(i.env.GITHUB_EVENT_PATH);
  const ref = i.env.GITHUB_REF ?? "";
  if (defaultBranch === undefined)
    throw new EnvironmentError(
      `cannot tell the repository's default branch (repository.default_branch in the ${i.env.GITHUB_EVENT_NAME ?? ""} payload): \`${i.command}\` reads its trust root (snapshots.sign, the allowed signers) from it`,
      { fix: "run the workflow on workflow_dispatch, schedule or push, whose payloads name the default branch" },
    );
  if (ref === `refs/heads/${defaultBranch}`) return i.loaded;
  const remote = i.loaded.config.snapshots?.remote ?? "origin";
  const sha = await defaultBranchCommit(i.git, remote, defaultBranch);
  const short = sha.slice(0, 12);
  const where = `in the default branch ${defaultBranch} at ${short}`;
  const configPath = i.loaded.path || CONFIG_PATH;
  const files = await readAt(i.git, sha, [configPath]);
  const bytes = files.get(configPath);
  if (!Buffer.isBuffer(bytes))
    throw new ConfigError(
      `\`${i.command}\` on ${JSON.stringify(ref || "this ref")} reads its trust root from the default branch ${defaultBranch}, whose ${configPath} at ${short} ${bytes ? bytes.error : "does not exist"}`,
      { fix: `merge the snapshots config into ${defaultBranch} first, or run the workflow on ${defaultBranch}` },
    );
  const trusted = await loadConfigText(i.git.root, bytes, configPath, where);
  const snapshots = trusted.config.snapshots;
  if (!snapshots)
    throw new ConfigError(
      `\`${i.command}\` on ${JSON.stringify(ref || "this ref")} reads its trust root from the default branch ${defaultBranch}, whose ${configPath} at ${short} has no \`snapshots:\` section`,
      { fix: `merge the snapshots config into ${defaultBranch} first, or run the workflow on ${defaultBranch}` },
    );
  const sign = snapshots.sign ? { ...snapshots.sign } : undefined;
  if (sign?.format === "ssh" && sign.allowed_signers) sign.allowed_signers = await signersCopy(i.git, sha, sign.allowed_signers, where);
  const changed =
    JSON.stringify(i.loaded.config.snapshots ?? null) !== JSON.stringify(snapshots) ? " (this branch's differs: not used)" : "";
  i.log(
    `${i.command}: the run is on ${JSON.stringify(ref || "an unnamed ref")}, not the default branch: the trust root (snapshots.sign, the allowed signers, the snapshot branch, retention) is read from the default branch ${defaultBranch} at ${short}${changed}`,
  );
  return { ...i.loaded, config: { ...i.loaded.config, snapshots: { ...snapshots, ...(sign ? { sign } : {}) } } };
}

/** `repository.default_branch` of the event payload, which every repository event carries. */
export function defaultBranchOf(file: string | undefined): string | undefined {
  try {
    const payload = JSON.parse(fs.readFileSync(file ?? "", "utf8")) as { repository?: { default_branch?: unknown } } | null;
    const name = payload?.repository?.default_branch;
    return typeof name === "string" && name !== "" && !name.startsWith("-") ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The remote's newest commit of the default branch, fetched (one commit) when the checkout lacks it. */
async function defaultBranchCommit(git: Git, remote: string, branch: string): Promise<string> {
  let sha: string | undefined;
  try {
    sha = (await git.lsRemote(remote, [`refs/heads/${branch}`])).find((r) => r.ref === `refs/heads/${branch}`)?.oid;
  } catch (error) {
    throw new EnvironmentError(`cannot read the default branch ${branch} from ${remote}: ${(error as Error).message.split("\n")[0]}`, {
      fix: "let the job read the remote (actions/checkout with its default token)",
    });
  }
  if (!sha) throw new EnvironmentError(`the remote ${remote} has no default branch ${branch}`, { fix: "check the remote" });
  if (await git.hasCommit(sha)) return sha;
  const failure = await git.tryFetchCommit(remote, sha);
  if (failure === undefined && (await git.hasCommit(sha))) return sha;
  throw new EnvironmentError(
    `cannot fetch the default branch ${branch} (${sha}) from ${remote}: ${(failure ?? "still missing").split("\n")[0]}`,
    {
      fix: "let the job fetch from origin (actions/checkout with its default token)",
    },
  );
}

/** The default branch's allowed signers file, copied to a private temporary file (removed at exit); its absolute path. */
async function signersCopy(git: Git, sha: string, configured: string, where: string): Promise<string> {
  const rel = normalizeRepoPath(configured);
  const got = rel === undefined ? undefined : (await readAt(git, sha, [rel])).get(rel);
  if (!Buffer.isBuffer(got))
    throw new ConfigError(`the allowed signers file ${configured} ${where} ${got ? got.error : "does not exist"}`, {
      fix: "commit the allowed signers file that pins the snapshot key to the default branch",
    });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-trust-"));
  onExitCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "allowed_signers");
  fs.writeFileSync(file, got, { mode: 0o600 });
  return file;
}
