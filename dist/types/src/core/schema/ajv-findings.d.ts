/**
 * Map ajv errors to findings at the line and column of the offending value. For "missing
 * property" and "unknown property" errors the pointer is refined to the property itself, so
 * the message can point at the exact key (unknown) or at the object that lacks it (missing).
 * Each finding says what was expected, what was found, and how to fix it.
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../finding.js";
import type { ParsedDocument } from "../parse/types.js";
interface AjvFindingOptions {
    file: string;
    schemaPath: string;
    doc: ParsedDocument;
    docIndex?: number;
    rule?: string;
    /** At most this many findings (default: all); a `report/capped` line says how many more there were. */
    limit?: number;
    /** Add the schema's own description of the offending key to the message (the built-in catalog's schemas carry good ones). */
    describeKeys?: boolean;
    /**
     * Set when the user did not map this schema (it was found through the file's own `$schema` or a
     * built-in catalog entry): a `format` failure is then a warning saying so (formatAnnotation).
     */
    formatAnnotation?: FormatAnnotation;
}
/** How a `format` failure of a schema the user did not map is reported (see formatAsAnnotation). */
export interface FormatAnnotation {
    /** How the schema was found, for the message: "through its own $schema", "by the built-in catalog entry compose". */
    foundBy: string;
    /** The validate.schemas entry that makes it an error. */
    mapping: string;
}
export declare function ajvErrorsToFindings(errors: readonly ErrorObject[], options: AjvFindingOptions): Finding[];
/** The candidate within edit distance 2 (or a shared prefix), for "did you mean". */
export declare function closest(name: string, candidates: readonly string[]): string | undefined;
/**
 * closest, or else the one candidate of at least 4 characters that `name` starts with
 * (`hooksTYPO`, `hooks_old`: `hooks`), the longest when several do. For schema keys and values
 * only: a layered config's new key that extends an old one's name is no typo.
 */
export declare function closestOrStem(name: string, candidates: readonly string[]): string | undefined;
export {};
