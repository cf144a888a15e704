/** Glob matching for config patterns (picomatch; `**` matches zero or more folders; dotfiles match). */
import picomatch from "picomatch";
import { ConfigError } from "../errors.js";

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
    for (const g of globs) assertSafeGlob(g);
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
function globCost(glob: string): { overlap: number; alternatives: number } {
  let overlap = 0;
  // Escaped characters and [...] classes match one character each.
  const plain = glob.replace(/\\./g, "_").replace(/\[[^\]]*\]/g, "_");
  for (const segment of plain.split("/")) {
    if (segment === "**") continue;
    const stars = (segment.match(/\*+|\+\(/g) ?? []).length;
    if (stars > 1) overlap += stars - 1;
  }
  const globstars = (plain.match(/\*{2,}/g) ?? []).length;
  overlap += Math.max(0, globstars - 1);
  let alternatives = 1;
  const groups: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") i++;
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end > 0) i = end;
    } else if (c === "{" || c === "(") groups.push(1);
    else if ((c === "," || c === "|") && groups.length > 0) groups[groups.length - 1]!++;
    else if ((c === "}" || c === ")") && groups.length > 0) alternatives = Math.min(alternatives * groups.pop()!, Number.MAX_SAFE_INTEGER);
  }
  return { overlap, alternatives };
}

/** At most this overlap: `**\/*-*-*.yaml`, `a/**\/b/**\/*.json` and `v*.*.*` stay usable (tens of milliseconds at worst). */
const MAX_GLOB_OVERLAP = 2;
/** At most this many alternatives: `{src,lib,test}/**\/*.{json,yaml,yml}` has 9. */
const MAX_GLOB_ALTERNATIVES = 256;

/** Throws a ConfigError naming `glob` when matching it could take time exponential in its wildcards or groups (see globCost). */
export function assertSafeGlob(glob: string): void {
  const { overlap, alternatives } = globCost(glob);
  if (overlap <= MAX_GLOB_OVERLAP && alternatives <= MAX_GLOB_ALTERNATIVES) return;
  const why =
    overlap > MAX_GLOB_OVERLAP
      ? `too many wildcards that overlap (more than ${MAX_GLOB_OVERLAP + 1} \`*\` in one path segment, more than ${MAX_GLOB_OVERLAP + 1} \`**\`, or both together)`
      : `${alternatives} alternatives in its {...} and (...|...) groups together (at most ${MAX_GLOB_ALTERNATIVES})`;
  throw new ConfigError(`the glob ${JSON.stringify(glob)} has ${why}: matching a long path against it can take minutes`, {
    fix: "split it into simpler globs (a list matches a path when any of its globs does), or use `?` and [...] for single characters",
  });
}
