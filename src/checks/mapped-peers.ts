/**
 * On a pull request, a file the trusted commit does not hold is read as its own files say
 * (base-readings.ts): no base rule can name a new file. The trusted config's schema mappings do
 * name it, though: `config/*.json` mapped to a schema says what every file there is, and its
 * readers load each file the glob matches. A new `config/new.json` that carried a reader's marker
 * was read in that reader's dialect: a vcrpy cassette's first and last lines made it YAML (no
 * JSON reader loads it), a `mod.yaml` added beside it made `config/*.yaml` OpenRA MiniYaml and
 * skipped its schema altogether, an oxlint `$schema` let comments in. Such a reading now counts
 * for a new mapped file only when the trusted commit holds a file of the same mapping that is
 * read so (a new cassette beside recorded ones, a new mod file beside a mod's): its peers.
 */
import type { BaseReadings } from "./base-readings.js";

/**
 * Peers looked at for one file, nearest first: enough for a folder of cassettes or a mod's
 * files, and a bound on what a new file can make the run read from the trusted commit.
 */
const MAX_PEERS = 64;

/**
 * For a file of the pull request: undefined when the trusted commit holds it, or when the trusted
 * config maps no schema of its own to it (a new file is then read as its content says); else the
 * trusted commit's files that the config maps to one of the same schemas, nearest first (possibly none).
 */
export type MappedPeers = (file: string) => Promise<readonly string[] | undefined>;

/** MappedPeers over `base` (undefined off a pull request), with `mappedTo` the user's schema paths a path is mapped to. */
export function mappedPeersLookup(base: BaseReadings | undefined, mappedTo: (file: string) => readonly string[]): MappedPeers | undefined {
  if (!base) return undefined;
  // The trusted commit's files by schema, listed once when a new mapped file first asks.
  let bySchema: Promise<Map<string, string[]>> | undefined;
  const index = () =>
    (bySchema ??= base.listing().then((files) => {
      const out = new Map<string, string[]>();
      for (const f of files)
        for (const s of mappedTo(f)) {
          const list = out.get(s);
          if (list) list.push(f);
          else out.set(s, [f]);
        }
      return out;
    }));
  return async (file) => {
    const schemas = mappedTo(file);
    if (schemas.length === 0 || (await base.holds(file))) return undefined;
    const all = await index();
    const peers = new Set<string>();
    for (const s of schemas) for (const f of all.get(s) ?? []) if (f !== file) peers.add(f);
    return [...peers].sort((a, b) => sharedPrefix(b, file) - sharedPrefix(a, file) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_PEERS);
  };
}

/** Length of the folder path `a` and `b` share (whole components), for nearest first. */
function sharedPrefix(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}
