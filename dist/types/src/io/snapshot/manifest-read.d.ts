import { type PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
import type { Git } from "../git.js";
/** Test hook: manifests packed as streamed, left to the whole read, and the largest chunk fed. */
export declare const manifestReadProbe: {
    streamed: number;
    declined: number;
    largestChunk: number;
};
/**
 * The manifest blob `oid` packed, with "sha256:<hex>" of its bytes, when they are UTF-8, hash
 * to `expectedDigest` and are in the canonical layout; otherwise undefined (read it whole).
 */
export declare function streamPackedManifest(git: Git, oid: string, expectedDigest: string): Promise<{
    manifest: PackedSnapshotManifest;
    digest: string;
} | undefined>;
/** UTF-8 validity of a byte stream checked chunk by chunk (a character may be cut between two). */
export declare class Utf8Check {
    ok: boolean;
    /** The start of a character cut by the last chunk's end. */
    private tail;
    push(chunk: Buffer): void;
    /** Whether every byte pushed was UTF-8 (no character left cut at the end). */
    finish(): boolean;
}
