/** The shapes of the catalog of well-known files (issue 19): built-in entries and user catalogs. */
/** Level of a violation of an entry's schema: error where the consumer refuses the file, warning where the schema is advisory. */
export type CatalogLevel = "error" | "warning";
/** One built-in entry (src/core/catalog/builtin.generated.ts, from vendor/schemastore/catalog.json). */
export interface BuiltinEntry {
    /** Short name used in the config (validate.well_known.entries) and in messages. */
    id: string;
    /** SchemaStore's name for it. */
    name: string;
    /** The URL SchemaStore's catalog gives for it. */
    url: string;
    /** The vendored root schema file (vendor/schemastore/schemas/). */
    file: string;
    level: CatalogLevel;
    /** The catalog's fileMatch globs (JSON and YAML names only). */
    fileMatch: readonly string[];
    /**
     * The container the vendored schema requires at the root, when it says: a file matched by name
     * whose root is the other container (a list named docker-compose.yml) is not this kind of file.
     */
    rootType?: "object" | "array";
    /** fileMatch precompiled (a name without folders matches at any depth). */
    match: RegExp;
}
