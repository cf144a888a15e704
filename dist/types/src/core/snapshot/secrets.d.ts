/** The pattern a repo-relative path's name matches, or undefined when it does not look like a secret. */
export declare function secretLooking(path: string): string | undefined;
/**
 * Whether a set allows a secret-looking path: `allow_secrets: true` allows every one, a list of
 * globs (over repo-relative paths) allows those it matches.
 */
export declare function secretAllowed(allow: boolean | readonly string[] | undefined, path: string): boolean;
