/**
 * Snapshots pushed from another clone (issue 15): before `snapshots`, `restore`, `recover` and
 * `health` read the snapshot refs, the remote's branch and closed epochs are fetched when the
 * local ones are missing or behind. One `ls-remote` says what the remote has; only refs we do
 * not hold yet are fetched. A fresh or `--depth 1 --single-branch` clone (the Actions default)
 * has none of them: its remote.origin.fetch never names them, so they are fetched by refspec.
 *
 * Local refs only ever move forward here: a missing branch is created at the remote tip, a
 * branch behind it is fast-forwarded, and a branch whose whole chain a prune elsewhere closed
 * into an epoch follows the remote. A branch with snapshots of its own is left alone (the next
 * `snapshot --push` replays them); the remote's tip is then read from a tracking ref.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import { hideUrlCredentials } from "../../core/url-credentials.js";
import type { Git } from "../git.js";
import { branchRef, EPOCH_PREFIX, fetchCommandText, remoteTrackingRef, snapshotRemote } from "./list.js";
import { zeroOidLike } from "./take.js";

interface RemoteSyncReport {
  /** The remote read, or undefined when there is none to read (no such remote configured). */
  remote?: string;
  /** Refs fetched (local names). */
  fetched: string[];
  /** Set when the remote could not be read: what failed and the command that fetches by hand. */
  failed?: string;
}

/**
 * Bring the remote's snapshot refs in when the local ones are missing or behind. Never throws
 * for a remote that cannot be read: the report says why, and `log` gets a warning naming the
 * command that fetches them.
 */
async function syncRemoteSnapshots(git: Git, config: SnapshotsConfig | undefined, log: (line: string) => void): Promise<RemoteSyncReport> {
  const remote = snapshotRemote(config);
  // No remote of that name (a repository that never had one): nothing to read, nothing to say.
  // A configured snapshots.remote may also be a URL, which has no `remote get-url`.
  if (remote.startsWith("-") || (!(await git.tryRemoteUrl(remote)) && config?.remote === undefined)) return { fetched: [] };
  const branch = branchRef(config);
  const tracking = remoteTrackingRef(config);
  let listed: { ref: string; oid: string }[];
  try {
    listed = await git.lsRemote(remote, [branch, `${EPOCH_PREFIX}*`]);
  } catch (error) {
    return failed(remote, error, config, log);
  }
  const remoteTip = listed.find((r) => r.ref === branch)?.oid;
  const remoteEpochs = listed.filter((r) => r.ref.startsWith(EPOCH_PREFIX));
  const localEpochs = new Map((await git.listRefs(EPOCH_PREFIX)).map((r) => [r.ref, r.oid]));
  const refspecs: string[] = [];
  if (remoteTip && (await git.tryRevParse(tracking)) !== remoteTip) refspecs.push(`+${branch}:${tracking}`);
  // An epoch's name holds its tip, so a local epoch of the same name is the same chain: fetched
  // only when absent, never forced over.
  for (const e of remoteEpochs) if (!localEpochs.has(e.ref)) refspecs.push(`${e.ref}:${e.ref}`);
  if (refspecs.length > 0) {
    try {
      await git.fetchRefspecs(remote, refspecs);
    } catch (error) {
      return failed(remote, error, config, log);
    }
  }
  if (!remoteTip && (await git.tryRevParse(tracking))) await git.exec(["update-ref", "-d", tracking]);
  await followRemote(git, config, remoteTip, log);
  return { remote, fetched: refspecs.map((s) => s.slice(s.lastIndexOf(":") + 1)) };
}

/** Move the local branch onto the remote tip when that loses nothing (compare-and-swap). */
async function followRemote(git: Git, config: SnapshotsConfig | undefined, remoteTip: string | undefined, log: (line: string) => void) {
  const branch = branchRef(config);
  const localTip = await git.tryRevParse(branch);
  if (localTip === remoteTip) return;
  if (!localTip) {
    await git.updateRefCas(branch, remoteTip!, zeroOidLike(remoteTip!), "integrity-guard: snapshots from the remote");
    return;
  }
  if (remoteTip && (await git.isAncestor(localTip, remoteTip))) {
    await git.updateRefCas(branch, remoteTip, localTip, "integrity-guard: snapshots from the remote (fast-forward)");
    return;
  }
  // Closed by a prune in another clone: the whole local chain is in an epoch we hold.
  for (const e of await git.listRefs(EPOCH_PREFIX)) {
    if (!(await git.isAncestor(localTip, e.oid))) continue;
    if (remoteTip) await git.updateRefCas(branch, remoteTip, localTip, "integrity-guard: the remote closed this chain into an epoch");
    else await git.deleteRefCas(branch, localTip);
    log(
      `note: ${branch} was closed into ${e.ref} on the remote; ${remoteTip ? "it now follows the remote's new chain" : "removed locally too"}`,
    );
    return;
  }
}

function failed(remote: string, error: unknown, config: SnapshotsConfig | undefined, log: (line: string) => void): RemoteSyncReport {
  const why = (error instanceof Error ? error.message : String(error)).split("\n").find((l) => l.trim()) ?? "unknown error";
  // snapshots.remote may be a URL with a token in it: shown without (core/url-credentials.ts).
  const command = hideUrlCredentials(fetchCommandText(config));
  const shown = hideUrlCredentials(remote);
  log(
    `warning: could not read the snapshots on ${shown} (${why}); using the local ones only. Fetch them with: ${command} (or pass --no-fetch to stay offline)`,
  );
  return { remote: shown, fetched: [], failed: `${why}; fetch them with: ${command}` };
}

/** The `--no-fetch` option of every command that reads snapshots. */
export const NO_FETCH_OPTION = {
  "no-fetch": {
    type: "boolean" as const,
    description: "read only the local snapshot refs; do not fetch the remote's branch and epochs (snapshots.remote, default origin)",
  },
};

/** syncRemoteSnapshots unless --no-fetch was given. */
export async function fetchUnlessOffline(
  git: Git,
  config: SnapshotsConfig | undefined,
  options: Readonly<Record<string, unknown>>,
  log: (line: string) => void,
): Promise<RemoteSyncReport | undefined> {
  return options["no-fetch"] === true ? undefined : syncRemoteSnapshots(git, config, log);
}
