import type { UserCatalogEntry } from "../core/catalog/select.js";
import type { ValidateConfig } from "../config/types.js";
import type { FileSource, ReadResult } from "./file-source.js";
/**
 * vendor/schemastore/schemas/ of this package: the nearest folder above this module that has
 * one (src/io/ in a checkout, dist/cli/ in the package; the parts are joined at run time so the
 * bundler leaves the folder where it is).
 */
export declare function vendoredSchemasDir(): string;
/**
 * Read vendored schemas by their built-in paths. A path that names no vendored file reads as
 * missing; a vendored file that cannot be read, or whose SHA-256 differs from the one recorded
 * when it was vendored (a copy altered in place), throws: the run cannot check what it promises.
 */
export declare function readBuiltinSchemas(paths: readonly string[]): Map<string, ReadResult>;
/**
 * The entries of the catalog files validate.catalog names, read through `source` (the index in
 * the hook). SchemaStore's format: `{"schemas": [{"name", "fileMatch", "url"}]}`; `url` is a
 * path relative to the catalog file or the SchemaStore URL of a vendored schema; `level`
 * ("error" or "warning", default error) is ours. Anything else is a config error saying which
 * line of which file to change: a remote URL is never fetched.
 */
export declare function loadUserCatalogs(cfg: ValidateConfig, source: FileSource): Promise<UserCatalogEntry[]>;
