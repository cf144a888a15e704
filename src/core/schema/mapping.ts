/**
 * Which schemas apply to a file. Pure: config mappings by glob, plus the file's own `$schema`
 * when it is a local path (resolved relative to the file). Remote `$schema` URLs are never
 * fetched: one of a vendored schema (json.schemastore.org) uses the vendored copy; others are
 * reported so `schema/missing` can say why they did not count. When neither applies, the
 * catalog of well-known files decides (explicit mappings always win over it).
 */
import { matcher } from "../glob.js";
import type { SchemaMapping } from "../../config/types.js";
import type { Catalog, CatalogMatch } from "../catalog/select.js";

export interface SchemaRef {
  /** Repo-relative POSIX path of the schema file. */
  path: string;
  /** Where the mapping came from: a config entry (its index), the file's own `$schema`, or a catalog entry. */
  from: { config: number } | "$schema" | { catalog: CatalogMatch };
}

interface SchemaChoice {
  schemas: SchemaRef[];
  /** The file's `$schema` when it is a URL we do not fetch (for the schema/missing message). */
  remote?: string;
  /** The file's `$schema` when it is a local path that escapes the repository (`..` above the root). */
  outside?: string;
}

/** Config mappings prepared once per run: normalised schema paths and compiled globs. */
export class SchemaMapper {
  private readonly entries: { path: string; match: (p: string) => boolean; index: number }[] = [];
  constructor(
    mappings: readonly SchemaMapping[] | undefined,
    /** The catalog of well-known files; consulted only for a file nothing else maps. */
    readonly catalog?: Catalog,
  ) {
    (mappings ?? []).forEach((m, index) => {
      const path = normalizeRepoPath(m.schema);
      if (path !== undefined) this.entries.push({ path, match: matcher(m.files), index });
    });
  }

  /** Schemas for `file` (repo-relative) with document value `value`. Duplicates are removed. */
  for(file: string, value: unknown): SchemaChoice {
    const schemas: SchemaRef[] = [];
    for (const e of this.entries) {
      if (e.match(file) && !schemas.some((s) => s.path === e.path)) schemas.push({ path: e.path, from: { config: e.index } });
    }
    const choice: SchemaChoice = { schemas };
    const own =
      value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>).$schema : undefined;
    if (typeof own === "string" && own !== "") {
      if (isUrl(own)) {
        const builtin = schemas.length === 0 ? this.catalog?.forUrl(own) : undefined;
        if (builtin !== undefined) schemas.push({ path: builtin.schema, from: { catalog: builtin } });
        else choice.remote = own;
      } else {
        const resolved = resolveRelative(file, own);
        if (resolved === undefined) choice.outside = own;
        else if (!schemas.some((s) => s.path === resolved)) schemas.push({ path: resolved, from: "$schema" });
      }
    }
    if (schemas.length === 0 && this.catalog) {
      const hit = this.catalog.match(file);
      if (hit) schemas.push({ path: hit.schema, from: { catalog: hit } });
    }
    return choice;
  }
}

/** Schemas for `file` (repo-relative) with document value `value` (one-off; use SchemaMapper in loops). */
export function schemasFor(file: string, mappings: readonly SchemaMapping[] | undefined, value: unknown): SchemaChoice {
  return new SchemaMapper(mappings).for(file, value);
}

/** True for `scheme:...` values (http:, https:, urn:, file:): not a relative path. */
export function isUrl(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && !/^[A-Za-z]:[\\/]/.test(s);
}

/**
 * Resolve `ref` (a relative path, maybe with `./`, `../`) against the folder of repo-relative
 * `from`. Undefined when it is absolute or climbs above the repository root.
 */
export function resolveRelative(from: string, ref: string): string | undefined {
  const clean = ref.replace(/\\/g, "/").split("#")[0]!;
  if (clean.startsWith("/") || clean === "") return undefined;
  const parts = from.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length ? parts.join("/") : undefined;
}

/** `./schemas/x.json` -> `schemas/x.json`; undefined for absolute or escaping paths. */
export function normalizeRepoPath(p: string): string | undefined {
  return resolveRelative("_", p);
}
