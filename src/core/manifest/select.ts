/** Which paths the manifest covers: config manifest.include minus exclude, never .git or the manifest itself. */
import picomatch from "picomatch";
import { assertSafeGlob, GLOB_OPTIONS } from "../glob.js";
import type { ManifestConfig } from "../../config/types.js";
import { ALWAYS_EXCLUDED, MANIFEST_PATH } from "../well-known-paths.js";
import { MANIFEST_SHARD_DIR } from "./sharded.js";

const SHARD_PREFIX = MANIFEST_SHARD_DIR + "/";

/** ALWAYS_EXCLUDED ("**\/node_modules/**", ".git/**") plus a .git folder at any depth. */
const ALWAYS = /(^|\/)(node_modules|\.git)(\/|$)/;
/**
 * The fixed part of coveredFilter (a clean-run verdict is keyed on it with the globs). The glob
 * flags are part of it: a verdict recorded when `**` missed names with a newline must not hold.
 */
export const COVERAGE_RULES = `${MANIFEST_PATH}|${MANIFEST_SHARD_DIR}/|${ALWAYS.source}|${GLOB_OPTIONS.flags}`;
/** @internal for the test that keeps ALWAYS in step with config ALWAYS_EXCLUDED. */
export const ALWAYS_EXCLUDED_GLOBS = ALWAYS_EXCLUDED;

type PathFilter = (path: string) => boolean;

/** A predicate for repo-relative POSIX paths the manifest covers. */
export function coveredFilter(config: ManifestConfig | undefined): PathFilter {
  // Compiled on first use: picomatch's first compile runs cold code for ~20 ms, about a seventh
  // of a warm verify, and a warm verify whose clean-run verdict holds never asks.
  let test: PathFilter | undefined;
  return (p) => (test ??= compileCovered(config))(p);
}

function compileCovered(config: ManifestConfig | undefined): PathFilter {
  const include = regexMatcher(config?.include ?? []);
  const exclude = regexMatcher(config?.exclude ?? []);
  // ALWAYS_EXCLUDED (node_modules anywhere, .git) as one cheap test; a unit test keeps them equal.
  // The manifest's own files (root and shards) are never covered: they cannot seal themselves.
  return (p) => p !== MANIFEST_PATH && !p.startsWith(SHARD_PREFIX) && !ALWAYS.test(p) && include(p) && !exclude(p);
}

/**
 * The same semantics as core/glob.ts `matcher` (picomatch, GLOB_OPTIONS, "dir/" = everything
 * below), as bare regular expressions: picomatch's matcher function re-normalises each input,
 * which costs more than the walk itself on 20,000 paths. Paths here are already clean POSIX.
 */
function regexMatcher(globs: readonly string[]): PathFilter {
  if (globs.length === 0) return () => false;
  for (const g of globs) assertSafeGlob(g);
  const res = globs.map((g) => picomatch.makeRe(g.endsWith("/") ? g + "**" : g, { ...GLOB_OPTIONS }));
  return (p) => res.some((re) => re.test(p));
}

/**
 * The folders a walk must start from: the static prefix of each include glob ("data/**" ->
 * "data", "**\/*.json" -> ""), deduplicated, with a folder dropped when an ancestor is listed.
 */
export function walkRoots(include: readonly string[] | undefined): string[] {
  const roots = new Set<string>();
  for (const g of include ?? []) {
    const parts = g.replace(/\\/g, "/").split("/");
    const fixed: string[] = [];
    for (const part of parts.slice(0, -1)) {
      if (/[*?[\]{}()!+@]/.test(part)) break;
      fixed.push(part);
    }
    // "data/" names a folder: everything below it.
    if (g.endsWith("/") && !/[*?[\]{}()!+@]/.test(g)) roots.add(g.slice(0, -1));
    // A literal path (a file or a folder) is walked from itself.
    else if (fixed.length === parts.length - 1 && !/[*?[\]{}()!+@]/.test(parts[parts.length - 1]!)) roots.add(parts.join("/"));
    else roots.add(fixed.join("/"));
  }
  const sorted = [...roots].map((r) => r.replace(/^\.\/?/, "")).sort();
  return sorted.filter((r) => !sorted.some((o) => o !== r && (o === "" || r.startsWith(o + "/"))));
}
