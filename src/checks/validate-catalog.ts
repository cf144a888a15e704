/**
 * The validate check's side of the catalog of well-known files: the user catalogs of a run, and
 * what a catalog entry changes in a finding (its level, how the schema is named, how to quiet it).
 */
import { ConfigError } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { unknownEntryIds, type CatalogMatch } from "../core/catalog/select.js";
import type { SchemaMapper, SchemaRef } from "../core/schema/mapping.js";
import type { ValidateConfig } from "../config/types.js";
import { loadUserCatalogs } from "../io/catalog-files.js";
import type { FileSource } from "../io/file-source.js";
import { allOfOtherRoot, fhirPackageReader, headerReader, legacyFormat, schemaPieceReader } from "./root-kind.js";

/**
 * Prepare the run's catalog: refuse entry ids that name no built-in entry (a typo must not leave
 * an entry on that the user meant to turn off) and add the entries of validate.catalog's files.
 */
export async function prepareCatalog(cfg: ValidateConfig, mapper: SchemaMapper, schemaSource: FileSource): Promise<void> {
  const unknown = unknownEntryIds(cfg);
  if (unknown.length) {
    throw new ConfigError(`validate.well_known.entries: ${unknown.map((u) => JSON.stringify(u)).join(", ")} is no built-in entry`, {
      fix: "use an id that `integrity-guard schemas --list` shows (github-workflow, compose, dependabot, package, ...)",
    });
  }
  if (cfg.catalog !== undefined && mapper.catalog) mapper.catalog.addUserEntries(await loadUserCatalogs(cfg, schemaSource));
}

/** The catalog entry a schema reference came from, if any. */
export function catalogOf(ref: SchemaRef): CatalogMatch | undefined {
  return typeof ref.from === "object" && "catalog" in ref.from ? ref.from.catalog : undefined;
}

/** A schema finding of a catalog entry at the entry's level, saying how to quiet a built-in entry. */
export function atCatalogLevel(f: Finding, entry: CatalogMatch): Finding {
  const level = f.level === "error" ? entry.level : f.level;
  const builtin = entry.catalog === "built-in" || entry.catalog === "$schema";
  const quiet = !builtin
    ? undefined
    : level === "error"
      ? `if the file is right and the built-in schema is wrong: set validate.well_known.entries.${entry.id} to {level: warning} or false`
      : `to silence it: validate.well_known.entries.${entry.id}: false`;
  return { ...f, level, ...(quiet ? { fix: f.fix ? `${f.fix}; ${quiet}` : quiet } : {}) };
}

/**
 * A catalog entry whose schema cannot be used: a finding on the file, naming the entry and how to
 * turn it off, never a reason to stop every other check. A built-in one is a warning (the schemas
 * compile, test/corpora/schemastore-catalog.test.ts: this is a damaged installation); a user
 * catalog's entry keeps its level.
 */
export function catalogSchemaUnavailable(file: string, entry: CatalogMatch, error: ConfigError): Finding {
  const builtin = entry.catalog === "built-in" || entry.catalog === "$schema";
  return {
    rule: "schema/unavailable",
    // A team's own entry is its contract: its level holds (an error unless it says warning).
    level: builtin ? "warning" : entry.level,
    file,
    message: `${builtin ? `the built-in entry ${entry.id}` : `${entry.catalog} (entry ${entry.id})`} could not be used, ${file} was not checked against it: ${error.message}`,
    fix: builtin
      ? `${error.fix ? `${error.fix}; or ` : ""}turn the entry off: validate.well_known.entries.${entry.id}: false`
      : (error.fix ?? `fix the entry in ${entry.catalog}`),
  };
}

/**
 * A file a built-in entry matched by name, whose root is the other container than the entry's
 * schema requires (an Ansible task list named docker-compose.yml): not that kind of file, so a
 * notice saying why it was not validated against the entry, and no schema errors. Only a list
 * where a mapping is expected or the reverse: an empty document (null) or a scalar is validated
 * as usual, since a truncated or overwritten well-known file must still fail its schema. With
 * `text`, a YAML header that names another reader (Hydra's `# @package`, root-kind.ts) is the
 * same kind of notice, and so is an action.yml that holds a piece of an OpenAPI description
 * (schemaPieceReader) and a package.json that is a FHIR package's manifest (fhirPackageReader).
 */
export function notThisKind(file: string, entry: CatalogMatch, documents: readonly unknown[], text?: string): Finding | undefined {
  const builtin = entry.catalog === "built-in";
  const reader = builtin
    ? ((text !== undefined ? headerReader(text) : undefined) ??
      schemaPieceReader(entry.id, documents) ??
      fhirPackageReader(entry.id, documents))
    : undefined;
  if (reader !== undefined) return otherReaderFinding(file, entry, reader);
  const legacy = entry.catalog === "built-in" ? legacyFormat(entry.id, documents) : undefined;
  if (legacy !== undefined) return legacyFormatFinding(file, entry, legacy);
  if (!entry.rootType || entry.catalog !== "built-in" || !allOfOtherRoot(documents, entry.rootType)) return undefined;
  return otherKindFinding(file, entry);
}

/** The notice for a file whose every document has the other root type than `entry` expects. */
export function otherKindFinding(file: string, entry: CatalogMatch): Finding {
  const other = entry.rootType === "object" ? "array" : "object";
  const name = (t: string) => (t === "object" ? "a mapping" : "a list");
  return {
    rule: "schema/skipped",
    level: "notice",
    file,
    line: 1,
    column: 1,
    message: `${file} matches the built-in entry ${entry.id} by name, but its root is ${name(other)} where ${entry.id} files are ${name(entry.rootType!)}: it is another kind of file and was not validated against ${entry.label}`,
    expected: `${name(entry.rootType!)} at the root`,
    found: name(other),
    fix: `if it is meant to be a ${entry.id} file, make its root ${name(entry.rootType!)}; to check it against a schema of its own, map it in validate.schemas`,
  };
}

/** The notice for a file matched by name whose own header says another program reads it. */
export function otherReaderFinding(file: string, entry: CatalogMatch, reader: string): Finding {
  return {
    rule: "schema/skipped",
    level: "notice",
    file,
    line: 1,
    column: 1,
    message: `${file} matches the built-in entry ${entry.id} by name, but it is read by ${reader}: it is another kind of file and was not validated against ${entry.label}`,
    fix: `if it is meant to be a ${entry.id} file, remove that header; to check it against a schema of its own, map it in validate.schemas`,
  };
}

/** The warning for a file in a legacy format of a built-in entry that only an end-of-life reader takes (legacyFormat in root-kind.ts). */
export function legacyFormatFinding(file: string, entry: CatalogMatch, format: string): Finding {
  return {
    rule: "schema/skipped",
    level: "warning",
    file,
    line: 1,
    column: 1,
    message: `${file} is in ${format}: only docker-compose 1.x (end of life) reads it, and \`docker compose\` refuses it; it was not validated against ${entry.label}`,
    fix: "move the services under a top-level `services:` key (Compose Specification); to keep the old format, pin docker-compose 1.x where it runs",
  };
}
