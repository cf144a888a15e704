import { Decrypter, type Recipient } from "age-encryption";
import type { SnapshotEncrypt, SnapshotSet } from "../../config/types.js";
import type { SnapshotFileEntry, SnapshotManifest } from "../../core/snapshot/manifest.js";
/** The recipients of a set, ready to encrypt. */
export interface SetEncrypter {
    /** `sha256:` of the sorted recipient lines: recorded in the manifest, so a change of recipients is a change. */
    recipientsId: string;
    encrypt(plain: Uint8Array): Promise<Uint8Array>;
}
/** Read the recipients a set names (file: entries relative to the repository root). */
export declare function openRecipients(spec: SnapshotEncrypt, root: string, set: string): Promise<SetEncrypter>;
/** Where an identity comes from, for messages. */
type IdentitySource = {
    from: string;
    text: string;
};
/** A decrypter for the identities in `source` (age identity lines, or one SSH private key), and their recipients. */
export declare function openIdentity(source: IdentitySource): Promise<{
    decrypter: Decrypter;
    recipients: Recipient[];
}>;
/**
 * Why `blob` is not a well-formed age file holding `size` bytes, or undefined when it is: the
 * header (intro, stanzas, MAC line) parses and the payload has exactly the length age gives
 * `size` bytes (16-byte nonce, 64 KiB chunks each with a 16-byte tag). Needs no key, proves
 * neither who wrote it nor what it holds: said so wherever it stands in for a decryption.
 */
export declare function ageStructureProblem(blob: Uint8Array, size: number): string | undefined;
/**
 * ageStructureProblem for many blobs: the last header that passed is remembered, and a blob
 * that begins with those very bytes has only its payload length checked (the same verdict:
 * the header parses the same way). Blobs written by one AgeWriter share their header (one
 * wrapped file key per snapshot, encrypt-age.ts), so a read-back parses about one header.
 */
export declare function ageStructureChecker(): (blob: Uint8Array, size: number) => string | undefined;
/**
 * Encrypt every file of a snapshot in place in `contents` (files not kept in memory are read
 * here and checked against the SHA-256 just hashed), so no clear byte reaches git. Returns the
 * read-back check for these blobs: a blob must be the very ciphertext written.
 */
export declare function sealContents(root: string, hashed: ReadonlyMap<string, SnapshotFileEntry>, contents: Map<string, Buffer>, encrypter: SetEncrypter): Promise<BlobDigest>;
/**
 * What a blob stands for, for the read-back (readback.ts): the SHA-256 and size of the clear
 * bytes, or why it cannot be checked. The default is the blob's own digest.
 */
export type BlobDigest = (path: string, blob: Buffer, expected: SnapshotFileEntry) => Promise<{
    sha256: string;
    size: number;
    note?: string;
} | {
    problem: string;
}>;
/** How a restore reads an encrypted snapshot (all empty for a snapshot in clear). */
interface SnapshotOpening {
    /** Read-back of the blobs: decrypted, or (dry run without identity) the age structure only. */
    digestOf?: BlobDigest;
    /** Decrypt a blob before it is written (restore-write.ts). */
    open?: (data: Buffer) => Promise<Uint8Array>;
    /** The pre-restore snapshot of an encrypted set is encrypted too: to the set's recipients, else to the identity's own. */
    reencrypt?: SetEncrypter;
    /** Said to the user when the contents are not decrypted (dry run without identity). */
    note?: string;
}
/**
 * Open an encrypted snapshot for a restore: the identity comes from --identity, else from
 * snapshots.sets.SET.encrypt.key. Without one a restore stops here, before anything is changed
 * (a dry run checks the age structure only, and says so).
 */
export declare function openSnapshotForRestore(root: string, def: SnapshotSet | undefined, manifest: Pick<SnapshotManifest, "encryption" | "set">, options: {
    identity?: string;
    env: NodeJS.ProcessEnv;
    dryRun: boolean;
    short: string;
}): Promise<SnapshotOpening>;
export {};
