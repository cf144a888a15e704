/**
 * Files whose only reader is PyYAML (or another reader that merges every `<<` key of a mapping):
 * there, two `<<` keys in one mapping are no duplicate. PyYAML's SafeConstructor.flatten_mapping
 * takes out each `<<` key of a mapping and merges its source, in the order written (a later
 * source wins over an earlier one; the mapping's own keys win over both); only Go's yaml.v3 among
 * the common readers refuses the repeated key, which is why it is an error where the reader is
 * not known. Pure.
 */

/**
 * - Bazel CI (bazelbuild/continuous-integration, buildkite/bazelci.py) loads `.bazelci/*.yml`
 *   with `yaml.safe_load`; bazelbuild/examples writes `<<: *linux` then `<<: *lts` in one task.
 * - pre-commit loads `.pre-commit-config.yaml` with `yaml.load` and PyYAML's (C)SafeLoader.
 */
const PYYAML_ONLY = /(^|\/)\.bazelci\/[^/]+\.ya?ml$|(^|\/)\.pre-commit-config\.ya?ml$/;

/** True for a repository path whose reader merges every `<<` key of a mapping. */
export function mergesRepeatedMergeKeys(path: string): boolean {
  return PYYAML_ONLY.test(path);
}
