/**
 * A bound on the work one validation may take, proportional to the document's size. A schema can
 * make validating a value exponential: `a0: {allOf: [{$ref: a1}, {$ref: a1}]}`, `a1` the same
 * over `a2`, 32 levels deep, evaluates the last subschema 2^32 times on one value (and, with
 * ajv's allErrors, keeps every error it produces); `{items: {$ref: "#"}, contains: {$ref: "#"}}`
 * doubles the work at each level of nesting of the data. A pull request controls both through a
 * file's own `$schema` (a 1 KB schema and a 30-byte file): the check ran until the job's timeout
 * or the heap ran out (3 GB in two minutes), with no finding.
 *
 * The compiled code (ajv's standalone output) is metered: each validation function call counts
 * by its length, each loop iteration by one, and past WORK_BASE + WORK_PER_NODE units per value
 * of the document the validation stops with a ValidationBudgetExceeded error, which the caller
 * turns into the file's error finding. Real schemas stay far below: see WORK_PER_NODE. Pure.
 */
/** The name of the error thrown when a validation exceeds its budget (by name: code may run in another realm). */
export declare const BUDGET_EXCEEDED = "ValidationBudgetExceeded";
/** The meter a metered validator's code increments (the `__igWork` parameter of its function). */
export declare class WorkMeter {
    /** Units of work so far, and their limit. */
    n: number;
    limit: number;
    /** Errors ajv created so far (kept or discarded by anyOf/oneOf), and their limit: the memory a validation holds. */
    e: number;
    elimit: number;
    private data;
    private values;
    start(data: unknown): void;
    end(): void;
    /** Called by the metered code when n or e passes its limit: the first time, the limits grow with the document's size. */
    over(): void;
}
/**
 * The version of meterCode's output, part of the schema cache's key and entries (schema-cache.ts
 * keeps metered code): increment it whenever meterCode inserts anything different, so code
 * metered the old way is compiled again instead of run.
 */
export declare const METER_VERSION = 1;
/** The parameter name the metered code uses for its WorkMeter. */
export declare const METER_PARAM = "__igWork";
/**
 * ajv's standalone code with the meter calls added: at the start of each function (weighted by
 * the function's length, which bounds the keywords it evaluates inline) and of each loop body.
 * String literals (a schema's `const`/`enum` values, messages) are never touched: the offsets are
 * found in a copy of the code whose strings are blanked.
 */
export declare function meterCode(code: string): string;
