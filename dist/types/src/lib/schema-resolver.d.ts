import type { Validator } from "../core/schema/compile.js";
import type { SchemaOption } from "./schema-option.js";
/** A schema's validator and the schema's path, for messages. */
export interface ResolvedValidator {
    validate: Validator;
    schemaPath: string;
}
/**
 * The validator for `file`, or undefined when no schema applies.
 * `schema`: a schema object, a schema file path (relative to the cwd), false (never validate),
 * or undefined (use the repo config's mapping).
 */
export declare function validatorFor(file: string, schema: SchemaOption): Promise<ResolvedValidator | undefined>;
