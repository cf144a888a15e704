/**
 * Precedence order: files named (or matched) by config.precedence rank by their position there;
 * files not named come first, in path order. The last file wins.
 */
import { matcher } from "../glob.js";

export function orderByPrecedence<T extends { path: string }>(files: readonly T[], precedence: readonly string[] = []): T[] {
  const matchers = precedence.map((p) => matcher([p]));
  const rank = (path: string): number => {
    const exact = precedence.indexOf(path);
    if (exact >= 0) return exact;
    return matchers.findIndex((m) => m(path));
  };
  const ranked = files.map((f) => ({ f, r: rank(f.path) }));
  ranked.sort((a, b) => a.r - b.r || (a.f.path < b.f.path ? -1 : a.f.path > b.f.path ? 1 : 0));
  return ranked.map((x) => x.f);
}
