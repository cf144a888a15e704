/** Glob matching for config patterns (picomatch; `**` matches zero or more folders; dotfiles match). */
import picomatch from "picomatch";

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
    m = picomatch(expanded, { dot: true });
    cache.set(key, m);
  }
  return m;
}

export function matches(globs: readonly string[] | undefined, path: string): boolean {
  return matcher(globs)(path);
}
