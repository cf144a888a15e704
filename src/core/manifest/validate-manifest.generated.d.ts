// Types of the generated manifest validator (scripts/gen-config-validator.mjs).
import type { ErrorObject } from "ajv";

/** ajv standalone validator for schemas/manifest.schema.json; errors are left on `.errors`. */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
export { validate };
/** SHA-256 of JSON.stringify(the schema) this was generated from. */
export declare const schemaHash: string;
