/**
 * Which JSON Schema applies to a file a program writes: the one given, or the one the repo's
 * .integrity-guard/config.yml maps to it (validate.schemas), found by walking up from the file.
 * Compiled by the same compiler and on-disk cache as the CLI, the hook and the Action
 * (src/io/schema-cache.ts), so a schema means the same everywhere (drafts, formats, local
 * `$ref`s). Validators are memoised per schema file (by path and mtime) for the process's life.
 *
 * A sparse checkout whose cone leaves `.integrity-guard/` or a mapped schema out of the work tree:
 * the index's copy is the config (or the schema), as for the CLI and the hook (config/load.ts,
 * io/skip-worktree.ts). Without it a program's writes went unvalidated there, silently. git is
 * asked only when the config file is absent beside a `.git`, once per repository and process,
 * then again only when the index file changes.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.js";
import { validateConfigText } from "../config/validate-text.js";
import { CONFIG_PATH, type Config } from "../config/types.js";
import { matches } from "../core/glob.js";
import type { Validator } from "../core/schema/compile.js";
import { draftOf, idKeyword } from "../core/schema/draft.js";
import { readFilesUnder, type FileSource } from "../io/file-source.js";
import { Git } from "../io/git.js";
import { readRegularFileSync } from "../io/read-regular.js";
import { SchemaStore } from "../io/schema-cache.js";
import { FROM_INDEX, skippedBlobAt, WithSkippedBlobs } from "../io/skip-worktree.js";
import { outsideLink, outsideMessage } from "../io/symlink-outside.js";
import type { SchemaOption } from "./schema-option.js";

/** A schema's validator and the schema's path, for messages. */
export interface ResolvedValidator {
  validate: Validator;
  schemaPath: string;
}

const compiled = new Map<string, { stamp: string; validator: Promise<Validator> }>();
const configs = new Map<string, { mtimeMs: number; config: Config } | null>();

/** Per repository root: its Git (null: git does not open it), and the config last read from its index with the index's stamp. */
const repos = new Map<string, { git: Git | null; index?: { stamp: string; config: Config | undefined } }>();

/** Find the repository root above `file`: the nearest folder with .integrity-guard/ or .git. */
function findRoot(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (fs.existsSync(path.join(dir, ".integrity-guard")) || fs.existsSync(path.join(dir, ".git"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

async function configFor(root: string): Promise<{ config: Config; git?: Git } | undefined> {
  const p = path.join(root, CONFIG_PATH);
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return indexConfigFor(root);
  }
  const hit = configs.get(p);
  if (hit && hit.mtimeMs === st.mtimeMs) return { config: hit.config };
  refuseOutsideLink(root, CONFIG_PATH, "config");
  const config = parseConfig(readRegularFileSync(p), p);
  configs.set(p, { mtimeMs: st.mtimeMs, config });
  return { config };
}

function parseConfig(text: Buffer, where: string): Config {
  const { config, findings } = validateConfigText(text, CONFIG_PATH);
  if (!config) {
    const first = findings[0];
    throw new ConfigError(`invalid config ${where}${first ? `:${first.line ?? 1}:${first.column ?? 1}: ${first.message}` : ""}`, {
      fix: "run `integrity-guard check` in the repository for every problem",
    });
  }
  return config;
}

/** The repository's Git, opened once per process; undefined where there is no `.git` or git refuses it. */
async function gitFor(root: string): Promise<Git | undefined> {
  let repo = repos.get(root);
  if (!repo) {
    if (!fs.existsSync(path.join(root, ".git"))) return undefined;
    repo = { git: await Git.open(root).catch(() => null) };
    repos.set(root, repo);
  }
  return repo.git ?? undefined;
}

/** What identifies a version of a file git replaces by rename (the index): undefined when it is absent. */
function fileStamp(file: string): string | undefined {
  const st = fs.statSync(file, { throwIfNoEntry: false, bigint: true });
  return st ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : undefined;
}

/**
 * The config a sparse checkout left out of the work tree (skip-worktree bit, absent on disk),
 * read from its index blob; undefined when the index holds none so (a config deleted for real
 * means no mapping, as in the CLI).
 */
async function indexConfigFor(root: string): Promise<{ config: Config; git?: Git } | undefined> {
  const git = await gitFor(root);
  if (!git) return undefined;
  const repo = repos.get(root)!;
  const stamp = fileStamp(git.indexFile());
  if (stamp === undefined) return undefined;
  if (repo.index?.stamp !== stamp) {
    const blob = await skippedBlobAt(git, CONFIG_PATH);
    repo.index = { stamp, config: blob ? parseConfig(blob, `${path.join(root, CONFIG_PATH)} (${FROM_INDEX})`) : undefined };
  }
  return repo.index.config ? { config: repo.index.config, git } : undefined;
}

/**
 * The validator for `file`, or undefined when no schema applies.
 * `schema`: a schema object, a schema file path (relative to the cwd), false (never validate),
 * or undefined (use the repo config's mapping).
 */
export async function validatorFor(file: string, schema: SchemaOption): Promise<ResolvedValidator | undefined> {
  if (schema === false) return undefined;
  if (schema && typeof schema === "object") {
    const key = "inline:" + JSON.stringify(schema);
    let hit = compiled.get(key);
    if (!hit) {
      hit = { stamp: "", validator: compileInline(schema) };
      compiled.set(key, hit);
    }
    return { validate: await hit.validator, schemaPath: "(inline schema)" };
  }
  let schemaFile: string | undefined;
  /** Set for a schema mapped in a repository whose sparse checkout may leave it out of the work tree. */
  let sparse: { git: Git; rel: string } | undefined;
  if (typeof schema === "string") {
    schemaFile = path.resolve(schema);
  } else {
    const root = findRoot(file);
    const found = root ? await configFor(root) : undefined;
    if (!root || !found) return undefined;
    const rel = path.relative(root, path.resolve(file)).split(path.sep).join("/");
    const mapping = found.config.validate?.schemas?.find((m) => matches(m.files, rel));
    if (!mapping) return undefined;
    schemaFile = path.resolve(root, mapping.schema);
    const schemaRel = path.relative(root, schemaFile);
    if (!schemaRel.startsWith("..") && !path.isAbsolute(schemaRel)) {
      refuseOutsideLink(root, schemaRel.split(path.sep).join("/"), "schema");
      const git = found.git ?? (fs.existsSync(schemaFile) ? undefined : await gitFor(root));
      if (git) sparse = { git, rel: schemaRel.split(path.sep).join("/") };
    }
  }
  let stamp: string | undefined;
  let schemaPath = schemaFile;
  try {
    stamp = String(fs.statSync(schemaFile).mtimeMs);
  } catch {
    // Left out by a sparse checkout: the index's copy, while the index is the same file.
    const indexStamp = sparse ? fileStamp(sparse.git.indexFile()) : undefined;
    if (sparse && indexStamp !== undefined && (await skippedBlobAt(sparse.git, sparse.rel))) {
      stamp = `index:${indexStamp}`;
      schemaPath = `${schemaFile} (${FROM_INDEX})`;
    }
    if (stamp === undefined)
      throw new ConfigError(`schema ${schemaFile} does not exist`, {
        fix: "check the schema path (option `schema`, or validate.schemas in .integrity-guard/config.yml)",
      });
  }
  let hit = compiled.get(schemaFile);
  if (!hit || hit.stamp !== stamp) {
    hit = { stamp, validator: compileFile(schemaFile, sparse?.git) };
    compiled.set(schemaFile, hit);
  }
  try {
    return { validate: await hit.validator, schemaPath };
  } catch (error) {
    compiled.delete(schemaFile); // a schema fixed in place compiles on the next call
    throw error;
  }
}

/** The repository's config and mapped schemas are never read through a symlink out of it (their content would reach error messages). */
function refuseOutsideLink(root: string, rel: string, what: string): void {
  const link = outsideLink(root, rel);
  if (link === undefined) return;
  const { message, fix } = outsideMessage(rel, link, what);
  throw new ConfigError(message, { fix });
}

/**
 * A schema file through the CLI's SchemaStore: read from its repository (or its folder), `$ref`s
 * and all; with `git`, what a sparse checkout left out of the work tree is read from the index.
 */
function compileFile(schemaFile: string, git?: Git): Promise<Validator> {
  let root = findRoot(schemaFile) ?? path.dirname(schemaFile);
  let rel = path.relative(root, schemaFile);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    root = path.dirname(schemaFile);
    rel = path.basename(schemaFile);
  }
  const gitDir = path.join(root, ".git");
  const cacheDir = fs.statSync(gitDir, { throwIfNoEntry: false })?.isDirectory()
    ? path.join(gitDir, "integrity-guard/schema-cache")
    : undefined;
  const worktree: FileSource = {
    kind: "worktree",
    list: () => Promise.resolve([]),
    read: (paths) => Promise.resolve(readFilesUnder(root, paths)),
  };
  const store = new SchemaStore({
    source: git && sameFolder(git.root, root) ? new WithSkippedBlobs(worktree, git) : worktree,
    ...(cacheDir ? { cacheDir } : {}),
  });
  return store.get(rel.split(path.sep).join("/"));
}

/** Whether two paths name one folder (git prints the top level with symlinks resolved; ours may go through one). */
function sameFolder(a: string, b: string): boolean {
  try {
    return fs.realpathSync.native(a) === fs.realpathSync.native(b);
  } catch {
    return false;
  }
}

/** A schema given as an object: the same compiler, with a URI of its own. */
async function compileInline(schema: Record<string, unknown>): Promise<Validator> {
  const draft = draftOf(schema);
  if (typeof draft === "object") {
    throw new ConfigError(`the inline schema declares $schema ${draft.unknown}, which is not a JSON Schema draft integrity-guard knows`, {
      fix: "use https://json-schema.org/draft/2020-12/schema or http://json-schema.org/draft-07/schema# (2019-09, draft-06 and draft-04 are read too)",
    });
  }
  const uri = `integrity-guard:inline/${createHash("sha256").update(JSON.stringify(schema)).digest("hex")}`;
  const { SchemaCompiler } = await import("../core/schema/compile.js");
  const result = await new SchemaCompiler().compile(
    { path: "(inline schema)", uri, schema: { ...schema, [idKeyword(draft)]: uri }, draft },
    [],
  );
  if (!result.ok) {
    throw new ConfigError(`schema (inline schema) does not compile: ${result.error}`, {
      fix: "fix the schema so that it is a valid JSON Schema",
    });
  }
  return result.validate;
}
