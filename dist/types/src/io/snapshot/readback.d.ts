/**
 * The seed's backup validation, done on what git stored: every blob of a snapshot tree is read
 * back with cat-file and its SHA-256 compared with the manifest (and the manifest with the
 * digest the commit message carries). Used before a branch moves and before a restore.
 */
import type { Finding } from "../../core/finding.js";
import { type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import type { BlobDigest } from "./encrypt.js";
import type { LoadedSnapshot } from "./verify.js";
/** Blobs a read-back hands on to the caller (restore writes them) up to `budget` bytes. */
export interface KeepBlobs {
    blobs: Map<string, Buffer>;
    /** Bytes (contents plus BLOB_OVERHEAD each) that may be kept; the rest are read again by the caller. */
    budget: number;
    /** Set by the read-back: blob ids git could not give (for the partial-clone message). */
    unreadable?: string[];
    /**
     * Keep the blobs here instead, by the file's place in a packed manifest (readBackLoaded): their
     * bytes only, counted against `budget`, without a Buffer object and a map entry each.
     */
    arena?: BlobArena;
}
/**
 * Blobs kept by file index in shared 1 MiB chunks: a restore of 500,000 small files kept about
 * 180 bytes of objects per blob in a map (more than the blobs' bytes) and re-read from git what
 * did not fit; here 12 bytes a file are spent up front and every byte of budget holds blob data.
 */
export declare class BlobArena {
    private readonly chunkOf;
    private readonly offsetOf;
    private readonly lengthOf;
    private readonly chunks;
    /** The chunk small blobs go into (-1: none yet) and its bytes used. */
    private current;
    private used;
    /** Blob bytes held. */
    bytes: number;
    constructor(files: number);
    put(i: number, data: Uint8Array): void;
    get(i: number): Buffer | undefined;
    clear(): void;
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
 * readBackTree for a restore: the snapshot as loadSnapshot holds it (its manifest packed, the
 * blob ids in it), read back file by file without a map of the tree.
 */
export declare function readBackLoaded(git: Git, loaded: Pick<LoadedSnapshot, "manifest" | "manifestDigest" | "storedDigest" | "treeOnly">, digestOf?: BlobDigest, keep?: KeepBlobs): Promise<Finding[]>;
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
