/**
 * Names that differ only in letter case from a file the trusted commit holds (a pull request's
 * base). macOS and Windows checkouts are case-insensitive (and macOS normalization-insensitive): after `git mv data/state.json
 * data/State.json` the readers there still open `data/state.json` and read the renamed file. A
 * mapping glob is case-sensitive, so the new spelling matched no mapping and a schema violation
 * in it passed as a new file with no schema. Such a name is checked against what the trusted
 * config maps the base's spelling to (its schemas, validate.require_schema) as well.
 *
 * Two new spellings of one name in the same change (`data/state.json` and `data/STATE.json`, the
 * base holding neither) are twins of each other: such a checkout keeps one of them under the
 * name its readers open, and a mapping of `data/state.json` left `data/STATE.json` unchecked.
 */
import { baseReadingsAt, type BaseReadings } from "./base-readings.js";
import type { Git } from "../io/git.js";

/**
 * What twins are told by: the names the trusted side holds. `listing` may hold only the paths that
 * spell one of `near` in some case (the hook's side reads no more than that).
 */
interface TwinSide {
  holding: BaseReadings["holding"];
  listing(near: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * The side a whole-tree run tells twins by (a push, a scheduled run, `check` with no base): none.
 * Every name the tree holds is checked, so two spellings of one name in it are twins of each other,
 * however old either is: no `before` commit to read (a new branch's push has none, a force push's
 * may be gone, a shallow checkout holds none), and a tree a macOS or Windows checkout cannot hold
 * whole is reported as the hook and a pull request report the change that made it.
 */
export const treeTwinSide: TwinSide = {
  holding: () => Promise.resolve(new Set<string>()),
  listing: () => Promise.resolve(new Set<string>()),
};

/**
 * The side a commit's new names are told by in the hook (`git commit`, `check --staged`): HEAD,
 * the spellings a macOS or Windows teammate's checkout already holds; before the first commit,
 * none. The hook then says what a pull request of the same change would say (a pull request's
 * side is its base), so two spellings added in one commit are caught before they are pushed.
 */
export async function headTwinSide(git: Git): Promise<TwinSide> {
  const head = await git.tryRevParse("HEAD");
  if (head === undefined) return treeTwinSide; // before the first commit HEAD holds nothing, as a whole-tree run's side
  const { holding } = baseReadingsAt(git, head);
  return { holding, listing: (near) => spellingsIn(git, head, near) };
}

/**
 * The paths of `commit` that spell one of `near` in some letter case or normalization, read
 * folder by folder down the names' own folders: one `ls-tree` a depth, never the whole tree, so
 * the hook's cost stays that of the commit's new names in a monorepo of any size.
 */
async function spellingsIn(git: Git, commit: string, near: readonly string[]): Promise<ReadonlySet<string>> {
  const wanted = new Set(near.map(foldName));
  const prefixes = new Set<string>();
  for (const f of wanted) for (let i = f.indexOf("/"); i !== -1; i = f.indexOf("/", i + 1)) prefixes.add(f.slice(0, i));
  const out = new Set<string>();
  // "" is the root (an empty literal pathspec lists it); a folder with a final "/" lists its entries.
  let folders = [""];
  while (folders.length > 0) {
    const entries = await git.lsTreeAt(
      commit,
      folders.map((d) => (d === "" ? "" : `${d}/`)),
    );
    const next: string[] = [];
    for (const e of entries) {
      const key = foldName(e.path);
      if (e.type === "tree" && prefixes.has(key)) next.push(e.path);
      else if (e.type === "blob" && e.mode !== "120000" && wanted.has(key)) out.add(e.path);
    }
    folders = next;
  }
  return out;
}

/**
 * For each of `files` the trusted commit does not hold, the spelling it holds of the same name in
 * another letter case (the first in path order when it holds several), if any; else another of
 * the new `files` spelling that name, the first in path order that `mapped` says the trusted
 * config maps (or the first).
 */
export async function caseTwinsAtBase(
  base: TwinSide,
  files: readonly string[],
  mapped: (p: string) => boolean = () => false,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const held = await base.holding(files);
  const fresh = files.filter((f) => !held.has(f));
  if (fresh.length === 0) return out;
  const wanted = new Set(fresh.map(foldName));
  const spellings = new Map<string, string>();
  for (const p of [...(await base.listing(fresh))].sort()) {
    const key = foldName(p);
    if (wanted.has(key) && !spellings.has(key)) spellings.set(key, p);
  }
  const fresher = new Map<string, string[]>();
  for (const f of [...fresh].sort()) {
    const key = foldName(f);
    if (!spellings.has(key)) fresher.set(key, [...(fresher.get(key) ?? []), f]);
  }
  for (const f of fresh) {
    const twin = spellings.get(foldName(f));
    if (twin !== undefined && twin !== f) out.set(f, twin);
    const others = (fresher.get(foldName(f)) ?? []).filter((o) => o !== f);
    if (twin === undefined && others.length > 0) out.set(f, others.find(mapped) ?? others[0]!);
  }
  return out;
}

/**
 * A name as a case-insensitive file system compares it: letter case and Unicode normalization
 * (macOS stores `é` either way) aside. Each character is folded through its upper case, then
 * lowered: NTFS compares names upper-cased (its table maps `ſ` and `s` both to `S`, `ς` and `σ`
 * to `Σ`, `µ` and `μ` to `Μ`), APFS by Unicode case folding (the Kelvin sign `K` to `k`). Lowering
 * alone left `data/ſtate.json` apart from `data/state.json`, one file on Windows and macOS.
 * A character whose upper or lower case is more than one (`ß` to `SS`, `İ` to `i̇`) stays as it
 * is: neither file system takes `STRASSE` for `Straße`.
 */
function foldName(p: string): string {
  const name = p.normalize("NFC");
  // Most names are ASCII: a lowered ASCII name is already folded.
  if (/^[\x00-\x7f]*$/.test(name)) return name.toLowerCase();
  let out = "";
  for (const ch of name) {
    const upper = ch.toUpperCase();
    const folded = single(upper) ? upper.toLowerCase() : ch.toLowerCase();
    out += single(folded) ? folded : ch;
  }
  return out;
}

/** Whether `s` is one code point. */
function single(s: string): boolean {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1);
}
