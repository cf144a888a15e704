/**
 * Which JSON Schema draft a schema is written in, from its `$schema`. Pure.
 * A schema without `$schema` is read as draft-07 (ajv's default, and what most schemas in the
 * wild assume); an unknown meta-schema URI is an error rather than a guess.
 */
export type Draft = "draft-06" | "draft-07" | "2019-09" | "2020-12" | "draft-04";
/** The draft of a schema, or `{ unknown }` with the `$schema` value when it names none we know. */
export declare function draftOf(schema: unknown): Draft | {
    unknown: string;
};
/** The keyword that names a schema's URI: `id` in draft-04, `$id` from draft-06 on. */
export declare function idKeyword(draft: Draft): "id" | "$id";
