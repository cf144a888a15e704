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
export const BUDGET_EXCEEDED = "ValidationBudgetExceeded";

/** Units any validation may take, whatever the document's size (about 0.1 s of CPU). */
const WORK_BASE = 2_000_000;
/**
 * Units per value of the document (objects, arrays and scalars, keys not counted). Measured on the
 * real-world corpus (session 18, about 290 validations over 1,000 units): the highest was 402 per
 * value for a document of 100 values or more (1,327 for a one-value document, far under
 * WORK_BASE), and 3 errors per value; ten times that leaves room for heavier schemas.
 */
const WORK_PER_NODE = 4096;
/** Errors any validation may create (each holds about 200 bytes while it lives). */
const ERRORS_BASE = 200_000;
/** Errors per value of the document: see WORK_PER_NODE. */
const ERRORS_PER_NODE = 256;
/** Values counted at most (a document this big has as much budget as it needs anyway). */
const MAX_NODES = 50_000_000;

/** The meter a metered validator's code increments (the `__igWork` parameter of its function). */
export class WorkMeter {
  /** Units of work so far, and their limit. */
  n = 0;
  limit = WORK_BASE;
  /** Errors ajv created so far (kept or discarded by anyOf/oneOf), and their limit: the memory a validation holds. */
  e = 0;
  elimit = ERRORS_BASE;
  private data: unknown;
  private values: number | undefined;

  start(data: unknown): void {
    this.n = 0;
    this.limit = WORK_BASE;
    this.e = 0;
    this.elimit = ERRORS_BASE;
    this.data = data;
    this.values = undefined;
  }

  end(): void {
    this.data = undefined;
  }

  /** Called by the metered code when n or e passes its limit: the first time, the limits grow with the document's size. */
  over(): void {
    if (this.values === undefined) {
      this.values = countValues(this.data);
      this.limit = WORK_BASE + WORK_PER_NODE * this.values;
      this.elimit = ERRORS_BASE + ERRORS_PER_NODE * this.values;
      if (this.n <= this.limit && this.e <= this.elimit) return;
    }
    const what =
      this.n > this.limit
        ? `${this.n} units of work (the limit for this document is ${this.limit}: ${WORK_PER_NODE} per value)`
        : `${this.e} validation errors created (the limit for this document is ${this.elimit}: ${ERRORS_PER_NODE} per value)`;
    const error = new Error(`validation stopped after ${what}`);
    error.name = BUDGET_EXCEEDED;
    throw error;
  }
}

/**
 * The version of meterCode's output, part of the schema cache's key and entries (schema-cache.ts
 * keeps metered code): increment it whenever meterCode inserts anything different, so code
 * metered the old way is compiled again instead of run.
 */
export const METER_VERSION = 1;

/** The parameter name the metered code uses for its WorkMeter. */
export const METER_PARAM = "__igWork";

/**
 * ajv's standalone code with the meter calls added: at the start of each function (weighted by
 * the function's length, which bounds the keywords it evaluates inline) and of each loop body.
 * String literals (a schema's `const`/`enum` values, messages) are never touched: the offsets are
 * found in a copy of the code whose strings are blanked.
 */
export function meterCode(code: string): string {
  const masked = maskStrings(code);
  const inserts: { at: number; text: string }[] = [];
  const functions = [...masked.matchAll(/\bfunction [\w$]+\((?:[^()]|\([^()]*\))*\)\{/g)];
  functions.forEach((m, i) => {
    const at = m.index + m[0].length;
    const next = i + 1 < functions.length ? functions[i + 1]!.index : masked.length;
    const weight = 1 + Math.floor((next - at) / 512);
    inserts.push({ at, text: `if((${METER_PARAM}.n+=${weight})>${METER_PARAM}.limit)${METER_PARAM}.over();` });
  });
  for (const m of masked.matchAll(/\bconst err\d+ = \{/g))
    inserts.push({ at: m.index, text: `if(++${METER_PARAM}.e>${METER_PARAM}.elimit)${METER_PARAM}.over();` });
  for (const m of masked.matchAll(/\b(?:for|while)\((?:[^()]|\([^()]*\))*\)\{/g))
    inserts.push({ at: m.index + m[0].length, text: `if(++${METER_PARAM}.n>${METER_PARAM}.limit)${METER_PARAM}.over();` });
  inserts.sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const { at, text } of inserts) {
    out += code.slice(from, at) + text;
    from = at;
  }
  return out + code.slice(from);
}

/** A string literal: its quote, its body (escapes included; open to the end if unclosed), its closing quote. */
const STRING_LITERAL = /(["'`])((?:(?!\1)[^\\]|\\[\s\S]|\\$)*)(\1?)/g;

/**
 * `code` with the inside of every string literal ('', "", ``) replaced by spaces, offsets kept.
 * One regular-expression pass: a character loop over a vendored schema's megabytes of code cost
 * the hook tens of milliseconds each time a schema was loaded.
 */
function maskStrings(code: string): string {
  return code.replace(STRING_LITERAL, (_m, quote: string, body: string, close: string) => quote + " ".repeat(body.length) + close);
}

/** The values in `data` (every object, array and scalar), counted up to MAX_NODES, without recursion. */
function countValues(data: unknown): number {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && count < MAX_NODES) {
    const v = stack.pop();
    count++;
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const k in v) stack.push((v as Record<string, unknown>)[k]);
  }
  return count;
}
