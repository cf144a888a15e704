/**
 * Reading snapshots back: the live chain (refs/heads/<branch>) and closed epochs
 * (refs/integrity-snapshots/epochs/*), each commit's trailers parsed.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import { type SnapshotInfo } from "../../core/snapshot/message.js";
import type { Git } from "../git.js";
export declare const DEFAULT_BRANCH = "integrity-snapshots";
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
/** One chain, newest first (empty when the ref does not exist). */
export declare function readChain(git: Git, ref: string): Promise<SnapshotRecord[]>;
/** All snapshots: live chain first, then closed epochs, each newest first. */
export declare function listAllSnapshots(git: Git, config: SnapshotsConfig | undefined): Promise<{
    live: SnapshotRecord[];
    epochs: {
        ref: string;
        chain: SnapshotRecord[];
    }[];
}>;
/**
 * Resolve what a user named: "latest" (newest snapshot of any set but pre-restore), a set name
 * (its newest snapshot), or a commit id / prefix that must be a snapshot on one of our refs.
 */
export declare function resolveSnapshot(git: Git, config: SnapshotsConfig | undefined, spec: string): Promise<SnapshotRecord>;
/**
 * For "latest" or a set name: the snapshots the name could also stand for, newest first,
 * after `refused` (at most `limit`). Empty for a snapshot id, which names one snapshot only.
 */
export declare function olderCandidates(git: Git, config: SnapshotsConfig | undefined, spec: string, refused: SnapshotRecord, limit: number): Promise<SnapshotRecord[]>;
