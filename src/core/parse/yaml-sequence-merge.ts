/**
 * Woodpecker CI's sequence merges. Woodpecker reads its pipeline files with
 * codeberg.org/6543/xyaml, which extends the `<<` merge key to lists: a list item that is only
 * `<<: *list` (or `<<: [*a, *b]`) is replaced by the items of the aliased lists
 * (woodpecker-ci.org/docs/usage/advanced-yaml-syntax, "Sequence merges"). Every other reader
 * refuses such an item (a `<<` source must be a mapping), so the splice is made only in
 * Woodpecker's files and only where the standard reading fails: a merge of mappings keeps its
 * standard meaning everywhere. Pure: it rewrites the parsed document's nodes, nothing else.
 */
import { isAlias, isMap, isPair, isSeq, type YAMLSeq } from "yaml";

/** Woodpecker's pipeline files: `.woodpecker.yml`/`.yaml` and anything under a `.woodpecker/` folder. */
const WOODPECKER_FILE = /(^|\/)\.woodpecker(\.ya?ml$|\/)/;
/** xyaml's merge depth as Woodpecker sets it (pipeline/frontend/yaml/parse.go, maxMergeDepth). */
const MAX_DEPTH = 15;

/** True for a repository path Woodpecker reads as a pipeline. */
export function isWoodpeckerFile(path: string): boolean {
  return WOODPECKER_FILE.test(path);
}

/** Per list, the items spliced in from other lists: the walk checks them where they are written. */
const borrowedItems = new WeakMap<YAMLSeq, Set<unknown>>();

/** The items of `seq` that expandSequenceMerges took from another list. */
export function splicedItems(seq: YAMLSeq): ReadonlySet<unknown> | undefined {
  return borrowedItems.get(seq);
}

/**
 * Replaces each splice item of `seq` (and of the lists it splices, first) by the items of its
 * source lists. `resolve` gives the node an alias stands for; `isMergeKey` tells a `<<` key.
 * Beyond MAX_DEPTH nested splices are left in place, for the `<<` check to report as Woodpecker does.
 */
export function expandSequenceMerges(
  seq: YAMLSeq,
  resolve: (n: unknown) => unknown,
  isMergeKey: (key: unknown) => boolean,
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  const borrowed = new Set(borrowedItems.get(seq));
  const items: unknown[] = [];
  let changed = false;
  for (const item of seq.items) {
    const sources = spliceSources(item, resolve, isMergeKey);
    if (!sources) {
      items.push(item);
      continue;
    }
    changed = true;
    for (const source of sources) {
      expandSequenceMerges(source, resolve, isMergeKey, depth + 1);
      for (const spliced of source.items) {
        items.push(spliced);
        borrowed.add(spliced);
      }
    }
  }
  if (!changed) return;
  seq.items = items;
  borrowedItems.set(seq, borrowed);
}

/**
 * The lists a list item splices in, or undefined when it is not a splice: the item must be a
 * mapping whose only key is `<<`, merging either an alias of a list that is not all mappings
 * (a list of mappings is a standard mapping merge) or a list whose every item is an alias of a list.
 */
function spliceSources(item: unknown, resolve: (n: unknown) => unknown, isMergeKey: (key: unknown) => boolean): YAMLSeq[] | undefined {
  if (!isMap(item) || item.items.length !== 1) return undefined;
  const pair = item.items[0];
  if (!isPair(pair) || !isMergeKey(pair.key)) return undefined;
  const value = pair.value;
  if (isAlias(value)) {
    const source = resolve(value);
    return isSeq(source) && source.items.some((i) => !isMap(resolve(i))) ? [source] : undefined;
  }
  if (!isSeq(value) || value.items.length === 0) return undefined;
  const sources = value.items.map((i) => (isAlias(i) ? resolve(i) : undefined));
  return sources.every((s) => isSeq(s)) ? sources : undefined;
}
