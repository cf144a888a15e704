/**
 * The root type of parsed documents, for the catalog's root-type guard (validate-catalog.ts),
 * shared with the parse worker (parse-task.ts), whose bundle must not pull in the catalog.
 */

/** "object" for a mapping, "array" for a list, undefined for a scalar or null. */
function rootKind(d: unknown): "object" | "array" | undefined {
  return Array.isArray(d) ? "array" : d !== null && typeof d === "object" ? "object" : undefined;
}

/**
 * Whether there are documents and every one has the root type other than `expected`: a file
 * matched by name that is another kind of file. Empty files and scalars are not (they are
 * validated, so a truncated file still fails).
 */
export function allOfOtherRoot(documents: readonly unknown[], expected: "object" | "array"): boolean {
  const other = expected === "object" ? "array" : "object";
  return documents.length > 0 && documents.every((d) => rootKind(d) === other);
}

/**
 * Built-in entries whose reader takes a file of only comments as an empty layer: Compose merges
 * every `-f` file and reads a comment-only one as nothing to add (`docker compose config` exits 0;
 * open-telemetry/opentelemetry-demo keeps compose.extras.yaml so as a fork's seam). A file that is
 * empty or only white space is still validated (it reads as null and fails), since that is what a
 * truncated write leaves; the parse/empty warning names both.
 */
const COMMENT_ONLY_ACCEPTED = new Set(["compose"]);

/** Whether a built-in entry's schema is not applied to this file: a YAML stream of comments only, for an entry whose reader accepts that. */
export function commentOnlyAccepted(entryId: string | undefined, text: string, documents: readonly unknown[]): boolean {
  return entryId !== undefined && COMMENT_ONLY_ACCEPTED.has(entryId) && documents.length === 0 && /^[ \t]*#/m.test(text);
}

/**
 * The reader a YAML file's own header names, when that reader is not the one a well-known name
 * implies: Hydra's `# @package` directive (the first non-blank lines of a Hydra config are
 * `# @key value` headers, read by hydra/plugins/config_source.py; `@package` places the config
 * in the composed tree). A Hydra config named compose.yaml is a config group option, never read
 * by Docker Compose's schema. Undefined when the header names no other reader.
 */
export function headerReader(text: string): string | undefined {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const line = (end < 0 ? text.slice(start) : text.slice(start, end)).trim();
    start = end < 0 ? text.length : end + 1;
    if (line === "") continue;
    // Hydra stops reading its header at the first line that is not `# @key value`.
    const m = /^#\s*@(\S+)\s+\S/.exec(line);
    if (!m) return undefined;
    if (m[1] === "package") return "Hydra (its `# @package` header)";
  }
  return undefined;
}

/** Top-level keys of the Compose Specification (and of file formats 2 and 3). */
const COMPOSE_TOP_KEYS = new Set(["version", "name", "services", "networks", "volumes", "secrets", "configs", "include", "models"]);

/**
 * A legacy format of a built-in entry's file that only an end-of-life reader takes, named for the
 * warning, or undefined. Compose file format v1 lists the services at the root, with no
 * `services:` key: docker-compose 1.x read it, and `docker compose` (v2, compose-go) refuses it,
 * so the file is not corrupt but will not run on today's Docker. Recognised only when every root
 * key is a service (a mapping with `image` or `build`), so a damaged v2 file is still validated.
 */
export function legacyFormat(entryId: string | undefined, documents: readonly unknown[]): string | undefined {
  if (entryId !== "compose" || documents.length !== 1) return undefined;
  const root = documents[0];
  if (rootKind(root) !== "object") return undefined;
  const entries = Object.entries(root as Record<string, unknown>);
  const isService = (v: unknown) => rootKind(v) === "object" && ("image" in (v as object) || "build" in (v as object));
  if (entries.length === 0 || entries.some(([k, v]) => COMPOSE_TOP_KEYS.has(k) || k.startsWith("x-") || !isService(v))) return undefined;
  return "Compose file format v1 (services at the root, no `services:` key)";
}

/** The top-level keys of a GitHub Action's metadata file (action.yml): the runner's action root. */
const ACTION_KEYS = ["name", "runs", "inputs", "outputs", "author", "branding"];

/**
 * The root keys of a JSON Schema or of an OpenAPI object (Schema, Response, Parameter, Path Item,
 * Request Body, a whole description) that OpenAPI descriptions split one object per file and `$ref`.
 */
const SCHEMA_PIECE_KEYS = new Set([
  "$ref",
  "type",
  "properties",
  "items",
  "allOf",
  "anyOf",
  "oneOf",
  "enum",
  "content",
  "headers",
  "schema",
  "in",
  "get",
  "put",
  "post",
  "patch",
  "delete",
  "parameters",
  "requestBody",
  "responses",
  "openapi",
  "swagger",
  "paths",
  "components",
]);

/**
 * The reader of a file a built-in entry matches by name whose content is another kind of file,
 * or undefined. An `action.yml` is read by GitHub's runner only from the folder a `uses:` names;
 * OpenAPI descriptions split into one file per object name files for the object they hold
 * (digitalocean/openapi's `resources/actions/models/action.yml`, a Schema object). Recognised only
 * when the root is one mapping with none of an action's keys and some of a schema's or OpenAPI
 * object's, so an action that lost its `runs` (its `name` is left) is still validated.
 */
export function schemaPieceReader(entryId: string | undefined, documents: readonly unknown[]): string | undefined {
  if (entryId !== "github-action" || documents.length !== 1 || rootKind(documents[0]) !== "object") return undefined;
  const keys = Object.keys(documents[0] as object);
  if (keys.some((k) => ACTION_KEYS.includes(k)) || !keys.some((k) => SCHEMA_PIECE_KEYS.has(k))) return undefined;
  return "OpenAPI or JSON Schema tools (its root holds a schema's or an OpenAPI object's keys, none of an action's)";
}

/**
 * The reader of a `package.json` that is a FHIR package's manifest, or undefined. FHIR packages
 * (HL7's FHIR NPM Package Spec) are npm-shaped tarballs whose package/package.json holds the
 * package's `canonical` URL and its FHIR versions (`fhirVersions`; `fhir-version-list` in the R2
 * to R4 core packages), with a `type` such as `fhir.core`, `fhir.ig` or `Conformance` that npm's
 * schema does not allow. FHIR tools (the IG publisher, SUSHI, the validator) read them from a
 * package cache or test fixtures, never npm. Recognised only when the root holds `canonical` and a
 * list of FHIR versions, so an npm package.json (none has those) is still validated.
 */
export function fhirPackageReader(entryId: string | undefined, documents: readonly unknown[]): string | undefined {
  if (entryId !== "package" || documents.length !== 1 || rootKind(documents[0]) !== "object") return undefined;
  const root = documents[0] as Record<string, unknown>;
  const versions = root["fhirVersions"] ?? root["fhir-version-list"];
  if (typeof root["canonical"] !== "string" || !Array.isArray(versions)) return undefined;
  return "FHIR package tools (a FHIR package manifest: its root holds `canonical` and the package's FHIR versions)";
}
