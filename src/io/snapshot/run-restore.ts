/**
 * The restore procedure as a list of named steps: resolve, trust (signature + chain), load
 * (manifest + paths), read back, plan, dry-run stop, pre-restore snapshot, apply, verify.
 * Shared by `restore` and the restore step of `recover`.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import type { Finding } from "../../core/finding.js";
import type { PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
import type { Git } from "../git.js";
import { withLock } from "../lock.js";
import { requireSignConfig, resolvePin } from "../signing.js";
import { olderCandidates, PRE_RESTORE_SET, resolveSnapshot, type SnapshotRecord } from "./list.js";
import { openSnapshotForRestore, type BlobDigest } from "./encrypt.js";
import { BlobArena, readBackLoaded, type KeepBlobs } from "./readback.js";
import { unfetchedObjectsError } from "../unfetched-objects.js";
import { SnapshotRefused } from "./refused.js";
import { applyRestore, planRestore, verifyRestored, type RestorePlan } from "./restore.js";
import {
  checkInterrupted,
  interruptedMessage,
  journalAlive,
  readJournal,
  restoreLockPath,
  settleJournal,
  sweepTemporaries,
  writeJournal,
} from "./restore-journal.js";
import { sweepDirs } from "./restore-write.js";
import { policyFromManifest } from "./set-policy.js";
import { takeSnapshot } from "./take.js";
import { refuseRestoreOutsideSparseCheckout } from "./sparse-restore.js";
import { loadSnapshot, trustFindings, type LoadedSnapshot } from "./verify.js";
import { stageEnd } from "../hash/stage-log.js";

interface RestoreOptions {
  spec: string;
  paths: readonly string[];
  allowUnsigned: boolean;
  dryRun: boolean;
  /** Identity for an encrypted snapshot: a file, or env:NAME (else the set's encrypt.key). */
  identity?: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

interface RestoreOutcome {
  snapshot: SnapshotRecord;
  manifest: PackedSnapshotManifest;
  plan: RestorePlan;
  findings: Finding[];
  signature: string;
  /** The pre-restore snapshot id and the command that undoes the restore (not for dry runs). */
  undo?: { snapshot: string; command: string };
  ms: number;
  dryRun: boolean;
}

/**
 * One restore at a time per work tree (the journal's lock, beside it). Two restores started
 * together both read "no journal" before either wrote one, so each wrote its journal over the
 * other's, their renames could interleave (a tree part one snapshot, part the other), and the
 * first to finish removed the journal the second still needed if it was killed. The second now
 * waits for the first, or stops with exit 2 naming its pid and the fix (lock.ts). A dry run
 * writes nothing and takes no lock.
 */
export function runRestore(git: Git, config: SnapshotsConfig | undefined, options: RestoreOptions): Promise<RestoreOutcome> {
  if (options.dryRun) return restoreUnlocked(git, config, options);
  return withLock(restoreLockPath(git), () => restoreUnlocked(git, config, options));
}

async function restoreUnlocked(git: Git, config: SnapshotsConfig | undefined, options: RestoreOptions): Promise<RestoreOutcome> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  const snapshot = await resolveSnapshot(git, config, options.spec, options.paths);
  const short = snapshot.id.slice(0, 12);

  // Trust first: nothing is read from an untrusted snapshot beyond its signature and dates.
  const sign = config?.sign ?? (options.allowUnsigned ? { format: "none" as const } : requireSignConfig(config));
  const pin = await resolvePin(sign, git.root);
  // Named by its id (not "latest" or a set): the user chose this very snapshot.
  const named = options.spec !== "latest" && /^[0-9a-f]{4,64}$/.test(options.spec) && snapshot.id.startsWith(options.spec);
  const trust = await trustFindings(git, snapshot, pin, options.env, { repository: config?.repository, named });
  const blocking = trust.findings.filter((f) => f.level === "error" && !(options.allowUnsigned && f.rule === "snapshot/signature"));
  if (blocking.length > 0) {
    // "latest" or a set refused: name the newest one the name could stand for that passes.
    const { found: other, scanned, capped } = await newestTrusted(git, config, options, snapshot, pin);
    const what = options.spec === "latest" ? "snapshot" : `snapshot of set ${options.spec}`;
    const hint = other
      ? `; the newest ${what} that passes is ${other.id.slice(0, 12)} (${new Date(other.time * 1000).toISOString()}): integrity-guard restore ${other.id.slice(0, 12)}`
      : capped
        ? `; none of the ${scanned} next older ones passes either (the search stops there): list them with integrity-guard snapshots and restore one by id`
        : "";
    const findings = blocking.map((f, i) => (i === 0 && hint ? { ...f, fix: `${f.fix ?? "pick another snapshot"}${hint}` } : f));
    throw new SnapshotRefused(
      `${blocking[0]!.rule}: refusing to restore from snapshot ${short}: ${blocking.map((f) => f.message).join("; ")}`,
      findings,
      findings[0]!.fix ? { fix: findings[0]!.fix } : {},
    );
  }
  const unsigned = trust.findings.some((f) => f.rule === "snapshot/signature");
  if (unsigned)
    options.log(`warning: restoring from snapshot ${short} without a trusted signature (--allow-unsigned): ${trust.signature.detail}`);
  for (const f of trust.findings.filter((f) => f.level === "warning"))
    options.log(`warning: ${f.message}; ${f.fix ?? ""}`.replace(/; $/, ""));

  // A restore killed half-way left a journal: only its undo or its resume may run now.
  const journal = await readJournal(git);
  if (journal && options.dryRun) options.log(`warning: ${interruptedMessage(journal)}`);
  else if (journal && !journalAlive(journal)) await sweepTemporaries(git.root, journal.dirs);

  const loaded = await loadSnapshot(git, snapshot);
  const { manifest } = loaded;
  stageEnd("restore: manifest loaded");
  // An encrypted snapshot needs an identity: without one this stops before anything changes.
  const opening = await openSnapshotForRestore(git.root, config?.sets?.[manifest.set], manifest, {
    ...(options.identity ? { identity: options.identity } : {}),
    env: options.env,
    dryRun: options.dryRun,
    short,
  });
  if (opening.note) options.log(`notice: ${opening.note}`);
  // The read-back of every blob runs while the plan is made and the pre-restore snapshot is
  // prepared; the branch moves and files are written only after it passed.
  // Clear blobs are kept packed by file (readback.ts BlobArena); an encrypted set's in the map,
  // where the writing finds the bytes the read-back decrypted by the blob's identity.
  const arena = opening.digestOf ? undefined : new BlobArena(manifest.files.count);
  const intact = checkStored(git, snapshot, loaded, opening.digestOf, arena);
  intact.catch(() => undefined);
  let plan: RestorePlan;
  try {
    plan = await planRestore(git, manifest, options.paths);
    stageEnd("restore: planned");
  } catch (error) {
    await intact; // a damaged snapshot is the error to report
    throw error;
  }
  const outcome: RestoreOutcome = {
    snapshot,
    manifest,
    plan,
    findings: [],
    signature: trust.signature.status,
    ms: 0,
    dryRun: options.dryRun,
  };
  await refuseRestoreOutsideSparseCheckout(git, plan.scopes).catch(async (error: unknown) => {
    await intact; // a damaged snapshot is the error to report
    throw error;
  });
  if (options.dryRun) {
    await intact;
    outcome.ms = elapsed();
    return outcome;
  }
  const settling = checkInterrupted(git, journal, snapshot.id, plan.scopes);
  if (plan.create.length + plan.modify.length + plan.remove.length === 0) {
    await intact;
    if (settling) await settleJournal(git); // a resume that finds nothing left to do
    outcome.ms = elapsed();
    return outcome;
  }

  // Record the current state of exactly these paths first: the undo of this restore.
  const preConfig: SnapshotsConfig = { ...config, sign: config?.sign ?? { format: "none" } };
  const pre = await takeSnapshot(git, preConfig, {
    set: PRE_RESTORE_SET,
    paths: plan.scopes,
    push: false,
    env: options.env,
    log: options.log,
    force: true,
    gate: intact,
    // The same files as the restore can touch, encrypted when the restored set is.
    policy: policyFromManifest(git, PRE_RESTORE_SET, manifest, opening.reencrypt),
  }).catch(async (error: unknown) => {
    await intact; // a damaged snapshot is the error to report
    throw error;
  });
  await intact; // awaited by takeSnapshot already; said again where the writing starts
  stageEnd("restore: read back, pre-restore snapshot taken");
  // The pre-restore snapshot's set paths are exactly these scopes, so restoring it whole undoes this.
  const unsignedFlag = (signed: boolean) => (signed ? [] : ["--allow-unsigned"]);
  const undoArgs = ["integrity-guard", "restore", pre.id, ...unsignedFlag(pre.signed !== "none")];
  // Paths after "--": a name starting with "-" is a path, not an option.
  const pathArgs = options.paths.length > 0 ? ["--", ...options.paths] : [];
  const resumeArgs = ["integrity-guard", "restore", snapshot.id, ...unsignedFlag(!unsigned), ...pathArgs];
  outcome.undo = { snapshot: pre.id, command: undoArgs.map(shellQuote).join(" ") };

  // Recorded and said before the first change, so a kill from here on leaves the way back. The
  // undo or resume of an interrupted restore keeps that restore's two ways out (both lead to a
  // consistent state: the one before it, or the snapshot fully restored).
  // Temporaries (files, and folders a restore builds whole) can be anywhere above the files.
  const dirs = sweepDirs([...plan.create, ...plan.modify]);
  await writeJournal(git, {
    version: 1,
    pid: process.pid,
    started: new Date().toISOString(),
    snapshot: settling?.snapshot ?? snapshot.id,
    pre: settling?.pre ?? pre.id,
    scopes: plan.scopes,
    undo: settling?.undo ?? outcome.undo.command,
    resume: settling?.resume ?? resumeArgs.map(shellQuote).join(" "),
    dirs: [...new Set([...dirs, ...(settling?.dirs ?? [])])],
  });
  options.log(
    `the current state is recorded in snapshot ${pre.id.slice(0, 12)} (set pre-restore); if this restore is interrupted, undo it with: ${settling?.undo ?? outcome.undo.command}`,
  );

  // The blobs the read-back checked are the ones written: git is not asked for them again.
  await applyRestore(git, snapshot.id, manifest, plan, {
    ...(opening.open ? { open: opening.open } : {}),
    oids: { get: (p) => manifest.files.oidOf(p) },
    blobs: loaded.blobs,
    ...(arena ? { keptOf: (p: string) => arena.get(manifest.files.indexOf(p)) } : {}),
  });
  loaded.blobs.clear();
  arena?.clear();
  stageEnd("restore: written");
  outcome.findings = await verifyRestored(git, manifest, plan, writtenBy(plan));
  stageEnd("restore: verified");
  await settleJournal(git);
  outcome.ms = elapsed();
  return outcome;
}

/**
 * How many older snapshots the refusal hint verifies at most. Each costs one signature check;
 * snapshots that are not trusted cost no more than that, so a pile of newer foreign or forged
 * ones (epoch refs anyone with push access can add) cannot hide the newest good one unless
 * there are more than this many.
 */
export const TRUSTED_SCAN = 200;

/**
 * The newest older snapshot that "latest" or the set name could stand for and that passes the
 * same trust checks (signature and dates), verified newest first until one passes (at most
 * TRUSTED_SCAN): `scanned` says how many were looked at, `capped` that the scan stopped there.
 */
async function newestTrusted(
  git: Git,
  config: SnapshotsConfig | undefined,
  options: RestoreOptions,
  refused: SnapshotRecord,
  pin: Awaited<ReturnType<typeof resolvePin>>,
): Promise<{ found?: SnapshotRecord; scanned: number; capped: boolean }> {
  let scanned = 0;
  for await (const r of olderCandidates(git, config, options.spec, refused, options.paths)) {
    if (scanned >= TRUSTED_SCAN) return { scanned, capped: true };
    scanned++;
    const t = await trustFindings(git, r, pin, options.env, { repository: config?.repository, named: false });
    if (t.findings.every((f) => options.allowUnsigned && f.rule === "snapshot/signature")) return { found: r, scanned, capped: false };
  }
  return { scanned, capped: false };
}

/**
 * Blob bytes the read-back keeps for the writing (about 64 MiB with their overhead): a set that
 * fits is read from git once; the blobs of a larger one are read again, batch by batch, by the
 * writing (restore-write.ts), which checks each against the manifest before writing it.
 */
const KEEP_BLOB_BYTES = 64 << 20;

/** Every blob of the snapshot read back against its manifest; SnapshotRefused when any differs. */
async function checkStored(
  git: Git,
  snapshot: SnapshotRecord,
  loaded: LoadedSnapshot,
  digestOf: BlobDigest | undefined,
  arena: BlobArena | undefined,
): Promise<void> {
  const keep: KeepBlobs = { blobs: loaded.blobs, budget: KEEP_BLOB_BYTES, ...(arena ? { arena } : {}) };
  const stored = await readBackLoaded(git, loaded, digestOf, keep);
  if (stored.length > 0) {
    loaded.blobs.clear();
    arena?.clear();
    // A partial clone's blob its remote could not lend is no damage (unfetched-objects.ts).
    const unfetched = await unfetchedObjectsError(git, keep.unreadable ?? [], `snapshot ${snapshot.id.slice(0, 12)}`);
    if (unfetched) throw unfetched;
    throw new SnapshotRefused(
      `snapshot/checksum: snapshot ${snapshot.id.slice(0, 12)} is damaged in the object store (${stored.length} file(s), first ${stored[0]!.file}: ${stored[0]!.message}); nothing was restored`,
      stored,
      {
        fix: "run git fsck --full; restore from an older snapshot or fetch the branch again from the remote",
      },
    );
  }
}

/**
 * Whether the restore wrote a target file (created or modified it): the targets it did not
 * write are the unchanged ones, so the smaller of the two lists is made a set, never a set of
 * every file of a large restore.
 */
function writtenBy(plan: RestorePlan): (p: string) => boolean {
  if (plan.unchanged.length <= plan.create.length + plan.modify.length) {
    const unchanged = new Set(plan.unchanged);
    return (p) => !unchanged.has(p);
  }
  const written = new Set([...plan.create, ...plan.modify]);
  return (p) => written.has(p);
}

/** Quote for a POSIX shell only when needed. */
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
