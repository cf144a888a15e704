/**
 * The `%YAML 1.1` directive. The yaml package honours it: the document is read with YAML 1.1's
 * types (`yes`/`no`/`on`/`off`/`y`/`n` booleans, `0755` octal, `1_000`, sexagesimal `1:30`), and
 * a schema sees those values. Most readers do not switch on the directive: js-yaml and serde_yaml
 * read `enabled: off` as the string "off", go-yaml v3 as well unless the field is a bool; PyYAML
 * and SnakeYAML read 1.1 types with or without it. So it is a reading the file's own content asks
 * for (file-steps.ts: firstParse's byContent): on a pull request, it counts for a file the base
 * commit holds only when the base's version carries it too (base-readings.ts).
 */

/**
 * `%YAML 1.1` at the start of a line (directives come before `---`; `1.10` is not 1.1), a byte
 * order mark before it included: YAML lets each document of a stream open with one, and the yaml
 * package honours `\uFEFF%YAML 1.1` as it does the bare directive. Without the mark here, a pull
 * request that wrote one before the directive had `audit: off` read as a boolean again with no
 * agreement asked (the session 22 parser skips a leading BOM). Linear: `[ \t]+` then a digit.
 */
const DIRECTIVE = /^\uFEFF?%YAML[ \t]+1\.1(?![0-9.])/m;

/** Whether `text` has a `%YAML 1.1` directive. */
export function declaresYaml11(text: string): boolean {
  return text.includes("%YAML") && DIRECTIVE.test(text);
}

/** `text` with its `%YAML 1.1` directives read as `%YAML 1.2`: the same length (the mark and spacing kept), so every position holds. */
export function asYaml12(text: string): string {
  return text.replace(new RegExp(DIRECTIVE.source, "gm"), (directive) => `${directive.slice(0, -1)}2`);
}
