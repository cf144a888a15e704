/**
 * The pre-commit hook reports on the commit (issue 13, item 7): warnings and notices about files
 * the commit does not touch (a config conflict between two files nobody staged, a manifest that
 * is not canonical) are not printed, only counted in one line. Errors are always kept: an error
 * blocks the commit, and a commit must never be blocked without saying why.
 */
import type { Finding } from "./finding.js";

export interface UntouchedCount {
  warnings: number;
  notices: number;
}

/**
 * Split `findings` into those to print and a count of the warnings and notices about files not
 * in `touched`. Findings without a file (about the repository or the run) are kept.
 */
export function dropUntouched(
  findings: readonly Finding[],
  touched: ReadonlySet<string>,
): { findings: Finding[]; untouched: UntouchedCount } {
  const kept: Finding[] = [];
  const untouched: UntouchedCount = { warnings: 0, notices: 0 };
  for (const f of findings) {
    const level = f.omitted?.level ?? f.level;
    if (level === "error" || f.file === undefined || touched.has(f.file) || folderTouched(f.file, touched)) {
      kept.push(f);
      continue;
    }
    const n = f.omitted?.count ?? 1;
    if (level === "warning") untouched.warnings += n;
    else untouched.notices += n;
  }
  return { findings: kept, untouched };
}

/** A finding about a folder (`charts/app/templates/`: the template notice) concerns the files under it. */
function folderTouched(file: string, touched: ReadonlySet<string>): boolean {
  if (!file.endsWith("/")) return false;
  for (const t of touched) if (t.startsWith(file)) return true;
  return false;
}
