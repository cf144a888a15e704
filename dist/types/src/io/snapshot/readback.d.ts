/**
 * The seed's backup validation, done on what git stored: every blob of a snapshot tree is read
 * back with cat-file and its SHA-256 compared with the manifest (and the manifest with the
 * digest the commit message carries). Used before a branch moves and before a restore.
 */
import type { Finding } from "../../core/finding.js";
import { type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { BlobDigest } from "./encrypt.js";
/** Blobs a read-back hands on to the caller (restore writes them) up to `budget` bytes. */
export interface KeepBlobs {
    blobs: Map<string, Buffer>;
    /** Bytes (contents plus BLOB_OVERHEAD each) that may be kept; the rest are read again by the caller. */
    budget: number;
    /** Set by the read-back: blob ids git could not give (for the partial-clone message). */
    unreadable?: string[];
}
/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
export declare function readBackTree(git: Git, treeish: string, manifest: SnapshotManifest, 
/** The manifest's text, or its "sha256:<hex>" digest when the caller holds only that. */
manifestText: string | {
    digest: string;
}, 
/** The tree's listing (or its blob id by path) and its blobs, when already read. */
preloaded?: {
    entries?: {
        path: string;
        oid: string;
    }[];
    oids?: ReadonlyMap<string, string>;
    blobs?: Map<string, Buffer>;
}, 
/** What a blob stands for when it is not the file's bytes (an encrypted set: encrypt.ts). */
digestOf?: BlobDigest, keep?: KeepBlobs): Promise<Finding[]>;
/**
 * readBlobs, but a corrupt loose object makes cat-file die mid-stream: fall back to one object
 * at a time so the report names which blob is bad instead of failing the whole read.
 */
export declare function readBlobsSafe(git: Git, oids: string[]): Promise<Map<string, Buffer>>;
/**
 * `bad(file, message, expected?, found?)`: one snapshot/checksum finding into `findings`, the
 * report of every read-back (readback.ts, capture.ts).
 */
export declare function checksumReporter(findings: Finding[]): (file: string, message: string, expected?: string, found?: string) => void;
