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
/** Throws a ConfigError naming `glob` when matching it could take time exponential in its wildcards or groups (see globCost). */
export declare function assertSafeGlob(glob: string): void;
