/**
 * The seed's backup validation, done on what git stored: every blob of a snapshot tree is read
 * back with cat-file and its SHA-256 compared with the manifest (and the manifest with the
 * digest the commit message carries). Used before a branch moves and before a restore.
 */
import type { Finding } from "../../core/finding.js";
import { type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { BlobDigest } from "./encrypt.js";
/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
export declare function readBackTree(git: Git, treeish: string, manifest: SnapshotManifest, manifestText: string, preloaded?: {
    entries: {
        mode: string;
        type: string;
        oid: string;
        path: string;
    }[];
    blobs: Map<string, Buffer>;
}, 
/** What a blob stands for when it is not the file's bytes (an encrypted set: encrypt.ts). */
digestOf?: BlobDigest): Promise<Finding[]>;
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
