/**
 * conda-build preprocessing selectors. conda-build reads a recipe (`meta.yaml`, `conda.yaml`),
 * a variant config (`conda_build_config.yaml`) and a conda-forge migration file line by line
 * first, dropping each line whose `# [expr]` comment is false for the platform being built
 * (conda_build/selectors.py select_lines), and only then renders Jinja and loads YAML. A key
 * written once per platform is the documented idiom (conda-build's define-metadata page:
 * `url: ... # [not win]` then `url: ... # [win]`): a plain YAML reader sees a duplicate key,
 * conda-build never does, or keeps the last as its docs say. Pure.
 */

/** The files conda-build (and conda-smithy, for migrations) run through select_lines before YAML. */
const CONDA_NAMES = new Set(["meta.yaml", "conda.yaml", "conda_build_config.yaml"]);
const MIGRATION = /(?:^|\/)(?:\.ci_support|recipe)\/migrations\/[^/]+\.ya?ml$/;

/** True for a path (repo-relative, "/"-separated) that conda-build reads with selectors. */
export function condaSelectorFile(file: string): boolean {
  return CONDA_NAMES.has(file.slice(file.lastIndexOf("/") + 1)) || MIGRATION.test(file);
}

/**
 * A selector in a comment: `#`, then `[expr]` with no bracket inside, then nothing but text
 * without parentheses (conda-build's RE_SELECTOR, comment form). Its other form, a bare `[expr]`
 * at the end of a line, is also what a YAML flow sequence looks like (`key: [a, b]`), so it is
 * no evidence here: two `key: [a]` lines stay a duplicate.
 */
const SELECTOR = /#.*\[[^[\]]+\][^()]*$/;

/** Whether line `n` (1-based) of `lines` carries a selector; a whole-line comment never does (conda-build drops it). */
export function selectorOnLine(lines: readonly string[], n: number): boolean {
  const row = lines[n - 1]?.trimEnd();
  if (row === undefined || !row.includes("[")) return false;
  const text = row.trimStart();
  return text !== "" && !text.startsWith("#") && SELECTOR.test(text);
}

/** A duplicate key as the parser reports it: the line of its first definition and of the repeat. */
interface DuplicateAt {
  first: number;
  repeat: number;
}

/**
 * Whether conda-build's selectors explain every duplicate: one of its two lines carries a
 * selector, so on any platform either one line is left or the later one, the override, wins.
 * Two plain lines repeating a key stay reported.
 */
export function selectorsExplainDuplicates(duplicates: readonly DuplicateAt[], lines: readonly string[]): boolean {
  return duplicates.length > 0 && duplicates.every((d) => selectorOnLine(lines, d.first) || selectorOnLine(lines, d.repeat));
}
