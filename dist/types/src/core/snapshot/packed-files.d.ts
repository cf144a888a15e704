/**
 * A snapshot manifest's files packed for a restore (issue 20: 500,000 files under 300 MB): one
 * path string each, the SHA-256 digests and blob ids as bytes in two buffers, sizes and modes in
 * typed arrays, about 110 bytes a file instead of about 500 for the parsed JSON's entry objects,
 * their hex strings and a Map of blob ids. The manifest as `snapshot` writes it
 * (serializeSnapshotManifest's exact bytes) is scanned from its bytes without a JSON.parse of the
 * whole text; any other text (hand-made, another writer) goes through parseSnapshotManifest and is
 * packed afterwards, so both read the same entries, in the same order, with the same reasons.
 */
import { type SnapshotFileEntry, type SnapshotManifest } from "./manifest.js";
/** A restore's view of a snapshot manifest: its header as parsed, its files packed. */
export type PackedSnapshotManifest = Omit<SnapshotManifest, "files"> & {
    files: PackedFiles;
};
declare class PackedFiles {
    /** Paths in the manifest's order (the order JSON.parse gives its keys). */
    private readonly paths;
    private readonly sha;
    private readonly sizes;
    private readonly exec;
    /** Indexes in path order (comparePaths), when `paths` is not in that order already. */
    private readonly order;
    /**
     * Blob id of each file in the snapshot's tree, set by the tree's listing: 20 bytes each (SHA-1)
     * or 32 (a SHA-256 repository), sized by the first id set.
     */
    private oids;
    private oidBytes;
    private readonly hasOid;
    private constructor();
    get count(): number;
    path(i: number): string;
    entry(i: number): SnapshotFileEntry;
    size(i: number): number;
    /** A file's size and mode by path without making its entry (no digest string): -1 / undefined when absent. */
    sizeOf(p: string): number;
    modeOf(p: string): SnapshotFileEntry["mode"] | undefined;
    get(p: string): SnapshotFileEntry | undefined;
    has(p: string): boolean;
    /** Index of `p`, or -1 (binary search in path order). */
    indexOf(p: string): number;
    /** The k-th file in path order (comparePaths, what a sort of the paths gives). */
    sorted(k: number): number;
    setOid(i: number, hex: string): void;
    oid(i: number): string | undefined;
    oidOf(p: string): string | undefined;
    /** Pack a parsed manifest's files (kept in their key order; a sorted index for lookups). */
    static fromRecord(files: Record<string, SnapshotFileEntry>): PackedFiles;
    /** Files scanned from the bytes serializeSnapshotManifest writes (see scanCanonicalFiles). */
    static fromScan(paths: string[], sha: Buffer, sizes: Float64Array, exec: Uint8Array): PackedFiles;
}
/**
 * Parse a stored snapshot manifest into a packed one; a string is the reason it is not valid
 * (parseSnapshotManifest's reasons, word for word).
 */
export declare function parsePackedManifest(bytes: Buffer): PackedSnapshotManifest | string;
/**
 * The manifest read straight from the bytes serializeSnapshotManifest writes, fed in chunks as
 * git streams the blob (issue 20: a restore of 500,000 files no longer holds the 70 MB text while
 * it packs it), or in one piece. The header (everything before the first `\n "files": {`, which
 * only that key at depth 1 can start: JSON strings hold no raw line break) is parsed with "files"
 * emptied, so JSON.parse of the whole text would give the same header; the entries must then
 * match the serializer's layout byte for byte, and the text end right after them. Paths that
 * JSON.parse would order differently (array indexes such as "12" come first) or not keep as own
 * keys ("__proto__") make the scan fail: `finish()` then gives undefined, and the caller reads
 * the whole text with the general parser. What it carries between chunks is the header, or at
 * most one entry cut by a chunk's end.
 */
export declare class CanonicalScan {
    private header;
    /**
     * What comes next: the header (up to `"files": {`), the first entry or the empty object's
     * end, an entry (after a comma), a comma or the end (after an entry), nothing (done), or the
     * scan gave up.
     */
    private state;
    /** Bytes of the header, or of an entry cut by the chunk's end, waiting for the next chunk. */
    private carry;
    private readonly paths;
    private sha;
    private sizes;
    private exec;
    /** `sizeHint`: the text's length when known (the arrays are sized for it: about 130 bytes a file). */
    constructor(sizeHint?: number);
    /** Bytes held between chunks now: the header, or an entry cut by the last chunk's end. */
    get carried(): number;
    /** Whether the text is known not to be canonical already (the rest need not be fed). */
    get gaveUp(): boolean;
    push(chunk: Buffer): void;
    /** The packed manifest once every byte was pushed, or undefined when the text is not canonical. */
    finish(): PackedSnapshotManifest | undefined;
    private fail;
    /** One entry in b[pos, end) (end: just after its closing brace); the position after it, or -1. */
    private entry;
    private grow;
}
export {};
