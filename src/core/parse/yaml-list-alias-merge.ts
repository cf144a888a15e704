/**
 * Symfony YAML's merge of a list. Symfony's YAML parser (symfony/yaml, Parser::doParse) takes
 * `<<: *alias` when the anchored value is any PHP array, and a YAML sequence is one: it unions
 * the list's items in under the keys 0..n-1 (`$data += $refValue`), beside the keys written
 * next to it. PyYAML, Psych, the yaml package and go-yaml refuse such a merge, so it is read
 * this way only in files Symfony's parser reads, and only where the standard reading fails.
 * Only the alias form: an inline list of scalars after `<<` fails there too ("Merge items must
 * be arrays"). Pure.
 *
 * Today one kind of file is known to be read so: Coolify's one-click service templates
 * (templates/compose/*.yaml in coollabsio/coolify), which Coolify loads with Yaml::parse
 * (app/Console/Commands/Generate/Services.php, bootstrap/helpers/parsers.php) and whose
 * numeric-keyed `KEY=value` items it turns back into variables (convertToKeyValueCollection).
 */

/** A Coolify service template's path: a compose file under a `templates/compose/` folder. */
const COOLIFY_TEMPLATE_PATH = /(^|\/)templates\/compose\/[^/]+\.ya?ml$/;
/** How many leading lines may hold the template's header comments. */
const HEADER_LINES = 20;

/**
 * Whether the file is a Coolify service template: its path, and the header comments every
 * template starts with (`# documentation:` and `# slogan:` among the leading `#` lines, before
 * the first line of YAML). One pass over at most the first HEADER_LINES lines.
 */
export function isCoolifyTemplate(file: string, text: string): boolean {
  if (!COOLIFY_TEMPLATE_PATH.test(file)) return false;
  let documentation = false;
  let slogan = false;
  let start = 0;
  for (let n = 0; n < HEADER_LINES && start < text.length; n++) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
    if (!line.startsWith("#")) break;
    if (line.startsWith("# documentation:")) documentation = true;
    if (line.startsWith("# slogan:")) slogan = true;
    if (end === -1) break;
    start = end + 1;
  }
  return documentation && slogan;
}
