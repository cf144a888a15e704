/** The URI a schema file is known by when it has no `$id` of its own. */
export declare function fileUri(repoPath: string): string;
interface ExternalRef {
    /** The `$ref` as written. */
    ref: string;
    /** Absolute URI (no fragment) ajv will look the document up by. */
    uri: string;
    /** Repo-relative path of the local file it names; undefined for remote URLs. */
    path?: string;
    /** True when the relative path climbs above the repository root. */
    escapes?: boolean;
    /** JSON pointer of the (first) `$ref` keyword naming it, for messages. */
    pointer: string;
}
/**
 * External refs of `schema` (a file at `repoPath`, known as `baseUri`). Fragment-only refs
 * (`#/definitions/x`) are internal and skipped. Nested `$id`s are not followed: such schemas
 * are rare, and ajv reports what it cannot resolve.
 */
export declare function externalRefs(schema: unknown, repoPath: string, baseUri: string): ExternalRef[];
export {};
