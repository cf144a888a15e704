/**
 * Woodpecker CI's sequence merges. Woodpecker reads its pipeline files with
 * codeberg.org/6543/xyaml, which extends the `<<` merge key to lists: a list item that is only
 * `<<: *list` (or `<<: [*a, *b]`) is replaced by the items of the aliased lists
 * (woodpecker-ci.org/docs/usage/advanced-yaml-syntax, "Sequence merges"). Every other reader
 * refuses such an item (a `<<` source must be a mapping), so the splice is made only in
 * Woodpecker's files and only where the standard reading fails: a merge of mappings keeps its
 * standard meaning everywhere. Pure: it rewrites the parsed document's nodes, nothing else.
 */
import { type YAMLSeq } from "yaml";
/** True for a repository path Woodpecker reads as a pipeline. */
export declare function isWoodpeckerFile(path: string): boolean;
/** The items of `seq` that expandSequenceMerges took from another list. */
export declare function splicedItems(seq: YAMLSeq): ReadonlySet<unknown> | undefined;
/**
 * Replaces each splice item of `seq` (and of the lists it splices, first) by the items of its
 * source lists. `resolve` gives the node an alias stands for; `isMergeKey` tells a `<<` key.
 * Beyond MAX_DEPTH nested splices are left in place, for the `<<` check to report as Woodpecker does.
 */
export declare function expandSequenceMerges(seq: YAMLSeq, resolve: (n: unknown) => unknown, isMergeKey: (key: unknown) => boolean, depth?: number): void;
