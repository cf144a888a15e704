import { hideUrlCredentials } from "../core/url-credentials.js";
import { displayText, unsupportedNameFinding, unsupportedNameReason } from "../core/names.js";
import { ConfigError, EnvironmentError, UsageError } from "../errors.js";
import type { Git } from "../io/git.js";
import { absentFromSparseCheckout, outsideConeText } from "../io/skip-worktree.js";
import { isSetName } from "../core/snapshot/message.js";
import { PRE_RESTORE_SET } from "../io/snapshot/list.js";
import { leftOutNotice, policyForSet } from "../io/snapshot/set-policy.js";
import { takeSnapshot } from "../io/snapshot/take.js";
import { SnapshotRefused } from "../io/snapshot/refused.js";
import { refuseSnapshotDuringRestore, restoreLockPath } from "../io/snapshot/restore-journal.js";
import { acquireLock } from "../io/lock.js";
import { sweepStaleTempFiles } from "../io/stale-temp-files.js";
import { inSetPaths, snapshotMergeConflict, unmergedCovered } from "../io/unmerged-covered.js";
import { isDiskFull, snapshotDiskFullError } from "./snapshot-disk-full.js";
import type { SnapshotSet } from "../config/types.js";
import type { CommandContext, CommandResult, CommandSpec } from "./types.js";
import { boundHeapGrowth } from "../io/heap-growth.js";

export const command: CommandSpec = {
  name: "snapshot",
  usage: "integrity-guard snapshot --set NAME [--push]",
  description:
    'Writes the files of the backup set NAME (config snapshots.sets.NAME.paths; "dir/" means everything below) as they are in the work tree — committed or not; git-ignored files only with `ignored: include` (the others are listed in a notice) — as one commit on the orphan branch snapshots.branch (default integrity-snapshots). The commit is built with git plumbing and a temporary index, so your index, work tree, stash and HEAD are not touched. It holds .integrity-snapshot/manifest.json (SHA-256 and size of every file) and the trailers Snapshot-Set, Snapshot-Time, Source-Commit and Manifest-Digest, and is signed as snapshots.sign says (ssh, gpg, or an explicit none).\n\n' +
    "Before the branch moves, every blob is read back from git and compared with the source (snapshot/checksum); the branch moves by compare-and-swap only. When nothing changed since the set's last snapshot, no commit is made. --push publishes the branch to snapshots.remote (default origin); a rejected push re-fetches, rebuilds on the new tip, re-signs and retries (at most 5 times). It never force-pushes.\n\n" +
    "Files whose names look like secrets (.env*, *.pem, *.key, id_* ssh keys, *secret*, *credential*, ...; see docs/snapshots.md) are refused by --push (snapshot/secret, nothing written) and left out of a local snapshot with a warning, unless the set has `encrypt` (contents encrypted to age recipients before they become blobs) or `allow_secrets` (true, or globs of the paths allowed).",
  examples: [
    "integrity-guard snapshot --set hourly",
    'INTEGRITY_GUARD_SIGNING_KEY="$(cat key)" integrity-guard snapshot --set daily --push',
    "integrity-guard snapshot --set weekly --format json",
  ],
  options: {
    set: { type: "string", short: "s", valueName: "NAME", description: "the backup set to snapshot (a key of snapshots.sets)" },
    push: { type: "boolean", description: "push the snapshot branch to snapshots.remote (default origin), retrying without force" },
  },
  async run(ctx) {
    boundHeapGrowth(); // a whole-tree command (heap-growth.ts)
    const set = ctx.options.set as string | undefined;
    const sets = ctx.loaded.config.snapshots?.sets ?? {};
    if (!set)
      throw new UsageError("snapshot needs --set NAME", {
        fix: `name one of the configured sets: ${Object.keys(sets).join(", ") || "(none configured: add snapshots.sets to the config)"}`,
      });
    if (!isSetName(set) || set === PRE_RESTORE_SET)
      throw new UsageError(`--set ${JSON.stringify(set)} is not a usable set name`, {
        fix: "use letters, digits, '.', '_' and '-'; pre-restore is reserved",
      });
    const def = sets[set];
    sweepStaleTempFiles(ctx.git.stateDir()); // left by a snapshot killed before its cleanup
    if (!def) {
      throw new ConfigError(`backup set ${JSON.stringify(set)} is not in ${ctx.loaded.path}`, {
        fix: Object.keys(sets).length
          ? `use one of: ${Object.keys(sets).join(", ")}, or add snapshots.sets.${set}.paths`
          : `add snapshots: { sets: { ${set}: { paths: ["data/"] } } } to the config`,
      });
    }
    await refuseOutsideSparseCheckout(ctx.git, set, def.paths);
    // The capture runs under the restore's lock (restoreLockHold). Checked without it, a restore
    // started a moment later (its journal is written only after its pre-restore snapshot) found
    // the lock free and wrote the tree while this capture read it: a signed snapshot of a state
    // that never existed, part old, part restored. A restore running now makes this wait for
    // it (then the restored tree is what is read), or stop with exit 2 naming the lock (lock.ts).
    // The lock is held from the capture to the branch's move only, not through the fetch and
    // push of --push: a restore waiting on the network gave up after 10 s.
    return takeSetSnapshot(ctx, set, def);
  },
};

/** restore.lock for takeSnapshot's `exclusive`: entered, the journal is checked (never a snapshot of a half-restored tree). */
function restoreLockHold(git: Git, set: string): { enter: () => Promise<void>; leave: () => Promise<void> } {
  let release: (() => Promise<void>) | undefined;
  const leave = async (): Promise<void> => {
    const r = release;
    release = undefined;
    await r?.();
  };
  return {
    enter: async () => {
      release = await acquireLock(restoreLockPath(git));
      try {
        await refuseSnapshotDuringRestore(git, set);
      } catch (error) {
        await leave();
        throw error;
      }
    },
    leave,
  };
}

async function takeSetSnapshot(ctx: CommandContext, set: string, def: SnapshotSet): Promise<CommandResult> {
  let r;
  const snapshotBranch = ctx.loaded.config.snapshots?.branch ?? "integrity-snapshots";
  const before = await ctx.git.tryRevParse(`refs/heads/${snapshotBranch}`);
  // Asked now, while this process is small: a git started after the capture forks a heap of
  // hundreds of MB (at 100,000 files its spawn alone was about 0.1 s). The index's conflicts
  // do not depend on the snapshot taken.
  const unmerged = unmergedCovered(ctx.git, inSetPaths(def.paths));
  unmerged.catch(() => undefined); // awaited below, unless the snapshot fails first
  try {
    const push = Boolean(ctx.options.push);
    r = await takeSnapshot(ctx.git, ctx.loaded.config.snapshots, {
      set,
      paths: def.paths,
      push,
      env: ctx.env,
      log: ctx.log,
      policy: await policyForSet(ctx.git, set, def, push),
      exclusive: restoreLockHold(ctx.git, set),
    });
  } catch (error) {
    if (error instanceof SnapshotRefused) return refused(error);
    if (isDiskFull(error))
      throw snapshotDiskFullError(set, snapshotBranch, (await ctx.git.tryRevParse(`refs/heads/${snapshotBranch}`)) === before, error);
    throw error;
  }
  const p = r.prepared;
  const branch = r.ref.replace(/^refs\/heads\//, "");
  const lines = [
    r.unchanged
      ? `nothing changed in set ${set} since snapshot ${r.id.slice(0, 12)}: no new snapshot`
      : `snapshot ${r.id.slice(0, 12)} of set ${set}: ${p.info.files} files, ${p.info.size} bytes, ${r.signed === "none" ? "unsigned (sign.format none)" : `signed (${r.signed})`}, read back and verified, on ${branch}`,
  ];
  if (r.pushed)
    lines.push(
      `pushed ${branch} to ${hideUrlCredentials(ctx.loaded.config.snapshots?.remote ?? "origin")}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ""}`,
    );
  // Without an identity, a snapshot signed by the same key in another repository verifies here too.
  if (!r.unchanged && r.signed !== "none" && ctx.loaded.config.snapshots?.repository === undefined)
    lines.push(
      "note: this snapshot is not bound to this repository (snapshots.repository is unset), so a snapshot another repository signs with the same key would also verify here; set snapshots.repository to a unique string of your own (e.g. the output of `uuidgen`) and commit the config",
    );
  for (const s of p.skipped) lines.push(`skipped ${displayText(s.path)}: ${s.reason}`);
  lines.push(...leftOutNotice(set, p.leftOut).map(displayText));
  if (p.encrypted && !r.unchanged)
    lines.push(
      "contents encrypted with age: the read-back compared every blob byte for byte with the ciphertext made from the bytes hashed (not decrypted: no identity is needed to take a snapshot); files unchanged since the last snapshot keep its ciphertext",
    );
  // A name no snapshot can hold is an error (the rest is backed up): never a silent gap (issue 14).
  const findings = p.skipped.flatMap((s) => {
    const why = unsupportedNameReason(s.path);
    return why ? [unsupportedNameFinding(s.path, why, `it is not in the snapshot of set ${set} (the other files are)`)] : [];
  });
  // Backed up as they are (nothing lost), never silently (io/unmerged-covered.ts).
  for (const u of await unmerged) findings.push(snapshotMergeConflict(u, set));
  const snapshot = {
    id: r.id,
    set,
    branch,
    time: p.info.time,
    files: p.info.files,
    size: p.info.size,
    manifest_digest: p.digest,
    signed: r.signed,
    unchanged: r.unchanged,
    pushed: r.pushed,
    skipped: p.skipped.map((s) => ({ ...s, path: displayText(s.path) })),
    encrypted: p.encrypted === true,
    left_out: {
      ignored: (p.leftOut?.ignored ?? []).map(displayText),
      secrets: (p.leftOut?.secrets ?? []).map((s) => displayText(s.path)),
    },
  };
  return { findings, text: lines.join("\n"), json: { snapshot }, summary: { snapshot_id: r.id, set, unchanged: r.unchanged } };
}

/** A refused snapshot/restore: its findings (rule ids in every format) and exit 1. */
export function refused(error: SnapshotRefused): CommandResult {
  return { findings: error.findings, text: error.message + (error.fix ? `\n  fix: ${error.fix}` : ""), exitCode: 1 };
}

/**
 * A set that reaches files a sparse checkout left out of the work tree: the snapshot would hold
 * the set as the work tree has it, without them, and a restore of it (here or in a full
 * checkout) would remove them as files the snapshot does not hold. Refused before anything is
 * written; the cone, or the set, has to change.
 */
async function refuseOutsideSparseCheckout(git: Git, set: string, paths: readonly string[]): Promise<void> {
  const outside = await absentFromSparseCheckout(git, inSetPaths(paths));
  if (outside.length === 0) return;
  const { files, folders } = outsideConeText(outside);
  throw new EnvironmentError(
    `snapshot of set ${set} refused: ${outside.length} of its tracked file(s) are outside the sparse checkout, not in the work tree (${files}); the snapshot would not hold them, and restoring it would delete them`,
    {
      fix: `check them out first (git sparse-checkout add ${folders}, or git sparse-checkout disable), or narrow snapshots.sets.${set}.paths to the cone; then snapshot again`,
    },
  );
}
