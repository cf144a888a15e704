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
import type { DocumentFormat } from "../core/parse/index.js";
import type { ReadResult } from "../io/file-source.js";

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

/**
 * How a file's name has it read when that is more than strict JSON: JSONC by a `validate.jsonc`
 * glob or a reader's name (`tsconfig.json`, `bsconfig.json`, `.babelrc.json` as JSON5), YAML by
 * a reader's name (`_category_.json`, `.eslintrc`) or, for a name that says no format, by a text
 * that does not start as JSON. Undefined for strict JSON and for a `.yaml`/`.yml` name.
 */
export interface NameReading {
  readonly format: DocumentFormat;
  /** The reader the name names (well-known-names.ts), if any: a JSON5 reader is not a JSONC one. */
  readonly reader?: string;
  /** How the file is then read, for the trust/reading-changed notice. */
  readonly label: string;
}

/**
 * Whether a new file's name reading counts, on a pull request: always for a file the trusted
 * commit holds (its name is the base's) or one no trusted mapping names; for a new mapped file,
 * only when a base file of the same mapping is read so (the same format and reader). A consumer
 * that loads every file `config/*.json` matches reads a new `config/tsconfig.json` with
 * JSON.parse: its name gave it comments and trailing commas, a new `config/_category_.json`
 * YAML. `readingOf` is given a peer's bytes only when its name leaves the format to its text
 * (`nameDecides` false).
 */
export function nameReadingAgreedLookup(
  base: BaseReadings | undefined,
  peers: MappedPeers | undefined,
  readingOf: (file: string, content: Buffer | undefined) => NameReading | undefined,
  nameDecides: (file: string) => boolean,
): (file: string, content: Buffer) => Promise<boolean> {
  if (!base || !peers) return () => Promise.resolve(true);
  return async (file, content) => {
    const mine = readingOf(file, content);
    if (mine === undefined) return true;
    const mapped = await peers(file);
    if (mapped === undefined) return true;
    const byText = mapped.filter((p) => !nameDecides(p));
    const texts = byText.length === 0 ? new Map<string, ReadResult>() : await base.source.read(byText);
    for (const p of mapped) {
      const bytes = texts.get(p);
      const theirs = readingOf(p, Buffer.isBuffer(bytes) ? bytes : undefined);
      if (theirs?.format === mine.format && theirs.reader === mine.reader) return true;
    }
    base.overruledNew.set(file, mine.label);
    return false;
  };
}
