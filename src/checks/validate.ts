/**
 * The validate check: every JSON/YAML file selected by `validate.files` (minus `exclude`) must
 * parse, and must satisfy each schema mapped to it (config `validate.schemas` globs, or its own
 * local `$schema`). Reads through ctx.source, so `check --staged` validates the staged blobs.
 */
import { createHash } from "node:crypto";
import { detectDialects, YAML_DIALECTS } from "../core/parse/yaml-dialects.js";
import { ConfigError, UsageError } from "../errors.js";
import { appendAll } from "../core/append.js";
import type { Finding } from "../core/finding.js";
import { DEFAULT_MAX_FINDINGS_PER_FILE } from "../core/finding-cap.js";
import { matcher } from "../core/glob.js";
import { hasRawBytes, unsupportedNameFinding } from "../core/names.js";
import {
  decodeDocument,
  formatFor,
  loadYamlSupport,
  parseDocument,
  type DocumentFormat,
  type ParsedDocument,
} from "../core/parse/index.js";
import { Catalog, type CatalogMatch } from "../core/catalog/select.js";
import { normalizeRepoPath, SchemaMapper, type SchemaRef } from "../core/schema/mapping.js";
import { dialectParseOptions, jsoncDialectByContent, type JsoncDialect } from "../core/select/jsonc-by-content.js";
import { DEFAULT_JSONC, formatForSelected, jsoncMatcher } from "../core/select/jsonc.js";
import { lowerBaseName, validateFilesMatcher } from "../core/select/default-extensions.js";
import { isJsonLinesName } from "../core/parse/json-lines.js";
import { SkippedTemplates, TemplateRules } from "../core/select/templates.js";
import { ALWAYS_EXCLUDED, DEFAULT_VALIDATE_FILES, type ValidateConfig } from "../config/types.js";
import { SchemaStore } from "../io/schema-cache.js";
import { schemaSourceFor } from "../io/schema-source.js";
import { isDeferred, OUTSIDE, releaseBytes, type FileSource, type ReadResult } from "../io/file-source.js";
import { insideLinkTarget, LINK_LOOP, linkLoops } from "../io/symlink-outside.js";
import { withLinkedFolders } from "../io/linked-folders.js";
import { StagedSource } from "../io/staged-source.js";
import type { Git } from "../io/git.js";
import { maxFileSize, maxYamlSize, schemaLimit, tooLargeFinding } from "./max-file-size.js";
import { dependencyMappingError, ownSchemaUnavailable } from "./schema-unavailable.js";
import type { ParsePool, PoolJob, PoolOutcome } from "./parse-pool.js";
import { poolForced, poolSize } from "./parse-pool-size.js";
import type { ParseStep } from "./parse-task.js";
import {
  atCatalogLevel,
  catalogOf,
  catalogSchemaUnavailable,
  notThisKind,
  otherKindFinding,
  otherReaderFinding,
  legacyFormatFinding,
  prepareCatalog,
} from "./validate-catalog.js";
import { commentOnlyAccepted } from "./root-kind.js";
import { declaresNull, emptyTakenByReader, foldEmptyIntoSchema } from "./empty-document.js";
import { EMPTY_BUT_COMMENTS } from "../core/parse/json-scan.js";
import { homeAssistantIncludeLookup, onlyHomeAssistantTagsUnknown } from "./home-assistant-includes.js";
import { isModManifestPath, miniYamlModLookup } from "./miniyaml-mods.js";
import { mappedPeersLookup, nameReadingAgreedLookup, type MappedPeers, type NameReading } from "./mapped-peers.js";
import { miniYamlFindings } from "../core/parse/miniyaml.js";
import { json5Reading } from "./json5-reading.js";
import type { Check, CheckContext } from "./types.js";
import {
  contributedJsoncLookup,
  corruptWhateverTheFormat,
  packDialectLookup,
  dropTemplatesByPath,
  folderOf,
  isTemplateByContent,
} from "./validate-select.js";
import { inheritedDialectLookup } from "./validate-inherited.js";
import { dotnetBomReader, dotnetProjectLookup, onlyLeadingBom } from "./dotnet-project.js";
import {
  agreedDialect,
  agreedFlag,
  baseReadings,
  contentAgreedLookup,
  contentDialectAtBase,
  emptiedFinding,
  emptiedInChange,
  headReadings,
  encodingAgreedReader,
  formatAgreedLookup,
  grownFinding,
  grownPastLimit,
  kindAgreedLookup,
  ownSchemaAgreedLookup,
  ownSchemaBeforeLookup,
  ownSchemaKeptLookup,
  baseOwnSchemas,
  overruledNotices,
  sopsOnlyInChange,
  templateAgreedLookup,
  type BaseReadings,
} from "./base-readings.js";
import { ARM_BOM_READING, firstParse, schemaStep, templateSuspect, type ContentReading, type YamlReadOptions } from "./file-steps.js";
import { readableUtf16 } from "../core/select/arm-encoding.js";
import { formatAnnotationOf } from "./format-annotation.js";
import { templateResidue } from "./template-residue.js";
import { caseTwinsAtBase, headTwinSide, treeTwinSide } from "./case-twins.js";
import { isSublimeSyntaxTest } from "../core/select/sublime-syntax-test.js";
import { isMarkdownPullRequestTemplate, isPullRequestTemplatePath } from "../core/select/pull-request-template.js";
import { selectsWellKnownNames, wellKnownName, wellKnownOf } from "../core/select/well-known-names.js";
import {
  isJsonSchemaDocument,
  multiLineFlowKey,
  SCHEMA_DOCUMENT_READING,
  skipsUnlessItsFormat,
  wellKnownReading,
} from "./well-known-reading.js";
import { filteredBlobs, filteredNotices, routedByChange, type FilteredKind } from "./filtered-blobs.js";

/** Files read at once: bounds memory on large trees (and git processes in the hook). */
const BATCH = 256;
/**
 * Files read at once from the git index: each batch costs two git processes (sizes, then
 * blobs), and spawning one from a large node process costs tens of ms of CPU, so 256 a batch
 * made a 50,000-file commit cost 10 times the CPU of the same check on the work tree. Memory
 * stays bounded by BATCH_BYTES (the rest of a batch is DEFERRED).
 */
const INDEX_BATCH = 4096;
/**
 * Bytes of file contents read at once (issue 20: 80 files of 50 MiB once peaked at 4.8 GB).
 * A file bigger than this is read alone: memory stays a few times the largest file.
 */
const BATCH_BYTES = 32 * 1024 * 1024;

interface ValidateRunOptions {
  /**
   * Paths named by the user: validated when their extension is known even if validate.files
   * does not select them; a missing one is a usage error. `true`: every path in ctx.paths; a set:
   * only those (the files of a folder named on the command line follow the config's selection).
   */
  explicit?: boolean | ReadonlySet<string>;
}

/** Which schemas apply to a file (core/schema/mapping.ts). */
type SchemaChoice = ReturnType<SchemaMapper["for"]>;

/** Which repo-relative paths the validate check reads, under a config's validate section. */
interface ValidateSelection {
  /** Selected by the config: validate.files (default JSON/YAML) minus validate.exclude. */
  selects: (p: string) => boolean;
  /** Checked when named by the user: also any .json/.yaml/.yml or validate.jsonc file, still minus the excludes. */
  accepts: (p: string) => boolean;
  excluded: (p: string) => boolean;
  jsonc: (p: string) => boolean;
  requireSchema: (p: string) => boolean;
  mapper: SchemaMapper;
  /** mapper.for(p, undefined), remembered for the last path (asked up to three times per file). */
  pathSchemas: (p: string) => SchemaChoice;
  /** Whether the team's own config maps `p` (require_schema, or a mapping not from the catalog). */
  userMapped: (p: string) => boolean;
  /** New names that differ from the trusted commit's spelling only in case (case-twins.ts): filled on a pull request and in the hook (against HEAD). */
  twins: Map<string, string>;
  /** Helm/Jinja/Go templates: skipped with one notice per folder (validate.templates). */
  templates: TemplateRules;
}

/** A .json, .jsonc, .yaml or .yml name in any letter case (also with a Windows name's trailing dots or spaces). */
const anyDefaultExtension = validateFilesMatcher(DEFAULT_VALIDATE_FILES);

/** The selection rules of validate (also used to expand folders named on the command line). */
export function validateSelection(cfg: ValidateConfig): ValidateSelection {
  // The default globs match their extension in any letter case (core/select/default-extensions.ts).
  const byGlob = validateFilesMatcher(cfg.files ?? DEFAULT_VALIDATE_FILES);
  // The default selection also takes the names whose readers read JSON/YAML without such an
  // extension (Package.resolved, .eslintrc, *.ipynb: core/select/well-known-names.ts).
  const selected = selectsWellKnownNames(cfg.files, DEFAULT_VALIDATE_FILES)
    ? (p: string) => byGlob(p) || wellKnownName(p) !== undefined
    : byGlob;
  const excluded = matcher([...(cfg.exclude ?? []), ...ALWAYS_EXCLUDED]);
  const jsonc = jsoncMatcher(cfg.jsonc);
  // A name in another letter case than the trusted commit's spelling (case-twins.ts): that spelling's mapping applies too.
  const twins = new Map<string, string>();
  const required = matcher(cfg.require_schema);
  const requireSchema = (p: string) => required(p) || (twins.has(p) && required(twins.get(p)!));
  const mapper = new SchemaMapper(cfg.schemas, new Catalog(cfg));
  // The globs and the catalog of every mapping are matched against the path each time: a
  // whole-tree run asks for the same path from detectsContent and the file's own steps.
  let last: { path: string; twin: string | undefined; choice: SchemaChoice } | undefined;
  const pathSchemas = (p: string): SchemaChoice => {
    if (last?.path !== p || last.twin !== twins.get(p))
      last = { path: p, twin: twins.get(p), choice: withTwin(mapper.for(p, undefined), twins.get(p)) };
    return last.choice;
  };
  /** `choice` and the team's own mappings of the base's spelling `twin` (not its catalog entries: those go by the exact name). */
  const withTwin = (choice: SchemaChoice, twin: string | undefined): SchemaChoice => {
    if (twin === undefined) return choice;
    const more = mapper
      .for(twin, undefined)
      .schemas.filter((s) => catalogOf(s) === undefined && !choice.schemas.some((c) => c.path === s.path));
    return more.length === 0 ? choice : { ...choice, schemas: [...choice.schemas, ...more] };
  };
  // Only the user's own mappings make a file "not a template": a catalog match is by name, and a
  // cookiecutter folder's `.github/workflows/ci.yml` is still a template until rendered.
  const userMapped = (p: string) => requireSchema(p) || pathSchemas(p).schemas.some((s) => catalogOf(s) === undefined);
  const templates = new TemplateRules(cfg.templates, userMapped);
  // A named path is validated when it is JSON/YAML by name (or a template by name: it gets the template notice).
  const namedKind = (p: string) =>
    formatFor(p) !== undefined ||
    anyDefaultExtension(p) ||
    jsonc(p) ||
    wellKnownName(p) !== undefined ||
    templates.byPath(p, () => false) !== undefined;
  return {
    selects: (p) => !excluded(p) && selected(p),
    accepts: (p) => !excluded(p) && (selected(p) || namedKind(p)),
    excluded,
    jsonc,
    requireSchema,
    mapper,
    pathSchemas,
    userMapped,
    templates,
    twins,
  };
}

interface ValidateStats {
  /** Files read and parsed. */
  checked: number;
  /** Validators loaded from the on-disk cache / compiled with ajv. */
  schemasCached: number;
  schemasCompiled: number;
}

const statsByContext = new WeakMap<CheckContext, ValidateStats>();

/** Counters of the last validate run with this context (for the summary). */
export function validateStats(ctx: CheckContext): ValidateStats | undefined {
  return statsByContext.get(ctx);
}

export const check: Check = { name: "validate did not check it", run: (ctx) => runValidate(ctx) };

/** A source that knows about unresolved merge conflicts (the index). */
interface ConflictAware {
  unmergedPaths(): Promise<string[]>;
}

export async function runValidate(ctx: CheckContext, options: ValidateRunOptions = {}): Promise<Finding[]> {
  const workers: { pool?: ParsePool } = {};
  try {
    return await validateRun(ctx, options, workers);
  } finally {
    await workers.pool?.close(); // whatever happened: live workers would keep the process running
  }
}

async function validateRun(ctx: CheckContext, options: ValidateRunOptions, workers: { pool?: ParsePool }): Promise<Finding[]> {
  const cfg: ValidateConfig = ctx.config.validate ?? {};
  const { selects, accepts, excluded, jsonc, requireSchema, mapper, pathSchemas, userMapped, templates, twins } = validateSelection(cfg);
  const findings: Finding[] = [];
  const named = options.explicit;
  const isExplicit = (p: string) => named === true || (named instanceof Set && named.has(p));
  const wanted = (p: string) => (isExplicit(p) ? accepts(p) : selects(p));

  // A whole-tree run loads every mapped schema up front: do it while git lists the files (the
  // schema cache read, the format code and the compile overlap with git's process).
  // Schemas come from the data's source (the index in the hook), with two exceptions: on a pull
  // request the base commit's (ctx.schemaSource: a PR must not loosen the schema that judges it),
  // and installed dependencies' schemas from node_modules/ in the working tree.
  const schemaSource = schemaSourceFor(ctx.schemaSource ?? ctx.source, ctx.git);
  const store = new SchemaStore({
    source: schemaSource,
    ...(ctx.noCache ? {} : { cacheDir: schemaCacheDir(ctx) }),
    ...(ctx.sharedSchemaCache ? { sharedDir: ctx.sharedSchemaCache } : {}),
    limit: schemaLimit(cfg),
  });
  // The names git lists on a whole-tree run (the rest are names through folder links, linked-folders.ts).
  let gitListed: ReadonlySet<string> | undefined;
  const [candidates] = await Promise.all([
    // In the hook, a staged link to a folder adds the folder's files under the link's name.
    ctx.paths
      ? ctx.source instanceof StagedSource
        ? ctx.source.withLinkedFolders(ctx.paths)
        : ctx.paths
      : ctx.source.list().then((l) => {
          if (ctx.source.kind !== "worktree") return l;
          gitListed = new Set(l);
          return withLinkedFolders(ctx.root, l);
        }),
    checkMappedSchemas(cfg, store, !ctx.paths, schemaSource),
    prepareCatalog(cfg, mapper, schemaSource),
  ]);
  let files = candidates.filter(wanted);
  // A name that is not UTF-8 cannot be read by a string path: an error naming it, never a skip (issue 14).
  if (files.some(hasRawBytes)) {
    for (const p of files.filter(hasRawBytes))
      findings.push(unsupportedNameFinding(p, "the file name is not valid UTF-8", "validate did not check it"));
    files = files.filter((p) => !hasRawBytes(p));
  }
  if (options.explicit) {
    for (const p of candidates) {
      if (isExplicit(p) && !wanted(p)) {
        findings.push({
          rule: "validate/skipped",
          level: "notice",
          file: p,
          message: `${p} was not validated: ${excluded(p) ? "validate.exclude (or node_modules/.git) excludes it" : "it is not a .json/.yaml/.yml file and validate.files does not select it"}`,
        });
      }
    }
  }

  // An unresolved merge conflict in the index: report it by name; the blob of one side is not what will be committed.
  const unmerged = "unmergedPaths" in ctx.source ? await (ctx.source as unknown as ConflictAware).unmergedPaths() : [];
  if (unmerged.length) {
    const conflicted = new Set(unmerged.filter((p) => (ctx.paths ? ctx.paths.includes(p) || wanted(p) : wanted(p))));
    for (const p of conflicted) {
      findings.push({
        rule: "parse/merge-conflict",
        level: "error",
        file: p,
        line: 1,
        column: 1,
        message: `${p} has an unresolved merge conflict in the index`,
        fix: `resolve the conflict, then git add ${p}`,
      });
    }
    files = files.filter((p) => !conflicted.has(p));
  }

  const maxBytes = maxFileSize(cfg);
  // Templates decided by path are never read: a chart's thousands of template lines cost nothing.
  const skipped = new SkippedTemplates();
  const filterSkipped = new Map<string, FilteredKind>();
  /** Files over the size limit on a pull request, with their limit (base-readings.ts: grownPastLimit). */
  const tooLarge = new Map<string, number>();
  // On a pull request, readings other files give (a tsconfig's extends, a Chart.yaml) need the base's files too: base-readings.ts.
  const base = baseReadings(ctx);
  // The hook tells new names by HEAD (case-twins.ts: headTwinSide), as a pull request does by its
  // base; a run with neither (a push, the whole tree) tells every name by the others (treeTwinSide).
  const twinSide = base ?? (ctx.source.kind === "index" ? await headTwinSide(ctx.git) : treeTwinSide);
  for (const [f, twin] of await caseTwinsAtBase(twinSide, files, userMapped)) twins.set(f, twin);
  // A new file the trusted config maps to a schema takes a reading other files or its own marker ask for only as a peer of its mapping does (mapped-peers.ts).
  const peers = mappedPeersLookup(base, (p) =>
    pathSchemas(p)
      .schemas.filter((s) => catalogOf(s) === undefined)
      .map((s) => s.path),
  );
  files = await dropTemplatesByPath(files, templates, skipped, ctx.source, ctx.paths ? undefined : candidates, base);

  const baseYaml = (file: string, format: DocumentFormat) => (format === "yaml" ? yamlOptions(file, cfg) : undefined);
  const ownBefore = base && baseOwnSchemas(base, baseYaml);
  const env: FileEnv = {
    cfg,
    store,
    mapper,
    pathSchemas,
    twins,
    requireSchema,
    templates,
    source: ctx.source,
    schemaSource,
    contributedJsonc: agreedFlag(
      contributedJsoncLookup(ctx.source),
      base,
      contributedJsoncLookup,
      "as JSONC (a VS Code extension's file)",
      peers,
    ),
    packDialect: agreedDialect(packDialectLookup(ctx.source), base, packDialectLookup, peers),
    inheritedDialect: agreedDialect(inheritedDialectLookup(ctx.source), base, inheritedDialectLookup, peers),
    contentDialect: agreedDialect((file, text) => Promise.resolve(jsoncDialectByContent(file, text)), base, contentDialectAtBase, peers),
    homeAssistantIncluded: agreedFlag(
      homeAssistantIncludeLookup(ctx.source),
      base,
      homeAssistantIncludeLookup,
      "as Home Assistant reads a file its configuration.yaml includes",
      peers,
    ),
    miniYamlMod: agreedFlag(
      miniYamlModLookup(ctx.source),
      base,
      miniYamlModLookup,
      "as OpenRA MiniYaml (a file of a mod whose mod.yaml is MiniYaml)",
      peers,
    ),
    dotnetProject: dotnetProjectAgreed(ctx.source, base, peers),
    contentAgreed: contentAgreedLookup(base, peers),
    sopsRefused: new Set(),
    templateAgreed: templateAgreedLookup(base, (file, format) => (format === "yaml" ? yamlOptions(file, cfg) : undefined)),
    kindAgreed: kindAgreedLookup(base, (file, format) => (format === "yaml" ? yamlOptions(file, cfg) : undefined)),
    ownSchemaAgreed: ownSchemaAgreedLookup(base, (file, format) => (format === "yaml" ? yamlOptions(file, cfg) : undefined)),
    ownSchemaKept: ownSchemaKeptLookup(base, baseYaml, ownBefore),
    ownSchemaBefore: ownSchemaBeforeLookup(base, baseYaml, ownBefore),
  };
  const formatAgreed = formatAgreedLookup(base);
  // A new mapped file's name (or its text, for a name that says no format) reads it as its mapping's files are read only (mapped-peers.ts).
  // A validate.jsonc glob of the base's own (not a default) names the file itself: the base's word, as the mapping is.
  const ownJsonc = matcher((cfg.jsonc ?? []).filter((g) => !DEFAULT_JSONC.includes(g)));
  const nameAgreed = nameReadingAgreedLookup(
    base,
    peers,
    (f, bytes) => nameReading(f, formatForSelected(f, jsonc, bytes), ownJsonc),
    (f) => formatForSelected(f, jsonc) !== "json" || /\.jsonc?$/.test(lowerBaseName(f)) || wellKnownOf(f) !== undefined,
  );
  const encodingAgreed = encodingAgreedReader(ctx.source.kind === "worktree" ? base : undefined, ctx.git);
  let checked = 0;
  const yamlMax = maxYamlSize(cfg);
  // Batches of at most BATCH files and about BATCH_BYTES of contents: a source that can bound a
  // read by bytes leaves the rest DEFERRED, read by the next round of the same batch.
  let pending: string[] = [];
  let first = true;
  // Parse workers (issue 20): only when IG_PARSE_WORKERS asks for them. Measured on the 2-core
  // machine (20,000 files + 4 x 11 MB; 3,000 files), workers cost 20-50% more CPU and wall
  // time than one thread: the main thread's share per file (read, map, send, gather) is as
  // big as the parse of a small file. The hook never starts one.
  const threads = poolSize();
  const wantPool = () => threads > 0 && poolForced();
  /** The previous round, parsing in the workers while this one is read. */
  let previous: { round: RoundEntry[]; outcomes: Promise<PoolOutcome[]> } | undefined;
  const drain = async (round: RoundEntry[], outcomes: PoolOutcome[]) => {
    for (const entry of round) {
      const result =
        entry.kind === "done" ? (entry.template ? "template" : entry.findings) : await remoteResult(entry, outcomes[entry.at]!, env);
      if (result === "template") {
        checked--;
        skipped.add(entry.file, { kind: "content", folder: folderOf(entry.file) });
      } else appendAll(findings, result);
    }
  };
  for (let i = 0; i < files.length || pending.length;) {
    const batch = pending.length ? pending : files.slice(i, (i += ctx.source.kind === "index" ? INDEX_BATCH : BATCH));
    // Read the config-mapped schemas these files need with the first batch (one git process in
    // the hook), ahead of the files so that the byte budget never leaves them out.
    const schemaPaths = first && !ctx.schemaSource ? mappedSchemas(cfg, batch).filter((p) => !batch.includes(p)) : [];
    first = false;
    pending = [];
    const contents = await ctx.source.read([...schemaPaths, ...batch], { maxBytes, maxTotalBytes: BATCH_BYTES });
    // A staged link inside the repository is read through, in the index: the commit's content.
    if (ctx.source instanceof StagedSource) await ctx.source.followLinks(contents, batch, { maxBytes });
    // A staged LFS pointer is replaced by its content when this clone has it, read up to the
    // limit its format has (past it, the pointer keeps its notice: LFS is where big files go).
    const filtered = await filteredBlobs(ctx, batch, contents, (f) =>
      formatForSelected(f, jsonc, undefined) === "yaml" ? yamlMax : maxBytes,
    );
    // A file the base holds in UTF-8 is read as checked out when only this change's .gitattributes re-encode it.
    await encodingAgreed(batch, contents);
    // The base's versions of the round's files in one read: the lookups below ask for them one by one.
    if (base) await base.readAhead(batch, { maxBytes, maxTotalBytes: BATCH_BYTES });
    // A file the base holds in plaintext is not excused as a sops file by ciphertext this change writes.
    if (base) for (const f of await sopsOnlyInChange(base, batch, contents)) env.sopsRefused.add(f);
    if (schemaPaths.length) store.prime(new Map(schemaPaths.map((p) => [p, contents.get(p)!] as const).filter(([, c]) => c !== undefined)));
    // Imported here, not at the top: a run without workers (the hook) never loads node:worker_threads.
    if (!workers.pool && wantPool()) workers.pool = new (await import("./parse-pool.js")).ParsePool(threads);
    const pool = workers.pool;
    const round: RoundEntry[] = [];
    const jobs: PoolJob[] = [];
    for (const file of batch) {
      let content = contents.get(file);
      // Nothing but `held` below may keep a file's bytes alive while it is parsed (memory under 4x the file).
      contents.delete(file);
      if (isDeferred(content)) {
        pending.push(file);
        continue;
      }
      if (content === undefined) {
        if (isExplicit(file)) {
          throw new UsageError(`${file} does not exist${ctx.source.kind === "index" ? " in the git index" : ""}`, {
            fix: "check the path (it is relative to the repository root)",
          });
        }
        continue; // deleted since it was listed, or a symlink/submodule in the index
      }
      // A link inside the repository is read through: its readers get the target's content.
      if (!Buffer.isBuffer(content) && content.code === "ELOOP" && ctx.source.kind === "worktree") {
        const target = insideLinkTarget(ctx.root, file);
        if (target !== undefined) content = (await ctx.source.read([target], { maxBytes })).get(target) ?? content;
        // Links that go round (or pass more than 40) reach no file: its readers get ELOOP. Skipped
        // as a link, an existing data file replaced so passed with no finding. An error on a pull
        // request, at a name the team maps to a schema, or where HEAD holds a regular file (the
        // change replaced a data file); a repository's own loop elsewhere stays skipped, and so
        // does a name made through folder links that passes more than 40 links (no reader uses it).
        else if (
          (gitListed === undefined || gitListed.has(file)) &&
          linkLoops(ctx.root, file) &&
          (base || teamSchema(env, file) || (await headHoldsFile(ctx.git, file)))
        )
          content = { error: LINK_LOOP, code: "ESYMLINKLOOP" };
      }
      let format = formatForSelected(file, jsonc, Buffer.isBuffer(content) ? content : undefined);
      // A name that does not say its format: its content does, on a pull request as the base's version does (base-readings.ts).
      if (base && format === "yaml" && formatForSelected(file, jsonc) !== format && !(await formatAgreed(file, format))) format = "json";
      // A new file the base's config maps to a schema: a name or a text that reads it more leniently than JSON counts as a peer of its mapping is read so.
      if (format !== "json" && Buffer.isBuffer(content) && !(await nameAgreed(file, content))) format = "json";
      // Sources that cannot tell the size before reading are checked after. YAML has its own,
      // lower limit: its parser needs 100-200 bytes of memory per byte (never an out-of-memory abort).
      const size = Buffer.isBuffer(content) ? content.length : content.code === "ETOOLARGE" ? content.size : undefined;
      const limit = format === "yaml" ? yamlMax : maxBytes;
      if (size !== undefined && size > limit) {
        const f = tooLargeFinding(file, size, limit, limit < maxBytes ? "max_yaml_size" : "max_file_size");
        if (base) tooLarge.set(file, limit);
        if (pool) round.push({ kind: "done", file, findings: [f] });
        else findings.push(f);
        continue;
      }
      const readFailure = unreadable(file, content);
      if (readFailure === "skip") continue;
      if (readFailure) {
        if (pool) round.push({ kind: "done", file, findings: [readFailure] });
        else findings.push(readFailure);
        continue;
      }
      const exempt = filtered.exempt.get(file);
      if (exempt) {
        filterSkipped.set(file, exempt);
        continue;
      }
      const added = filtered.routedByChange.get(file);
      if (added) {
        if (pool) round.push({ kind: "done", file, findings: [routedByChange(file, added)] });
        else findings.push(routedByChange(file, added));
        continue;
      }
      // A Sublime Text syntax test is text for its runner (invalid JSON/YAML and conflict markers on purpose).
      // (The name first: detectsContent maps the path against every schema glob and catalog entry.)
      if (isSublimeSyntaxTest(file, content as Buffer) && env.templates.detectsContent(file)) {
        skipped.add(file, { kind: "syntax-test", folder: folderOf(file) });
        continue;
      }
      // A GitHub pull request template is Markdown for GitHub (a Gitea form, with its keys, stays YAML).
      // On a pull request, only when the base's version of a file it holds was such a template too.
      if (
        isPullRequestTemplatePath(file) &&
        isMarkdownPullRequestTemplate(file, (content as Buffer).toString("utf8")) &&
        env.templates.detectsContent(file) &&
        (await env.contentAgreed(file, prTemplateReading(file)))
      ) {
        skipped.add(file, { kind: "pr-template", folder: folderOf(file) });
        continue;
      }
      // Yarn 1's yarn.lock is not YAML (only Yarn 2+'s is): a name that is its format only by content.
      // On a pull request, only when the base's version of a file it holds was left unread too (base-readings.ts).
      if (skipsUnlessItsFormat(file, content as Buffer) && (await env.contentAgreed(file, leftUnread(file)))) {
        if (isExplicit(file))
          findings.push({
            rule: "validate/skipped",
            level: "notice",
            file,
            message: `${file} was not validated: ${wellKnownOf(file)!.reader}, and this file is not in that format`,
          });
        continue;
      }
      checked++;
      const known = alreadyParsedConfig(ctx, file, content as Buffer, format, cfg, env.mapper, env.requireSchema);
      // One at a time, never push(...list): a file can have hundreds of thousands of findings.
      if (known) {
        if (pool) round.push({ kind: "done", file, findings: known });
        else for (const f of known) findings.push(f);
        continue;
      }
      if (pool) {
        // Parsed by a worker; findings gathered in file order once the round is back.
        const bytes = content as Buffer;
        const remote = await remoteJob(file, bytes, format, env);
        if (remote) {
          round.push({ kind: "remote", file, at: jobs.length, format, refs: remote.refs });
          jobs.push(remote.job);
        } else {
          const result = await validateFile(file, { bytes }, format, env);
          round.push(
            result === "template" ? { kind: "done", file, findings: [], template: true } : { kind: "done", file, findings: result },
          );
        }
        continue;
      }
      const held: HeldBytes = { bytes: content as Buffer };
      // A live local would keep the bytes reachable for as long as validateFile runs.
      // eslint-disable-next-line no-useless-assignment
      content = undefined;
      const result = await validateFile(file, held, format, env);
      if (result === "template") {
        checked--;
        skipped.add(file, { kind: "content", folder: folderOf(file) });
      } else appendAll(findings, result);
    }
    if (pool) {
      // Queue this round, then gather the previous one: the workers never wait between rounds,
      // and at most two rounds of bytes are in flight. Findings keep the file order.
      const outcomes = pool.run(jobs, schemaCodes(jobs, store));
      if (previous) await drain(previous.round, await previous.outcomes);
      previous = { round, outcomes };
    }
  }
  if (previous) await drain(previous.round, await previous.outcomes);
  appendAll(findings, skipped.notices());
  appendAll(findings, filteredNotices(filterSkipped, ctx.source.kind === "index"));
  if (base && tooLarge.size) {
    // A pull request must not switch an existing file's checks off by growing it past the limit.
    const grown = await grownPastLimit(base, ctx.git, tooLarge);
    for (const [i, f] of findings.entries())
      if (f.rule === "parse/too-large" && f.file !== undefined && grown.has(f.file)) findings[i] = grownFinding(f, grown.get(f.file)!);
  }
  {
    // A change must not empty an existing file its team maps a schema to (base-readings.ts: emptiedInChange).
    // Judged against the pull request's base, or in the hook and the CLI against HEAD, the commit the change starts from.
    // So must it cut a tsconfig to its leading comment (a warning where TypeScript takes one written so: empty-document.ts).
    const candidates = findings.filter(
      (f) =>
        f.rule === "parse/empty" &&
        f.level === "warning" &&
        f.file !== undefined &&
        (teamSchema(env, f.file) || f.found === EMPTY_BUT_COMMENTS),
    );
    // A schema that says the document may be null is written for an empty file: that stays a warning.
    const empty: Finding[] = [];
    for (const f of candidates) if (!(await schemaDeclaresNull(env, f.file!))) empty.push(f);
    const against = empty.length ? (base ?? (await headReadings(ctx))) : undefined;
    const held = against
      ? await emptiedInChange(
          against,
          empty.map((f) => f.file!),
          (file) => yamlOptions(file, cfg),
        )
      : undefined;
    if (held?.size)
      for (const [i, f] of findings.entries())
        if (empty.includes(f) && held.has(f.file!))
          findings[i] = emptiedFinding(f, held.get(f.file!)!, base ? base.commit : "HEAD", f.found === EMPTY_BUT_COMMENTS);
  }
  appendAll(findings, overruledNotices(base, findings));
  statsByContext.set(ctx, { checked, schemasCached: store.stats.cached, schemasCompiled: store.stats.compiled });
  await store.settled(); // the code caches this run made (schema-cache.ts), written before the run returns
  return findings;
}

/** A file of a round with a pool, in file order: its findings, or its job in the workers. */
type RoundEntry =
  | { kind: "done"; file: string; findings: Finding[]; template?: boolean }
  | { kind: "remote"; file: string; at: number; format: DocumentFormat; refs: SchemaRef[] };

/**
 * The worker job of a file, or undefined to validate it on the main thread: when a schema that
 * applies to it cannot be loaded (its finding or error is built there, as without workers).
 */
async function remoteJob(
  file: string,
  bytes: Buffer,
  format: DocumentFormat,
  env: FileEnv,
): Promise<{ job: PoolJob; refs: SchemaRef[] } | undefined> {
  const { cfg, store } = env;
  // A name with a reader of its own (trailing commas refused, a second reading) is read on the main
  // thread; so is JSON Lines, whose records a schema checks one by one (validateFile).
  if (wellKnownReading(file, format) || env.sopsRefused.has(file) || isJsonLinesName(file)) return undefined;
  // A file whose version in the base named a `$schema` of its own: on the main thread, where a
  // change that dropped it keeps that schema (schemasOf). A worker checks a file without one only.
  if (await env.ownSchemaBefore(file, format, (root) => ownSchemaPaths(env.mapper.for(file, root)))) return undefined;
  // The schemas of a file without a `$schema` of its own (the worker sends back one that has it).
  const choice = env.pathSchemas(file);
  const steps: ParseStep[] = [];
  for (const ref of choice.schemas) {
    try {
      await store.get(ref.path);
    } catch {
      return undefined;
    }
    if (store.codeOf(ref.path) === undefined) return undefined;
    const entry = catalogOf(ref);
    const rootType = entry?.catalog === "built-in" ? entry.rootType : undefined;
    const builtinId = entry?.catalog === "built-in" ? entry.id : undefined;
    const formatAnnotation = formatAnnotationOf(file, ref);
    steps.push({
      key: ref.path,
      label: entry?.label ?? ref.path,
      describeKeys: entry !== undefined,
      ...(rootType ? { rootType } : {}),
      ...(builtinId ? { builtinId } : {}),
      ...(formatAnnotation ? { formatAnnotation } : {}),
    });
  }
  const yaml = format === "yaml" ? yamlOptions(file, cfg) : undefined;
  return {
    refs: choice.schemas,
    job: {
      bytes,
      job: {
        file,
        format,
        ...(yaml ? { yaml } : {}),
        detectTemplates: env.templates.detectsContent(file),
        steps,
        budget: cfg.max_findings_per_file ?? DEFAULT_MAX_FINDINGS_PER_FILE,
      },
    },
  };
}

/** The standalone code of every schema the jobs name (workers compile each once). */
function schemaCodes(jobs: readonly PoolJob[], store: SchemaStore): Map<string, string> {
  const out = new Map<string, string>();
  for (const j of jobs) for (const s of j.job.steps) if (!out.has(s.key)) out.set(s.key, store.codeOf(s.key)!);
  return out;
}

/** A file's findings from its worker's outcome, as validateFile would have given them. */
async function remoteResult(
  entry: Extract<RoundEntry, { kind: "remote" }>,
  outcome: PoolOutcome,
  env: FileEnv,
): Promise<Finding[] | "template"> {
  const { file } = entry;
  if (outcome === "template") {
    if (await env.templateAgreed(file, entry.format)) return "template";
    // The base holds it as a valid document: checked as it is, on this thread (the worker kept no bytes).
    const again = (await env.source.read([file])).get(file);
    return Buffer.isBuffer(again) ? validateFile(file, { bytes: again }, entry.format, env) : "template";
  }
  if ("failed" in outcome) return [workerFailed(file, outcome.failed)];
  if ("main" in outcome) {
    // The worker sent the bytes back: this file needs the main thread (its own $schema, JSONC).
    const bytes = Buffer.from(outcome.main.buffer, outcome.main.byteOffset, outcome.main.byteLength);
    return validateFile(file, { bytes }, entry.format, env);
  }
  // A skip as another kind of file the base's version does not share: checked again here, where the base is asked.
  for (const [k, ref] of entry.refs.entries()) {
    const step = outcome.schema[k];
    const catalog = catalogOf(ref);
    const skippedAsOther = step === "other-kind" || (step !== undefined && ("otherReader" in step || "legacy" in step));
    if (skippedAsOther && catalog && !(await env.kindAgreed(file, catalog, entry.format))) {
      const again = (await env.source.read([file])).get(file);
      if (Buffer.isBuffer(again)) return validateFile(file, { bytes: again }, entry.format, env);
    }
  }
  // A file a Home Assistant configuration includes is read again here, with that dialect (home-assistant-includes.ts).
  if (
    (onlyHomeAssistantTagsUnknown(outcome.parse) && (await env.homeAssistantIncluded(file))) ||
    (entry.format === "yaml" && outcome.parse.length > 0 && (await env.miniYamlMod(file)))
  ) {
    const again = (await env.source.read([file])).get(file);
    if (Buffer.isBuffer(again)) return validateFile(file, { bytes: again }, entry.format, env);
  }
  const findings = outcome.parse;
  if (entry.refs.length === 0) {
    if (env.requireSchema(file)) findings.push(schemaMissing(file, undefined));
    return foldEmptyIntoSchema(findings); // an empty config its reader refuses (.yamllint) is an error without a schema too
  }
  entry.refs.forEach((ref, k) => {
    const catalog = catalogOf(ref);
    const step = outcome.schema[k];
    if (step === "other-kind") {
      // The worker saw every document's root of the other type: the same notice validateFile gives.
      if (catalog) findings.push(otherKindFinding(file, catalog));
      return;
    }
    if (step !== undefined && "otherReader" in step) {
      if (catalog) findings.push(otherReaderFinding(file, catalog, step.otherReader));
      return;
    }
    if (step !== undefined && "legacy" in step) {
      if (catalog) findings.push(legacyFormatFinding(file, catalog, step.legacy));
      return;
    }
    for (const f of step ?? []) findings.push(catalog ? atCatalogLevel(f, catalog) : f);
  });
  return foldEmptyIntoSchema(findings);
}

/** A file whose parse worker died on it (a crash, out of memory): an error, never a pass. */
function workerFailed(file: string, reason: string): Finding {
  return {
    rule: "parse/worker-failed",
    level: "error",
    file,
    message: `${file} was not checked: the worker thread parsing it stopped (${reason})`,
    fix: "if the file is very big, split it or lower validate.max_file_size (max_yaml_size for YAML) so it is reported as too large; IG_PARSE_WORKERS=0 parses on the main thread",
  };
}

function schemaMissing(file: string, remote: string | undefined): Finding {
  return {
    rule: "schema/missing",
    level: "error",
    file,
    line: 1,
    column: 1,
    message: `${file} must have a JSON Schema (validate.require_schema) but none applies${remote ? `; its $schema ${remote} is a URL, and schemas are never fetched` : ""}`,
    fix: "add a mapping in validate.schemas or a $schema key",
  };
}

/** Schema paths that config mappings assign to any of `files`. */
function mappedSchemas(cfg: ValidateConfig, files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const m of cfg.schemas ?? []) {
    const p = normalizeRepoPath(m.schema);
    const mm = matcher(m.files);
    if (p !== undefined && files.some((f) => mm(f))) out.add(p);
  }
  return [...out];
}

function schemaCacheDir(ctx: CheckContext): string {
  return `${ctx.git.stateDir()}/schema-cache`;
}

/** What validateFile needs besides the file: prepared once per run. */
interface FileEnv {
  cfg: ValidateConfig;
  store: SchemaStore;
  mapper: SchemaMapper;
  pathSchemas: (p: string) => SchemaChoice;
  /** New names that differ from the trusted commit's spelling only in case (case-twins.ts). */
  twins: ReadonlyMap<string, string>;
  requireSchema: (p: string) => boolean;
  templates: TemplateRules;
  /** The data's source. */
  source: FileSource;
  /** Where schemas are read from (the data's source, but node_modules/ from the working tree). */
  schemaSource: FileSource;
  /** True when a VS Code extension's package.json contributes `file` (a theme, language configuration, snippets): JSONC. */
  contributedJsonc: (file: string) => Promise<boolean>;
  /** The dialect of `file` (with text `text`) from the manifest of the Bedrock pack or SMAPI mod it belongs to (validate-select.ts). */
  packDialect: (file: string, text: string) => Promise<JsoncDialect | undefined>;
  /** The dialect `file` inherits from its Heft project or from a config that `extends` it (validate-inherited.ts). */
  inheritedDialect: (file: string, text: string) => Promise<JsoncDialect | undefined>;
  /** True when a Home Assistant configuration.yaml includes `file` (home-assistant-includes.ts); on a pull request, the base's too. */
  homeAssistantIncluded: (file: string) => Promise<boolean>;
  /** A .yaml file below an OpenRA mod folder, read as MiniYaml (miniyaml-mods.ts); on a pull request, as the base agrees. */
  miniYamlMod: (file: string) => Promise<boolean>;
  /** The dialect `file`'s own content asks for (jsonc-by-content.ts), on a pull request only as the base's version asks for it too. */
  contentDialect: (file: string, text: string) => Promise<JsoncDialect | undefined>;
  /** The .NET project file `file` is in (dotnet-project.ts), on a pull request only as the base has one around it too. */
  dotnetProject: (file: string) => Promise<string | undefined>;
  /** False when the base's version of `file` does not ask for the reading its content asks for (base-readings.ts). */
  contentAgreed: (file: string, reading: ContentReading) => Promise<boolean>;
  /** Files a pull request turned into sops files: their ciphertext values are judged as they are (base-readings.ts). */
  sopsRefused: Set<string>;
  /** False for a file skipped as a template by content that the pull request's base holds as a valid document (base-readings.ts). */
  templateAgreed: (file: string, format: DocumentFormat) => Promise<boolean>;
  /** False when a built-in entry's skip by content (another kind of file) is not the base's too (base-readings.ts). */
  kindAgreed: (file: string, entry: CatalogMatch, format: DocumentFormat) => Promise<boolean>;
  /** False when a `$schema` that replaces the name's catalog entry is not the base's version's too (base-readings.ts). */
  ownSchemaAgreed: (file: string, format: DocumentFormat, baseWithout: (root: unknown) => boolean, reading: string) => Promise<boolean>;
  /** ownSchemaKeptLookup (base-readings.ts): the base's own-`$schema` schemas a change may not drop. */
  ownSchemaKept: (
    file: string,
    format: DocumentFormat,
    text: string,
    headOwn: readonly string[],
    baseOwnOf: (root: unknown) => readonly string[],
  ) => Promise<string[]>;
  /** ownSchemaBeforeLookup (base-readings.ts): whether the base's version names a `$schema` of its own (checked on the main thread). */
  ownSchemaBefore: (file: string, format: DocumentFormat, baseOwnOf: (root: unknown) => readonly string[]) => Promise<boolean>;
}

/**
 * The reading a selected file's name gives it beyond strict JSON (mapped-peers.ts: NameReading),
 * `format` being what formatForSelected decided for it; undefined for JSON, a name whose extension
 * says its format, and a file a validate.jsonc glob of the config's own (`ownJsonc`) names.
 */
function nameReading(file: string, format: DocumentFormat, ownJsonc: (file: string) => boolean): NameReading | undefined {
  if (format === "json") return undefined;
  const lower = lowerBaseName(file);
  // An extension that names the format is no reading by a reader's name: a loader of `config/*` tells them apart.
  if (/\.(?:ya?ml|jsonc|json5)$/.test(lower)) return undefined;
  const known = wellKnownOf(file);
  const reader = known?.format === format ? known.reader : undefined;
  if (format === "jsonc" && reader === undefined && ownJsonc(file)) return undefined;
  if (format === "yaml")
    return { format, reader, label: `as YAML (${reader ?? "its name says no format and its text does not start as JSON does"})` };
  return {
    format,
    reader,
    label: `as JSON with comments${known?.trailingCommas === false ? "" : " and trailing commas"} (${reader ? `its name is read so by ${reader}` : "a default glob of validate.jsonc matches its name"})`,
  };
}

/** FileEnv.dotnetProject: the project around a file, agreed with the base on a pull request (base-readings.ts: agreedFlag). */
function dotnetProjectAgreed(
  source: FileSource,
  base: BaseReadings | undefined,
  peers: MappedPeers | undefined,
): (file: string) => Promise<string | undefined> {
  const head = dotnetProjectLookup(source);
  const inProject = (lookup: (file: string) => Promise<string | undefined>) => (file: string) => lookup(file).then((p) => p !== undefined);
  const agreed = agreedFlag(
    inProject(head),
    base,
    (s) => inProject(dotnetProjectLookup(s)),
    "as a .NET project's file (a leading BOM skipped)",
    peers,
  );
  return async (file) => ((await agreed(file)) ? head(file) : undefined);
}

/**
 * mapper.for(file, value): the remembered mapping of the path, unless the document names a
 * `$schema` of its own (the only part of the value SchemaMapper.for reads).
 */
async function schemasOf(env: FileEnv, file: string, value: unknown, format: DocumentFormat, text: string): Promise<SchemaChoice> {
  const choice = await ownOrCatalogSchemas(env, file, value, format);
  // On a pull request, the schema an existing file's own `$schema` named in the base still applies
  // when the change dropped the key or named a schema the base does not hold (base-readings.ts).
  const kept = await env.ownSchemaKept(file, format, text, ownSchemaPaths(choice), (root) => ownSchemaPaths(env.mapper.for(file, root)));
  if (kept.length === 0) return choice;
  return { ...choice, schemas: [...choice.schemas, ...kept.map((path) => ({ path, from: "$schema" as const }))] };
}

/** The schema files a choice takes from the file's own `$schema`. */
function ownSchemaPaths(choice: SchemaChoice): string[] {
  return choice.schemas.filter((s) => s.from === "$schema").map((s) => s.path);
}

/** The schemas of `file` by the config, its own `$schema` or the catalog (see schemasOf). */
async function ownOrCatalogSchemas(env: FileEnv, file: string, value: unknown, format: DocumentFormat): Promise<SchemaChoice> {
  const own = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>).$schema : undefined;
  if (typeof own !== "string" || own === "") return env.pathSchemas(file);
  const choice = withTwinMapping(env, file, env.mapper.for(file, value));
  // A `$schema` of the file's own replaces the catalog entry its name selects: on a pull request,
  // only as the base's version did without that entry too; otherwise the entry applies as well.
  const lost = env.pathSchemas(file).schemas.filter((s) => catalogOf(s) !== undefined && !choice.schemas.some((c) => c.path === s.path));
  if (lost.length === 0) return choice;
  // The base's version did without the entry too (a `$schema` of its own, maybe another one): agreed.
  const baseWithout = (root: unknown) => !lost.some((s) => env.mapper.for(file, root).schemas.some((c) => c.path === s.path));
  const reading = `against its own $schema ${JSON.stringify(own)} only, instead of ${lost.map((s) => catalogOf(s)!.label).join(", ")} as well`;
  if (!(await env.ownSchemaAgreed(file, format, baseWithout, reading))) return { ...choice, schemas: [...lost, ...choice.schemas] };
  return choice;
}

/** `choice` and what the config maps the base's spelling of `file` to, when it is one of its case twins (case-twins.ts): its own `$schema` does not stand in for that. */
function withTwinMapping(env: FileEnv, file: string, choice: SchemaChoice): SchemaChoice {
  const twin = env.twins.get(file);
  if (twin === undefined) return choice;
  const more = env.mapper
    .for(twin, undefined)
    .schemas.filter((s) => catalogOf(s) === undefined && !choice.schemas.some((c) => c.path === s.path));
  return more.length === 0 ? choice : { ...choice, schemas: [...choice.schemas, ...more] };
}

/** Whether a schema that covers `file` declares that its document may be null (empty-document.ts: declaresNull). */
async function schemaDeclaresNull(env: FileEnv, file: string): Promise<boolean> {
  for (const ref of env.pathSchemas(file).schemas) {
    // A schema that cannot be read or parsed has its own finding; it declares nothing here.
    const root = await env.store.rootOf(ref.path).catch(() => undefined);
    if (declaresNull(root)) return true;
  }
  return false;
}

/** Whether the team says `file` has a shape: a schema of validate.schemas maps it, or validate.require_schema covers it (not a built-in catalog entry). */
function teamSchema(env: FileEnv, file: string): boolean {
  return env.requireSchema(file) || env.pathSchemas(file).schemas.some((ref) => typeof ref.from === "object" && "config" in ref.from);
}

/** Whether HEAD holds a regular file at `file` (false on an unborn branch). Asked only for links that loop. */
async function headHoldsFile(git: Git, file: string): Promise<boolean> {
  if ((await git.tryRevParse("HEAD")) === undefined) return false;
  const [e] = await git.lsTreeAt("HEAD", [file]);
  return e !== undefined && (e.mode === "100644" || e.mode === "100755");
}

/** A read error as a finding; symlinks are skipped (never followed out of the repository). */
function unreadable(file: string, content: ReadResult): Finding | "skip" | undefined {
  if (Buffer.isBuffer(content)) return undefined;
  if (content.code === "ELOOP") return "skip";
  if (content.code === OUTSIDE) {
    // Reported by the link's name, never read (issue 14, item 6).
    return {
      rule: "path/symlink-outside",
      level: "error",
      file,
      message: content.error,
      fix: `replace ${content.link ?? file} with the file itself, or remove it`,
    };
  }
  if (content.code === "ENOTREG") {
    // git cannot store a FIFO, socket or device: nothing to corrupt, but never a silent pass.
    return {
      rule: "parse/not-a-file",
      level: "warning",
      file,
      message: `${file} ${content.error}: it was not read or checked`,
      fix: "remove it or rename it so it does not look like a data file, or list it in validate.exclude",
    };
  }
  return {
    rule: "parse/unreadable",
    level: "error",
    file,
    message: `${file} cannot be read: ${content.error}`,
    fix:
      content.code === "EISDIR"
        ? "it is a directory, not a file; rename it or exclude it in validate.exclude"
        : content.code === "EMISSINGOBJ"
          ? "run git fsck; restore the object from a clone or a snapshot"
          : content.code === "ESYMLINKLOOP"
            ? "make the link lead to the file itself (or replace it with the file), breaking the loop"
            : "check the file's permissions (chmod u+r) and that it is a regular file",
  };
}

/** Parser options for one YAML file; empty (defaults: merge keys on, unknown tags warn) unless the config says otherwise. */
function yamlOptions(file: string, cfg: ValidateConfig): YamlReadOptions {
  const out: YamlReadOptions = {};
  // merge_keys (now redundant: merge keys are on by default) still wins over forbid_merge_keys for its files.
  if (matcher(cfg.yaml?.forbid_merge_keys)(file) && !matcher(cfg.yaml?.merge_keys)(file)) out.mergeKeys = false;
  const tags = (cfg.yaml?.custom_tags ?? []).filter((t) => matcher(t.files)(file)).flatMap((t) => t.tags);
  if (tags.length) out.customTags = [...new Set(tags)];
  if (cfg.yaml?.unknown_tags === "error") out.unknownTags = "error";
  return out;
}

/**
 * A JSON file read as YAML because its reader is a YAML one (a CWL job order, a vcrpy cassette):
 * with the config's YAML options (`unknown_tags`, `custom_tags`, `forbid_merge_keys`) and a YAML
 * dialect its content names (Compose's `!reset` dropping a key) only as the base agrees, as for
 * a YAML file. A pull request wrote `services:` into a mapped job order and a `!reset` value
 * vanished from its schema's view.
 */
async function agreedYamlReading(text: string, file: string, options: YamlReadOptions, env: FileEnv): Promise<ParsedDocument> {
  const doc = parseDocument(text, { path: file, format: "yaml", ...options });
  const refused: string[] = [];
  for (const id of doc.dialectsUsed ?? []) if (!(await env.contentAgreed(file, dialectReading(id)))) refused.push(id);
  return refused.length === 0 ? doc : parseDocument(text, { path: file, format: "yaml", ...options, refusedDialects: refused });
}

/** YAML errors of a text YAML could still read (no syntax, encoding or depth error): refusals of what it holds. */
function yamlReadTheText(doc: ParsedDocument): boolean {
  return doc.findings.every((f) => f.level !== "error" || !UNREADABLE_YAML.has(f.rule));
}
const UNREADABLE_YAML = new Set(["parse/syntax", "parse/encoding", "parse/too-deep", "parse/empty"]);

/**
 * The reading a YAML dialect gives a file its path or content names (core/parse/yaml-dialects.ts):
 * its tags accepted, CloudFormation's short forms read as long forms, Compose's `!reset` keys and
 * items dropped before the schema sees them. A pull request that wrote `services:` at the top of
 * a schema-mapped file had `audit: !reset "yes"` vanish from its schema's view.
 */
function dialectReading(id: string): ContentReading {
  const name = YAML_DIALECTS.find((d) => d.id === id)?.name ?? id;
  return {
    reading: `as ${name} reads it (its YAML tags${id === "compose" ? ", `!reset` keys dropped" : ""})`,
    asks: (text, file) => detectDialects(file, text).some((d) => d.id === id),
  };
}

/** The reading of a GitHub pull request template: Markdown text, not data (pull-request-template.ts). */
function prTemplateReading(file: string): ContentReading {
  return {
    reading: "as a GitHub pull request template (Markdown text, no Gitea form keys)",
    asks: (text) => isMarkdownPullRequestTemplate(file, text),
  };
}

/**
 * The reading of a name checked only when its content is in the format (skipsUnlessItsFormat): a
 * `#` line in a renv.lock, a yarn.lock without `__metadata`. Written into a file the base reads,
 * such a line had the whole file left unread, a trailing comma included.
 */
function leftUnread(file: string): ContentReading {
  return {
    reading: `as left unread (${wellKnownOf(file)?.reader ?? "its reader"}: a content not in that format)`,
    asks: (text) => skipsUnlessItsFormat(file, Buffer.from(text)),
  };
}

/**
 * What a YAML template's placeholders cannot explain (template-residue.ts), read with the
 * dialects of the file's first parse refused (`yaml`), and any other dialect whose tags the
 * masked text's parse accepted asked of the base too. Read with the file's plain options, a
 * template the base holds had a CloudFormation marker written into it silence
 * `unknown_tags: error` for every tag of that dialect, the marker refused everywhere else.
 */
async function agreedResidue(text: string, file: string, yaml: YamlReadOptions, env: FileEnv): Promise<Finding[] | "template"> {
  const used: string[] = [];
  let residue = templateResidue(text, file, yaml, used);
  const refused = [...(yaml.refusedDialects ?? [])];
  for (const id of used) if (!refused.includes(id) && !(await env.contentAgreed(file, dialectReading(id)))) refused.push(id);
  if (refused.length > (yaml.refusedDialects ?? []).length) residue = templateResidue(text, file, { ...yaml, refusedDialects: refused });
  return residue.length > 0 ? residue : "template";
}

/** A file's bytes, handed over to validateFile, which lets go of them once they are decoded. */
interface HeldBytes {
  bytes: Buffer | undefined;
}

/** The file's findings, or "template" when it does not parse because it is a template (skipped with a notice). */
async function validateFile(file: string, held: HeldBytes, format: DocumentFormat, env: FileEnv): Promise<Finding[] | "template"> {
  const { cfg, store, requireSchema } = env;
  if (format === "yaml") await loadYamlSupport(); // only commits that touch YAML pay for the parser
  // Decode, then drop the bytes before parsing: the buffer, the text and the parsed value of a
  // big file are never all alive at once (issue 14: memory under 4x the largest file).
  const decoded = decodeDocument(held.bytes!, file);
  // An ARM deployment file (known by content: the base must agree) or a .NET appsettings file (by
  // name) in UTF-16 with a BOM: their readers take it (core/select/arm-encoding.ts).
  const utf16 = typeof decoded !== "string" && decoded.found === "UTF-16" ? readableUtf16(held.bytes!, file) : undefined;
  releaseBytes(held.bytes!);
  held.bytes = undefined;
  if (typeof decoded !== "string" && (!utf16 || (utf16.byContent && !(await env.contentAgreed(file, ARM_BOM_READING))))) return [decoded]; // not UTF-8 text: corrupt whatever the format, never a template
  const text = utf16?.text ?? (decoded as string);
  const reading = wellKnownReading(file, format);
  // JSON Lines keeps each record's value only when a schema is to check it (a big dataset is not held twice).
  const records = isJsonLinesName(file) ? { keepValues: requireSchema(file) || env.pathSchemas(file).schemas.length > 0 } : undefined;
  let yaml = format === "yaml" ? yamlOptions(file, cfg) : undefined;
  let parsed = firstParse(text, file, format, yaml, reading?.json, records);
  // An ARM template, a Hugging Face config...: on a pull request, only as the base's version asks for it too.
  const contentReadings = !parsed.byContent || (await env.contentAgreed(file, parsed.byContent));
  if (!contentReadings) parsed = firstParse(text, file, format, yaml, reading?.json, records, false);
  // A YAML dialect known by the file's content or name changed the reading (its tags accepted, a
  // Compose `!reset` key dropped before the schema saw it): on a pull request, only as the base's
  // version of the file, or for a new mapped file a peer of its mapping, is of that dialect too.
  const refused: string[] = [];
  for (const id of parsed.doc.dialectsUsed ?? []) if (!(await env.contentAgreed(file, dialectReading(id)))) refused.push(id);
  if (refused.length > 0) {
    yaml = { ...yaml, refusedDialects: refused };
    parsed = firstParse(text, file, format, yaml, reading?.json, records, contentReadings);
  }
  let { doc } = parsed;
  format = parsed.format;
  // A name read by a reader of its own (core/select/well-known-names.ts): a BOM it does not skip,
  // or the JSONC reading of a YAML reader that strips comments first (.eslintrc).
  // Not for a JSON Schema under the name (SchemaStore's appsettings.json schema), when the base agrees.
  const schemaDocument =
    reading?.exceptSchemaDocument === true &&
    doc.ok &&
    isJsonSchemaDocument(doc.documents[0]) &&
    (await env.contentAgreed(file, SCHEMA_DOCUMENT_READING));
  if (reading && !schemaDocument) ({ doc, format } = await reading.settle(doc, text, format));
  // The JSONC retry for a file a VS Code extension contributes as JSON with comments.
  if (parsed.jsoncCandidate && (await env.contributedJsonc(file))) {
    format = "jsonc";
    doc = parseDocument(text, { path: file, format });
  } else if (parsed.dialectCandidate) {
    // A browser extension's manifest or locale, an Expo app.json, a Bedrock pack's or SMAPI mod's file, a Heft
    // config or a config a tsconfig/Heft config extends (validate-inherited.ts): their
    // readers skip comments (and a BOM); some of them reject trailing commas (jsonc-by-content.ts).
    const dialect =
      (await env.contentDialect(file, text)) ?? (await env.packDialect(file, text)) ?? (await env.inheritedDialect(file, text));
    if (dialect?.yaml) {
      // A YAML reader of JSON (cwltool's job orders): YAML 1.2 decides; when it cannot read the
      // text either (a syntax error), the strict JSON finding stands (its position and message are
      // the clearer ones). ruamel.yaml refuses a plain flow key over two lines (a `//` comment
      // before a key). When YAML reads the text but refuses what it holds (a tag under
      // `unknown_tags: error`, a repeated key), that is what the reader saw: its findings stand.
      await loadYamlSupport(); // a run of JSON files only has not loaded the YAML parser
      const asYaml = await agreedYamlReading(text, file, yamlOptions(file, cfg), env);
      if (asYaml.ok ? (await multiLineFlowKey(text)) === undefined : yamlReadTheText(asYaml)) {
        doc = asYaml;
        format = "yaml";
      }
    } else if (dialect) {
      doc = parseDocument(text, { path: file, ...dialectParseOptions(dialect) });
      format = doc.format; // JSONC, or JSON with trailing commas (Godot)
      // A JSON5 reader (Expo's app.json): what the JSONC parse refuses, the json5 package decides.
      if (dialect.json5) doc = await json5Reading(doc, text, file, dialect.reader);
    } else if (format === "json" && onlyLeadingBom(doc.findings)) {
      // JSON of a .NET project, read by .NET's text readers, which drop a BOM: a warning naming the project.
      const project = await env.dotnetProject(file);
      if (project !== undefined)
        doc = parseDocument(text, { path: file, format, ...reading?.json, bomSkippedBy: dotnetBomReader(project) });
    }
  }
  // A file a Home Assistant configuration.yaml includes, whose only unknown tags are Home
  // Assistant's (`!secret` in an included recorder.yaml): read with that dialect (home-assistant-includes.ts).
  if (format === "yaml" && onlyHomeAssistantTagsUnknown(doc.findings) && (await env.homeAssistantIncluded(file)))
    doc = parseDocument(text, { path: file, format: "yaml", ...yaml, extraDialects: ["home-assistant"] });
  // A file of an OpenRA mod is MiniYaml, which YAML cannot read (tabs): the engine's own rules decide
  // (core/parse/miniyaml.ts). Only where YAML had something to say; an encoding error or a conflict marker stands.
  if (format === "yaml" && doc.findings.length > 0 && !corruptWhateverTheFormat(doc) && (await env.miniYamlMod(file)))
    return miniYamlFindings(text, file, isModManifestPath(file));
  if (
    templateSuspect(doc) &&
    env.templates.detectsContent(file) &&
    isTemplateByContent(doc, text, format) &&
    (await env.templateAgreed(file, format))
  ) {
    return format === "yaml" ? agreedResidue(text, file, yaml ?? yamlOptions(file, cfg), env) : "template";
  }
  const findings = [...doc.findings];
  if (utf16) findings.unshift(utf16.warning);
  if (!doc.ok) return emptyTakenByReader(findings); // an empty file its reader writes and takes (Unity's) is a warning
  if (records && doc.documents.length === 0) return findings; // no records (a warning said so), or none kept: no schema to run
  const choice = await schemasOf(env, file, doc.documents[0], format, text);
  if (choice.outside !== undefined) {
    // Never read; a file that must have a schema gets schema/missing below when nothing else applies.
    findings.push({
      rule: "schema/unavailable",
      level: "warning",
      file,
      ...at(doc, "/$schema"),
      pointer: "/$schema",
      message: `$schema ${JSON.stringify(choice.outside)} points outside the repository; it was not used`,
      fix: "point $schema at a schema file inside the repository (a path relative to this file), or map one in validate.schemas",
    });
  }
  if (choice.schemas.length === 0) {
    if (requireSchema(file)) findings.push(schemaMissing(file, choice.remote));
    return foldEmptyIntoSchema(findings); // an empty config its reader refuses (.yamllint) is an error without a schema too
  }
  // Schema errors beyond the per-file cap are counted, not located (run-checks.ts caps the rest).
  let budget = cfg.max_findings_per_file ?? DEFAULT_MAX_FINDINGS_PER_FILE;
  for (const ref of choice.schemas) {
    const otherKind = catalogOf(ref) && notThisKind(file, catalogOf(ref)!, doc.documents, text);
    // Another kind of file by its content: on a pull request, only as the base's version is too.
    if (otherKind && (await env.kindAgreed(file, catalogOf(ref)!, format))) {
      findings.push(otherKind);
      continue;
    }
    if (catalogOf(ref)?.catalog === "built-in" && commentOnlyAccepted(catalogOf(ref)!.id, text, doc.documents)) continue;
    let validate;
    try {
      validate = await store.get(ref.path);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      if (catalogOf(ref)) {
        findings.push(catalogSchemaUnavailable(file, catalogOf(ref)!, error));
        continue;
      }
      if (ref.from !== "$schema") throw await dependencyMappingError(ref.path, error, env.schemaSource);
      // The file's own $schema is part of the file: a broken one is this file's finding, not a failed run.
      findings.push({
        ...(await ownSchemaUnavailable(file, ref, choice.schemas, error, env)),
        ...at(doc, "/$schema"),
        pointer: "/$schema",
      });
      continue;
    }
    const entry = catalogOf(ref);
    const formatAnnotation = formatAnnotationOf(file, ref);
    const out = schemaStep(validate, doc, {
      file,
      label: entry?.label ?? ref.path,
      describeKeys: entry !== undefined,
      budget,
      ...(formatAnnotation ? { formatAnnotation } : {}),
      ...(env.sopsRefused.has(file) ? { sops: false } : {}),
      ...(entry?.catalog === "built-in" ? { builtinId: entry.id } : {}),
    });
    budget = out.budget;
    for (const f of out.findings) findings.push(entry ? atCatalogLevel(f, entry) : f);
  }
  return foldEmptyIntoSchema(findings);
}

/**
 * The config file itself, when these are the very bytes the CLI loaded as the config (same
 * SHA-256): they were parsed as YAML with default options and accepted by the config schema, so
 * a second parse here could only repeat the warnings kept from the first. Only when nothing else
 * applies to the file (no schema mapping, no require_schema, no YAML options); otherwise undefined
 * and the file is validated as any other.
 */
function alreadyParsedConfig(
  ctx: CheckContext,
  file: string,
  content: Buffer,
  format: DocumentFormat,
  cfg: ValidateConfig,
  mapper: SchemaMapper,
  requireSchema: (p: string) => boolean,
): Finding[] | undefined {
  const known = ctx.configParsed;
  if (!known || file !== ctx.configPath || format !== "yaml") return undefined;
  if (requireSchema(file) || Object.keys(yamlOptions(file, cfg)).length > 0 || mapper.for(file, undefined).schemas.length > 0)
    return undefined;
  if (createHash("sha256").update(content).digest("hex") !== known.sha256) return undefined;
  return known.findings;
}

function at(doc: ParsedDocument, pointer: string): { line?: number; column?: number } {
  const pos = doc.locateKey(pointer) ?? doc.locate(pointer);
  return pos ? { line: pos.line, column: pos.column } : {};
}

/**
 * A mapping with an unusable schema path is a config error in every run (it must never switch
 * validation off silently). In a full run, a missing or broken schema fails the run even when
 * no file matches its globs yet.
 */
async function checkMappedSchemas(cfg: ValidateConfig, store: SchemaStore, load: boolean, schemaSource: FileSource): Promise<void> {
  for (const m of cfg.schemas ?? []) {
    const p = normalizeRepoPath(m.schema);
    if (p === undefined) {
      throw new ConfigError(`validate.schemas: schema path ${JSON.stringify(m.schema)} is absolute or leaves the repository`, {
        fix: "use a path relative to the repository root, e.g. schemas/meeting.schema.json",
      });
    }
    if (load) {
      try {
        await store.get(p);
      } catch (error) {
        throw error instanceof ConfigError ? await dependencyMappingError(p, error, schemaSource) : error;
      }
    }
  }
}
