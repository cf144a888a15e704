/**
 * Templates are not JSON/YAML until rendered: which files are templates, and the one notice per
 * chart or folder that says they were skipped. Pure: the caller says which Chart.yaml files
 * exist (src/checks/validate.ts asks the file source, so `check --staged` decides from the index).
 *
 * - Helm: every file under `templates/` of a chart (a `Chart.yaml` beside that folder), at any
 *   depth (nested charts under `charts/` included). Decided by Chart.yaml, never by the folder
 *   name alone: a CloudFormation `templates/` folder is plain YAML and stays checked.
 * - Template names: `*.j2`, `*.jinja`, `*.jinja2`, `*.tpl`, `*.tmpl`, `*.gotmpl`, and files under a
 *   folder whose name holds a `{{ ... }}` tag (cookiecutter and copier project templates).
 * - By content: a file that does not parse (or parses only by reading `key: {{ x }}` as a flow
 *   mapping used as a key) and has template tags where JSON/YAML cannot hold them
 *   (template-syntax.ts), or, in YAML, whose every error stands on a line with a substitution
 *   placeholder (`{NAME}` run into text, `@name@`) where YAML cannot hold it; or a ytt template
 *   whose only errors are keys repeated across its `#@` branches (ytt.ts). Any other file that
 *   parses is checked as it is.
 * - Sublime Text syntax tests, by name and first line together (sublime-syntax-test.ts): not
 *   templates, but text files skipped under the same rules and notice.
 * - GitHub pull request templates in Markdown under a `.yml`/`.json` name, by place and by the
 *   absence of a Gitea form's keys (pull-request-template.ts): text, skipped the same way.
 */
import { condaSelectorFile } from "./conda-selectors.js";
import { matcher } from "../glob.js";
import type { Finding } from "../finding.js";

/** `validate.templates` in the config. */
export interface TemplatesConfig {
  /** auto (default): skip detected templates with a notice; check: validate every file as it is. */
  mode?: "auto" | "check";
  /** Also templates (skipped), e.g. files of a renderer that is not detected. */
  skip?: string[];
  /** Never treated as templates: always validated as they are. */
  check?: string[];
}

type TemplateKind = "helm" | "name" | "content" | "conda" | "syntax-test" | "pr-template";

/** Why a file is a template, and the folder its notice is grouped under (ends with "/"; "./" for the root). */
interface TemplateMatch {
  kind: TemplateKind | "config";
  folder: string;
}

const TEMPLATE_EXTENSIONS = [".j2", ".jinja", ".jinja2", ".tpl", ".tmpl", ".gotmpl"];

/** The rules of one run, prepared once from the config. */
export class TemplateRules {
  readonly auto: boolean;
  private readonly skip: (p: string) => boolean;
  private readonly force: (p: string) => boolean;

  /**
   * `dataFile` names files the config declares to be data (mapped to a schema, or required to
   * have one): they are never templates, so a corruption that happens to add `{{` to a state
   * file, or a Chart.yaml added above it, cannot make it skipped.
   */
  constructor(cfg: TemplatesConfig | undefined, dataFile: (p: string) => boolean = () => false) {
    this.auto = (cfg?.mode ?? "auto") === "auto";
    this.skip = matcher(cfg?.skip);
    const check = matcher(cfg?.check);
    this.force = (p) => check(p) || dataFile(p);
  }

  /**
   * The template match of `file` decided by its path alone, or undefined. `chartExists` says
   * whether a repo-relative `.../Chart.yaml` exists (only asked for paths with a `templates` folder).
   */
  byPath(file: string, chartExists: (chartYaml: string) => boolean): TemplateMatch | undefined {
    const match = this.matchPath(file, chartExists);
    return match && !this.force(file) ? match : undefined; // the force globs are asked only for a match
  }

  private matchPath(file: string, chartExists: (chartYaml: string) => boolean): TemplateMatch | undefined {
    if (this.skip(file)) return { kind: "config", folder: folderOf(file) };
    if (!this.auto) return undefined;
    const helm = helmTemplatesFolder(file, chartExists);
    if (helm !== undefined) return { kind: "helm", folder: helm };
    const segments = file.split("/");
    const tagged = segments.slice(0, -1).findIndex((s) => s.includes("{{") && s.includes("}}"));
    if (tagged >= 0) return { kind: "name", folder: segments.slice(0, tagged + 1).join("/") + "/" };
    const lower = file.toLowerCase();
    if (TEMPLATE_EXTENSIONS.some((e) => lower.endsWith(e))) return { kind: "name", folder: folderOf(file) };
    return undefined;
  }

  /** Content detection applies to this file (auto mode, not forced by validate.templates.check). */
  detectsContent(file: string): boolean {
    return this.auto && !this.force(file);
  }
}

/** The Chart.yaml paths that decide whether `file` is a Helm template (one per `templates` folder in its path). */
export function chartYamlCandidates(file: string): string[] {
  const segments = file.split("/");
  const out: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i] === "templates") out.push([...segments.slice(0, i), "Chart.yaml"].join("/"));
  }
  return out;
}

/** The innermost chart `templates/` folder holding `file` ("chart/templates/"), or undefined. */
function helmTemplatesFolder(file: string, chartExists: (chartYaml: string) => boolean): string | undefined {
  const candidates = chartYamlCandidates(file);
  for (let k = candidates.length - 1; k >= 0; k--) {
    const chart = candidates[k]!;
    if (chartExists(chart)) return chart.slice(0, -"Chart.yaml".length) + "templates/";
  }
  return undefined;
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "./" : file.slice(0, slash + 1);
}

/** Collects skipped templates and turns them into one `validate/template` notice per kind and folder. */
export class SkippedTemplates {
  private readonly groups = new Map<string, { match: TemplateMatch; files: string[] }>();

  add(file: string, found: TemplateMatch): void {
    // A conda-build recipe skipped by its content: its notice says why conda-build reads it (selectors, Jinja).
    const match: TemplateMatch = found.kind === "content" && condaSelectorFile(file) ? { ...found, kind: "conda" } : found;
    const key = `${match.kind}\0${match.folder}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { match, files: [] };
      this.groups.set(key, g);
    }
    g.files.push(file);
  }

  get count(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.files.length;
    return n;
  }

  /** One notice per group, sorted by folder. */
  notices(): Finding[] {
    return [...this.groups.values()]
      .sort((a, b) => (a.match.folder < b.match.folder ? -1 : a.match.folder > b.match.folder ? 1 : 0))
      .map(({ match, files }) => templateNotice(match, files));
  }
}

function templateNotice(match: TemplateMatch, files: readonly string[]): Finding {
  const n = files.length;
  const s = n === 1 ? "" : "s";
  const where = match.folder === "./" ? "the repository root" : match.folder;
  const they = n === 1 ? "it is" : "they are";
  const what: Record<TemplateMatch["kind"], string> = {
    helm: `${n} Helm template${s} under ${where} skipped: ${they} YAML only after \`helm template\` renders ${n === 1 ? "it" : "them"}`,
    name: `${n} template file${s} (Jinja or Go template) under ${where} skipped: ${they} JSON/YAML only after rendering`,
    content: `${n} file${s} under ${where} skipped: ${n === 1 ? "it holds" : "they hold"} {{ }}, {% %} or <% %> template tags (or {NAME} / @name@ / \${NAME} placeholders) where JSON/YAML cannot, or ytt #@ branches that repeat a key, so ${they} JSON/YAML only after rendering`,
    conda: `${n} conda-build recipe file${s} under ${where} skipped: conda-build first drops every line whose \`# [selector]\` comment is false for the platform it builds (a key written once per platform, \`url: ... # [win]\`, is no duplicate to it) and renders the Jinja ({{ }}, {% %}), so ${they} YAML only after that`,
    "syntax-test": `${n} Sublime Text syntax test${s} under ${where} skipped: ${n === 1 ? "its" : "their"} first line names the syntax under test (SYNTAX TEST "...sublime-syntax"), and Sublime's test runner reads ${n === 1 ? "it" : "them"} as text (invalid JSON/YAML and conflict markers on purpose)`,
    "pr-template": `${n} GitHub pull request template${s} under ${where} skipped: GitHub pastes ${n === 1 ? "its" : "their"} text into a new pull request's body as Markdown, and ${n === 1 ? "it has" : "they have"} none of the keys of a Gitea template form (name, about, body), so nothing reads ${n === 1 ? "it" : "them"} as JSON/YAML`,
    config: `${n} file${s} under ${where} skipped: validate.templates.skip lists ${n === 1 ? "it" : "them"} as templates`,
  };
  return {
    rule: "validate/template",
    level: "notice",
    file: match.folder,
    message: what[match.kind],
    found: files.slice(0, 5).join(", ") + (n > 5 ? `, and ${n - 5} more` : ""),
    fix:
      match.kind === "helm"
        ? "check the rendered manifests with `helm lint` / `helm template`; validate.templates in .integrity-guard/config.yml decides what counts as a template"
        : match.kind === "syntax-test"
          ? "run them with Sublime Text's syntax tests; to check these files as they are, list them under validate.templates.check (or set validate.templates.mode: check)"
          : match.kind === "pr-template"
            ? "nothing to fix for GitHub; if Gitea or Forgejo should read it as a template form, give it the form's keys (name, about, body); to check it as it is, list it under validate.templates.check"
            : match.kind === "conda"
              ? "check the recipe with `conda render` (or `conda-build --check`) for each platform; to check these files as they are, list them under validate.templates.check (or set validate.templates.mode: check)"
              : "validate the rendered output; to check these files as they are, list them under validate.templates.check (or set validate.templates.mode: check)",
  };
}
