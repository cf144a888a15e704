export type Matcher = (path: string) => boolean;
/** A matcher for a list of globs; an empty list matches nothing. */
export declare function matcher(globs: readonly string[] | undefined): Matcher;
export declare function matches(globs: readonly string[] | undefined, path: string): boolean;
