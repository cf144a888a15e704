/**
 * The manifest data model (schemas/manifest.schema.json is the source of truth for the file).
 * An entry is one sealed file: its repo-relative POSIX path, SHA-256 and size, or for a symlink
 * the link target string (links are recorded, never followed).
 */
export declare const MANIFEST_FORMAT = "integrity-guard/manifest";
export declare const MANIFEST_VERSION = 1;
export declare const MANIFEST_ALGORITHM = "sha256";
export interface ManifestEntry {
    /** Repo-relative POSIX path. */
    path: string;
    /** Lower-case hex SHA-256 of the content (for a symlink: of the target string). */
    sha256: string;
    /** Size in bytes (for a symlink: of the target string). */
    size: number;
    /** Present only for a symlink: the link target, recorded verbatim and never followed. */
    link?: string;
    /** Present only for an executable file: "755". */
    mode?: string;
}
export interface Manifest {
    format: typeof MANIFEST_FORMAT;
    version: typeof MANIFEST_VERSION;
    algorithm: typeof MANIFEST_ALGORITHM;
    /** SHA-256 over the entries (see rootDigest). */
    root: string;
    /** Sorted by path (byte order of the UTF-8 path), unique. */
    entries: ManifestEntry[];
}
/** What the tree holds now at one path (worktree or index). */
export type Observation = {
    kind: "file";
    sha256: string;
    size: number;
    link?: undefined;
    mode?: string;
    bitrot?: boolean;
} | {
    kind: "link";
    sha256: string;
    size: number;
    link: string;
} | {
    kind: "error";
    message: string;
    code?: string;
};
/** Compare two paths in the order the manifest keeps them: UTF-16 code units, like Array#sort. */
export declare function comparePaths(a: string, b: string): number;
