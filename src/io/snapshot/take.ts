/**
 * Take a snapshot: prepare (capture, write, read back), commit signed on the branch tip, move
 * the branch by compare-and-swap, optionally push. A lost race (local CAS or a rejected push)
 * rebuilds on the new tip and re-signs; nothing is ever force-pushed.
 */
import { hideUrlCredentials } from "../../core/url-credentials.js";
import type { SnapshotsConfig } from "../../config/types.js";
import { checkChainDates } from "../../core/snapshot/chain.js";
import { formatSnapshotMessage } from "../../core/snapshot/message.js";
import { EnvironmentError } from "../../errors.js";
import type { Git } from "../git.js";
import { openSigner, requireSignConfig, resolvePin, verifySignature, type Pin, type Signer } from "../signing.js";
import { commitIdentityEnv, commitSnapshot, prepareSnapshot, type PreparedSnapshot } from "./build.js";
import { branchRef, readChain, type SnapshotRecord } from "./list.js";
import { SnapshotRefused } from "./refused.js";
import type { SetPolicy } from "./set-policy.js";

/** The "must not exist yet" value for update-ref in the object format of `oid` (SHA-1 or SHA-256). */
export function zeroOidLike(oid: string): string {
  return "0".repeat(oid.length);
}
const MAX_ATTEMPTS = 5;

interface TakeOptions {
  set: string;
  paths: readonly string[];
  push: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Take a new snapshot even when nothing changed (pre-restore needs a definite id). */
  force?: boolean;
  /**
   * Awaited before the branch moves (a restore's read-back of the snapshot it restores, run
   * while this one is prepared); when it rejects, the branch is left as it was.
   */
  gate?: Promise<void>;
  /** What the set takes and whether it is encrypted (set-policy.ts); without one, everything in clear. */
  policy?: SetPolicy;
  /**
   * What must be held while the work tree is read and the branch moves (the `snapshot` command:
   * restore.lock), taken after the fetch of a push and let go before the push: a restore started
   * meanwhile waits only for the capture, never for the network. `leave` may be called twice.
   */
  exclusive?: { enter: () => Promise<void>; leave: () => Promise<void> };
}

interface TakeResult {
  id: string;
  unchanged: boolean;
  prepared: PreparedSnapshot;
  ref: string;
  pushed: boolean;
  attempts: number;
  signed: "ssh" | "gpg" | "none";
}

/**
 * Run `fn` with the configured signer (while it is being set up) and its pin; the signer is
 * disposed of after, also when `fn` throws before awaiting it.
 */
async function withSigner<T>(
  git: Git,
  config: SnapshotsConfig | undefined,
  env: NodeJS.ProcessEnv,
  fn: (signer: Promise<Signer>, pin: Pin | undefined) => Promise<T>,
): Promise<T> {
  const sign = requireSignConfig(config);
  const pin = await resolvePin(sign, git.root);
  // The private key is held by a private ssh-agent for as long as one command runs; key copies
  // older versions left under .git/integrity-guard are swept. Starting the agent (ssh-agent,
  // ssh-add: child processes) overlaps the reading of the files; the key is first needed to
  // sign the commit (or to re-sign before a push).
  const signer = openSigner(sign, git.root, env, git.stateDir());
  signer.catch(() => undefined); // awaited by fn, or below
  try {
    return await fn(signer, pin);
  } finally {
    await (await signer.catch(() => undefined))?.dispose();
  }
}

export async function takeSnapshot(git: Git, config: SnapshotsConfig | undefined, options: TakeOptions): Promise<TakeResult> {
  // Asked now, answered while the signer is set up and the files are read (never throws).
  const identityAsked = commitIdentityEnv(git);
  return withSigner(git, config, options.env, async (opening, pin) => {
    const ref = branchRef(config);
    const remote = config?.remote ?? "origin";
    const ctx: ChainCtx = { git, ref, remote, signer: opening, pin, identity: {}, env: options.env };
    if (options.push) {
      await opening; // a signer that cannot be set up is the error, before anything is fetched
      ctx.identity = await identityAsked;
      await reconcileWithRemote(ctx);
    }
    await options.exclusive?.enter();
    try {
      let prepared: PreparedSnapshot | undefined;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const chain = await readChain(git, ref);
        const tip = chain[0];
        refuseFutureTip(tip, ref);
        // Only a snapshot bound to this repository's identity (or, without one, unbound) may
        // stand for "unchanged": a repository that just set snapshots.repository gets a bound one.
        const previous = chain.find((r) => r.info?.set === options.set && r.info.repository === config?.repository);
        const repository = config?.repository !== undefined ? { repository: config.repository } : {};
        prepared ??= await prepareSnapshot(git, {
          set: options.set,
          paths: options.paths,
          time: new Date(),
          ...(previous && !options.force ? { previous } : {}),
          ...(options.policy ? { policy: options.policy } : {}),
          ...repository,
        });
        let unchanged = !prepared.tree || (!options.force && previous?.info?.manifestDigest === prepared.digest);
        // Only a snapshot signed by the pinned key may stand for "unchanged" (asked only then).
        if (unchanged && previous && !(await trustedPrevious(ctx, previous))) {
          // An unsigned or foreign commit claims this very content (a forgery, or a snapshot
          // signed with another key): answering "unchanged" with it would leave no restorable
          // snapshot of the current state. Take a full one instead, reusing nothing of it.
          options.log(
            `warning: the newest snapshot of set ${options.set} (${previous.id.slice(0, 12)}) does not verify against the pinned key; taking a full snapshot instead of calling it unchanged`,
          );
          if (!prepared.tree)
            prepared = await prepareSnapshot(git, {
              set: options.set,
              paths: options.paths,
              time: new Date(),
              ...(options.policy ? { policy: options.policy } : {}),
              ...repository,
            });
          unchanged = false;
        }
        if (unchanged) {
          await options.gate;
          let pushed = false;
          await options.exclusive?.leave();
          if (options.push && tip) pushed = await pushWithRetry(ctx, options.log);
          return { id: previous!.id, unchanged: true, prepared, ref, pushed, attempts: attempt, signed: (await opening).format };
        }
        const tree = prepared.tree;
        if (!tree) throw new Error("internal error: a snapshot to commit has no tree");
        const identity = (ctx.identity = await identityAsked);
        // Signing runs while the blobs are read back; the branch moves only after both passed,
        // and a failed read-back is the error reported (it says more than a signature would).
        const committed = (async () => {
          const id = await commitSnapshot(git, {
            tree,
            message: formatSnapshotMessage(prepared.info),
            ...(tip ? { parent: { id: tip.id, time: tip.time } } : {}),
            signer: await opening,
            identity,
          });
          await checkOwnSignature(ctx, id);
          return id;
        })();
        // Awaited below; a rejection that comes while the read-back is awaited must not count as unhandled.
        committed.catch(() => undefined);
        try {
          await Promise.all([prepared.verified, options.gate]);
        } catch (error) {
          await committed.catch(() => undefined);
          throw error;
        }
        const id = await committed;
        if (!(await git.updateRefCas(ref, id, tip?.id ?? zeroOidLike(id), `integrity-guard snapshot ${options.set}`))) {
          options.log(
            `${ref} moved while the snapshot was being written (another snapshot); rebuilding on the new tip (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`,
          );
          continue;
        }
        await options.exclusive?.leave(); // the tree is read and the branch moved: the push waits for no one
        const pushed = options.push ? await pushWithRetry(ctx, options.log) : false;
        // After a rebased push our commit was re-signed: report the id that is on the branch now.
        const mine = pushed
          ? ((await readChain(git, ref)).find((r) => r.info?.manifestDigest === prepared!.digest && r.info.time === prepared!.info.time)
              ?.id ?? id)
          : id;
        return { id: mine, unchanged: false, prepared, ref, pushed, attempts: attempt, signed: (await opening).format };
      }
      throw new EnvironmentError(`${ref} kept moving: ${MAX_ATTEMPTS} attempts to add the snapshot lost the race`, {
        fix: "too many snapshotters at once; run the snapshot again",
      });
    } finally {
      await options.exclusive?.leave();
    }
  });
}

/**
 * A snapshot commit is dated at or after its parent (build.ts), so one on a tip dated in the
 * future is dated in the future too, and every restore refuses it (core/snapshot/chain.ts):
 * backups that look taken but cannot be used. Refused here, loudly, before anything is written.
 */
function refuseFutureTip(tip: { id: string; time: number } | undefined, ref: string): void {
  if (!tip) return;
  const findings = checkChainDates([tip], Math.floor(Date.now() / 1000), ref);
  if (findings.length === 0) return;
  const fix = `inspect it with git log --format=fuller ${ref}; if it is forged or came from a machine with a wrong clock, move the branch back to the last good snapshot (git update-ref ${ref} <id>) and run the snapshot again`;
  throw new SnapshotRefused(
    `snapshot/chain: ${findings[0]!.message}; a snapshot on it would carry that date and no restore would accept it, so nothing was written`,
    findings.map((f) => ({ ...f, fix })),
    { fix },
  );
}

/** Whether the set's newest snapshot may stand for unchanged content: signed by the pinned key (when there is a pin). */
async function trustedPrevious(ctx: ChainCtx, previous: SnapshotRecord): Promise<boolean> {
  if (!ctx.pin) return true;
  return (await verifySignature(ctx.git, previous.id, ctx.pin, ctx.env)).status === "good";
}

interface ChainCtx {
  git: Git;
  ref: string;
  remote: string;
  /** Set up while the snapshot is prepared (withSigner). */
  signer: Promise<Signer>;
  pin: Pin | undefined;
  identity: NodeJS.ProcessEnv;
  env: NodeJS.ProcessEnv;
}

/** A commit we just signed must verify against the pin: a wrong key is caught before publishing. */
async function checkOwnSignature(ctx: ChainCtx, id: string): Promise<void> {
  if (!(await ctx.signer).sign || !ctx.pin) return;
  const res = await verifySignature(ctx.git, id, ctx.pin, ctx.env);
  if (res.status !== "good") {
    const fix = "the signing key (snapshots.sign.key) and the pin (allowed_signers / fingerprint) must name the same key";
    const message = `the snapshot was signed, but the signature does not verify against the pinned key (${res.status}: ${res.detail}); the branch was not moved`;
    throw new SnapshotRefused(
      `snapshot/signature: ${message}`,
      [{ rule: "snapshot/signature", level: "error", message, expected: "a signature by the pinned key", found: res.status, fix }],
      { fix },
    );
  }
}

function remoteTrackingRef(ctx: ChainCtx): string {
  return `refs/integrity-snapshots/remotes/${ctx.remote}/${ctx.ref.replace(/^refs\/heads\//, "")}`;
}

/**
 * Bring the local branch onto the remote's tip: fetch it, then replay (re-sign) our local-only
 * snapshots on top, oldest first. A branch only behind is fast-forwarded. CAS throughout.
 */
async function reconcileWithRemote(ctx: ChainCtx): Promise<void> {
  const { git } = ctx;
  const tracking = remoteTrackingRef(ctx);
  if (!(await git.fetchRef(ctx.remote, ctx.ref, tracking))) return;
  const remoteTip = (await git.tryRevParse(tracking))!;
  const localTip = await git.tryRevParse(ctx.ref);
  if (!localTip) {
    await git.updateRefCas(ctx.ref, remoteTip, zeroOidLike(remoteTip), "integrity-guard: snapshots from remote");
    return;
  }
  if (localTip === remoteTip) return;
  const localOnly = await git.logChain(`${remoteTip}..${localTip}`);
  let base = { id: remoteTip, time: (await git.logChain(remoteTip, 1))[0]!.time };
  refuseFutureTip(base, `${hideUrlCredentials(ctx.remote)} ${ctx.ref}`); // our snapshots replayed on it would inherit its date
  for (const c of localOnly.reverse()) {
    const tree = (await git.tryRevParse(`${c.id}^{tree}`))!;
    const id = await commitSnapshot(git, { tree, message: c.message, parent: base, signer: await ctx.signer, identity: ctx.identity });
    await checkOwnSignature(ctx, id);
    base = { id, time: (await git.logChain(id, 1))[0]!.time };
  }
  if (!(await git.updateRefCas(ctx.ref, base.id, localTip, "integrity-guard: snapshots rebased on the remote"))) {
    throw new EnvironmentError(`${ctx.ref} moved locally while it was being rebased on ${hideUrlCredentials(ctx.remote)}`, {
      fix: "run the snapshot again",
    });
  }
}

/** Push without force; on rejection re-fetch, rebuild, re-sign, retry (bounded). */
async function pushWithRetry(ctx: ChainCtx, log: (line: string) => void): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const res = await ctx.git.pushRefs(ctx.remote, [`${ctx.ref}:${ctx.ref}`]);
    if (res.ok) return true;
    log(
      `push of ${ctx.ref} to ${hideUrlCredentials(ctx.remote)} was rejected (another snapshot was pushed first); rebuilding on the remote tip (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`,
    );
    await reconcileWithRemote(ctx);
  }
  throw new EnvironmentError(
    `push of ${ctx.ref} to ${hideUrlCredentials(ctx.remote)} was rejected ${MAX_ATTEMPTS} times; the snapshot is kept locally`,
    {
      fix: `run integrity-guard snapshot --push again later, or git push ${hideUrlCredentials(ctx.remote)} ${ctx.ref} (never with --force)`,
    },
  );
}
