/**
 * Which schema findings keep `format` an assertion (lead's decision, session 17): a `format`
 * failure is an error only against a schema the user mapped (validate.schemas, or an entry of
 * their own validate.catalog). A schema found only through the file's own `$schema` or a built-in
 * catalog entry is the file's reader's business, and JSON Schema leaves `format` an annotation
 * unless the validator is told to assert it (draft-07 section 7.2; the 2019-09/2020-12
 * format-assertion vocabulary): there it is a warning naming the mapping that makes it an error.
 */
import type { FormatAnnotation } from "../core/schema/ajv-findings.js";
import type { SchemaRef } from "../core/schema/mapping.js";
import { catalogOf } from "./validate-catalog.js";

/** The annotation reading of `format` for `file` validated against `ref`; undefined where the user mapped the schema. */
export function formatAnnotationOf(file: string, ref: SchemaRef): FormatAnnotation | undefined {
  const files = `files: [${JSON.stringify(file)}]`;
  if (ref.from === "$schema") {
    return { foundBy: "through the file's own $schema", mapping: `{${files}, schema: ${JSON.stringify(ref.path)}}` };
  }
  const entry = catalogOf(ref);
  if (entry === undefined || (entry.catalog !== "built-in" && entry.catalog !== "$schema")) return undefined;
  return {
    foundBy: entry.catalog === "$schema" ? `through the file's own $schema (${entry.label})` : `by the built-in catalog entry ${entry.id}`,
    mapping: `{${files}, schema: <a copy of ${entry.label} in the repository>}`,
  };
}
