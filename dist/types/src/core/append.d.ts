/**
 * `target.push(...items)` passes every item as an argument, and V8 throws "Maximum call stack
 * size exceeded" past roughly 100,000 of them: the Helm-chart crash of issue 13 (a report of a
 * million findings). Append in a loop instead; eslint.config.js forbids the spread form in src/.
 */
/** Append every item of `items` to `target` (any length); returns `target`. */
export declare function appendAll<T>(target: T[], items: Iterable<T>): T[];
/** The largest of `values` (-Infinity when empty), without spreading them into Math.max. */
export declare function maxOf(values: Iterable<number>): number;
/** The smallest of `values` (Infinity when empty), without spreading them into Math.min. */
export declare function minOf(values: Iterable<number>): number;
