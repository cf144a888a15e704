/**
 * Files whose name says which YAML reader loads them, where that reader refuses a blank line that
 * starts with a tab outside a flow collection (yaml.ts reports such a line as `parse/trailing-tab`:
 * an error for these files, a warning for any other, since JavaScript's js-yaml and yaml read it).
 *
 * Who refuses it (checked session 27): libyaml, whose scanner skips a tab only in a flow collection
 * or after content on its line (yaml_parser_scan_to_next_token), so a tab opening a line in block
 * context "cannot start any token", and after a plain value it "violates indentation": Ruby's Psych
 * and PyYAML's C loader wrap it; go-yaml v2 and v3 are ports of it with the same loop (scannerc.go);
 * PyYAML's pure-Python scanner and SnakeYAML (2.5 tried) skip only spaces, in flow collections too.
 * js-yaml 4 and the yaml package read the line as blank. Pure: looks at the name, and for the
 * readers below it, the text.
 */
/**
 * The reader of `file` (repo-relative, with its `text`) when it refuses a blank line that starts
 * with a tab, else undefined.
 */
export declare function tabLineRefusedBy(file: string, text?: string): string | undefined;
