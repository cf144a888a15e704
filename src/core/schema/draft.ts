/**
 * Which JSON Schema draft a schema is written in, from its `$schema`. Pure.
 * A schema without `$schema` is read as draft-07 (ajv's default, and what most schemas in the
 * wild assume); an unknown meta-schema URI is an error rather than a guess.
 */

export type Draft = "draft-06" | "draft-07" | "2019-09" | "2020-12" | "draft-04";

/** The draft of a schema, or `{ unknown }` with the `$schema` value when it names none we know. */
export function draftOf(schema: unknown): Draft | { unknown: string } {
  const uri = schema !== null && typeof schema === "object" ? (schema as Record<string, unknown>).$schema : undefined;
  if (uri === undefined) return "draft-07";
  if (typeof uri !== "string") return { unknown: JSON.stringify(uri) };
  const u = uri.replace(/^https?:\/\//, "").replace(/#?$/, "");
  if (u === "json-schema.org/draft-07/schema") return "draft-07";
  if (u === "json-schema.org/draft-06/schema") return "draft-06";
  if (u === "json-schema.org/draft-04/schema") return "draft-04";
  if (u === "json-schema.org/draft/2019-09/schema") return "2019-09";
  if (u === "json-schema.org/draft/2020-12/schema") return "2020-12";
  return { unknown: uri };
}

/** The keyword that names a schema's URI: `id` in draft-04, `$id` from draft-06 on. */
export function idKeyword(draft: Draft): "id" | "$id" {
  return draft === "draft-04" ? "id" : "$id";
}
