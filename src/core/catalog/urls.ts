/**
 * Where a remote schema URL resolves offline: SchemaStore's URLs (json.schemastore.org,
 * www.schemastore.org) and the other URLs the vendored entries are published under name the
 * vendored copies. Pure; any URL not listed here stays refused (schemas are never fetched).
 */
import { BUILTIN_DIGESTS, BUILTIN_ENTRIES } from "./builtin.generated.js";

/**
 * Prefix of the paths of vendored schemas in the schema store. A leading `/` can never be a
 * repo-relative path (normalizeRepoPath refuses it), so a config mapping cannot name one.
 */
export const BUILTIN_PREFIX = "/builtin/schemastore/";

const SCHEMASTORE_URL = /^https?:\/\/(?:json\.|www\.)?schemastore\.org\/([^/#?]+?)(?:\.json)?#?$/;

/** True for the path of a vendored schema (BUILTIN_PREFIX + file name). */
export function isBuiltinPath(p: string): boolean {
  return p.startsWith(BUILTIN_PREFIX);
}

/** The vendored file name of a built-in path, or undefined. */
export function builtinFile(p: string): string | undefined {
  if (!isBuiltinPath(p)) return undefined;
  const name = p.slice(BUILTIN_PREFIX.length);
  return Object.hasOwn(BUILTIN_DIGESTS, name) ? name : undefined;
}

/** The built-in path a remote schema URL resolves to offline, or undefined (then it stays refused). */
export function builtinPathForUrl(url: string): string | undefined {
  const clean = url.split("#")[0]!;
  const m = SCHEMASTORE_URL.exec(clean);
  if (m) {
    const file = `${m[1]}.json`;
    return Object.hasOwn(BUILTIN_DIGESTS, file) ? BUILTIN_PREFIX + file : undefined;
  }
  const entry = BUILTIN_ENTRIES.find((e) => e.url === clean);
  return entry ? BUILTIN_PREFIX + entry.file : undefined;
}

/**
 * Why a remote schema URL is refused, the same words wherever one is written (a catalog entry's
 * `url`, a `$ref` in a schema): `what` names the place, e.g. `url` or `$ref`.
 */
export function remoteRefusedMessage(what: string, url: string): string {
  return `${what} ${JSON.stringify(url)} is remote, and schemas are never fetched (no network)`;
}

/** The file name to save a local copy of a remote schema under: the URL's last path segment. */
export function localCopyName(url: string): string {
  const name = url.split(/[?#]/)[0]!.split("/").pop() ?? "";
  return /^[A-Za-z0-9._-]+$/.test(name) && name !== "." && name !== ".." ? name : "schema.json";
}
