/**
 * Prefix of the paths of vendored schemas in the schema store. A leading `/` can never be a
 * repo-relative path (normalizeRepoPath refuses it), so a config mapping cannot name one.
 */
export declare const BUILTIN_PREFIX = "/builtin/schemastore/";
/** True for the path of a vendored schema (BUILTIN_PREFIX + file name). */
export declare function isBuiltinPath(p: string): boolean;
/** The vendored file name of a built-in path, or undefined. */
export declare function builtinFile(p: string): string | undefined;
/** The built-in path a remote schema URL resolves to offline, or undefined (then it stays refused). */
export declare function builtinPathForUrl(url: string): string | undefined;
/**
 * Why a remote schema URL is refused, the same words wherever one is written (a catalog entry's
 * `url`, a `$ref` in a schema): `what` names the place, e.g. `url` or `$ref`.
 */
export declare function remoteRefusedMessage(what: string, url: string): string;
/** The file name to save a local copy of a remote schema under: the URL's last path segment. */
export declare function localCopyName(url: string): string;
