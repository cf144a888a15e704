/**
 * The root type of parsed documents, for the catalog's root-type guard (validate-catalog.ts),
 * shared with the parse worker (parse-task.ts), whose bundle must not pull in the catalog.
 */

/** "object" for a mapping, "array" for a list, undefined for a scalar or null. */
export function rootKind(d: unknown): "object" | "array" | undefined {
  return Array.isArray(d) ? "array" : d !== null && typeof d === "object" ? "object" : undefined;
}

/**
 * Whether there are documents and every one has the root type other than `expected`: a file
 * matched by name that is another kind of file. Empty files and scalars are not (they are
 * validated, so a truncated file still fails).
 */
export function allOfOtherRoot(documents: readonly unknown[], expected: "object" | "array"): boolean {
  const other = expected === "object" ? "array" : "object";
  return documents.length > 0 && documents.every((d) => rootKind(d) === other);
}

/**
 * Built-in entries whose reader takes a file of only comments as an empty layer: Compose merges
 * every `-f` file and reads a comment-only one as nothing to add (`docker compose config` exits 0;
 * open-telemetry/opentelemetry-demo keeps compose.extras.yaml so as a fork's seam). A file that is
 * empty or only white space is still validated (it reads as null and fails), since that is what a
 * truncated write leaves; the parse/empty warning names both.
 */
const COMMENT_ONLY_ACCEPTED = new Set(["compose"]);

/** Whether a built-in entry's schema is not applied to this file: a YAML stream of comments only, for an entry whose reader accepts that. */
export function commentOnlyAccepted(entryId: string | undefined, text: string, documents: readonly unknown[]): boolean {
  return entryId !== undefined && COMMENT_ONLY_ACCEPTED.has(entryId) && documents.length === 0 && /^[ \t]*#/m.test(text);
}
