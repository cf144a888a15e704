/**
 * A manifest finding's usual fix is "reseal" (integrity-guard seal). For a file that also does
 * not parse, or breaks its JSON Schema, that advice would record the corruption as the intended
 * content (issue 13, item 7). The manifest finding is kept, because it is still true and it says
 * that a sealed, good version exists to go back to, but its fix then says: repair or restore the
 * file first, reseal only once it validates.
 */
import type { Finding } from "../finding.js";

/** Manifest rules whose fix suggests resealing. */
const RESEALABLE = new Set(["manifest/unsealed-change", "manifest/modified", "manifest/added", "manifest/renamed"]);

/** An error that means the file's content is broken for its readers. */
function breaksFile(f: Finding): boolean {
  return f.level === "error" && f.file !== undefined && (f.rule.startsWith("parse/") || f.rule === "schema/violation");
}

/** The fix for a manifest finding on a file whose own content is broken (first such finding: `cause`). */
function repairFirstFix(file: string, cause: Finding): string {
  const what = cause.rule.startsWith("parse/") ? "does not parse" : "breaks its JSON Schema";
  const where = cause.line ? ` (${cause.rule} at ${cause.line}${cause.column ? `:${cause.column}` : ""})` : ` (${cause.rule})`;
  return (
    `do not reseal yet: ${file} ${what}${where}, and sealing would record the corruption as intended. ` +
    `Repair the file, or restore the last good version (\`git restore --source=HEAD --staged --worktree -- ${file}\` or \`integrity-guard restore\`); ` +
    `reseal only once \`integrity-guard validate ${file}\` passes`
  );
}

/**
 * Rewrite, in place, the fix of every resealable manifest finding on a file that has a parse or
 * schema error among `findings`. Returns how many were rewritten.
 */
export function guardReseal(findings: Finding[]): number {
  const broken = new Map<string, Finding>();
  for (const f of findings) {
    if (!breaksFile(f)) continue;
    const had = broken.get(f.file!);
    // Name a parse error before a schema error: the schema errors of an unparsable file are moot.
    if (!had || (had.rule.startsWith("schema/") && f.rule.startsWith("parse/"))) broken.set(f.file!, f);
  }
  if (broken.size === 0) return 0;
  let rewritten = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (!f.file || !RESEALABLE.has(f.rule)) continue;
    const cause = broken.get(f.file);
    if (!cause) continue;
    findings[i] = { ...f, fix: repairFirstFix(f.file, cause) };
    rewritten++;
  }
  return rewritten;
}
