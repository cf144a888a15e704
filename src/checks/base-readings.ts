/**
 * How a file is read, when other files decide it, on a run judged by a trusted commit (a pull
 * request's base; the default branch's commit on merge_group, workflow_run, issue_comment).
 *
 * Some readings come from files beside the one read, not from the config: a tsconfig that
 * `extends` a file makes it JSONC (TypeScript reads it), a `config/rig.json` or a package.json
 * depending on Heft makes `config/*.json` JSON5, a VS Code extension's package.json makes its
 * theme files JSONC, a Bedrock or SMAPI manifest.json makes its pack's files JSONC, and a
 * Chart.yaml makes its `templates/` folder Helm templates (never read). On a pull request all of
 * those files are the pull request's: one that adds `{"extends": "./data/state.json"}` in a
 * tsconfig, or an empty `config/rig.json`, had its trailing comma or comment in an existing data
 * file pass, whatever the base rules say; an added Chart.yaml had a truncated
 * `deploy/templates/state.json` skipped unread. As for `filter=lfs` (filtered-blobs.ts), such a
 * reading now counts for a file the trusted commit holds only when that commit's own files give it
 * too; a file the pull request adds (a new package, a new chart) is read as its files say, since
 * no base rule can name it yet. Costs nothing on a valid file: the lookups are asked only after a
 * strict parse failed (or for a path under a chart's `templates/`).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Finding } from "../core/finding.js";
import { decodeDocument, loadYamlSupport, type DocumentFormat } from "../core/parse/index.js";
import { readableUtf16 } from "../core/select/arm-encoding.js";
import { firstParse, templateSuspect, type ContentReading, type YamlReadOptions } from "./file-steps.js";
import { jsoncDialectByContent, type JsoncDialect } from "../core/select/jsonc-by-content.js";
import { formatByContent } from "../core/select/jsonc.js";
import { isJsonLinesName } from "../core/parse/json-lines.js";
import type { CatalogMatch } from "../core/catalog/select.js";
import { notThisKind } from "./validate-catalog.js";
import { isTemplateByContent } from "./validate-select.js";
import { CommitSource } from "../io/commit-source.js";
import { resolveCommitFiles, resolveCommitFolders } from "../io/commit-links.js";
import { readFilesUnder, type FileSource, type ReadOptions, type ReadResult } from "../io/file-source.js";
import type { Git } from "../io/git.js";
import type { CheckContext } from "./types.js";
import { makeStateFolder } from "../io/state-folder.js";
import { tempFileName } from "../io/stale-temp-files.js";
import type { MappedPeers } from "./mapped-peers.js";

/** The trusted commit's side of a run (undefined when the run reads its rules from the checkout). */
export interface BaseReadings {
  /** The trusted commit. */
  readonly commit: string;
  /** The trusted commit's files, and only them: a path it does not hold is absent. */
  readonly source: FileSource;
  /** The regular files the trusted commit holds (read once, when first asked). */
  listing(): Promise<ReadonlySet<string>>;
  /**
   * Whether the trusted commit holds `file`: as a regular file, or as a symlink (or under a
   * symlinked folder) that leads, inside the commit, to one. `source` reads such a path where its
   * links lead, as a checkout of the commit does.
   */
  holds(file: string): Promise<boolean>;
  /** Which of `files` the trusted commit holds (as `holds` says): the listing when read, else only those paths (the hook's cost stays that of its files). */
  holding(files: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Read `files` at the trusted commit in one read, kept for the single-file reads of `source`
   * until the next call: the lookups of a round ask for one file each, and each read of a commit
   * is git processes of its own (a whole-tree pull request run of 2,100 files paid 4,200).
   */
  readAhead(files: readonly string[], options: ReadOptions): Promise<void>;
  /** Files read more strictly than the pull request's files would have them read, with the reading refused. */
  readonly overruled: Map<string, string>;
  /** New files the trusted config maps to a schema, refused a reading no file of their mapping has there (mapped-peers.ts). */
  readonly overruledNew: Map<string, string>;
}

/** The base side of `ctx`'s run, or undefined when its rules are the checkout's (the hook, a push). */
export function baseReadings(ctx: CheckContext): BaseReadings | undefined {
  const commit = ctx.schemaSource?.kind === "commit" ? (ctx.schemaSource as CommitSource).commit : undefined;
  return commit === undefined ? undefined : baseReadingsAt(ctx.git, commit);
}

/** The base side of a run whose trusted commit is `commit`. */
export function baseReadingsAt(git: Git, commit: string): BaseReadings {
  let listed: Promise<{ files: ReadonlySet<string>; links: ReadonlySet<string> }> | undefined;
  const tree = () =>
    (listed ??= git.lsTreeBlobs(commit).then((entries) => {
      const files = new Set<string>();
      const links = new Set<string>();
      for (const e of entries) if (e.type === "blob") (e.mode === "120000" ? links : files).add(e.path);
      return { files, links };
    }));
  const listing = async (): Promise<ReadonlySet<string>> => (await tree()).files;
  // No fallback: a file the commit does not hold is no evidence there (CommitSource reads schemas
  // the pull request adds from the checkout; evidence must not come from it).
  const nothingElse: FileSource = {
    kind: "commit",
    list: async () => [...(await listing())],
    read: async () => new Map<string, ReadResult>(),
  };
  const commitFiles = new CommitSource(git, commit, nothingElse);
  // A path that is no regular file of the commit may still be held through its links
  // (`data/state.json -> ../store/state.txt`, or under `data -> store`): a checkout of the commit
  // reads the file they lead to. Counted as not held, such a path had any reading the pull
  // request's content asks for (a Firebase rules marker, a `%YAML 1.1` line written into the
  // link's target) granted as to a new file, while the link's readers read the change.
  const resolved = new Map<string, Promise<string | undefined>>();
  const through = (file: string): Promise<string | undefined> => {
    let r = resolved.get(file);
    if (!r) {
      r = resolveCommitFiles(git, commit, [file]).then(async (m) => {
        const to = m.get(file);
        if (to === undefined || !("path" in to) || to.path === file) return undefined;
        const files = listed === undefined ? undefined : (await listed).files;
        if (files !== undefined) return files.has(to.path) ? to.path : undefined;
        const held = await git.lsTreeAt(commit, [to.path]);
        return held.some((e) => e.path === to.path && e.type === "blob" && e.mode !== "120000") ? to.path : undefined;
      });
      resolved.set(file, r);
    }
    return r;
  };
  /** Where `file` leads in the commit when it is not a regular file there: a regular file through links, or undefined. */
  const linkedTo = async (file: string): Promise<string | undefined> => {
    const { files, links } = await tree();
    if (files.has(file) || links.size === 0) return undefined;
    return links.has(file) || ancestorsOf(file).some((a) => links.has(a)) ? through(file) : undefined;
  };
  const holds = async (file: string): Promise<boolean> => (await listing()).has(file) || (await linkedTo(file)) !== undefined;
  const holding = async (files: readonly string[]): Promise<ReadonlySet<string>> => {
    if (listed !== undefined) {
      const out = new Set<string>();
      for (const f of files) if (await holds(f)) out.add(f);
      return out;
    }
    const entries = await git.lsTreeAt(commit, files);
    const out = new Set(entries.filter((e) => e.type === "blob" && e.mode !== "120000").map((e) => e.path));
    // Links, and paths ls-tree does not list (under a symlinked folder, or absent): one more
    // ls-tree of their folders tells which are reached through links.
    const links = entries.filter((e) => e.mode === "120000").map((e) => e.path);
    const absent = files.filter((f) => !out.has(f) && !links.includes(f));
    const underLinks = absent.length === 0 ? new Map() : await resolveCommitFolders(git, commit, absent);
    for (const f of [
      ...links,
      ...absent.filter((f) => {
        const r = underLinks.get(f);
        return r !== undefined && "path" in r && r.path !== f;
      }),
    ])
      if ((await through(f)) !== undefined) out.add(f);
    return out;
  };
  /** The commit's files, `paths` read through their links; bounded by `options` only for readAhead. */
  const readLinked = async (paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>> => {
    const linked = new Map<string, string>();
    for (const p of paths) {
      const to = await linkedTo(p);
      if (to !== undefined) linked.set(p, to);
    }
    if (linked.size === 0) return commitFiles.read(paths, options);
    const wanted = new Set(paths.filter((p) => !linked.has(p)));
    const out = await commitFiles.read([...wanted, ...new Set(linked.values())], options);
    for (const [p, to] of linked) {
      const r = out.get(to);
      if (r !== undefined) out.set(p, r);
    }
    for (const to of linked.values()) if (!wanted.has(to)) out.delete(to);
    return out;
  };
  /** What readAhead read: regular files' bytes only (anything else is read again, for its own message). */
  let ahead = new Map<string, Buffer>();
  const source: FileSource = {
    kind: "commit",
    list: () => commitFiles.list(),
    // Read options are not applied here (the lookups' readers read the base's whole file, as before).
    async read(paths) {
      const hit = paths.length === 1 ? ahead.get(paths[0]!) : undefined;
      return hit !== undefined ? new Map([[paths[0]!, hit]]) : readLinked(paths);
    },
  };
  const readAhead = async (files: readonly string[], options: ReadOptions): Promise<void> => {
    ahead = new Map();
    if (files.length < 2) return; // one file: its lookups read it alone, as before
    let got: Map<string, ReadResult>;
    try {
      got = await readLinked(files, options);
    } catch {
      return; // each is read alone when asked, and that read reports what fails
    }
    const asked = new Set(files);
    for (const [p, c] of got) if (asked.has(p) && Buffer.isBuffer(c)) ahead.set(p, c);
  };
  return { commit, source, listing, holds, holding, readAhead, overruled: new Map(), overruledNew: new Map() };
}

/** `a/b/c.json` -> `a`, `a/b`. */
function ancestorsOf(p: string): string[] {
  const parts = p.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

type DialectLookup = (file: string, text: string) => Promise<JsoncDialect | undefined>;

/**
 * `head` (the lookup over the checkout), agreed with the trusted commit: for a file that commit
 * holds, a dialect only when `atBase` (the same lookup over the commit's files) gives one too,
 * and then the stricter of the two.
 */
export function agreedDialect(
  head: DialectLookup,
  base: BaseReadings | undefined,
  atBase: (source: FileSource) => DialectLookup,
  peers?: MappedPeers,
): DialectLookup {
  if (!base) return head;
  let baseLookup: DialectLookup | undefined;
  let before: ((file: string) => Promise<string | undefined>) | undefined;
  return async (file, text) => {
    const mine = await head(file, text);
    if (mine === undefined) return mine;
    baseLookup ??= atBase(base.source);
    before ??= baseTexts(base.source);
    if (!(await base.holds(file))) {
      // A new file the trusted config maps to a schema: a peer of its mapping must be read so (mapped-peers.ts).
      const mapped = await peers?.(file);
      if (mapped === undefined) return mine;
      await prefetchBaseTexts(base.source, mapped);
      for (const p of mapped) if ((await baseLookup(p, (await before(p)) ?? ""))?.reader === mine.reader) return mine;
      base.overruledNew.set(file, `as ${mine.reader} reads it`);
      return undefined;
    }
    // The base's own text: a lookup that reads the file itself (a Bedrock or SMAPI manifest.json
    // is its pack's manifest by its keys) was asked with this change's text, so keys written into
    // an existing web app manifest had its comments pass as the base's reading.
    const theirs = await baseLookup(file, (await before(file)) ?? "");
    if (theirs === undefined) {
      base.overruled.set(file, `as ${mine.reader} reads it`);
      return undefined;
    }
    return leniency(theirs) <= leniency(mine) ? theirs : mine;
  };
}

/** agreedDialect for a yes/no reading (a VS Code extension contributes the file as JSONC). */
export function agreedFlag(
  head: (file: string) => Promise<boolean>,
  base: BaseReadings | undefined,
  atBase: (source: FileSource) => (file: string) => Promise<boolean>,
  reading: string,
  peers?: MappedPeers,
): (file: string) => Promise<boolean> {
  if (!base) return head;
  let baseLookup: ((file: string) => Promise<boolean>) | undefined;
  return async (file) => {
    if (!(await head(file))) return false;
    baseLookup ??= atBase(base.source);
    if (!(await base.holds(file))) {
      // A new file the trusted config maps to a schema: a peer of its mapping must be read so (mapped-peers.ts).
      const mapped = await peers?.(file);
      if (mapped === undefined) return true;
      for (const p of mapped) if (await baseLookup(p)) return true;
      base.overruledNew.set(file, reading);
      return false;
    }
    if (await baseLookup(file)) return true;
    base.overruled.set(file, reading);
    return false;
  };
}

/** How much a dialect lets through, for choosing the stricter of two (YAML reads JSON as YAML 1.2). */
function leniency(d: JsoncDialect): number {
  return d.json5 ? 3 : d.yaml ? 2 : d.trailingCommas ? 1 : 0;
}

/**
 * One notice for each file with an error that the pull request's files would have had read
 * another way (skipped as a template, or read as JSONC/JSON5): the error is the file's, and this
 * says why the pull request's own files did not excuse it.
 */
export function overruledNotices(base: BaseReadings | undefined, findings: readonly Finding[]): Finding[] {
  if (!base || base.overruled.size + base.overruledNew.size === 0) return [];
  const failing = new Set(findings.filter((f) => f.level === "error" && f.file !== undefined).map((f) => f.file));
  const out: Finding[] = [];
  for (const [file, reading] of base.overruledNew) {
    if (!failing.has(file)) continue;
    out.push({
      rule: "trust/reading-changed",
      level: "notice",
      file,
      message: `${file} is new and the trusted config maps a schema to it: it is checked as it is, not read ${reading}, since no file of the same mapping in the trusted commit (the pull request's base) is read so. Its name, its content or this pull request's other files ask for that reading; the mapping's readers load every file its glob matches`,
      fix: "write the file as the other files of its mapping are written (no comment, marker, template tag or dialect they lack); if its readers do read it this way, say so on the base branch first, in a pull request of its own: narrow the glob of its mapping in validate.schemas so it no longer matches this file (or, for comments and trailing commas, list it in validate.jsonc), then rebase this one. A config change in this pull request does not count: the checks run under the base branch's config",
    });
  }
  for (const [file, reading] of base.overruled) {
    if (!failing.has(file)) continue;
    out.push({
      rule: "trust/reading-changed",
      level: "notice",
      file,
      message: `${file} is checked as it is: this change would have it read ${reading}, but the trusted commit (the pull request's base), which already holds the file, does not read it so`,
      fix: "make the change that decides how this file is read (a tsconfig `extends`, a package.json, config/rig.json, a pack manifest, a Chart.yaml, sops encryption, a reader's marker or header in the file itself such as a `$schema`) in a change of its own first, or keep the file valid as it is read today",
    });
  }
  return out;
}

/**
 * Files over the size limit that the trusted commit holds within it (`limits`: each file's limit
 * in this run). A file over the limit is a warning, not parsed: without this, a pull request made
 * any existing YAML data file unchecked by growing it past validate.max_yaml_size (8 MiB by
 * default, a comment line repeated), whatever it broke on its first line.
 */
export async function grownPastLimit(base: BaseReadings, git: Git, limits: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  const entries = (await git.lsTreeAt(base.commit, [...limits.keys()])).filter((e) => e.type === "blob" && e.mode !== "120000");
  const sizes = await git.blobSizes(entries.map((e) => e.oid));
  const out = new Map<string, number>();
  for (const e of entries) {
    const size = sizes.get(e.oid);
    if (size !== undefined && size <= limits.get(e.path)!) out.set(e.path, size);
  }
  return out;
}

/** The too-large warning of a file that was within the limit in the trusted commit, as an error. */
export function grownFinding(f: Finding, baseSize: number): Finding {
  return {
    ...f,
    level: "error",
    message: `${f.message}; the pull request's base holds it at ${baseSize} bytes, within the limit, so this change makes it too large to check`,
    fix: "keep the file under the limit, or raise the limit in .integrity-guard/config.yml on the base branch first (a change of its own), then rebase this one",
  };
}

/** sops' ciphertext form starts so (core/sops.ts); it does not occur in a plaintext file by chance. */
const SOPS_VALUE = Buffer.from("ENC[AES256_GCM,");

/**
 * Files of `files` that hold sops ciphertext in this change but not in the trusted commit, which
 * holds them. A sops file's ciphertext values are not judged by its schema (they cannot be), so
 * a pull request that wrote `ENC[...]` values and a `sops:` block into an existing plaintext data
 * file had those values pass any schema, while the file's readers got a string where they expect
 * a number. Encrypting a file is a change of how it is read: such values are judged as they are.
 */
export async function sopsOnlyInChange(
  base: BaseReadings,
  files: readonly string[],
  contents: ReadonlyMap<string, ReadResult>,
): Promise<string[]> {
  const candidates = files.filter((f) => {
    const c = contents.get(f);
    return Buffer.isBuffer(c) && c.includes(SOPS_VALUE);
  });
  if (candidates.length === 0) return [];
  const inBase: string[] = [];
  for (const f of candidates) if (await base.holds(f)) inBase.push(f);
  if (inBase.length === 0) return [];
  const before = await base.source.read(inBase);
  const out = inBase.filter((f) => {
    const b = before.get(f);
    return Buffer.isBuffer(b) && !b.includes(SOPS_VALUE);
  });
  for (const f of out) base.overruled.set(f, "as a sops-encrypted file (its ciphertext values not judged by the schema)");
  return out;
}

/**
 * A file skipped as a template by its content (tags where JSON/YAML cannot hold them), counted as
 * one only when the trusted commit holds it as a template too (its version there fails to parse
 * and its own tags or placeholders explain that). Template tags are the
 * file's own content: a pull request that wrote `{{ x }}` at the start of a line of an existing
 * data file (or `<% %>` around its broken part) had the whole file skipped with a notice, a
 * truncation or a missing comma included. A file the base holds as valid JSON/YAML was no
 * template there; turning it into one is a change of how it is read.
 */
export function templateAgreedLookup(
  base: BaseReadings | undefined,
  yamlOptions: (file: string, format: DocumentFormat) => YamlReadOptions | undefined,
): (file: string, format: DocumentFormat) => Promise<boolean> {
  if (!base) return async () => true;
  const known = new Map<string, Promise<boolean>>();
  return (file, format) => {
    let agreed = known.get(file);
    if (!agreed) {
      agreed = (async () => {
        if (!(await base.holds(file))) return true;
        const before = (await base.source.read([file])).get(file);
        if (!Buffer.isBuffer(before)) return true;
        const text = decodeDocument(before, file);
        if (typeof text === "string") {
          // Asked from a parse worker's outcome too, where the main thread may not have loaded YAML yet.
          if (format === "yaml") await loadYamlSupport();
          // A template there too (its own tags explain its errors, or `key: {{ x }}`): agreed. A
          // version that fails the strict parse without tags is no template: a dialect's file (a
          // Godot project's JSON with a trailing comma) or a broken one; a `{{ }}` line written
          // into it with a truncation had the whole file skipped unread. Nor is a version that is
          // not UTF-8 text (an ARM file in UTF-16).
          const doc = firstParse(text, file, format, yamlOptions(file, format)).doc;
          if (templateSuspect(doc) && isTemplateByContent(doc, text, format)) return true;
        }
        base.overruled.set(file, "as a template (skipped unread)");
        return false;
      })();
      known.set(file, agreed);
    }
    return agreed;
  };
}

/**
 * The text of each file in the trusted commit (undefined: not held there, or not UTF-8 text),
 * read once per file.
 */
function baseTexts(source: FileSource): (file: string) => Promise<string | undefined> {
  const known = knownTexts(source);
  return (file) => {
    let text = known.get(file);
    if (!text) {
      text = source.read([file]).then((m) => textOf(m.get(file), file));
      known.set(file, text);
    }
    return text;
  };
}

/** The texts read from each trusted commit's source, shared by its lookups (a peer read for one is read for all). */
const textsBySource = new WeakMap<FileSource, Map<string, Promise<string | undefined>>>();

function knownTexts(source: FileSource): Map<string, Promise<string | undefined>> {
  let known = textsBySource.get(source);
  if (!known) textsBySource.set(source, (known = new Map()));
  return known;
}

/** A file's bytes as text for the readings that ask for it (undefined: absent, or not text). */
function textOf(bytes: ReadResult | undefined, file: string): string | undefined {
  if (!Buffer.isBuffer(bytes)) return undefined;
  const decoded = decodeDocument(bytes, file);
  // A UTF-16 ARM deployment or appsettings file (arm-encoding.ts) is text to the readings that ask for it.
  return typeof decoded === "string" ? decoded : readableUtf16(bytes, file)?.text;
}

/** Reads those of `files` not read yet in one batch (peers of a new file: one git read, not one each). */
async function prefetchBaseTexts(source: FileSource, files: readonly string[]): Promise<void> {
  const known = knownTexts(source);
  const missing = files.filter((f) => !known.has(f));
  if (missing.length === 0) return;
  const read = source.read(missing);
  for (const f of missing)
    known.set(
      f,
      read.then((m) => textOf(m.get(f), f)),
    );
  await read;
}

/**
 * The JSONC dialect a file's own content asks for (core/select/jsonc-by-content.ts), as the
 * trusted commit's version of the file asks for it: agreedDialect's lookup at the base. A marker
 * is one line of the file (a `// ruleid: x` comment, a Rush Stack or tsconfig `$schema`,
 * `"class": "File"`): written into an existing data file with the corruption, it had a trailing
 * comma, a comment, single quotes or a truncation pass. The base's version must carry it too.
 */
export function contentDialectAtBase(source: FileSource): (file: string, text: string) => Promise<JsoncDialect | undefined> {
  const texts = baseTexts(source);
  return async (file) => {
    const text = await texts(file);
    return text === undefined ? undefined : jsoncDialectByContent(file, text);
  };
}

/**
 * Whether a reading the file's content asks for (file-steps.ts: firstParse's byContent, an ARM
 * template `$schema`, a Hugging Face version key, an HCL 1 CLI block) counts: always for a file
 * the trusted commit does not hold, and for one it holds only when its version there asks for
 * the same reading. Otherwise the refusal is recorded for the trust/reading-changed notice.
 */
export function contentAgreedLookup(
  base: BaseReadings | undefined,
  peers?: MappedPeers,
): (file: string, reading: ContentReading) => Promise<boolean> {
  if (!base) return () => Promise.resolve(true);
  const texts = baseTexts(base.source);
  return async (file, reading) => {
    if (!(await base.holds(file))) {
      // A new file the trusted config maps to a schema: a peer of its mapping must ask for the reading too (mapped-peers.ts).
      const mapped = reading.declaredByFormat ? undefined : await peers?.(file);
      if (mapped === undefined) return true;
      await prefetchBaseTexts(base.source, mapped);
      for (const p of mapped) {
        const text = await texts(p);
        if (text !== undefined && reading.asks(text, p)) return true;
      }
      base.overruledNew.set(file, reading.reading);
      return false;
    }
    const before = await texts(file);
    if (before !== undefined && reading.asks(before, file)) return true;
    base.overruled.set(file, reading.reading);
    return false;
  };
}

/**
 * Whether a built-in catalog entry's skip by content counts (validate-catalog.ts: notThisKind, a
 * Hydra `# @package` header, a root list where the entry's files are mappings, Compose file
 * format v1): always for a file the trusted commit does not hold, and for one it holds only when
 * its version there is not that kind of file either (or does not parse). The file's name still
 * names the entry's reader: one header line written into an existing `.github/workflows/x.yml`
 * had any schema error in it pass as a `schema/skipped` notice, while GitHub refuses the workflow.
 */
export function kindAgreedLookup(
  base: BaseReadings | undefined,
  yamlOptions: (file: string, format: DocumentFormat) => YamlReadOptions | undefined,
): (file: string, entry: CatalogMatch, format: DocumentFormat) => Promise<boolean> {
  if (!base) return () => Promise.resolve(true);
  const texts = baseTexts(base.source);
  const known = new Map<string, Promise<boolean>>();
  return (file, entry, format) => {
    const key = `${entry.id}\0${file}`;
    let agreed = known.get(key);
    if (!agreed) {
      agreed = (async () => {
        if (!(await base.holds(file))) return true;
        const before = await texts(file);
        if (before === undefined) return true;
        if (format === "yaml") await loadYamlSupport(); // asked from a parse worker's outcome too
        const parsed = firstParse(before, file, format, yamlOptions(file, format));
        if (!parsed.doc.ok || notThisKind(file, entry, parsed.doc.documents, before) !== undefined) return true;
        base.overruled.set(file, `as another kind of file than ${entry.id} (not validated against ${entry.label})`);
        return false;
      })();
      known.set(key, agreed);
    }
    return agreed;
  };
}

/**
 * Whether the format a file's content decides (core/select/jsonc.ts: formatByContent, for a name
 * that does not say it, selected by a user glob) counts: always for a file the trusted commit
 * does not hold, and for one it holds only when its version there starts the same way. A `#` line
 * above an existing JSON file made it YAML, where a trailing comma or single quotes pass; its
 * reader is a JSON reader (the base's version is JSON).
 */
export function formatAgreedLookup(base: BaseReadings | undefined): (file: string, format: DocumentFormat) => Promise<boolean> {
  if (!base) return () => Promise.resolve(true);
  return async (file, format) => {
    if (!(await base.holds(file))) return true;
    const before = (await base.source.read([file])).get(file);
    if (!Buffer.isBuffer(before) || formatByContent(before) === format) return true;
    base.overruled.set(
      file,
      `as ${format === "yaml" ? "YAML" : "JSON"} (its content no longer starts as the base's ${format === "yaml" ? "JSON" : "YAML"} does)`,
    );
    return false;
  };
}

/** A `working-tree-encoding` value that names an encoding (lower case), or undefined (unset, unspecified). */
function namedEncoding(value: string | undefined): string | undefined {
  return value === undefined || value === "set" || value === "unset" || value === "unspecified" ? undefined : value.toLowerCase();
}

/**
 * Of `paths`, those the checkout's .gitattributes give a `working-tree-encoding` that the
 * trusted commit's .gitattributes do not give them (another one, or none), among files that commit
 * holds. `headValues`: the checkout's values, when the caller has them.
 */
export async function encodingChangedPaths(
  base: BaseReadings,
  git: Git,
  paths: readonly string[],
  headValues?: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const head = headValues ?? (await git.attribute("working-tree-encoding", paths, false));
  const held = await base.listing();
  const named = paths.filter((p) => namedEncoding(head.get(p)) !== undefined && held.has(p));
  if (named.length === 0) return out;
  const dir = git.stateDir();
  await makeStateFolder(dir);
  const atBase = await git.attributeAt(
    base.commit,
    "working-tree-encoding",
    named,
    path.join(dir, tempFileName("attr", `${randomUUID()}.index`)),
  );
  for (const p of named) if (namedEncoding(atBase.get(p)) !== namedEncoding(head.get(p))) out.set(p, head.get(p)!);
  return out;
}

/**
 * The checkout's own bytes for files a pull request newly gives a `working-tree-encoding` (UTF-16
 * for a Windows tool) in .gitattributes, among files the trusted commit holds. A work-tree file
 * with that attribute is read decoded, as git stores it (io/checkout-forms.ts); but every checkout
 * of the merged change then holds the file in that encoding, and an existing JSON/YAML file's
 * readers (UTF-8: JSON.parse, a YAML loader, this tool's own rule) fail on it. As for `filter=lfs`
 * (filtered-blobs.ts), the base's .gitattributes must give the encoding too: otherwise the file is
 * read as it is checked out (a UTF-16 file is a parse/encoding error). Asks git once per run
 * whether any .gitattributes differs from the base's, and per batch only when one does.
 */
export function encodingAgreedReader(
  base: BaseReadings | undefined,
  git: Git,
): (files: readonly string[], contents: Map<string, ReadResult>) => Promise<void> {
  if (!base) return () => Promise.resolve();
  let attributesChanged: Promise<boolean> | undefined;
  return async (files, contents) => {
    attributesChanged ??= git
      .exec(["diff", "--quiet", "--no-ext-diff", base.commit, "--", ":(glob)**/.gitattributes"], { okCodes: [0, 1, 128] })
      .then((r) => r.code !== 0);
    if (files.length === 0 || !(await attributesChanged)) return;
    const changed = await encodingChangedPaths(
      base,
      git,
      files.filter((f) => Buffer.isBuffer(contents.get(f))),
    );
    if (changed.size === 0) return;
    const raw = readFilesUnder(git.root, [...changed.keys()]);
    for (const [file, encoding] of changed) {
      const bytes = raw.get(file);
      const read = contents.get(file);
      if (!Buffer.isBuffer(bytes) || !Buffer.isBuffer(read) || bytes.equals(read)) continue; // not decoded: read as it is already
      contents.set(file, bytes);
      base.overruled.set(file, `decoded from ${encoding} (a working-tree-encoding only this change's .gitattributes gives it)`);
    }
  };
}

/**
 * Of `files` (each empty, or comments only, in this change: a YAML document that reads as null,
 * a `parse/empty` warning), those the trusted commit holds with data, and what it holds there
 * ("a mapping of 3 keys"). The caller passes only files a schema the team maps (or
 * `validate.require_schema`) covers: that schema may accept null (JSON Schema applies `required`
 * to objects only, so a schema without a root `type` does), yet it says the file's readers
 * expect data of a shape. A write cut short to nothing, or a file emptied in the change, passed
 * with the warning, and those readers lost every key (PyYAML and js-yaml hand them None or
 * undefined, go-yaml and Spring zero values). Without such a schema an empty file stays a
 * warning: Helm values, Compose overrides, Ansible vars and Spring profiles take it as defaults.
 */
export async function emptiedInChange(
  base: BaseReadings,
  files: readonly string[],
  yamlOptions: (file: string) => YamlReadOptions | undefined,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const held = await base.holding(files);
  // JSON Lines with no record is an empty dataset, which its readers take as such.
  const inBase = files.filter((f) => held.has(f) && !isJsonLinesName(f));
  if (inBase.length === 0) return out;
  const texts = baseTexts(base.source);
  await loadYamlSupport();
  for (const file of inBase) {
    const before = await texts(file);
    if (before === undefined) continue;
    // A .json name is read as JSONC: a tsconfig held with `//` comments is no YAML.
    const parsed = /\.json$/i.test(file)
      ? firstParse(before, file, "jsonc", undefined)
      : firstParse(before, file, "yaml", yamlOptions(file));
    const value = parsed.doc.ok ? parsed.doc.documents.find((d) => d !== null && d !== undefined) : undefined;
    if (value === undefined) continue;
    out.set(
      file,
      Array.isArray(value)
        ? `a list of ${value.length} item${value.length === 1 ? "" : "s"}`
        : typeof value === "object"
          ? `a mapping of ${Object.keys(value).length} key${Object.keys(value).length === 1 ? "" : "s"}`
          : "a value",
    );
  }
  return out;
}

/**
 * The commit a hook or CLI run's change starts from (HEAD), as the base emptiedInChange compares
 * with; undefined before the first commit (no file is held with data yet) and on a pull request's
 * run, whose base is its own (baseReadings).
 */
export async function headReadings(ctx: CheckContext): Promise<BaseReadings | undefined> {
  if (ctx.source.kind !== "worktree" && ctx.source.kind !== "index") return undefined;
  const head = await ctx.git.tryRevParse("HEAD");
  return head === undefined ? undefined : baseReadingsAt(ctx.git, head);
}

/**
 * The parse/empty warning of a file the trusted commit holds with data (`held`, emptiedInChange),
 * as an error. `commit`: the pull request's base, or "HEAD" for the hook and the CLI.
 */
export function emptiedFinding(f: Finding, held: string, commit: string, byReader = false): Finding {
  const head = commit === "HEAD";
  // A reader that takes no value (TypeScript) falls back to its defaults; otherwise a mapped schema expects data.
  const covers = byReader ? "and its reader would fall back to its defaults" : "and a schema the config maps covers it";
  const holder = head ? "HEAD" : "the base commit";
  const retire = byReader
    ? "write {} (the defaults, said on purpose)"
    : head
      ? "delete the file and its schema mapping"
      : "delete the file and its schema mapping, or change the mapping on the base branch first";
  return {
    ...f,
    level: "error",
    message: `${f.message}; ${holder} holds data in it (${held}), ${covers}: its readers would get nothing instead`,
    fix: `restore the file (git checkout ${head ? "HEAD" : commit.slice(0, 12)} -- ${f.file ?? ""}) if a write cut it short; to retire it, ${retire}`,
  };
}

/**
 * The schemas an existing file's own `$schema` named in the trusted commit that still apply on a
 * pull request (core/schema/mapping.ts: a file with no mapping of the config is checked against the
 * schema its `$schema` names). A change that dropped the key, or pointed it at a schema file the
 * change itself adds or edits (`{}` beside it), had any value pass in a file the base checks
 * against its own strict schema. A switch to another schema the trusted commit holds is the base's
 * word (add the new schema in a change of its own first): then nothing is kept. Returns the
 * base's own schemas the change lost that the trusted commit holds, noting the file as overruled.
 */
export function ownSchemaKeptLookup(
  base: BaseReadings | undefined,
  yamlOptions: (file: string, format: DocumentFormat) => YamlReadOptions | undefined,
  own = base && baseOwnSchemas(base, yamlOptions),
): (
  file: string,
  format: DocumentFormat,
  text: string,
  headOwn: readonly string[],
  baseOwnOf: (root: unknown) => readonly string[],
) => Promise<string[]> {
  if (!base || !own) return () => Promise.resolve([]);
  return async (file, format, text, headOwn, baseOwnOf) => {
    if (headOwn.length > 0 && (await base.holding(headOwn)).size === headOwn.length) return [];
    const before = await own(file, format, baseOwnOf);
    // Unchanged, or no `$schema` of its own in the base's version: nothing to keep.
    if (before === undefined || before.text === text) return [];
    const kept = before.own.filter((p) => !headOwn.includes(p));
    if (kept.length > 0)
      base.overruled.set(
        file,
        `against ${headOwn.length > 0 ? `its new $schema (${headOwn.join(", ")}) only` : "no schema"}, without ${kept.join(", ")}, which its $schema names in the trusted commit`,
      );
    return kept;
  };
}

/**
 * The trusted commit's version of a file (`text`) and the schemas its own `$schema` names there
 * that the commit holds (`own`, not empty), or undefined: the commit does not hold the file, or
 * its version names none (no parse when it holds no `$schema` at all). Read once per file, and
 * shared by ownSchemaKeptLookup and ownSchemaBeforeLookup when both are given the one made here.
 */
export function baseOwnSchemas(
  base: BaseReadings,
  yamlOptions: (file: string, format: DocumentFormat) => YamlReadOptions | undefined,
): (
  file: string,
  format: DocumentFormat,
  baseOwnOf: (root: unknown) => readonly string[],
) => Promise<{ text: string; own: string[] } | undefined> {
  const texts = baseTexts(base.source);
  const known = new Map<string, Promise<{ text: string; own: string[] } | undefined>>();
  return (file, format, baseOwnOf) => {
    const key = `${format}\0${file}`;
    let found = known.get(key);
    if (!found) {
      found = (async () => {
        if (!(await base.holds(file))) return undefined;
        const before = await texts(file);
        if (before === undefined || !before.includes("$schema")) return undefined;
        if (format === "yaml") await loadYamlSupport(); // asked before a parse worker's job too
        const parsed = firstParse(before, file, format, yamlOptions(file, format));
        if (!parsed.doc.ok) return undefined;
        const named = baseOwnOf(parsed.doc.documents[0]);
        const held = named.length === 0 ? new Set<string>() : await base.holding(named);
        const own = named.filter((p) => held.has(p));
        return own.length === 0 ? undefined : { text: before, own };
      })();
      known.set(key, found);
    }
    return found;
  };
}

/**
 * Whether the trusted commit's version of a file names a `$schema` of its own that the commit
 * holds: such a file is validated on the main thread (validate.ts: remoteJob), where
 * ownSchemaKeptLookup is asked with the file's text and its own `$schema`. A parse worker checks
 * only files without one, so it could not finish such a file; asked after the worker, the file
 * was parsed and validated twice. No note of any reading is made here.
 */
export function ownSchemaBeforeLookup(
  base: BaseReadings | undefined,
  yamlOptions: (file: string, format: DocumentFormat) => YamlReadOptions | undefined,
  own = base && baseOwnSchemas(base, yamlOptions),
): (file: string, format: DocumentFormat, baseOwnOf: (root: unknown) => readonly string[]) => Promise<boolean> {
  if (!own) return () => Promise.resolve(false);
  return async (file, format, baseOwnOf) => (await own(file, format, baseOwnOf)) !== undefined;
}

/**
 * Whether a file's own `$schema` may stand in for the catalog entry its name selects
 * (core/schema/mapping.ts: an explicit mapping, else the file's own `$schema`, else a catalog
 * entry): always for a file the trusted commit does not hold, and for one it holds only when its
 * version there did without the entry too (`baseWithout`: given that version's root value; a
 * `$schema` of its own, maybe another one). One `$schema: ./open.json` line (an empty schema
 * beside it, or the SchemaStore URL of another vendored schema) written into an existing
 * `.github/workflows/deploy.yml` had any error in it pass, while GitHub refuses the workflow.
 * The file's name still names its reader: otherwise the entry applies as well.
 */
export function ownSchemaAgreedLookup(
  base: BaseReadings | undefined,
  yamlOptions: (file: string, format: DocumentFormat) => YamlReadOptions | undefined,
): (file: string, format: DocumentFormat, baseWithout: (root: unknown) => boolean, reading: string) => Promise<boolean> {
  if (!base) return () => Promise.resolve(true);
  const texts = baseTexts(base.source);
  return async (file, format, baseWithout, reading) => {
    if (!(await base.holds(file))) return true;
    const before = await texts(file);
    if (before !== undefined) {
      if (format === "yaml") await loadYamlSupport(); // asked from a parse worker's outcome too
      const parsed = firstParse(before, file, format, yamlOptions(file, format));
      if (parsed.doc.ok && baseWithout(parsed.doc.documents[0])) return true;
    }
    base.overruled.set(file, reading);
    return false;
  };
}
