/**
 * conda-build preprocessing selectors. conda-build reads a recipe (`meta.yaml`, `conda.yaml`),
 * a variant config (`conda_build_config.yaml`) and a conda-forge migration file line by line
 * first, dropping each line whose `# [expr]` comment is false for the platform being built
 * (conda_build/selectors.py select_lines), and only then renders Jinja and loads YAML. A key
 * written once per platform is the documented idiom (conda-build's define-metadata page:
 * `url: ... # [not win]` then `url: ... # [win]`): a plain YAML reader sees a duplicate key,
 * conda-build never does, or keeps the last as its docs say. Pure.
 */
/** True for a path (repo-relative, "/"-separated) that conda-build reads with selectors. */
export declare function condaSelectorFile(file: string): boolean;
/** Whether line `n` (1-based) of `lines` carries a selector; a whole-line comment never does (conda-build drops it). */
export declare function selectorOnLine(lines: readonly string[], n: number): boolean;
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
export declare function selectorsExplainDuplicates(duplicates: readonly DuplicateAt[], lines: readonly string[]): boolean;
export {};
