import type { ValidateConfig } from "../../config/types.js";
import type { CatalogLevel } from "./types.js";
/** An entry of a user catalog file, resolved (its schema a repo path or a built-in path). */
export interface UserCatalogEntry {
    name: string;
    fileMatch: readonly string[];
    /** Repo-relative schema path, or a built-in path for a SchemaStore URL of a vendored schema. */
    schema: string;
    level: CatalogLevel;
    /** Repo-relative path of the catalog file that lists it. */
    catalog: string;
}
/** The entry a file matched, and why. */
export interface CatalogMatch {
    /** The built-in entry id, or the user entry's name. */
    id: string;
    /** Schema path for the schema store (a built-in path or a repo-relative path). */
    schema: string;
    level: CatalogLevel;
    /** "built-in" or the repo path of the user catalog file. */
    catalog: string;
    /** How messages name the schema. */
    label: string;
    /** The fileMatch globs of the entry (the `schemas` command says which one matched). */
    fileMatch: readonly string[];
    /**
     * Set for a built-in entry matched by name with its vendored schema: the container that schema
     * requires at the root. A file whose root is the other container is not this kind of file.
     */
    rootType?: "object" | "array";
}
/** Entry ids in validate.well_known.entries that name no built-in entry (a typo would switch nothing off). */
export declare function unknownEntryIds(cfg: ValidateConfig): string[];
/** The catalog of one run: user entries first, then the built-in ones. */
export declare class Catalog {
    private user;
    private readonly builtin;
    /** False when the built-in catalog is off and no user catalog is loaded: nothing to test. */
    private readonly anyBuiltin;
    constructor(cfg: ValidateConfig);
    /** Add the entries of user catalog files (read by src/io/catalog-files.ts); they match before the built-in ones. */
    addUserEntries(entries: readonly UserCatalogEntry[]): void;
    /**
     * The vendored schema a file's own remote `$schema` names (json.schemastore.org), with the
     * level of the built-in entry of that schema (warning when none, or when it is advisory);
     * undefined when the built-in catalog or that entry is off, or nothing vendored matches.
     */
    forUrl(url: string): CatalogMatch | undefined;
    /** The entries of the user catalogs, in match order (for `schemas --list`). */
    userEntries(): CatalogMatch[];
    /** The first entry matching repo-relative `file`, or undefined. */
    match(file: string): CatalogMatch | undefined;
}
