/**
 * Manifest text: deterministic and diff-friendly. The document is exactly what a stable
 * stringify (sorted keys) would produce, except that each entry sits on its own line, so a
 * reseal shows up in review as one changed line per changed file and an unchanged reseal is
 * byte-identical. No timestamps: nothing churns.
 */
import { MANIFEST_ALGORITHM, MANIFEST_FORMAT, MANIFEST_VERSION, comparePaths, type Manifest, type ManifestEntry } from "./model.js";
import { rootDigest, stringifyEntry } from "./root.js";

/**
 * Build a manifest from entries (sorted, root digest computed). `digest: false` leaves `root`
 * empty: for a manifest written in the sharded layout, whose root digest is computed over its
 * shards instead (stringifying every entry once more only to discard the result cost a seal of
 * 500,000 files about 50 MB and a second of CPU). `owned`: the caller hands over an array of
 * fresh entries with only the manifest's keys (seal's own), sorted in place instead of copied.
 */
export function buildManifest(entries: readonly ManifestEntry[], options: { digest?: boolean; owned?: boolean } = {}): Manifest {
  const byPath = (a: ManifestEntry, b: ManifestEntry) => comparePaths(a.path, b.path);
  const sorted = options.owned ? (entries as ManifestEntry[]).sort(byPath) : [...entries].sort(byPath).map(normalizeEntry);
  const root = options.digest === false ? "" : rootDigest(sorted);
  return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, algorithm: MANIFEST_ALGORITHM, root, entries: sorted };
}

/** Keep only known keys, so what we write is exactly what the schema allows. */
function normalizeEntry(e: ManifestEntry): ManifestEntry {
  const out: ManifestEntry = { path: e.path, sha256: e.sha256, size: e.size };
  if (e.link !== undefined) out.link = e.link;
  if (e.mode !== undefined) out.mode = e.mode;
  return out;
}

/** The manifest file's text (ends with a newline). */
export function renderManifest(m: Manifest): string {
  return renderManifestLines(m, m.entries.map(stringifyEntry));
}

/** renderManifest with the entries already stringified (the reader reuses them for the root digest). */
export function renderManifestLines(m: Omit<Manifest, "entries">, lines: readonly string[]): string {
  const entries = lines.length === 0 ? "[]" : "[\n" + lines.join(",\n") + "\n]";
  // Keys in sorted order, as stable stringify would emit them.
  return (
    `{"algorithm":${JSON.stringify(m.algorithm)},"entries":${entries},"format":${JSON.stringify(m.format)},` +
    `"root":${JSON.stringify(m.root)},"version":${m.version}}\n`
  );
}
