/** Which paths the manifest covers: config manifest.include minus exclude, never .git or the manifest itself. */
import { matcher } from "../glob.js";
import { ALWAYS_EXCLUDED, MANIFEST_PATH, type ManifestConfig } from "../../config/types.js";

const GIT_DIR = /(^|\/)\.git(\/|$)/;

export type PathFilter = (path: string) => boolean;

/** A predicate for repo-relative POSIX paths the manifest covers. */
export function coveredFilter(config: ManifestConfig | undefined): PathFilter {
  const include = matcher(config?.include);
  const exclude = matcher([...(config?.exclude ?? []), ...ALWAYS_EXCLUDED]);
  return (p) => p !== MANIFEST_PATH && include(p) && !exclude(p) && !GIT_DIR.test(p);
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
