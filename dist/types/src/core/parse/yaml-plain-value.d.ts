/** What plainValue returns for a document it does not convert (the caller falls back to toJS). */
export declare const NOT_PLAIN: unique symbol;
/**
 * The value toJS would give `contents`, or NOT_PLAIN. Recursive, like toJS; the caller has
 * checked the nesting depth, and a stack overflow also means NOT_PLAIN (toJS then reports it).
 */
export declare function plainValue(contents: unknown): unknown;
