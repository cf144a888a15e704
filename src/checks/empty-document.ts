/**
 * One finding for an empty document that a schema rejects. A YAML file that is empty or holds
 * only comments reads as null: the parse step warns `parse/empty`, and a schema that needs an
 * object (a GitHub workflow, a compose file) then rejects the same null at the root. Both said
 * one thing twice, at two levels, with two fixes; the schema's finding, which carries the level
 * the reader's refusal deserves, now says why the document is null and the parse warning goes.
 */
import type { Finding } from "../core/finding.js";

/** `findings` of one file, with a `parse/empty` warning folded into the schema findings on the null root, if any. */
export function foldEmptyIntoSchema(findings: Finding[]): Finding[] {
  const empty = findings.find((f) => f.rule === "parse/empty" && f.level !== "error");
  if (!empty) return findings;
  const atRoot = (f: Finding) => f.rule === "schema/violation" && f.pointer === "";
  if (!findings.some(atRoot)) return findings;
  return findings
    .filter((f) => f !== empty)
    .map((f) =>
      atRoot(f)
        ? {
            ...f,
            message: `${empty.message}; ${f.message}`,
            ...(f.fix !== undefined || empty.fix !== undefined ? { fix: [empty.fix, f.fix].filter(Boolean).join("; ") } : {}),
          }
        : f,
    );
}
