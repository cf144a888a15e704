/**
 * Sublime Text syntax tests (sublimehq/Packages and every syntax package): files named
 * `syntax_test_<name>.<ext>` whose first line is a comment naming the syntax under test,
 * `// SYNTAX TEST "Packages/JSON/JSON.sublime-syntax"` or `# SYNTAX TEST "Packages/YAML/YAML.sublime-syntax"`.
 * Sublime's test runner reads them as text, and they hold invalid JSON/YAML and merge-conflict
 * markers on purpose (they test how the highlighter marks them), so they are not data files.
 *
 * Both are required: the name alone would let a corruption of any `syntax_test_*.json` go
 * through, and the header line cannot appear by accident in a file its readers take as data
 * (no JSON text and no YAML data file starts with a comment that says SYNTAX TEST and names a
 * `.sublime-syntax` or `.tmLanguage` file). Pure; reads at most the first line.
 */

/** `<comment token> SYNTAX TEST [options] "<path to a syntax definition>"`, the runner's header. */
const HEADER = /^\uFEFF?[ \t]*[^\s"]+[ \t]+SYNTAX TEST\b[^"\n]*"[^"\n]+\.(?:sublime-syntax|tmLanguage)"/;

/** Longest first line looked at: a header is short, and a huge first line is no test file. */
const MAX_HEADER = 1024;

/** True when `file` is a Sublime Text syntax test by its name and its first line (see the module comment). */
export function isSublimeSyntaxTest(file: string, content: Uint8Array): boolean {
  const base = file.slice(file.lastIndexOf("/") + 1);
  if (!base.startsWith("syntax_test")) return false;
  const head = Buffer.from(content.buffer, content.byteOffset, Math.min(content.length, MAX_HEADER)).toString("utf8");
  const eol = head.indexOf("\n");
  return HEADER.test(eol < 0 ? head : head.slice(0, eol));
}
