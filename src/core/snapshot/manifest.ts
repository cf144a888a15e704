/**
 * The manifest stored inside every snapshot (`.integrity-snapshot/manifest.json`): the SHA-256
 * and size of each file. Its bytes are deterministic (sorted paths, fixed key order, no time),
 * so two snapshots of unchanged files have the same digest and "nothing changed" is one compare.
 */
import { unsupportedNameReason } from "../names.js";

export const SNAPSHOT_MANIFEST_PATH = ".integrity-snapshot/manifest.json";
export const SNAPSHOT_META_DIR = ".integrity-snapshot";

export interface SnapshotFileEntry {
  sha256: string;
  size: number;
  /** Git file mode: 100644 or 100755. */
  mode: "100644" | "100755";
}

export interface SnapshotManifest {
  version: 1;
  set: string;
  /** The set's paths as configured when the snapshot was taken ("dir/" = everything below). */
  paths: string[];
  /**
   * Files under `paths` the set left out (a restore neither writes nor removes them): git-ignored
   * files (`ignored: true`), secret-looking names except those matching `secrets` (globs).
   * Absent in snapshots taken before sets could leave files out: everything was captured.
   */
  excludes?: { ignored?: true; secrets?: string[] };
  /** File blobs are age-encrypted (encrypt.ts); `recipients` is the sha256 of the recipient list. */
  encryption?: { format: "age"; recipients: string };
  files: Record<string, SnapshotFileEntry>;
}

/** Serialise with sorted paths and a fixed key order (the digest depends on these bytes). */
export function serializeSnapshotManifest(m: SnapshotManifest): string {
  const files: Record<string, SnapshotFileEntry> = {};
  for (const p of Object.keys(m.files).sort(comparePaths)) {
    const e = m.files[p]!;
    files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
  }
  // The optional keys appear only when set, so manifests of plain sets keep their bytes (and digests).
  const excludes = m.excludes && {
    ...(m.excludes.ignored ? { ignored: true } : {}),
    ...(m.excludes.secrets ? { secrets: [...m.excludes.secrets] } : {}),
  };
  const encryption = m.encryption && { format: m.encryption.format, recipients: m.encryption.recipients };
  return (
    JSON.stringify(
      { version: 1, set: m.set, paths: [...m.paths], ...(excludes ? { excludes } : {}), ...(encryption ? { encryption } : {}), files },
      null,
      1,
    ) + "\n"
  );
}

/** Byte-wise path order (what git uses), independent of locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parse and check the shape of a stored manifest; returns a reason string when it is not valid. */
export function parseSnapshotManifest(text: string): SnapshotManifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (!isObject(data) || data.version !== 1) return 'missing "version": 1';
  if (typeof data.set !== "string") return 'missing "set"';
  if (!Array.isArray(data.paths) || !data.paths.every((p) => typeof p === "string")) return '"paths" is not a list of strings';
  if (!isObject(data.files)) return '"files" is not an object';
  const files: Record<string, SnapshotFileEntry> = {};
  for (const [p, e] of Object.entries(data.files)) {
    if (!isObject(e) || typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256)) return `file ${JSON.stringify(p)}: bad sha256`;
    if (typeof e.size !== "number" || !Number.isSafeInteger(e.size) || e.size < 0) return `file ${JSON.stringify(p)}: bad size`;
    if (e.mode !== "100644" && e.mode !== "100755") return `file ${JSON.stringify(p)}: bad mode`;
    files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
  }
  const out: SnapshotManifest = { version: 1, set: data.set, paths: data.paths, files };
  if (data.excludes !== undefined) {
    const x = data.excludes;
    if (!isObject(x) || (x.ignored !== undefined && x.ignored !== true)) return '"excludes" is not { ignored?: true, secrets?: [...] }';
    if (x.secrets !== undefined && !(Array.isArray(x.secrets) && x.secrets.every((g) => typeof g === "string")))
      return '"excludes.secrets" is not a list of strings';
    out.excludes = { ...(x.ignored ? { ignored: true as const } : {}), ...(x.secrets ? { secrets: x.secrets } : {}) };
  }
  if (data.encryption !== undefined) {
    const e = data.encryption;
    // An unknown format must not be restored as if it were clear bytes.
    if (!isObject(e) || e.format !== "age" || typeof e.recipients !== "string") return '"encryption" is not { format: "age", recipients }';
    out.encryption = { format: "age", recipients: e.recipients };
  }
  return out;
}

/**
 * Why a path stored in a snapshot must not be written to disk, or undefined when it is safe:
 * absolute, `..` (also between backslashes), empty segments, NUL, a name that is not UTF-8, or
 * inside .git / our own meta folder.
 */
export function unsafeSnapshotPath(p: string): string | undefined {
  if (p.length === 0) return "empty path";
  if (p.includes("\0")) return "contains a NUL byte";
  // A backslash is an ordinary character in a git name (issue 14); `..` between backslashes is not.
  const unsupported = unsupportedNameReason(p);
  if (unsupported) return unsupported;
  if (p.startsWith("\\")) return "starts with a backslash";
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p)) return "absolute path";
  const parts = p.split("/");
  if (parts.some((s) => s === "" || s === "." || s === "..")) return "contains an empty, '.' or '..' segment";
  if (parts.some((s) => s.toLowerCase() === ".git")) return "inside a .git folder";
  if (parts[0] === SNAPSHOT_META_DIR) return "inside the snapshot's own metadata folder";
  return undefined;
}

/** True when `file` is `scope` itself or below `scope` ("dir/" or "dir" both name a folder). */
export function inScope(file: string, scope: string): boolean {
  const s = scope.replace(/\/+$/, "");
  return file === s || file.startsWith(s + "/");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Prefix that makes a set path literal even when it holds glob characters (git's own magic). */
export const LITERAL_PREFIX = ":(literal)";
const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * A set path or restore scope: `:(literal)p` is the path p as written; otherwise a path with
 * glob characters is a glob, and anything else a file or folder ("dir/" = everything below).
 */
export function parseScope(scope: string): { path: string; glob: boolean } {
  if (scope.startsWith(LITERAL_PREFIX)) return { path: scope.slice(LITERAL_PREFIX.length), glob: false };
  return { path: scope, glob: GLOB_CHARS.test(scope) };
}

/** The scope string naming `p` literally (prefixed only when it would read as a glob). */
export function literalScope(p: string): string {
  return GLOB_CHARS.test(p) ? LITERAL_PREFIX + p : p;
}
