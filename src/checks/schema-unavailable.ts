/**
 * Findings for a schema that cannot be used: a file's own `$schema` that is not there yet (a
 * dependency's schema in node_modules/, a missing file, a draft we cannot compile) is a warning
 * unless validate.require_schema says the file must be validated (so is one that `$ref`s a remote
 * URL, which is never fetched); a config-mapped schema under
 * node_modules/ that is not installed stops the run with a fix that never says `git add`.
 */
import { ConfigError, RemoteRefError, SchemaTooLargeError, UnsupportedDraftError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { parseDocumentAsync } from "../core/parse/index.js";
import { draftOf } from "../core/schema/draft.js";
import type { SchemaRef } from "../core/schema/mapping.js";
import { isDependencyPath } from "../io/schema-source.js";
import type { FileSource } from "../io/file-source.js";

/**
 * A config-mapped schema under node_modules/ that is not installed: say so, and never suggest
 * `git add` for a dependency's file (the store's message assumes a file of the repository).
 */
export async function dependencyMappingError(schemaPath: string, error: ConfigError, schemaSource: FileSource): Promise<ConfigError> {
  if (!isDependencyPath(schemaPath) || (await schemaSource.read([schemaPath])).has(schemaPath)) return error;
  return new ConfigError(`schema ${schemaPath} (validate.schemas) is under node_modules/ and is not installed`, {
    fix: "run npm install (or your package manager's install) first, or map a schema file committed in the repository",
  });
}

/**
 * The finding for a file's own `$schema` that cannot be used. A schema that is not there yet (a
 * dependency's schema in node_modules/, or a missing file) is a warning: the file may well be
 * valid, and we cannot tell. It is an error when validate.require_schema says the file must be
 * validated and no config mapping validates it instead. A schema of the repository that exists
 * but is broken stays an error.
 */
export async function ownSchemaUnavailable(
  file: string,
  ref: SchemaRef,
  schemas: readonly SchemaRef[],
  error: ConfigError,
  env: { requireSchema: (p: string) => boolean; source: FileSource; schemaSource: FileSource },
): Promise<Finding> {
  const dependency = isDependencyPath(ref.path);
  const bytes = (await env.schemaSource.read([ref.path])).get(ref.path);
  const missing = bytes === undefined;
  // The named schema, or a schema of the repository it $refs (json-schema-spec's test suite $refs
  // its meta-schema, written in https://json-schema.org/v1), in a draft we cannot compile.
  const refDraft = !dependency && error instanceof UnsupportedDraftError && error.schemaPath !== ref.path ? error : undefined;
  // Over validate.max_schema_size (never loaded, so never parsed here either): like a schema that
  // is not there, we cannot tell whether the file is valid.
  const tooLarge = error instanceof SchemaTooLargeError;
  const draft =
    !dependency && !tooLarge && Buffer.isBuffer(bytes)
      ? ((await unsupportedDraft(ref.path, bytes)) ??
        (refDraft ? `the meta-schema ${refDraft.draft} (in ${refDraft.schemaPath}, which it $refs)` : undefined))
      : undefined;
  // A schema that $refs a remote URL is not broken: its author's tools fetch what we never do
  // (lerna's own lerna-schema.json $refs the conventional-changelog spec on GitHub).
  const remote = error instanceof RemoteRefError;
  if (!dependency && !missing && draft === undefined && !remote && !tooLarge) {
    return { rule: "schema/unavailable", level: "error", file, message: error.message, ...(error.fix ? { fix: error.fix } : {}) };
  }
  const required = env.requireSchema(file) && !schemas.some((s) => s.from !== "$schema");
  const inIndex = env.source.kind === "index";
  const what = dependency
    ? missing
      ? `$schema names ${ref.path}, a dependency's schema that is not installed here`
      : `$schema names ${ref.path}, a dependency's schema that cannot be used (${error.message})`
    : remote || tooLarge
      ? `$schema names ${ref.path}, which cannot be used here: ${error.message}`
      : draft !== undefined
        ? `$schema names ${ref.path}, written in ${draft}, which integrity-guard cannot validate with`
        : `$schema names ${ref.path}, which does not exist${inIndex ? " in the git index" : ""}`;
  const fix = dependency
    ? missing
      ? "run npm install (or your package manager's install), or map a schema committed in the repository in validate.schemas"
      : "map a schema that compiles in validate.schemas of .integrity-guard/config.yml"
    : remote || tooLarge
      ? (error.fix ?? "save the remote schema in the repository and $ref it by a relative path")
      : draft !== undefined
        ? `set $schema in ${refDraft?.schemaPath ?? ref.path} to a draft integrity-guard reads (draft-04, -06, -07, 2019-09 or 2020-12), or map a schema in validate.schemas`
        : inIndex
          ? `git add ${ref.path} if it belongs in the repository, or correct $schema (a path relative to this file)`
          : `create ${ref.path}, or correct $schema (a path relative to this file)`;
  return {
    rule: "schema/unavailable",
    level: required ? "error" : "warning",
    file,
    message: required
      ? `${what}; validate.require_schema says ${file} must be validated, and no other schema applies`
      : `${what}; the file was not validated against it`,
    fix: required ? fix : `${fix} (validate.require_schema makes this an error)`,
  };
}

/**
 * The draft a schema file declares when it is one integrity-guard cannot compile (an unknown
 * meta-schema such as draft-03): our limitation, not a fault of the file that names it. Undefined when it
 * parses to a supported draft or does not parse (then it is broken, which is an error).
 */
async function unsupportedDraft(schemaPath: string, bytes: Buffer): Promise<string | undefined> {
  const lower = schemaPath.toLowerCase();
  const yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
  const doc = await parseDocumentAsync(bytes, { path: schemaPath, format: yaml ? "yaml" : "json" });
  if (!doc.ok) return undefined;
  const draft = draftOf(doc.value);
  return typeof draft === "object" ? `the meta-schema ${draft.unknown}` : undefined;
}
