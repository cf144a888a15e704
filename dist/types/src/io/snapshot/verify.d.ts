import type { Finding } from "../../core/finding.js";
import { type PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
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
    /** The manifest with its files packed; each file's blob id in the snapshot's tree is in it too. */
    manifest: PackedSnapshotManifest;
    /** "sha256:<hex>" of the manifest's text (checked against the signed message; the text is not kept). */
    manifestDigest: string;
    /**
     * "sha256:<hex>" of the manifest blob's bytes as git gave them (the read-back's check of the
     * manifest: it is not read from git a second time).
     */
    storedDigest: string;
    /** Paths the tree holds and the manifest does not list, in the tree's order (each a read-back finding). */
    treeOnly: string[];
    /**
     * Blobs already read and checked against the manifest, kept for the writing (the read-back
     * keeps them up to a byte budget: readback.ts); empty after loadSnapshot.
     */
    blobs: Map<string, Buffer>;
}
/**
 * Read a snapshot's manifest and check it: digest equals the signed trailer, every path (in the
 * manifest and in the tree) safe to write. Throws IntegrityError / UnsafePathError. The tree's
 * listing is walked from git's output (no object per entry) and the manifest packed
 * (packed-files.ts): a snapshot of 500,000 files is held in about 110 bytes a file.
 */
export declare function loadSnapshot(git: Git, record: SnapshotRecord): Promise<LoadedSnapshot>;
export {};
