/**
 * Which catalog entry a file belongs to: a team's own catalog (validate.catalog) first, then the
 * built-in entries of well-known files, each as the config leaves it (off, its level, a local
 * schema in place of the vendored one). Pure. The built-in fileMatch globs are precompiled into
 * one regular expression (builtin.generated.ts), so a file that is no well-known file costs one
 * regex test and nothing here is loaded or compiled for it.
 */
import { matcher, type Matcher } from "../glob.js";
import { normalizeRepoPath } from "../schema/mapping.js";
import type { ValidateConfig } from "../../config/types.js";
import { BUILTIN_ANY, BUILTIN_ENTRIES } from "./builtin.generated.js";
import type { BuiltinEntry, CatalogLevel } from "./types.js";
import { BUILTIN_PREFIX, builtinPathForUrl } from "./urls.js";

/** An entry of a user catalog file, resolved (its schema a repo path or a built-in path). */
export interface UserCatalogEntry {
  name: string;
  fileMatch: readonly string[];
  /** Repo-relative schema path, or a built-in path for a SchemaStore URL of a vendored schema. */
  schema: string;
  level: CatalogLevel;
  /** Repo-relative path of the catalog file that lists it. */
  catalog: string;
}

/** The entry a file matched, and why. */
export interface CatalogMatch {
  /** The built-in entry id, or the user entry's name. */
  id: string;
  /** Schema path for the schema store (a built-in path or a repo-relative path). */
  schema: string;
  level: CatalogLevel;
  /** "built-in" or the repo path of the user catalog file. */
  catalog: string;
  /** How messages name the schema. */
  label: string;
  /** The fileMatch globs of the entry (the `schemas` command says which one matched). */
  fileMatch: readonly string[];
  /**
   * Set for a built-in entry matched by name with its vendored schema: the container that schema
   * requires at the root. A file whose root is the other container is not this kind of file.
   */
  rootType?: "object" | "array";
}

interface Prepared {
  match: Matcher;
  result: CatalogMatch;
}

/** Built-in entries with the config applied: off, or a changed level or schema. */
function builtinEntries(cfg: ValidateConfig): Prepared[] {
  const wk = cfg.well_known;
  if (wk === false) return [];
  const overrides = typeof wk === "object" ? (wk.entries ?? {}) : {};
  const out: Prepared[] = [];
  for (const e of BUILTIN_ENTRIES) {
    const o = Object.hasOwn(overrides, e.id) ? overrides[e.id] : undefined;
    if (o === false) continue;
    const local = typeof o === "object" && o.schema !== undefined ? normalizeRepoPath(o.schema) : undefined;
    out.push({
      match: (p) => e.match.test(p),
      result: {
        id: e.id,
        schema: local ?? BUILTIN_PREFIX + e.file,
        level: (typeof o === "object" && o.level) || e.level,
        catalog: "built-in",
        label: local ?? builtinLabel(e),
        fileMatch: e.fileMatch,
        ...(local === undefined && e.rootType ? { rootType: e.rootType } : {}),
      },
    });
  }
  return out;
}

/** How a finding names a vendored schema: its entry and file, never an internal path. */
function builtinLabel(e: BuiltinEntry): string {
  return `built-in schema ${e.id} (${e.file})`;
}

/** Entry ids in validate.well_known.entries that name no built-in entry (a typo would switch nothing off). */
export function unknownEntryIds(cfg: ValidateConfig): string[] {
  const wk = cfg.well_known;
  if (typeof wk !== "object" || !wk.entries) return [];
  return Object.keys(wk.entries).filter((id) => !BUILTIN_ENTRIES.some((e) => e.id === id));
}

/** The catalog of one run: user entries first, then the built-in ones. */
export class Catalog {
  private user: Prepared[] = [];
  private readonly builtin: Prepared[];
  /** False when the built-in catalog is off and no user catalog is loaded: nothing to test. */
  private readonly anyBuiltin: boolean;

  constructor(cfg: ValidateConfig) {
    this.builtin = builtinEntries(cfg);
    this.anyBuiltin = this.builtin.length > 0;
  }

  /** Add the entries of user catalog files (read by src/io/catalog-files.ts); they match before the built-in ones. */
  addUserEntries(entries: readonly UserCatalogEntry[]): void {
    this.user = entries.map((e) => ({
      match: matcher(e.fileMatch.map((g) => (g.includes("/") ? g : `**/${g}`))),
      result: {
        id: e.name,
        schema: e.schema,
        level: e.level,
        catalog: e.catalog,
        label: `${e.schema} (${e.catalog})`,
        fileMatch: e.fileMatch,
      },
    }));
  }

  /**
   * The vendored schema a file's own remote `$schema` names (json.schemastore.org), with the
   * level of the built-in entry of that schema (warning when none, or when it is advisory);
   * undefined when the built-in catalog or that entry is off, or nothing vendored matches.
   */
  forUrl(url: string): CatalogMatch | undefined {
    if (!this.anyBuiltin) return undefined;
    const path = builtinPathForUrl(url);
    if (path === undefined) return undefined;
    const entry = BUILTIN_ENTRIES.find((e) => BUILTIN_PREFIX + e.file === path);
    const on = entry && this.builtin.find((b) => b.result.id === entry.id);
    if (entry && !on) return undefined;
    const file = path.slice(BUILTIN_PREFIX.length);
    return {
      id: entry?.id ?? file,
      schema: on?.result.schema ?? path,
      level: on?.result.level ?? "warning",
      catalog: "$schema",
      label: on?.result.label ?? `built-in schema ${file}`,
      fileMatch: [],
    };
  }

  /** The entries of the user catalogs, in match order (for `schemas --list`). */
  userEntries(): CatalogMatch[] {
    return this.user.map((u) => u.result);
  }

  /** The first entry matching repo-relative `file`, or undefined. */
  match(file: string): CatalogMatch | undefined {
    for (const u of this.user) if (u.match(file)) return u.result;
    // One regex for every built-in glob: the common case (no well-known file) stops here.
    if (!this.anyBuiltin || !BUILTIN_ANY.test(file)) return undefined;
    for (const b of this.builtin) if (b.match(file)) return b.result;
    return undefined;
  }
}
