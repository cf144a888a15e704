/** Glob matching for config patterns (picomatch; `**` matches zero or more folders; dotfiles match). */
import picomatch from "picomatch";
/**
 * picomatch options for every glob of the config. `flags: "s"` (dotAll): picomatch builds `**`
 * and `?` from the regex `.`, which never matches `\n`, `\r`, U+2028 or U+2029, so a file whose
 * name holds one fell silently outside `data/**` and the manifest (issue 14). Git stores such
 * names; a glob must select them like any other. (`flags` replaces picomatch's own, which only
 * `nocase` would set.)
 */
export declare const GLOB_OPTIONS: Readonly<picomatch.PicomatchOptions>;
export type Matcher = (path: string) => boolean;
/** A matcher for a list of globs; an empty list matches nothing. */
export declare function matcher(globs: readonly string[] | undefined): Matcher;
export declare function matches(globs: readonly string[] | undefined, path: string): boolean;
/**
 * What makes matching a glob slow: picomatch compiles globs to backtracking regular expressions,
 * so `*a*a*a*b` against a 250-character name took 5 s, `**` four times over a 120-folder path
 * 47 s, and `{a,aa}` repeated grows by a factor per group; a pull request's config and file
 * names could hold the Action until its timeout.
 * - `overlap`: wildcards that can trade characters with one another, the power of the path
 *   length a failed match costs. Within one path segment each `*` run after the first adds one
 *   (a lone `*` must take the whole segment); across the glob each `**` after the first adds
 *   one (`**` inside braces or an extglob is a globstar too). `+(`/`*(` count as `*`.
 * - `alternatives`: the product of the branches of every `{a,b}` and `(a|b)` group.
 * `?` and `[...]` match one character and add nothing.
 */
export declare function globCost(glob: string): {
    overlap: number;
    alternatives: number;
};
/** At most this overlap: `**\/*-*-*.yaml`, `a/**\/b/**\/*.json` and `v*.*.*` stay usable (tens of milliseconds at worst). */
export declare const MAX_GLOB_OVERLAP = 2;
/** At most this many alternatives: `{src,lib,test}/**\/*.{json,yaml,yml}` has 9. */
export declare const MAX_GLOB_ALTERNATIVES = 256;
/** Throws a ConfigError naming `glob` when matching it could take time exponential in its wildcards or groups (see globCost). */
export declare function assertSafeGlob(glob: string): void;
