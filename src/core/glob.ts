/** Glob matching for config patterns (picomatch; `**` matches zero or more folders; dotfiles match). */
import picomatch from "picomatch";

/**
 * picomatch options for every glob of the config. `flags: "s"` (dotAll): picomatch builds `**`
 * and `?` from the regex `.`, which never matches `\n`, `\r`, U+2028 or U+2029, so a file whose
 * name holds one fell silently outside `data/**` and the manifest (issue 14). Git stores such
 * names; a glob must select them like any other. (`flags` replaces picomatch's own, which only
 * `nocase` would set.)
 */
export const GLOB_OPTIONS: Readonly<picomatch.PicomatchOptions> = Object.freeze({ dot: true, flags: "s" });

export type Matcher = (path: string) => boolean;

const cache = new Map<string, Matcher>();

/** A matcher for a list of globs; an empty list matches nothing. */
export function matcher(globs: readonly string[] | undefined): Matcher {
  if (!globs || globs.length === 0) return () => false;
  const key = globs.join("\0");
  let m = cache.get(key);
  if (!m) {
    // A pattern ending in "/" names a folder: everything below it.
    const expanded = globs.map((g) => (g.endsWith("/") ? g + "**" : g));
    m = picomatch(expanded, { ...GLOB_OPTIONS });
    cache.set(key, m);
  }
  return m;
}

export function matches(globs: readonly string[] | undefined, path: string): boolean {
  return matcher(globs)(path);
}
