/**
 * The snapshot commit message: a subject line and git trailers. The trailers are part of the
 * signed commit, so a restore can trust them once the signature is verified.
 *
 * Sample:
 *   snapshot hourly: 12 files, 3456 bytes
 *
 *   Snapshot-Set: hourly
 *   Snapshot-Time: 2026-11-26T13:40:00.000Z
 *   Source-Commit: 0123abcd... (or "none" on an unborn branch)
 *   Snapshot-Repository: 6f1c... (only when snapshots.repository is set)
 *   Manifest-Digest: sha256:89ab...
 *   Snapshot-Files: 12
 *   Snapshot-Size: 3456
 */
/** What the trailers of one snapshot commit say. */
export interface SnapshotInfo {
    set: string;
    /** ISO 8601 UTC. */
    time: string;
    /** The HEAD commit of the repository when the snapshot was taken, or undefined on an unborn branch. */
    sourceCommit?: string;
    /** snapshots.repository of the repository it was taken in (absent in snapshots taken without one). */
    repository?: string;
    /** `sha256:<hex>` of the manifest file in the snapshot's tree. */
    manifestDigest: string;
    files: number;
    size: number;
}
/** Format the commit message of a snapshot. */
export declare function formatSnapshotMessage(info: SnapshotInfo): string;
/** Read the trailers back; undefined when the message is not a snapshot message (missing or malformed trailers). */
export declare function parseSnapshotMessage(message: string): SnapshotInfo | undefined;
/** Set names: what may appear in a trailer and a ref without quoting. */
export declare function isSetName(name: string): boolean;
