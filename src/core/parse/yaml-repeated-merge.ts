/**
 * Files whose only reader is PyYAML, Helm or Travis CI (or another reader that merges every `<<` key of a mapping):
 * there, two `<<` keys in one mapping are no duplicate. PyYAML's SafeConstructor.flatten_mapping
 * takes out each `<<` key of a mapping and merges its source, in the order written (a later
 * source wins over an earlier one; the mapping's own keys win over both); only Go's yaml.v3 among
 * the common readers refuses the repeated key, which is why it is an error where the reader is
 * not known. Pure.
 */
import { isSeq, YAMLSeq, type YAMLMap } from "yaml";

/**
 * - Bazel CI (bazelbuild/continuous-integration, buildkite/bazelci.py) loads `.bazelci/*.yml`
 *   with `yaml.safe_load`; bazelbuild/examples writes `<<: *linux` then `<<: *lts` in one task.
 * - pre-commit loads `.pre-commit-config.yaml` with `yaml.load` and PyYAML's (C)SafeLoader.
 */
const PYYAML_ONLY = /(^|\/)\.bazelci\/[^/]+\.ya?ml$|(^|\/)\.pre-commit-config\.ya?ml$/;

/**
 * Helm values files: Helm reads a chart's values.yaml and every `-f`/`--values` file with
 * sigs.k8s.io/yaml, which decodes with go-yaml v2; v2's decoder merges each `<<` key of a mapping
 * as it meets it (decode.go, mapping: `if isMerge(...) { d.merge(...); continue }`), a later
 * source over an earlier one and a list's first source over its others, as PyYAML does, and its
 * duplicate check never sees `<<`. chart-testing lints these files with yamllint, whose
 * key-duplicates rule lets `<<` repeat by default (forbid-duplicated-merge-keys: false).
 * grafana/loki's values for `helm install -f` write `<<: *base_extra_volumes` then
 * `<<: *base_extra_volume_mounts`. Names: values.yaml and its overlays (values-prod.yaml,
 * values.prod.yaml, values_prod.yaml), the `-values`/`.values`/`_values` suffixes (ci-values.yaml,
 * distributed-values.yaml), and any YAML file in a `values/` folder (helmfile and Argo CD
 * layouts keep `-f` files there). Left over: helmfile v1 loads its own environment values with
 * yaml.v3, which refuses the repeat with an error of its own (never silently), so such a file
 * named like a values file is no longer reported here.
 */
const HELM_VALUES = /(^|\/)values(?:[-._][^/]*)?\.ya?ml$|[-._]values\.ya?ml$|(^|\/)values\/[^/]+\.ya?ml$/;

/**
 * Travis CI: a repository's `.travis.yml` is read by travis-yml (lib/travis/yml/support/yaml.rb):
 * Psych parses it, its duplicate-key check leaves `<<` out on purpose (`keys.map(&:value) -
 * ['<<']`), and Psych's ToRuby merges each `<<` source as it meets it, a later source over an
 * earlier one. Real configs write `<<: *_mainstream_python_base` then `<<: *_reset_steps` in one
 * job (aio-libs/aiohttp, kept among travis-yml's spec fixtures); 27 of its 8,900 real-world
 * configs do. (Psych lets a `<<` written after a key override it; the fold below lets the
 * mapping's own keys win, as PyYAML does: only the values a schema sees may differ, not whether
 * the file is accepted.) Imported configs (`import: a/b.yml`) are named freely and stay unknown.
 */
const TRAVIS = /(^|\/)\.travis\.yml$/;

/** True for a repository path whose reader merges every `<<` key of a mapping. */
export function mergesRepeatedMergeKeys(path: string): boolean {
  return PYYAML_ONLY.test(path) || HELM_VALUES.test(path) || TRAVIS.test(path);
}

/**
 * Rewrites the `<<` pairs of `map` (two or more) into one, so the yaml package's merge (an earlier
 * source wins) gives PyYAML's value: PyYAML merges the keys' sources in order and lets a later one
 * win, a list of sources (`<<: [*a, *b]`) with its first item winning. One `<<` whose sources are
 * the keys' sources, the last key's first, each key's list in its own order, is read the same.
 * `isMergeKey` tells a `<<` merge key from a quoted "<<".
 */
export function foldRepeatedMergeKeys(map: YAMLMap, isMergeKey: (key: unknown) => boolean): void {
  const merges = map.items.filter((pair) => isMergeKey(pair.key));
  if (merges.length < 2) return;
  const sources = new YAMLSeq();
  for (const pair of [...merges].reverse()) {
    if (isSeq(pair.value)) sources.items.push(...pair.value.items);
    else sources.items.push(pair.value);
  }
  sources.flow = true;
  sources.range = (merges[0]!.value as { range?: YAMLSeq["range"] } | null)?.range;
  merges[0]!.value = sources;
  map.items = map.items.filter((pair) => !merges.includes(pair) || pair === merges[0]);
}
