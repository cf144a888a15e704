/**
 * One `parse/quoted-indent` (or `parse/flow-indent`) warning per file when a file has many.
 * Generated YAML repeats the shape: controller-gen folds every long CEL `rule:` of a CRD at its
 * list item's column, so Gateway API's experimental bundle gave 197 identical warnings per copy
 * (traefik/traefik, fb27), which buried everything else and hit the per-file cap. Every reader of
 * such a file (go-yaml, PyYAML, libyaml) reads them all the same way, and the fix is the same
 * for each, so one finding says how many there are, where the first is, and where each one is
 * (`related`, the first MAX_RELATED; every line number in `found`): none is dropped. Errors are
 * never grouped, and a few warnings stay one per string. Pure.
 */
import type { Finding } from "../finding.js";
/** Up to this many warnings of one rule in a file are listed one by one. */
export declare const MAX_SEPARATE_INDENT_WARNINGS = 3;
/** `findings` with the indent warnings of each rule folded into one when there are more than a few. */
export declare function groupIndentWarnings(findings: readonly Finding[]): Finding[];
