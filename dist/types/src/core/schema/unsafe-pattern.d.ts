/**
 * Regular expressions that can take exponential time: a schema's `pattern` or
 * `patternProperties` key is a regex run by V8's backtracking engine, and a pattern such as
 * `^(a+)+$` against `"aaaa…!"` (30 characters) freezes the check for minutes: the pre-commit
 * hook hangs, a CI job times out with no finding. The schema comes from the repository (a pull
 * request can add or change one), so such patterns are refused before ajv compiles them. Pure.
 *
 * What is refused is the classic catastrophic shape only, so no valid schema is blocked for
 * style: a group repeated without bound (`+`, `*`, `{n,}`) whose body can be split between
 * iterations in many ways, because every part of one of its alternatives is itself optional or
 * repeated, and one of them unbounded (`(a+)+`, `(\w+\s?)*`, `(\d+(\.\d+)?)+`). A repeated group
 * with a fixed part (`([a-z]+-)*`, `(\.\w+)*`) matches one way and is allowed, and so does one
 * whose iterations cannot share a character at their boundary (`( +\S+)*`: an iteration ends in
 * \S, the next begins with a space). Overlapping alternatives (`(a|aa)+`) are not detected.
 */
/** A pattern of a schema that can take exponential time, and where it is. */
interface UnsafePattern {
    pattern: string;
    /** JSON pointer (in the schema) to the `pattern` value or the `patternProperties` key. */
    pointer: string;
}
/** True when the pattern has the catastrophic shape described in the file comment. */
export declare function isUnsafePattern(pattern: string): boolean;
/** Every unsafe `pattern` and `patternProperties` key in a schema document. Iterative: a deep schema cannot overflow the stack. */
export declare function unsafePatterns(schema: unknown): UnsafePattern[];
export {};
