/**
 * One finding for an empty document, at the level its reader gives it. A YAML file that is empty
 * or holds only comments reads as null: the parse step warns `parse/empty`, and a schema that
 * needs an object (a GitHub workflow, a compose file) then rejects the same null at the root.
 * Both said one thing twice, at two levels, with two fixes; the schema's finding, which carries
 * the level the reader's refusal deserves, now says why the document is null and the parse
 * warning goes.
 *
 * The level follows the program that reads the file, not the schema's catalog level alone:
 * - yamllint, MkDocs and GitLab CI refuse a config that reads as null (yamllint "invalid config:
 *   not a dict", MkDocs "Expected a key-value mapping (dict)", GitLab "Please provide content of
 *   .gitlab-ci.yml" / "Included file ... is empty"): an error, though yamllint and MkDocs have no
 *   built-in schema and GitLab's is advisory (a warning);
 * - Docker Compose skips a file with no YAML node when it merges `-f` files (compose-go makes no
 *   layer of it; only when every file is empty is it "empty compose file"): an empty override
 *   (`docker-compose.override.yml`, `compose.prod.yaml`) stays the parse/empty warning, while the
 *   main `compose.yaml` alone, refused, stays the schema's error.
 */
import type { Finding } from "../core/finding.js";
import { EMPTY_BUT_COMMENTS } from "../core/parse/json-scan.js";

/** Config names whose reader stops on a document that is null, and what it says. */
const REFUSES_EMPTY: readonly { name: RegExp; reader: string; says: string }[] = [
  { name: /(?:^|\/)\.yamllint(?:\.ya?ml)?$/, reader: "yamllint", says: "invalid config: not a dict" },
  { name: /(?:^|\/)mkdocs\.ya?ml$/, reader: "MkDocs", says: "The configuration is invalid. Expected a key-value mapping (dict)" },
  {
    name: /(?:^|\/)(?:[^/]*\.)?gitlab-ci\.ya?ml$/,
    reader: "GitLab CI",
    says: "Please provide content of .gitlab-ci.yml; an included file: is empty or does not exist",
  },
];

/**
 * JSON files whose reader takes an empty file as "nothing set", and whose writer leaves one:
 * there an empty file is a warning naming the reader, not the parse/empty error (a file cut in
 * the middle stays an error). Unity Services Core's EnvironmentSaveSystem created its settings
 * file empty (GetOrCreateFileContent) and reads `string.IsNullOrEmpty(content) ? new
 * SettingsFile() : Deserialize(content)`.
 */
const TAKES_EMPTY: readonly { name: RegExp; reader: string; commentsOnly?: true }[] = [
  {
    name: /(?:^|\/)ProjectSettings\/Packages\/com\.unity\.services\.core\/Settings\.json$/,
    reader: "Unity Services Core, which writes it empty and reads an empty one as no environment chosen",
  },
  // TypeScript reads a config with no value as {} (parseConfigFileTextToJson: no error): a
  // tsconfig that holds only a comment is written so an editor finds a project at the root
  // (grafana/grafana-plugin-examples). A whitespace-only one is what a cut write leaves: it stays an error.
  // Jekyll and Eleventy paste a file under _includes/ into a page as template text ({% include
  // lunr/custom-data.json %}); nothing reads it as JSON. Themes ship such a hook empty for sites to
  // fill in (just-the-docs' _includes/lunr/custom-data.json), and an empty include adds nothing.
  {
    name: /(?:^|\/)_includes\/.+\.json$/,
    reader: "Jekyll or Eleventy, which paste an _includes/ file into a page as template text (an empty one adds nothing)",
  },
  {
    name: /(?:^|\/)(?:[jt]sconfig[^/]*|[^/]*\.tsconfig)\.json$/,
    reader: "TypeScript, which reads a config with no value as {} (the compiler's defaults)",
    commentsOnly: true,
  },
];

/** `findings` of one file, a parse/empty error as a warning where its reader takes an empty file (TAKES_EMPTY). */
export function emptyTakenByReader(findings: Finding[]): Finding[] {
  return findings.some((f) => f.rule === "parse/empty" && f.level === "error") ? findings.map(emptyTaken) : findings;
}

function emptyTaken(f: Finding): Finding {
  if (f.rule !== "parse/empty" || f.level !== "error") return f;
  const taken = TAKES_EMPTY.find((t) => t.name.test(f.file ?? "") && (!t.commentsOnly || f.found === EMPTY_BUT_COMMENTS));
  if (!taken) return f;
  return { ...f, level: "warning", message: `${f.message}; reported, not refused: its reader is ${taken.reader}` };
}

/** A compose file merged over the main one (`-f`): the catalog's `docker-compose.*.yml` and `compose.*.yaml` names. */
const COMPOSE_LAYER = /(?:^|\/)(?:docker-)?compose\.[^/]+\.ya?ml$/;
const COMPOSE_SCHEMA = "(built-in schema compose (";

/** `findings` of one file, with a `parse/empty` warning folded into the schema findings on the null root, if any, at its reader's level. */
export function foldEmptyIntoSchema(given: Finding[]): Finding[] {
  const findings = emptyTakenByReader(given);
  const empty = findings.find((f) => f.rule === "parse/empty" && f.level !== "error");
  if (!empty) return findings;
  const atRoot = (f: Finding) => f.rule === "schema/violation" && f.pointer === "";
  const file = empty.file ?? "";
  if (COMPOSE_LAYER.test(file)) {
    const composeRoot = (f: Finding) => atRoot(f) && f.message.includes(COMPOSE_SCHEMA);
    if (findings.some(composeRoot)) {
      const note = "Docker Compose skips an empty file it merges with -f, so it is reported, not refused";
      return findings.filter((f) => !composeRoot(f)).map((f) => (f === empty ? { ...f, message: `${f.message}; ${note}` } : f));
    }
  }
  const refused = REFUSES_EMPTY.find((r) => r.name.test(file));
  const refusal = refused && `${refused.reader} refuses a configuration that reads as null ("${refused.says}")`;
  const refusalFix = "write the configuration back (restore it from git if a write cut it short), or delete the file";
  if (!findings.some(atRoot)) {
    if (!refusal) return findings;
    return findings.map((f) => (f === empty ? { ...f, level: "error", message: `${f.message}; ${refusal}`, fix: refusalFix } : f));
  }
  return findings
    .filter((f) => f !== empty)
    .map((f) =>
      atRoot(f)
        ? {
            ...f,
            ...(refusal ? { level: "error" as const } : {}),
            message: [empty.message, refusal, f.message].filter(Boolean).join("; "),
            ...(f.fix !== undefined || empty.fix !== undefined ? { fix: [empty.fix, f.fix].filter(Boolean).join("; ") } : {}),
          }
        : f,
    );
}

/**
 * Whether a schema's root says on purpose that the document may be null (`type` naming "null",
 * `const: null`, an `enum` holding null, OpenAPI's `nullable: true`, or an `anyOf`/`oneOf` branch
 * that does): then an empty file is one its readers are written for. A root without `type` that
 * lists `required` keys accepts null only because JSON Schema applies `required` to objects:
 * that is no such statement (base-readings.ts: emptiedInChange).
 */
export function declaresNull(schema: unknown): boolean {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return false;
  const s = schema as Record<string, unknown>;
  if (s.type === "null" || (Array.isArray(s.type) && s.type.includes("null"))) return true;
  if (("const" in s && s.const === null) || (Array.isArray(s.enum) && s.enum.includes(null)) || s.nullable === true) return true;
  return [s.anyOf, s.oneOf].some((branches) => Array.isArray(branches) && branches.some(declaresNull));
}
