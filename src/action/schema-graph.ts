/**
 * The schema files a set of mapped schemas reads: the schemas themselves and every local file
 * their `$ref`s reach, transitively (`$ref: ./defs.json#/definitions/count`). A pull request that
 * changes only a referenced file changes the rules as much as one that changes the mapped schema.
 */
import { isYamlPath, loadYamlSupport, parseDocument } from "../core/parse/index.js";
import { externalRefs, fileUri } from "../core/schema/refs.js";
import { normalizeRepoPath } from "../core/schema/mapping.js";
import { WorktreeSource } from "../io/file-source.js";
import type { Git } from "../io/git.js";

/** Reads files of one commit by repo path: bytes, an error object (a symlink, a folder), or absent. */
type ReadAt = (paths: readonly string[]) => Promise<Map<string, Buffer | { error: string }>>;

/**
 * At most this many files are walked: a graph that large is not read any further here, and the
 * caller takes the safe answer for the files it did not reach (`capped`).
 */
export const MAX_SCHEMA_GRAPH_FILES = 2000;

/** What a walk read, and whether it stopped at the cap with refs left unfollowed. */
interface SchemaGraph {
  files: Map<string, Buffer | { error: string }>;
  /** Refs were left unread at MAX_SCHEMA_GRAPH_FILES: any other file may be one the schemas read. */
  capped: boolean;
}

/**
 * `roots` and the local files their `$ref`s reach (read with `read`, breadth first), with what
 * each read gave. A file that does not parse, or is absent, ends its branch: the run itself
 * reports it. Refs are resolved against each file's own path, as the schema loader does for a
 * schema without an absolute `$id`.
 */
export async function schemaGraph(roots: readonly string[], read: ReadAt): Promise<SchemaGraph> {
  const out = new Map<string, Buffer | { error: string }>();
  const unique = [...new Set(roots)];
  let batch = unique.slice(0, MAX_SCHEMA_GRAPH_FILES);
  let capped = unique.length > batch.length;
  while (batch.length > 0) {
    const got = await read(batch);
    const next = new Set<string>();
    for (const p of batch) {
      const bytes = got.get(p);
      if (bytes !== undefined) out.set(p, bytes);
      if (!Buffer.isBuffer(bytes)) continue;
      const yaml = isYamlPath(p);
      if (yaml) await loadYamlSupport();
      const doc = parseDocument(bytes, { path: p, format: yaml ? "yaml" : "json" });
      if (!doc.ok) continue;
      for (const ref of externalRefs(doc.value, p, fileUri(p))) {
        if (ref.path !== undefined && !out.has(ref.path) && !batch.includes(ref.path)) next.add(ref.path);
      }
    }
    batch = [...next].slice(0, Math.max(0, MAX_SCHEMA_GRAPH_FILES - out.size));
    // A ref left unread is a file the schemas may read that no one compared: said, not dropped.
    if (batch.length < next.size) capped = true;
  }
  return { files: out, capped };
}

/**
 * The schema files of `mapped` (paths as the config writes them) and every local file their
 * `$ref`s reach, read from the checkout: what config-source head judges by, so a pull request
 * that changes any of them changes the rules, as trust/schema-changed says for the base's graph.
 */
export async function checkoutSchemaGraph(git: Git, mapped: readonly string[]): Promise<{ files: string[]; capped: boolean }> {
  const roots = [...new Set(mapped.map(normalizeRepoPath))].filter((p): p is string => p !== undefined);
  if (roots.length === 0) return { files: [], capped: false };
  const source = new WorktreeSource(git);
  const graph = await schemaGraph(roots, (paths) => source.read(paths));
  return { files: [...graph.files.keys()], capped: graph.capped };
}
