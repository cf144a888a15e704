/**
 * Map ajv errors to findings at the line and column of the offending value. For "missing
 * property" and "unknown property" errors the pointer is refined to the property itself, so
 * the message can point at the exact key (unknown) or at the object that lacks it (missing).
 * Each finding says what was expected, what was found, and how to fix it.
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../finding.js";
import type { ParsedDocument } from "../parse/types.js";
export interface AjvFindingOptions {
    file: string;
    schemaPath: string;
    doc: ParsedDocument;
    docIndex?: number;
    rule?: string;
    /** At most this many findings (default: all); a `report/capped` line says how many more there were. */
    limit?: number;
    /** Add the schema's own description of the offending key to the message (the built-in catalog's schemas carry good ones). */
    describeKeys?: boolean;
}
export declare function ajvErrorsToFindings(errors: readonly ErrorObject[], options: AjvFindingOptions): Finding[];
/** The errors one alternative of a failed oneOf/anyOf raised. */
export interface Segment {
    /** Indexes into the error list. */
    idx: number[];
    /** How many of them are at the oneOf/anyOf's value itself (the rest are deeper). */
    atValue: number;
    deep: number;
    /** The alternative's `type` rejected the value. */
    typeRejected: boolean;
    /** The types that alternative asked for. */
    types: string[];
}
/**
 * Cut the errors `start..end-1` that precede the oneOf/anyOf error `alt` into one segment per
 * alternative, in ajv's order. An error belongs to alternative k when its schema path runs
 * through `<alt's schema path>/k`; an error from a `$ref`'d schema (whose path starts again at
 * "#") that sits at the value itself belongs to the schema object that raised it (ajv's verbose
 * `parentSchema`: a new object, a new alternative); a deeper one of unknown origin belongs to
 * the alternative before it (ajv checks a value's own keywords before its properties and items),
 * unless that one's `type` rejected the value (then nothing below the value was checked in it).
 * Errors of the schema that holds the oneOf/anyOf, and ones already dropped, are left out.
 * Undefined when the errors lack `parentSchema` (a validator compiled without `verbose`).
 */
export declare function segmentAlternatives(errors: readonly ErrorObject[], start: number, end: number, alt: ErrorObject, skip?: ReadonlySet<number>): Segment[] | undefined;
/** A short JSON rendering of a value for messages (long values are cut). */
export declare function preview(v: unknown, max?: number): string;
/** The candidate within edit distance 2 (or a shared prefix), for "did you mean". */
export declare function closest(name: string, candidates: readonly string[]): string | undefined;
