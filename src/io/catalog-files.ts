/**
 * The files of the catalog of well-known files: the vendored schemas (vendor/schemastore/ of
 * the installed package, each checked against the digest recorded at build time, so a copy that
 * was altered is refused rather than trusted) and a team's own catalog files (validate.catalog,
 * read through the run's source like any schema).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, EnvironmentError } from "../errors.js";
import { BUILTIN_DIGESTS } from "../core/catalog/builtin.generated.js";
import type { UserCatalogEntry } from "../core/catalog/select.js";
import { BUILTIN_PREFIX, builtinFile, builtinPathForUrl, localCopyName, remoteRefusedMessage } from "../core/catalog/urls.js";
import { parseDocument } from "../core/parse/index.js";
import { isUrl, normalizeRepoPath, resolveRelative } from "../core/schema/mapping.js";
import type { ValidateConfig } from "../config/types.js";
import type { FileSource, ReadResult } from "./file-source.js";

const VENDOR_PARTS = ["vendor", "schemastore", "schemas"];
let vendorDir: string | undefined;

/**
 * vendor/schemastore/schemas/ of this package: the nearest folder above this module that has
 * one (src/io/ in a checkout, dist/cli/ in the package; the parts are joined at run time so the
 * bundler leaves the folder where it is).
 */
export function vendoredSchemasDir(): string {
  if (vendorDir) return vendorDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, ...VENDOR_PARTS);
    if (fs.existsSync(candidate)) return (vendorDir = candidate);
    const up = path.dirname(dir);
    if (up === dir) throw brokenInstall("the built-in schemas (vendor/schemastore/schemas/) are missing from this installation");
    dir = up;
  }
}

/**
 * A built-in schema this installation cannot give: its install is broken, not the user's file. An
 * EnvironmentError (exit 2), never a ConfigError, which a file's check turns into a schema/unavailable
 * warning: a build run from a folder without vendor/ (IG_DIST outside the tree, a package that
 * left it out) then passed every well-known file unchecked.
 */
function brokenInstall(what: string): EnvironmentError {
  return new EnvironmentError(`${what}, so the built-in catalog of well-known files cannot be checked`, {
    fix: "reinstall integrity-guard (a build needs vendor/schemastore/ at or above its folder), or turn the catalog off with validate.well_known: false",
  });
}

/**
 * Read vendored schemas by their built-in paths. A path that names no vendored file reads as
 * missing; a vendored file that cannot be read, or whose SHA-256 differs from the one recorded
 * when it was vendored (a copy altered in place), throws: the run cannot check what it promises.
 */
export function readBuiltinSchemas(paths: readonly string[]): Map<string, ReadResult> {
  const out = new Map<string, ReadResult>();
  for (const p of paths) {
    const name = builtinFile(p);
    if (name === undefined) continue; // not vendored: reads as missing
    let bytes: Buffer;
    const file = path.join(vendoredSchemasDir(), name);
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw brokenInstall(`the built-in schema ${file} cannot be read (${(error as Error).message})`);
    }
    const sha = createHash("sha256").update(bytes).digest("hex");
    if (sha !== BUILTIN_DIGESTS[name])
      throw brokenInstall(`the built-in schema ${file} differs from the digest recorded when it was vendored`);
    out.set(p, bytes);
  }
  return out;
}

/** Repo paths of the catalog files validate.catalog names. */
function userCatalogPaths(cfg: ValidateConfig): string[] {
  const c = cfg.catalog;
  return c === undefined ? [] : typeof c === "string" ? [c] : c;
}

/**
 * The entries of the catalog files validate.catalog names, read through `source` (the index in
 * the hook). SchemaStore's format: `{"schemas": [{"name", "fileMatch", "url"}]}`; `url` is a
 * path relative to the catalog file or the SchemaStore URL of a vendored schema; `level`
 * ("error" or "warning", default error) is ours. Anything else is a config error saying which
 * line of which file to change: a remote URL is never fetched.
 */
export async function loadUserCatalogs(cfg: ValidateConfig, source: FileSource): Promise<UserCatalogEntry[]> {
  const files = userCatalogPaths(cfg);
  if (files.length === 0) return [];
  const normalized = files.map((f) => {
    const p = normalizeRepoPath(f);
    if (p === undefined)
      throw new ConfigError(`validate.catalog: ${JSON.stringify(f)} is absolute or leaves the repository`, {
        fix: "use a path relative to the repository root, e.g. .integrity-guard/catalog.json",
      });
    return p;
  });
  const read = await source.read(normalized);
  const out: UserCatalogEntry[] = [];
  for (const file of normalized) {
    const bytes = read.get(file);
    if (!Buffer.isBuffer(bytes)) {
      throw new ConfigError(
        `validate.catalog: ${file} ${bytes === undefined ? `does not exist${source.kind === "index" ? " in the git index" : ""}` : `cannot be read: ${bytes.error}`}`,
        {
          fix: `create ${file} (SchemaStore's catalog.json format), ${source.kind === "index" ? `git add it, ` : ""}or correct validate.catalog in .integrity-guard/config.yml`,
        },
      );
    }
    const doc = parseDocument(bytes, { path: file, format: "json" });
    if (!doc.ok) {
      const f = doc.findings.find((x) => x.level === "error") ?? doc.findings[0];
      throw new ConfigError(`validate.catalog: ${file}:${f?.line ?? 1}:${f?.column ?? 1}: ${f?.message ?? "does not parse"}`, {
        fix: `fix the JSON of ${file}`,
      });
    }
    const schemas = (doc.value as { schemas?: unknown } | null)?.schemas;
    if (!Array.isArray(schemas)) {
      throw new ConfigError(`validate.catalog: ${file} has no "schemas" array (SchemaStore's catalog.json format)`, {
        fix: 'write {"schemas": [{"name": "...", "fileMatch": ["..."], "url": "./schemas/x.json"}]}',
      });
    }
    schemas.forEach((raw: unknown, i: number) => {
      const where = `${file}${lineOf(doc, `/schemas/${i}`)}: schemas[${i}]`;
      const e = raw as { name?: unknown; fileMatch?: unknown; url?: unknown; level?: unknown };
      if (e === null || typeof e !== "object" || typeof e.url !== "string" || typeof e.name !== "string") {
        throw new ConfigError(`validate.catalog: ${where} needs a "name" and a "url" (strings)`, { fix: "add them, or remove the entry" });
      }
      const globs = Array.isArray(e.fileMatch) ? e.fileMatch.filter((g): g is string => typeof g === "string") : [];
      if (globs.length === 0) return; // SchemaStore lists schemas with no fileMatch too: nothing to select
      if (e.level !== undefined && e.level !== "error" && e.level !== "warning") {
        throw new ConfigError(`validate.catalog: ${where}: level ${JSON.stringify(e.level)} is not "error" or "warning"`, {
          fix: 'set "level": "error" (the default) or "warning"',
        });
      }
      let schema: string | undefined;
      if (isUrl(e.url)) {
        schema = builtinPathForUrl(e.url);
        if (schema === undefined) {
          throw new ConfigError(`validate.catalog: ${where} (${e.name}): ${remoteRefusedMessage("url", e.url)}`, {
            fix: `save that schema in the repository and point the entry at it: "url": "./schemas/${localCopyName(e.url)}" (a path relative to ${file})`,
          });
        }
      } else {
        schema = resolveRelative(file, e.url);
        if (schema === undefined || schema.startsWith(BUILTIN_PREFIX))
          throw new ConfigError(`validate.catalog: ${where} (${e.name}): url ${JSON.stringify(e.url)} leaves the repository`, {
            fix: `use a path relative to ${file} inside the repository`,
          });
      }
      out.push({ name: e.name, fileMatch: globs, schema, level: e.level ?? "error", catalog: file });
    });
  }
  return out;
}

function lineOf(doc: ReturnType<typeof parseDocument>, pointer: string): string {
  const pos = doc.ok ? doc.locate(pointer) : undefined;
  return pos ? `:${pos.line}:${pos.column}` : "";
}
