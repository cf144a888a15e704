import type { Finding } from "../../core/finding.js";
import { type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import { type Pin, type SignatureResult } from "../signing.js";
import { type SnapshotRecord } from "./list.js";
/** Signature status of one snapshot against the pin ("unverified" when there is no pin). */
export declare function signatureOf(git: Git, id: string, pin: Pin | undefined, env: NodeJS.ProcessEnv): Promise<SignatureResult>;
/**
 * What binds a snapshot to this repository: `repository` is snapshots.repository (undefined when
 * the config has none); `named` that the user named the snapshot by its id (not "latest" or a set).
 */
interface Binding {
    repository: string | undefined;
    named: boolean;
}
/** snapshot/signature, snapshot/chain and snapshot/repository findings for a snapshot (empty when trusted). */
export declare function trustFindings(git: Git, record: SnapshotRecord, pin: Pin | undefined, env: NodeJS.ProcessEnv, binding?: Binding): Promise<{
    findings: Finding[];
    signature: SignatureResult;
}>;
export interface LoadedSnapshot {
    manifest: SnapshotManifest;
    manifestText: string;
    /** The tree's entries and every blob, read once (reused by the read-back check). */
    entries: {
        mode: string;
        type: string;
        oid: string;
        path: string;
    }[];
    blobs: Map<string, Buffer>;
}
/**
 * Read a snapshot's manifest and check it: digest equals the signed trailer, every path (in the
 * manifest and in the tree) safe to write. Throws IntegrityError / UnsafePathError.
 */
export declare function loadSnapshot(git: Git, record: SnapshotRecord): Promise<LoadedSnapshot>;
export {};
