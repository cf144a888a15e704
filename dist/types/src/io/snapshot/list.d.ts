/**
 * Reading snapshots back: the live chain (refs/heads/<branch>) and closed epochs
 * (refs/integrity-snapshots/epochs/*), each commit's trailers parsed.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import { type SnapshotInfo } from "../../core/snapshot/message.js";
import type { Git } from "../git.js";
export declare const EPOCH_PREFIX = "refs/integrity-snapshots/epochs/";
/** Set name of the automatic snapshot a restore takes first. */
export declare const PRE_RESTORE_SET = "pre-restore";
export interface SnapshotRecord {
    id: string;
    parents: string[];
    /** Committer time, seconds. */
    time: number;
    /** Undefined when the commit is not a snapshot (no or malformed trailers). */
    info: SnapshotInfo | undefined;
    /** The ref whose chain holds it (the branch, or an epoch ref). */
    ref: string;
}
export declare function branchRef(config: SnapshotsConfig | undefined): string;
/** The remote snapshots are pushed to and read from (snapshots.remote, default origin). */
export declare function snapshotRemote(config: SnapshotsConfig | undefined): string;
/**
 * Where the remote's branch tip is kept when the local branch has snapshots of its own (the
 * same ref `snapshot --push` fetches into). A URL remote is reduced to ref-safe characters.
 */
export declare function remoteTrackingRef(config: SnapshotsConfig | undefined): string;
/** One chain, newest first (empty when the ref does not exist). */
export declare function readChain(git: Git, ref: string): Promise<SnapshotRecord[]>;
/**
 * All snapshots: live chain first, then closed epochs, each newest first; `remote` holds the
 * snapshots of the remote's branch that the local refs do not (read-only: prune never acts on it).
 */
export declare function listAllSnapshots(git: Git, config: SnapshotsConfig | undefined): Promise<{
    live: SnapshotRecord[];
    epochs: {
        ref: string;
        chain: SnapshotRecord[];
    }[];
    remote: SnapshotRecord[];
}>;
/** Every snapshot once (live, epochs, then the remote's), in listing order. */
export declare function uniqueRecords(all: {
    live: SnapshotRecord[];
    epochs: {
        chain: SnapshotRecord[];
    }[];
    remote: SnapshotRecord[];
}): SnapshotRecord[];
/**
 * Resolve what a user named: "latest" (newest snapshot of any set but pre-restore), a set name
 * (its newest snapshot), or a commit id / prefix that must be a snapshot on one of our refs.
 * With `paths`, "latest" is the newest snapshot that holds every one of them, and a set's newest
 * snapshot must hold them; when it does not, the error names the sets and snapshots that do.
 */
export declare function resolveSnapshot(git: Git, config: SnapshotsConfig | undefined, spec: string, paths?: readonly string[]): Promise<SnapshotRecord>;
/** The command that fetches the snapshot refs by hand (also printed when the automatic fetch fails). */
export declare function fetchCommandText(config: SnapshotsConfig | undefined): string;
/**
 * For "latest" or a set name: the snapshots the name could also stand for, newest first, after
 * `refused` (with `paths`, only those that hold every one of them), yielded one at a time so a
 * caller that verifies each stops at the first that passes. Nothing for a snapshot id, which
 * names one snapshot only.
 */
export declare function olderCandidates(git: Git, config: SnapshotsConfig | undefined, spec: string, refused: SnapshotRecord, paths?: readonly string[]): AsyncGenerator<SnapshotRecord>;
