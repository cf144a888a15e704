export declare const SNAPSHOT_MANIFEST_PATH = ".integrity-snapshot/manifest.json";
export declare const SNAPSHOT_META_DIR = ".integrity-snapshot";
export interface SnapshotFileEntry {
    sha256: string;
    size: number;
    /** Git file mode: 100644 or 100755. */
    mode: "100644" | "100755";
}
export interface SnapshotManifest {
    version: 1;
    set: string;
    /** The set's paths as configured when the snapshot was taken ("dir/" = everything below). */
    paths: string[];
    /**
     * Files under `paths` the set left out (a restore neither writes nor removes them): git-ignored
     * files (`ignored: true`), secret-looking names except those matching `secrets` (globs).
     * Absent in snapshots taken before sets could leave files out: everything was captured.
     */
    excludes?: {
        ignored?: true;
        secrets?: string[];
    };
    /** File blobs are age-encrypted (encrypt.ts); `recipients` is the sha256 of the recipient list. */
    encryption?: {
        format: "age";
        recipients: string;
    };
    files: Record<string, SnapshotFileEntry>;
}
/** Serialise with sorted paths and a fixed key order (the digest depends on these bytes). */
export declare function serializeSnapshotManifest(m: SnapshotManifest): string;
/** Byte-wise path order (what git uses), independent of locale. */
export declare function comparePaths(a: string, b: string): number;
/** Parse and check the shape of a stored manifest; returns a reason string when it is not valid. */
export declare function parseSnapshotManifest(text: string): SnapshotManifest | string;
/**
 * Why a path stored in a snapshot must not be written to disk, or undefined when it is safe:
 * absolute, `..` (also between backslashes), empty segments, NUL, a name that is not UTF-8, or
 * inside .git / our own meta folder.
 */
export declare function unsafeSnapshotPath(p: string): string | undefined;
/** True when `file` is `scope` itself or below `scope` ("dir/" or "dir" both name a folder). */
export declare function inScope(file: string, scope: string): boolean;
/** Prefix that makes a set path literal even when it holds glob characters (git's own magic). */
export declare const LITERAL_PREFIX = ":(literal)";
/**
 * A set path or restore scope: `:(literal)p` is the path p as written; otherwise a path with
 * glob characters is a glob, and anything else a file or folder ("dir/" = everything below).
 */
export declare function parseScope(scope: string): {
    path: string;
    glob: boolean;
};
/** The scope string naming `p` literally (prefixed only when it would read as a glob). */
export declare function literalScope(p: string): string;
