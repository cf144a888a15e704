/**
 * The staged-manifest verdicts of the pre-commit hook (issue 20), machine-local under
 * .git/integrity-guard/, never committed: "the manifest blob with git id X passed every check
 * of readManifestText with no finding, and under the include/exclude key F the paths it seals
 * that the globs do not cover are E".
 *
 * Why it is sound: a git blob id is a hash of the content, so X names exactly the bytes that
 * were checked, and F (verdict.ts filterKey: globs, fixed coverage rules, tool version) names
 * exactly the coverage that E was computed under. A staged path can then be sealed by that
 * manifest only when the globs cover it or it is in E, so a commit that stages none of those
 * (and leaves the manifest as HEAD has it) needs neither the manifest's bytes nor its parse.
 *
 * Only a clean read is recorded (a corrupt or non-canonical manifest is read and reported every
 * time, as before), and a missing, damaged or foreign file is simply no verdict: the hook then
 * reads the manifest in full, as it always did. The file holds the last few verdicts (one per
 * branch being worked on, typically), each a few hundred bytes.
 */
import path from "node:path";
import { writeFileAtomic } from "../atomic.js";
import { makeStateFolderSync } from "../state-folder.js";
import { readStateFileSync } from "../read-regular.js";

const VERSION = 1;
const KEEP = 8;
const FILE = "manifest-blob-verdicts.json";

interface Record1 {
  oid: string;
  filter: string;
  extra: string[];
}

function file(stateDir: string): string {
  return path.join(stateDir, FILE);
}

function load(stateDir: string): Record1[] {
  try {
    const d = JSON.parse(readStateFileSync(file(stateDir))?.toString("utf8") ?? "") as { version?: unknown; verdicts?: unknown };
    if (d?.version !== VERSION || !Array.isArray(d.verdicts)) return [];
    return d.verdicts.filter(
      (v): v is Record1 =>
        typeof v === "object" &&
        v !== null &&
        typeof (v as Record1).oid === "string" &&
        typeof (v as Record1).filter === "string" &&
        Array.isArray((v as Record1).extra) &&
        (v as Record1).extra.every((p) => typeof p === "string"),
    );
  } catch {
    return []; // missing or damaged: no verdict, the manifest is read in full
  }
}

/**
 * The sealed paths outside the globs of the manifest blob `oid`, when that blob passed every
 * check under the filter key `filter`; undefined when there is no such verdict.
 */
export function manifestBlobVerdict(stateDir: string, oid: string, filter: string): ReadonlySet<string> | undefined {
  const v = load(stateDir).find((r) => r.oid === oid && r.filter === filter);
  return v ? new Set(v.extra) : undefined;
}

/** Record that the manifest blob `oid` passed every check (best effort: a failed write only costs speed). */
export async function recordManifestBlobVerdict(stateDir: string, oid: string, filter: string, extra: readonly string[]): Promise<void> {
  const rest = load(stateDir).filter((r) => !(r.oid === oid && r.filter === filter));
  const verdicts = [{ oid, filter, extra: [...extra] }, ...rest].slice(0, KEEP);
  try {
    makeStateFolderSync(stateDir);
    await writeFileAtomic(file(stateDir), JSON.stringify({ version: VERSION, verdicts }));
  } catch {
    /* best effort */
  }
}
