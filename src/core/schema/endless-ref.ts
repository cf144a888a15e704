/**
 * A schema whose `$ref`s loop without reading any data (`{"$ref": "#"}`, or two files that refer
 * to each other) compiles, then overflows the stack on the first document: the check crashed
 * ("a bug in integrity-guard"). It is the schema's fault, and an error of the file it validates.
 * Pure.
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../finding.js";

/** The errors of `validate(data)`, or "endless" when validating overflows the stack (a `$ref` loop). */
export function runValidator(validate: (data: unknown) => ErrorObject[] | null, data: unknown): ErrorObject[] | null | "endless" {
  try {
    return validate(data);
  } catch (error) {
    // By name: standalone code may run in another realm, whose RangeError is another class.
    if (error instanceof Error && error.name === "RangeError") return "endless";
    throw error;
  }
}

/** The finding for a file whose schema loops (see the file comment). */
export function endlessRefFinding(file: string, schemaPath: string): Finding {
  return {
    rule: "schema/unavailable",
    level: "error",
    file,
    message: `schema ${schemaPath} refers to itself without end (a $ref loop that reads no data, such as {"$ref": "#"} or two schemas that refer to each other): ${file} could not be validated`,
    fix: `make every $ref cycle in ${schemaPath} pass through a keyword that reads into the data (properties, items), or remove the $ref`,
  };
}
