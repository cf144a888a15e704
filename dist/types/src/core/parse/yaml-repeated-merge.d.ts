/**
 * Files whose only reader is PyYAML, Helm or Travis CI (or another reader that merges every `<<` key of a mapping):
 * there, two `<<` keys in one mapping are no duplicate. PyYAML's SafeConstructor.flatten_mapping
 * takes out each `<<` key of a mapping and merges its source, in the order written (a later
 * source wins over an earlier one; the mapping's own keys win over both); only Go's yaml.v3 among
 * the common readers refuses the repeated key, which is why it is an error where the reader is
 * not known. Pure.
 */
import { type YAMLMap } from "yaml";
/** True for a repository path whose reader merges every `<<` key of a mapping. */
export declare function mergesRepeatedMergeKeys(path: string): boolean;
/**
 * Rewrites the `<<` pairs of `map` (two or more) into one, so the yaml package's merge (an earlier
 * source wins) gives PyYAML's value: PyYAML merges the keys' sources in order and lets a later one
 * win, a list of sources (`<<: [*a, *b]`) with its first item winning. One `<<` whose sources are
 * the keys' sources, the last key's first, each key's list in its own order, is read the same.
 * `isMergeKey` tells a `<<` merge key from a quoted "<<".
 */
export declare function foldRepeatedMergeKeys(map: YAMLMap, isMergeKey: (key: unknown) => boolean): void;
