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
