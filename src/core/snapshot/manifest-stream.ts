/**
 * The snapshot manifest written entry by entry, with the very bytes serializeSnapshotManifest
 * (manifest.ts) gives for the whole object: a snapshot of 500,000 files then never holds the
 * manifest as one object of 500,000 entries (about 200 bytes each), only its text in chunks.
 * The digest of equal content is unchanged, so "nothing changed" still compares with snapshots
 * taken before.
 */
import type { SnapshotFileEntry, SnapshotManifest } from "./manifest.js";
import { comparePaths } from "./manifest.js";

/** A key JSON.stringify puts first, in numeric order: a canonical array index (0 .. 2^32-2). */
function isIndexKey(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}

/**
 * The order serializeSnapshotManifest writes `files` in: JavaScript objects list array-index
 * keys first (ascending numbers), then the others in insertion order (comparePaths here).
 * Index keys hold no "/", so every folder's files stay one contiguous run.
 */
export function manifestOrder(paths: readonly string[]): string[] {
  const index: string[] = [];
  const rest: string[] = [];
  for (const p of paths) (isIndexKey(p) ? index : rest).push(p);
  index.sort((a, b) => Number(a) - Number(b));
  rest.sort(comparePaths);
  return index.length === 0 ? rest : [...index, ...rest];
}

/** The comparison behind manifestOrder. */
export function compareManifestOrder(a: string, b: string): number {
  const ia = isIndexKey(a);
  const ib = isIndexKey(b);
  if (ia !== ib) return ia ? -1 : 1;
  return ia ? Number(a) - Number(b) : comparePaths(a, b);
}

/** Writes the manifest text in chunks of about `chunkBytes`; `sink` receives each chunk in order. */
export class ManifestWriter {
  private parts: string[] = [];
  private pending = 0;
  private count = 0;

  constructor(
    set: string,
    paths: readonly string[],
    /** Gets the text in order: strings, and the bytes given to addBytes as they are. */
    private readonly sink: (chunk: string | Uint8Array) => void,
    private readonly chunkBytes = 1 << 20,
    excludes?: SnapshotManifest["excludes"],
    encryption?: SnapshotManifest["encryption"],
  ) {
    const list = paths.length === 0 ? "[]" : `[\n${paths.map((p) => `  ${JSON.stringify(p)}`).join(",\n")}\n ]`;
    this.push(
      `{\n "version": 1,\n "set": ${JSON.stringify(set)},\n "paths": ${list},${excludesText(excludes)}${encryptionText(encryption)}\n "files": {`,
    );
  }

  /** Add the next file, in manifestOrder. */
  add(file: string, e: SnapshotFileEntry): void {
    this.addText(manifestEntryText(file, e));
  }

  /** Add the next file as its text (manifestEntryText). */
  addText(text: string): void {
    this.push((this.count++ === 0 ? "\n" : ",\n") + text);
  }

  /**
   * Add the next `count` files as the UTF-8 bytes of their text: manifestEntryText of each,
   * joined by ",\n" (a run of files kept from the previous snapshot is copied, not written
   * again). The sink then gets these very bytes.
   */
  addBytes(text: Uint8Array, count: number): void {
    if (count === 0) return;
    this.push(this.count === 0 ? "\n" : ",\n");
    this.flush();
    this.sink(text);
    this.count += count;
  }

  /** Close the text (flushes the last chunk). */
  end(): void {
    this.push(this.count === 0 ? "}\n}\n" : "\n }\n}\n");
    this.flush();
  }

  private push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= this.chunkBytes) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(""));
    this.parts = [];
    this.pending = 0;
  }
}

/** One file's entry in the manifest text, as serializeSnapshotManifest writes it (no separator). */
export function manifestEntryText(file: string, e: SnapshotFileEntry): string {
  return `  ${JSON.stringify(file)}: {\n   "sha256": ${JSON.stringify(e.sha256)},\n   "size": ${e.size},\n   "mode": ${JSON.stringify(e.mode)}\n  }`;
}

/** The `encryption` key as serializeSnapshotManifest writes it (after excludes, only when set). */
function encryptionText(encryption: SnapshotManifest["encryption"]): string {
  if (!encryption) return "";
  const value = { format: encryption.format, recipients: encryption.recipients };
  return `\n "encryption": ${JSON.stringify(value, null, 1).replace(/\n/g, "\n ")},`;
}

/**
 * The `excludes` key as serializeSnapshotManifest writes it (between paths and files, only when
 * set; same key order), so a streamed manifest of a set that leaves files out has the same bytes.
 */
function excludesText(excludes: SnapshotManifest["excludes"]): string {
  if (!excludes) return "";
  const value = {
    ...(excludes.ignored ? { ignored: true } : {}),
    ...(excludes.secrets ? { secrets: [...excludes.secrets] } : {}),
  };
  // One level deeper than JSON.stringify(value, null, 1) writes it at the top.
  return `\n "excludes": ${JSON.stringify(value, null, 1).replace(/\n/g, "\n ")},`;
}
