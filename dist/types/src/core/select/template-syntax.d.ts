/**
 * Does a file that failed to parse (or parsed only by reading `key: {{ x }}` as a flow mapping
 * used as a key) look like a Go (Helm, gomplate) or Jinja (Ansible, Salt, cookiecutter)
 * template? Pure and linear in the text. Only template tags where the format's
 * own syntax cannot hold them count as evidence: at the start of a line, or where a YAML value
 * or sequence item starts (`key: {{ x }}`, `- {% if %}`), or anywhere outside a string in JSON.
 * Tags inside quoted scalars, comments or block scalars, and tags in the middle of a plain
 * scalar (`image: repo/{{ tag }}`, which is valid YAML that Ansible renders at run time), are
 * not evidence, and neither is a GitHub Actions expression (`${{ ... }}`): a real corruption in
 * such a file must still be reported, never waved through as "a template".
 */
/**
 * A template tag opens at `i`: an opener, not `${{` (GitHub Actions), whose content does not
 * start like JSON (`{{"a": 1}}` is a doubled brace, a corruption, not a tag), closed on the same
 * line. Multi-line tags are not recognised: such a file is reported, never skipped by mistake.
 * Mustache and Handlebars also have `{{{ name }}}` (unescaped output; pulumi/examples renders a
 * kops cluster.yaml holding `configBase: {{{STATE_STORE}}}/{{{CLUSTER_NAME}}}` with mustache):
 * a tag when its content, too, does not start like JSON or a brace and `}}}` closes it on the line.
 * Handlebars' raw block `{{{{raw}}}} ... {{{{/raw}}}}` (Tauri's project templates wrap GitHub
 * workflows in it so their `${{ }}` is left alone) is the same with four braces.
 *
 * Made once per text and asked at increasing offsets: linear in the text (nextIndexer).
 */
export declare function tagScanner(text: string, next?: (needle: string, from: number) => number): (i: number) => boolean;
/**
 * Where Terraform (OpenTofu) template directives open in `text`: a test asked at increasing
 * offsets `i`, true when `%{ if ... }`, `%{ else }`, `%{ endif }`, `%{ for ... }` or
 * `%{ endfor }` (with its optional `~` strip markers) opens there, closed on the same line.
 * templatefile() renders cloud-init user data, manifests and inventories kept as .yaml/.json
 * this way (infracost's terragrunt test data holds a template.yml of `%{ for k, v in x ~}`
 * lines). YAML reads a `%` that starts a line as a directive, and no node starts with it; JSON
 * has no `%` outside a string: so where a node starts, the directive is evidence like `{% %}`.
 * Only these keywords count (a `%{` before anything else is no directive, and `%%{` is
 * Terraform's escape for a literal one): such a file is reported. The closing brace is looked
 * for once per stretch of text (the last stop found is kept while the offsets grow), so a line
 * of a hundred thousand unclosed `%{ for` is one pass, not one per opener.
 */
export declare function terraformDirectives(text: string): (i: number) => boolean;
/**
 * True when `text` holds a template tag at a structural position (see the module comment).
 * `format` is how the file was parsed: JSON (and JSONC) have no plain scalars, so any tag
 * outside a string counts there.
 */
export declare function hasTemplateStructure(text: string, format: "json" | "jsonc" | "yaml"): boolean;
/** A template tag at a structural position of a YAML text (1-based line and column). */
interface YamlTag {
    line: number;
    column: number;
    /** `{{`, `{%` or `{#`. */
    opener: string;
    /** What it opens: a mapping value (`key: {{ x }}`), a sequence item (`- {{ x }}`), or a node at the line's start or elsewhere. */
    starts: "value" | "item" | "other";
}
/** Every template tag at a structural position of `text` (YAML), in text order. */
export declare function yamlStructuralTags(text: string): YamlTag[];
/**
 * A substitution placeholder at the start of a string: `{NAME}` (a capital, then letters, digits, `_`: linkerd2's
 * dual-stack test strings.ReplaceAll's `{IPv6}` in `cidr: {IPv6}/128`), `@name@`, or `@@name@@` (the
 * doubled form: VSCodium's AppImage recipe.yml holds `app: @@NAME@@`, which its build.sh fills
 * with `sed -i "s|@@NAME@@|...|g"`); the `@` on both sides must match (`@@name@` is no placeholder).
 * Also `%NAME%`, `%%NAME%%` or `%%%NAME%%%` (OpenStack-Helm's values overrides hold
 * `cidr: %%%REPLACE_API_ADDR%%%/32`, which `helm osh get-values-overrides` fills with sed), upper
 * case and at least two characters, so that strftime formats (`%Y-%m-%d`, `%Y%m%d`) are none.
 * Also a printf conversion `%s` or `%d` (`%1$s` numbered) standing for a whole value (placeholderAt
 * asks that the scalar end after it): Spinnaker's rosco tests fill expected_template.yaml's
 * `foo: %s` with Java's String.format before reading it as YAML. Only these two, never a named
 * one: `format: %(asctime)s - %(message)s` unquoted is a logging config YAML itself refuses.
 */
export declare const PLACEHOLDER: RegExp;
/**
 * The length of a substitution placeholder standing for a whole JSON value at offset `i`, or 0:
 * a printf conversion (`%s`, `%d`, `%1$s`), a `%NAME%` placeholder (one to three `%` on each
 * side, upper case: PLACEHOLDER) or an `@name@` one (JSON_PLACEHOLDER), after a value's start (`[`, `,`, `:` or a line's start, blanks
 * aside) and before its end (`,`, `]`, `}` or the line's end). Spinnaker's clouddriver tests fill
 * list-manifest.json's `"items": [%s, %s]` with String.format before parsing it; OpenAddresses'
 * scripts/si/Makefile fills countrywide-template.json's `"year": %YYYY%` with sed. JSON has no `%`
 * or `@` outside a string, so such a file never parses as it is. Each blank stretch around a `%` is
 * looked at from its two ends only, so a scan that asks at every `%` stays linear.
 */
export declare function jsonPlaceholderValueAt(text: string, i: number): number;
/**
 * A placeholder of a text substitution (sed, envsubst-like scripts, Maven or autoconf filtering)
 * starts at `i`: `{NAME}` (a capital letter, then letters, digits, `_`) with more text after it on the line, which
 * YAML reads as a flow mapping run into text, a syntax error (`clusterIP: {PREFIX}.16`); or
 * `@name@` or `@@name@@` (letters, digits, `_`, `.`, `-`) as a whole value, since no YAML node
 * starts with the reserved `@`; `%NAME%` (one to three `%` on each side) with anything after it,
 * since no node starts with the `%` indicator either; or `${NAME}` as a whole line
 * (wholeLinePlaceholderAt).
 * A lone `{NAME}` is a valid flow mapping, so it is no evidence (and such a file parses anyway).
 */
export declare function placeholderAt(line: string, i: number): boolean;
/**
 * The 1-based lines of a YAML text where a substitution placeholder stands where YAML cannot
 * hold it (placeholderAt, at a structural position: a value, an item or a line's start).
 * Placeholders in quoted scalars, comments, block scalars or inside a plain scalar
 * (`url: http://{HOST}/x`, valid YAML) are not counted. ERB tags are counted by erbTagLines.
 */
export declare function yamlPlaceholderLines(text: string): Set<number>;
/**
 * The 1-based lines of a text that an ERB (or EJS) tag covers, from its `<%` to the `%>` that
 * closes it (a tag may span lines). Rails renders its YAML fixtures and config (database.yml,
 * storage.yml, config_for files) with ERB before Psych reads them, and a tag may stand anywhere,
 * so every line it covers is YAML only after rendering. An `<%` never closed covers nothing.
 */
export declare function erbTagLines(text: string): Set<number>;
export {};
