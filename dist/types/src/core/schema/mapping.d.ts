import type { SchemaMapping } from "../../config/types.js";
import type { Catalog, CatalogMatch } from "../catalog/select.js";
export interface SchemaRef {
    /** Repo-relative POSIX path of the schema file. */
    path: string;
    /** Where the mapping came from: a config entry (its index), the file's own `$schema`, or a catalog entry. */
    from: {
        config: number;
    } | "$schema" | {
        catalog: CatalogMatch;
    };
}
interface SchemaChoice {
    schemas: SchemaRef[];
    /** The file's `$schema` when it is a URL we do not fetch (for the schema/missing message). */
    remote?: string;
    /** The file's `$schema` when it is a local path that escapes the repository (`..` above the root). */
    outside?: string;
}
/** Config mappings prepared once per run: normalised schema paths and compiled globs. */
export declare class SchemaMapper {
    /** The catalog of well-known files; consulted only for a file nothing else maps. */
    readonly catalog?: Catalog | undefined;
    private readonly entries;
    constructor(mappings: readonly SchemaMapping[] | undefined, 
    /** The catalog of well-known files; consulted only for a file nothing else maps. */
    catalog?: Catalog | undefined);
    /** Schemas for `file` (repo-relative) with document value `value`. Duplicates are removed. */
    for(file: string, value: unknown): SchemaChoice;
}
/** Schemas for `file` (repo-relative) with document value `value` (one-off; use SchemaMapper in loops). */
export declare function schemasFor(file: string, mappings: readonly SchemaMapping[] | undefined, value: unknown): SchemaChoice;
/** True for `scheme:...` values (http:, https:, urn:, file:): not a relative path. */
export declare function isUrl(s: string): boolean;
/**
 * Resolve `ref` (a relative path, maybe with `./`, `../`) against the folder of repo-relative
 * `from`. Undefined when it is absolute or climbs above the repository root.
 */
export declare function resolveRelative(from: string, ref: string): string | undefined;
/** `./schemas/x.json` -> `schemas/x.json`; undefined for absolute or escaping paths. */
export declare function normalizeRepoPath(p: string): string | undefined;
export {};
