/**
 * The `schema` option of the library's reads and writes. Kept apart from the resolver so the
 * published type declarations do not import ajv's types (ajv is bundled, not installed).
 */
export type SchemaOption = string | Record<string, unknown> | false | undefined;
