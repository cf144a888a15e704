/**
 * GitHub's pull request templates: a file named `pull_request_template` with any extension (the
 * name is not case-sensitive; GitHub's docs: "can have an extension such as .md or .txt") at the
 * repository root, in `docs/` or in `.github/`, or any file in a `PULL_REQUEST_TEMPLATE/` folder
 * there. GitHub pastes its text into a new pull request's body as Markdown; nothing reads it as
 * data, so a `.github/pull_request_template.yml` holding Markdown (openfoodfacts/smooth-app's) is
 * not YAML that fails to parse.
 *
 * Gitea and Forgejo read the same names (`.github/pull_request_template.yml` among them) as a
 * YAML template form, like an issue form: top-level `name`, `about`, `title`, `labels`,
 * `assignees`, `ref` and `body` keys. A file with any of those keys at the start of a line is
 * such a form (or was meant to be) and stays checked as YAML. Pure.
 */

const LOCATION = /^(?:\.github\/|docs\/)?pull_request_template(?:\.[^/]*|\/[^/]+)?$/i;
const FORM_KEY = /^["']?(?:name|about|title|labels|assignees|ref|body)["']?[ \t]*:/m;

/** Whether `file` is where GitHub looks for a pull request template (see the module comment). */
export function isPullRequestTemplatePath(file: string): boolean {
  return LOCATION.test(file);
}

/** Whether `file` with text `text` is a GitHub pull request template in Markdown, not a Gitea YAML form. */
export function isMarkdownPullRequestTemplate(file: string, text: string): boolean {
  return LOCATION.test(file) && !FORM_KEY.test(text.replace(/^\uFEFF/, ""));
}
